"""``loa build``: build the site into a new folder and swap it in only when everything succeeded.

MkDocs alone empties ``site/`` before building, so a failed or killed build leaves no site at all. Here the
previous site stays in place until the new one is complete and checked, and only a folder Loa made itself is
ever replaced (`loa.core.outputs.releases`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any, ClassVar

from loa.cli.project import read_plugin_options
from loa.core.base.dates import vietnamese_datetime
from loa.core.outputs.releases import (
    OutputRefused,
    check_output_folder,
    discard_release,
    lock_path,
    new_release,
    output_path,
    publish_release,
    write_error_reason,
)
from loa.core.outputs.serving import restrict_edition
from loa.core.selection.publication import (
    TARGETS,
    configured_site_dir,
    edition_site_problem,
    parse_build_time,
)

__all__ = [
    "add_build_arguments",
    "build_site",
    "build_time",
    "os_error_message",
    "register",
    "source_folders",
]


def add_build_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options every building command takes: the configuration file and the build time."""
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="tệp mkdocs.yml")
    parser.add_argument(
        "--at",
        metavar="THỜI_ĐIỂM",
        help="dựng như tại thời điểm này, ví dụ 2022-01-10T08:00:00+07:00 (mặc định: bây giờ)",
    )


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
    parser.add_argument(
        "-d", "--site-dir", type=Path, help="thư mục đích (mặc định: site_dir trong mkdocs.yml)"
    )
    parser.add_argument(
        "--target",
        choices=[t for t in TARGETS if t != "preview"],
        default="public",
        help="public: trang công khai; internal: bản nội bộ, mặc định ghi vào site-internal/ (mặc định: public)",
    )
    parser.add_argument(
        "--preview",
        action="store_true",
        help="bản xem trước cho biên tập viên: có cả văn bản chưa đăng, đóng dấu BẢN XEM TRƯỚC; "
        "mặc định ghi vào site-preview/",
    )
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
    if target != "public":  # never the public site folder (see edition_site_problem)
        site_dir = site_dir or args.config_file.resolve().parent / f"site-{target}"
    return build_site(
        args.config_file, site_dir=site_dir, at=at.isoformat(), target=target, strict=args.strict
    )


def build_site(config_file: Path, *, site_dir: Path | None, at: str, target: str, strict: bool = True) -> int:
    """Build into a new release folder, then put it in place of ``site_dir`` at once (`loa.core.outputs.releases`).

    Returns:
        0 on success, 1 if the build failed or the output folder was refused (the previous site is untouched).
    """
    found = read_plugin_options(config_file)
    if found is None:
        return 1
    config, options = found
    root = config_file.resolve().parent
    final = output_path(site_dir or root / config.get("site_dir", "site"))
    problem = edition_site_problem(target, final, configured_site_dir(config_file))
    if problem:
        print(f"LỖI: {problem}", file=sys.stderr)
        return 1
    try:
        check_output_folder(final, project=root, sources=source_folders(root, config, options))
    except OutputRefused as refusal:
        print(refusal, file=sys.stderr)
        return 1
    # Whatever the umask, the site is readable by the web server's own user: folders 0755, files 0644.
    umask = os.umask(0o022)
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        # Never through a link, never truncated, never a FIFO that would block: `check_output_folder` vetted it.
        descriptor = os.open(
            lock_path(final), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK, 0o644
        )
        with os.fdopen(descriptor, "r+b") as lock:  # held across the whole build below
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                print(
                    f"Đang có một lần dựng khác ghi vào {final}; hãy chờ xong rồi chạy lại.", file=sys.stderr
                )
                return 1
            return _build_locked(config_file, final, at=at, target=target, strict=strict)
    except OSError as error:
        print(f"LỖI: {os_error_message(error)}. Trang cũ ở {final} vẫn giữ nguyên.", file=sys.stderr)
        return 1
    finally:
        os.umask(umask)


EDITION_NAMES = {"public": "công khai", "internal": "nội bộ", "preview": "xem trước"}
"""The editions as an editor names them."""


def source_folders(root: Path, config: dict[str, Any], options: dict[str, Any]) -> list[Path]:
    """The folders a build reads (and must never write): content, plans, data, theme, git, cache."""
    theme = config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    named = [
        config.get("docs_dir", "docs"),
        options.get("content_dir", "content"),
        options.get("plans_dir", "plans"),
        options.get("data_dir", "data"),
        custom,
        "content",
        "plans",
        "data",
        "theme",
        ".git",
        ".cache",
    ]
    return [root / str(name) for name in dict.fromkeys(named) if name]


def os_error_message(error: OSError, folder: Path | None = None) -> str:
    """What a failed write means, in Vietnamese, with the path (or the ``folder`` being written)."""
    reason = write_error_reason(error)
    where = f" vào {folder}" if folder else f" {error.filename}" if error.filename else ""
    return f"không ghi được{where}: {reason}"


def _build_locked(config_file: Path, final: Path, *, at: str, target: str, strict: bool) -> int:
    release = new_release(final)  # also removes what a killed build left behind: the lock proves none runs
    os.environ["LOA_BUILD_TIME"] = at
    os.environ["LOA_TARGET"] = target
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    handler = _install_log_handler()
    published = False
    try:
        if not _run_mkdocs(config_file, release, final, strict):
            print(f"Dựng trang thất bại; giữ nguyên trang cũ ở {final}.", file=sys.stderr)
            return 1
        restrict_edition(release, target)
        publish_release(release, final, edition=target)
        published = True
    finally:
        _host_logger().removeHandler(handler)
        if not published:
            discard_release(release)
    moment = vietnamese_datetime(dt.datetime.fromisoformat(at))
    print(f"Đã dựng trang vào {final} (bản {EDITION_NAMES[target]}, tính đến {moment}).", file=sys.stderr)
    return 0


def _run_mkdocs(config_file: Path, staging: Path, final: Path, strict: bool) -> bool:
    from loa.plugin.host import MkDocsException, build, load_config

    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=strict)
        build(config)
    except MkDocsException as error:
        message = _mkdocs_abort(str(error))
        if message:
            print(f"LỖI: {message}", file=sys.stderr)
        return False
    except OSError as error:
        print(f"LỖI: {os_error_message(error, final)}", file=sys.stderr)
        return False
    return True


class _Handler(logging.Handler):
    """Prints MkDocs' log records as editors read them."""

    LABELS: ClassVar[dict[int, str]] = {logging.ERROR: "LỖI", logging.WARNING: "CẢNH BÁO"}

    def emit(self, record: logging.LogRecord) -> None:
        label = self.LABELS.get(record.levelno)
        message = _mkdocs_abort(record.getMessage())
        if (label or record.levelno >= logging.ERROR) and message:
            print(f"{label or 'LỖI'}: {message}", file=sys.stderr)


_STRICT_ABORT = re.compile(r"Aborted with (\d+) warnings? in strict mode!")


def _mkdocs_abort(message: str) -> str:
    """MkDocs' own closing line of a failed build, in Vietnamese; empty when the reasons were already printed."""
    if message in ("Aborted with a BuildError!", "Aborted with a configuration error!"):
        return ""
    strict = _STRICT_ABORT.fullmatch(message)
    if strict:
        return (
            f"có {strict[1]} cảnh báo; bản dựng coi cảnh báo là lỗi (sửa các cảnh báo trên, hoặc dựng với "
            "--no-strict)"
        )
    return message


def _host_logger() -> logging.Logger:
    """MkDocs' root logger, or ProperDocs' when Loa runs on the fork (`loa.plugin.host`)."""
    from loa.plugin.host import LOGGER

    return logging.getLogger(LOGGER)


def _install_log_handler() -> logging.Handler:
    handler = _Handler(logging.WARNING)
    logger = _host_logger()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler
