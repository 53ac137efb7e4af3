"""``loa build``: build the site into a temporary directory and swap it in only when everything succeeded.

MkDocs alone empties ``site/`` before building, so a failed or killed build leaves no site at all. Here the
previous site stays in place until the new one is complete and checked.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, ClassVar

from loa.cli.project import read_plugin_options
from loa.core.publication import TARGETS, configured_site_dir, parse_build_time, preview_site_problem

__all__ = ["add_build_arguments", "build_site", "build_time", "register"]


def add_build_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options every building command takes: the configuration file and the build time."""
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="tệp mkdocs.yml")
    parser.add_argument("--at", metavar="THỜI_ĐIỂM",
                        help="dựng như tại thời điểm này, ví dụ 2022-01-10T08:00:00+07:00 (mặc định: bây giờ)")


def build_time(text: str | None) -> dt.datetime | None:
    """The build time ``--at`` names (now when absent), or None after telling the editor what is wrong."""
    try:
        return parse_build_time(text)
    except ValueError:
        print(f"Thời điểm '{text}' không hợp lệ; dùng dạng 2022-01-10T08:00:00+07:00", file=sys.stderr)
        return None


def register(commands: Any) -> None:
    """Add the ``build`` command."""
    parser = commands.add_parser("build", help="dựng trang web (thay thư mục site/ khi dựng xong, không lỗi)")
    add_build_arguments(parser)
    parser.add_argument("-d", "--site-dir", type=Path, help="thư mục đích (mặc định: site_dir trong mkdocs.yml)")
    parser.add_argument("--target", choices=[t for t in TARGETS if t != "preview"], default="public",
                        help="public: trang công khai; internal: bản nội bộ (mặc định: public)")
    parser.add_argument("--preview", action="store_true",
                        help="bản xem trước cho biên tập viên: có cả văn bản chưa đăng, đóng dấu BẢN XEM TRƯỚC; "
                             "mặc định ghi vào site-preview/")
    parser.add_argument("--no-strict", dest="strict", action="store_false", help="không coi cảnh báo là lỗi")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build, print problems in Vietnamese, and return the exit status."""
    at = build_time(args.at)
    if at is None:
        return 2
    target, site_dir = args.target, args.site_dir
    if args.preview:
        target = "preview"
        site_dir = site_dir or args.config_file.resolve().parent / "site-preview"
    return build_site(args.config_file, site_dir=site_dir, at=at.isoformat(), target=target, strict=args.strict)


def build_site(config_file: Path, *, site_dir: Path | None, at: str, target: str, strict: bool = True) -> int:
    """Build into a sibling temporary directory, then replace ``site_dir`` with it.

    Returns:
        0 on success, 1 if the build failed (the previous site is left untouched).
    """
    found = read_plugin_options(config_file)
    if found is None:
        return 1
    config, _ = found
    root = config_file.resolve().parent
    final = (site_dir or root / config.get("site_dir", "site")).resolve()
    problem = preview_site_problem(final, configured_site_dir(config_file)) if target == "preview" else None
    if problem:
        print(f"LỖI: {problem}", file=sys.stderr)
        return 1
    final.parent.mkdir(parents=True, exist_ok=True)
    lock = open(final.parent / f".{final.name}.lock", "w")  # noqa: SIM115 - held across the whole build below
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(f"Đang có một lần dựng khác ghi vào {final}; hãy chờ xong rồi chạy lại.", file=sys.stderr)
        lock.close()
        return 1
    with lock:
        return _build_locked(config_file, config, final, at=at, target=target, strict=strict)


def _build_locked(config_file: Path, config: dict[str, Any], final: Path, *, at: str, target: str,
                  strict: bool) -> int:
    # Whatever a killed build left behind can go: the lock proves no other build is running.
    for stale in final.parent.glob(f".{final.name}.building-*"):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in final.parent.glob(f".{final.name}.old-*"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.building-", dir=final.parent))
    os.environ["LOA_BUILD_TIME"] = at
    os.environ["LOA_TARGET"] = target
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    handler = _install_log_handler()
    try:
        if not _run_mkdocs(config_file, staging, strict):
            print(f"Dựng trang thất bại; giữ nguyên trang cũ ở {final}.", file=sys.stderr)
            return 1
        _swap(staging, final)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
        shutil.rmtree(staging, ignore_errors=True)
    print(f"Đã dựng trang vào {final} (thời điểm {at}, bản {target}).", file=sys.stderr)
    return 0


def _run_mkdocs(config_file: Path, staging: Path, strict: bool) -> bool:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=strict)
        build(config)
    except MkDocsException as error:
        message = str(error)
        if message:
            print(f"LỖI: {message}", file=sys.stderr)
        return False
    except OSError as error:
        print(f"LỖI: không ghi được tệp: {error}", file=sys.stderr)
        return False
    return True


def _swap(staging: Path, final: Path) -> None:
    """Put ``staging`` in place of ``final`` with two renames on the same file system."""
    retired = None
    if final.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=final.parent))
        retired.rmdir()
        final.rename(retired)
    staging.rename(final)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


class _Handler(logging.Handler):
    """Prints MkDocs' log records as editors read them."""

    LABELS: ClassVar[dict[int, str]] = {logging.ERROR: "LỖI", logging.WARNING: "CẢNH BÁO"}

    def emit(self, record: logging.LogRecord) -> None:
        label = self.LABELS.get(record.levelno)
        if label or record.levelno >= logging.ERROR:
            print(f"{label or 'LỖI'}: {record.getMessage()}", file=sys.stderr)


def _install_log_handler() -> logging.Handler:
    handler = _Handler(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler
