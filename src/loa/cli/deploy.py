"""``loa deploy``, ``loa rollback``, ``loa next-change``: from a commit to the web root, and back.

``loa deploy`` builds a clean checkout of a commit (from ``--repo``, a bare repository, or the project's own
repository) in ``WEB_ROOT/work/``, installs the result as a new release and switches ``WEB_ROOT/current`` to it
(`loa.core.outputs.deploy`). The build's cache lives in ``WEB_ROOT/cache/loa/`` and is moved into the work tree
for the build only (Loa refuses a cache reached through a link): the work tree's path never changes, so the
cache's signature stays valid. The key that signs it is kept in ``WEB_ROOT/cache/key/`` (``XDG_CACHE_HOME``, set
for the deploy only), the same for the hook and the timer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from loa.cli.build import build_site, build_time
from loa.cli.project import find_layout
from loa.core.loading.catalog import load_catalog
from loa.core.model.document import TIMEZONE
from loa.core.outputs.deploy import (
    DeployRefused,
    current_release,
    install_release,
    locked,
    next_release_name,
    previous_release,
    prune_releases,
    read_state,
    switch_current,
    write_state,
)
from loa.core.selection.publication import parse_build_time, select_published
from loa.core.selection.schedule import next_change

__all__ = ["clean_git_env", "deploy", "register"]

DAILY = dt.timedelta(days=1)
HOOK_SETTINGS = "loa-hook.json"
"""What ``loa hook install`` records in the bare repository: the branch its hooks check, the web root, operators."""


def register(commands: Any) -> None:
    """Add ``deploy``, ``rollback`` and ``next-change``."""
    parser = commands.add_parser("deploy", help="dựng và đưa bản mới lên thư mục web (WEB_ROOT/current)")
    parser.add_argument("--web-root", type=Path, required=True, metavar="THƯ_MỤC", help="thư mục web")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="tệp mkdocs.yml")
    parser.add_argument(
        "--repo", metavar="KHO", help="kho git (bare) để lấy mã nguồn, thay cho thư mục hiện tại"
    )
    parser.add_argument(
        "--branch", metavar="NHÁNH", help="nhánh đăng (mặc định: nhánh 'loa hook install' đã ghi, hoặc main)"
    )
    parser.add_argument("--commit", metavar="COMMIT", help="commit cần dựng (mặc định: đầu nhánh)")
    parser.add_argument("--at", metavar="THỜI_ĐIỂM", help="dựng như tại thời điểm này (mặc định: bây giờ)")
    parser.add_argument("--keep", type=int, default=5, metavar="SỐ", help="số bản giữ lại (mặc định: 5)")
    parser.add_argument(
        "--when-due",
        action="store_true",
        help="chỉ dựng khi có commit mới, khi đến giờ hẹn đăng ghi trong state.json, hoặc đã qua một ngày",
    )
    parser.set_defaults(run=run_deploy)
    back = commands.add_parser("rollback", help="quay về bản triển khai trước (hoặc bản --to)")
    back.add_argument("--web-root", type=Path, required=True, metavar="THƯ_MỤC", help="thư mục web")
    back.add_argument("--to", metavar="BẢN", help="tên bản trong WEB_ROOT/releases/")
    back.set_defaults(run=run_rollback)
    nxt = commands.add_parser(
        "next-change",
        help="in thời điểm tiếp theo trang công khai tự thay đổi (giờ hẹn đăng); mã thoát 1 nếu không có",
    )
    nxt.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="tệp mkdocs.yml")
    nxt.add_argument("--at", metavar="THỜI_ĐIỂM", help="tính từ thời điểm này (mặc định: bây giờ)")
    nxt.set_defaults(run=run_next_change)


def clean_git_env() -> dict[str, str]:
    """The environment without git's per-repository variables (a hook's GIT_DIR must not leak into a clone), and
    without the user's and the system's git configuration (filters, LFS, aliases apply to nothing Loa checks out)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return env | {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_LFS_SKIP_SMUDGE": "1"}


def _git(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=cwd, env=clean_git_env(), capture_output=True, text=True, check=False
    )


def _moment(text: str | None) -> dt.datetime | None:
    return build_time(text if text is not None else os.environ.get("LOA_BUILD_TIME"))


def _publishing_branch(repo: str | None, asked: str | None) -> str | None:
    """The branch to deploy: the one the repository's hooks check (``loa-hook.json``), which ``asked`` must match.

    A timer deploying another branch than the hooks check would publish commits nobody checked.
    """
    settings_file = Path(repo) / HOOK_SETTINGS if repo else None
    try:
        checked = (
            json.loads(settings_file.read_text(encoding="utf-8")).get("branch") if settings_file else None
        )
    except (OSError, ValueError, AttributeError):
        checked = None
    if checked and asked and asked != checked:
        print(
            f"LỖI: kho {repo} chỉ kiểm tra nhánh '{checked}' khi nhận (loa-hook.json); không triển khai nhánh "
            f"'{asked}', vì không ai kiểm tra nó.",
            file=sys.stderr,
        )
        return None
    return str(checked or asked or "main")


def run_deploy(args: argparse.Namespace) -> int:
    """Deploy and return the exit status: 0 deployed or nothing due, 1 failed (``current`` untouched)."""
    at = _moment(args.at)
    if at is None:
        return 2
    branch = _publishing_branch(args.repo, args.branch)
    if branch is None:
        return 1
    return deploy(
        args.web_root.resolve(),
        config_file=args.config_file,
        repo=args.repo,
        branch=branch,
        commit=args.commit,
        at=at,
        keep=max(1, args.keep),
        when_due=args.when_due,
    )


def deploy(
    web_root: Path,
    *,
    config_file: Path,
    repo: str | None,
    branch: str,
    commit: str | None,
    at: dt.datetime,
    keep: int = 5,
    when_due: bool = False,
) -> int:
    """Build ``commit`` (or the branch's head) and make it ``WEB_ROOT/current``; see the module's docstring."""
    source = Path(repo).resolve() if repo else config_file.resolve().parent
    try:
        with locked(web_root):
            # refs/heads/ spelled out: a bare "main" would resolve a tag or a top-level ref named "main" first.
            head = _head(source, f"refs/heads/{branch}" if repo else "HEAD", commit)
            state = read_state(web_root)
            reason = _due(state, head, at) if when_due else "yêu cầu"
            if reason is None:
                return 0
            if (
                when_due
                and head == state.get("failed_commit")
                and isinstance(state.get("source_commit"), str)
            ):
                head = state[
                    "source_commit"
                ]  # the head does not build: keep the schedule on the last good one
            print(
                f"Triển khai ({reason}): dựng commit {head[:7]} tính đến {at.isoformat()}.", file=sys.stderr
            )
            return _deploy_locked(web_root, source, config_file.name, head, at, keep, state)
    except DeployRefused as refusal:
        print(f"LỖI: {refusal}", file=sys.stderr)
        return 1
    except OSError as error:
        print(
            f"LỖI: không ghi được vào {web_root}: {error.strerror or error}. Bản đang chạy giữ nguyên.",
            file=sys.stderr,
        )
        return 1


def _head(source: Path, ref: str, commit: str | None) -> str:
    """The commit to build: ``commit`` resolved in ``source``, else ``ref``; ``local`` outside git."""
    found = _git("rev-parse", "--verify", "--quiet", f"{commit or ref}^{{commit}}", cwd=source)
    if found.returncode == 0:
        return found.stdout.strip()
    if commit or (source / "HEAD").is_file():
        raise DeployRefused(f"không tìm thấy commit '{commit or ref}' trong kho {source}.")
    return "local"


def _due(state: dict[str, Any], head: str, at: dt.datetime) -> str | None:
    """Why the timer must deploy now (Vietnamese), or None. A head that failed to build is not retried every
    minute: only when something else is due (then the last good commit is built), or daily."""
    if state.get("source_commit") != head and state.get("failed_commit") != head:
        return "có commit mới"
    if state.get("held"):
        return None  # rolled back by hand: wait for a new commit
    upcoming = state.get("next_change")
    if isinstance(upcoming, str) and parse_build_time(upcoming) <= at:
        return "đến giờ hẹn đăng"
    built = state.get("build_time")  # the build's own clock, which --at and LOA_BUILD_TIME set
    if not isinstance(built, str) or at - parse_build_time(built) >= DAILY:
        return "dựng lại hằng ngày"
    return None


def _checkout(source: Path, head: str, work: Path) -> None:
    """A fresh clone with full history (revision pages read it), or a copy of a project outside git."""
    shutil.rmtree(work, ignore_errors=True)
    if head == "local":
        web_root = work.parent.resolve()

        def builds(folder: str, names: list[str]) -> set[str]:
            """What a copy leaves out: the cache, earlier builds, and the web root itself if it is inside."""
            skipped = {".cache", "site", "site-internal", "site-preview"}
            return {
                n
                for n in names
                if n in skipped or n.startswith((".site", ".site-")) or Path(folder, n).resolve() == web_root
            }

        shutil.copytree(source, work, symlinks=True, ignore=builds)
        work.chmod(0o700)
        return
    for args in (("clone", "--quiet", "--no-checkout", str(source), str(work)), ("checkout", "-q", head)):
        done = _git(*args, cwd=work if args[0] == "checkout" else None)
        if done.returncode != 0:
            raise DeployRefused(f"không lấy được mã nguồn commit {head[:7]}: {done.stderr.strip()}")
    # The checkout holds drafts, internal documents and every branch's history: for this user only, never the web
    # server's (the releases beside it are 0755).
    work.chmod(0o700)


def _deploy_locked(
    web_root: Path,
    source: Path,
    config_name: str,
    head: str,
    at: dt.datetime,
    keep: int,
    state: dict[str, Any],
) -> int:
    work, cache = web_root / "work", web_root / "cache" / "loa"
    if (work / ".cache" / "loa").is_dir() and not os.path.lexists(cache):
        os.renames(work / ".cache" / "loa", cache)  # a killed deploy left it in the work tree
    _checkout(source, head, work)
    config = work / config_name
    cache.mkdir(parents=True, exist_ok=True)
    os.chmod(cache.parent, 0o700)  # the cache and its key are the deploy user's alone
    # The key that signs the cache lives beside it, whoever runs the deploy (the hook as the git user, the timer
    # under systemd): one key, so neither wipes the other's cache.
    os.environ["XDG_CACHE_HOME"] = str(cache.parent / "key")
    shutil.rmtree(work / ".cache", ignore_errors=True)  # never one from the pushed tree
    (work / ".cache").mkdir()
    os.rename(cache, work / ".cache" / "loa")  # the cache's path is stable: work/ never moves
    try:
        status = build_site(
            config, site_dir=web_root / "staging" / "site", at=at.isoformat(), target="public"
        )
    finally:
        os.rename(work / ".cache" / "loa", cache)
    if status != 0:
        print(f"Triển khai thất bại; {web_root / 'current'} vẫn là bản cũ.", file=sys.stderr)
        write_state(
            web_root, {**state, "failed_commit": head, "failed_at": dt.datetime.now(TIMEZONE).isoformat()}
        )
        return 1
    built = (web_root / "staging" / "site").resolve()
    layout = find_layout(config)
    catalog = load_catalog(layout, at=at) if layout else None
    documents = catalog.documents if catalog else ()
    published = select_published(documents, at=at, target="public")
    upcoming = next_change(documents, at=at)
    now = dt.datetime.now(TIMEZONE)
    name = install_release(web_root, built, next_release_name(web_root, now, head))
    switch_current(web_root, name)
    prune_releases(web_root, keep)
    write_state(
        web_root,
        {
            "release": name,
            "commit": head,
            "source_commit": head,
            "build_time": at.isoformat(),
            "deployed_at": now.isoformat(timespec="seconds"),
            "next_change": upcoming.isoformat() if upcoming else None,
            "published": [{"path": d.path, "url": d.url, "title": d.title} for d in published],
            "held": False,
        },
    )
    print(f"Đã triển khai bản {name}: {len(published)} tài liệu công khai.", file=sys.stderr)
    if upcoming:
        print(f"Lần thay đổi tiếp theo: {upcoming.isoformat()}.", file=sys.stderr)
    return 0


def run_rollback(args: argparse.Namespace) -> int:
    """Switch ``current`` to the previous release (or ``--to``), byte for byte as it was deployed."""
    web_root = args.web_root.resolve()
    try:
        with locked(web_root):
            old = current_release(web_root)
            target = args.to or previous_release(web_root)
            if target is None:
                print("Không có bản nào cũ hơn để quay về.", file=sys.stderr)
                return 1
            switch_current(web_root, target)
            state = read_state(web_root)
            write_state(web_root, {**state, "release": target, "held": True, "rolled_back_from": old})
    except DeployRefused as refusal:
        print(f"LỖI: {refusal}", file=sys.stderr)
        return 1
    print(
        f"Đã quay về bản {target} (trước đó: {old}). Bộ hẹn giờ không dựng lại cho đến khi có commit mới.",
        file=sys.stderr,
    )
    return 0


def run_next_change(args: argparse.Namespace) -> int:
    """Print the next instant the public site changes; exit 1 (nothing printed) when none is scheduled."""
    layout = find_layout(args.config_file)
    at = build_time(args.at) if layout else None
    if layout is None or at is None:
        return 2
    upcoming = next_change(load_catalog(layout, at=at).documents, at=at)
    if upcoming is None:
        print("Không có tài liệu nào hẹn đăng sau thời điểm này.", file=sys.stderr)
        return 1
    print(upcoming.isoformat())
    return 0
