"""``loa hook install``: the git server's side of "push to publish", and the two hooks it installs.

``pre-receive`` refuses, for the publishing branch: its deletion, a push that rewrites its history, a change
outside the editors' folders (content/, plans/, data/, as the branch's own mkdocs.yml names them) unless the
pusher is an operator, an mkdocs.yml that adds ``hooks:`` or Python tags unless the pusher is an operator, and any
commit whose ``loa check --strict`` fails (strict as the deploy's build is) (the Vietnamese diagnostics, file and line, go back to the pusher). It checks a
real clone of the pushed commit in a temporary folder, with full history. ``post-receive`` runs ``loa deploy``.

Both hooks run the loa that installed them (`loa.deploy` templates: ``python -I`` and that loa's path), never code
from the pushed tree. Who pushes is read from, in order: ``LOA_PUSHER`` (set it per key on a plain ssh server,
see the README), ``GL_USER`` (gitolite), ``GITEA_PUSHER_NAME`` (Gitea, Forgejo), ``REMOTE_USER`` (git over HTTP
behind a web server). Nobody named is an editor, never an operator.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

import loa
from loa.cli.deploy import HOOK_SETTINGS as CONFIG
from loa.cli.deploy import clean_git_env, deploy
from loa.core.base.settings import ConfigLoader
from loa.core.model.document import TIMEZONE
from loa.core.selection.publication import parse_build_time

__all__ = ["PUSHER_VARIABLES", "register"]

PUSHER_VARIABLES = ("LOA_PUSHER", "GL_USER", "GITEA_PUSHER_NAME", "REMOTE_USER")
ZERO = "0" * 40
HOOKS = ("pre-receive", "post-receive")


def register(commands: Any) -> None:
    """Add ``hook install``, ``hook pre-receive`` and ``hook post-receive``."""
    parser = commands.add_parser(
        "hook", help="móc git phía máy chủ: kiểm tra khi đẩy, triển khai sau khi đẩy"
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="VIỆC", parser_class=type(parser))
    install = actions.add_parser("install", help="cài pre-receive và post-receive vào một kho bare")
    install.add_argument("repo", type=Path, metavar="KHO_BARE", help="kho git bare trên máy chủ")
    install.add_argument("--web-root", type=Path, required=True, metavar="THƯ_MỤC", help="thư mục web")
    install.add_argument("--branch", default="main", metavar="NHÁNH", help="nhánh đăng (mặc định: main)")
    install.add_argument(
        "--operator",
        action="append",
        default=[],
        metavar="TÊN",
        help="người vận hành được sửa ngoài nội dung",
    )
    install.add_argument("--keep", type=int, default=5, metavar="SỐ", help="số bản giữ lại (mặc định: 5)")
    install.set_defaults(run=run_install)
    for name in HOOKS:
        actions.add_parser(name, help=f"do git gọi ({name}); không chạy tay").set_defaults(run=run_hook)


def run_install(args: argparse.Namespace) -> int:
    """Write the hooks and their settings (``loa-hook.json``) into the bare repository."""
    repo = args.repo.resolve()
    if not (repo / "objects").is_dir() or not (repo / "HEAD").is_file():
        print(f"LỖI: {repo} không phải một kho git bare.", file=sys.stderr)
        return 1
    settings = {
        "web_root": str(args.web_root.resolve()),
        "branch": args.branch,
        "operators": sorted(set(args.operator)),
        "keep": max(1, args.keep),
    }
    (repo / CONFIG).write_text(json.dumps(settings, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    # Malformed objects (a commit with a date git itself cannot read) are refused at the door.
    subprocess.run(["git", "-C", str(repo), "config", "receive.fsckObjects", "true"], check=False)
    package = Path(loa.__file__).resolve().parent
    for name in HOOKS:
        text = (package / "deploy" / f"{name}.in").read_text(encoding="utf-8")
        text = text.replace("@PYTHON@", sys.executable).replace("@LOA_PATH@", repr(str(package.parent)))
        hook = repo / "hooks" / name
        hook.parent.mkdir(exist_ok=True)
        hook.write_text(text, encoding="utf-8")
        hook.chmod(0o755)
    print(f"Đã cài móc pre-receive và post-receive vào {repo} (nhánh đăng: {args.branch}).", file=sys.stderr)
    return 0


def pusher() -> str | None:
    """Who pushes, from the first of `PUSHER_VARIABLES` that is set."""
    for variable in PUSHER_VARIABLES:
        value = os.environ.get(variable, "").strip()
        if value:
            return value
    return None


def run_hook(args: argparse.Namespace) -> int:
    """Run ``pre-receive`` or ``post-receive`` on the updates git gives on standard input."""
    git_dir = Path(os.environ.get("GIT_DIR", ".")).resolve()
    try:
        settings = json.loads((git_dir / CONFIG).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        print(f"LỖI: thiếu hoặc hỏng {git_dir / CONFIG}; hãy chạy lại 'loa hook install'.", file=sys.stderr)
        return 1
    branch = f"refs/heads/{settings['branch']}"
    updates = [line.split() for line in sys.stdin.read().splitlines() if len(line.split()) == 3]
    mine = [(old, new) for old, new, ref in updates if ref == branch]
    if args.action == "pre-receive":
        problems = [p for _, _, ref in updates for p in _ref_refusals(settings, ref)]
        problems += [p for old, new in mine for p in _refusals(git_dir, settings, old, new)]
        for problem in problems:
            print(f"LỖI: {problem}", file=sys.stderr)
        if problems:
            print(
                f"Không nhận lần đẩy lên nhánh {settings['branch']}: sửa các lỗi trên rồi đẩy lại.",
                file=sys.stderr,
            )
        return 1 if problems else 0
    for _, new in mine:
        if new == ZERO:
            continue
        _scrub_git_env()

        status = deploy(
            Path(settings["web_root"]),
            config_file=Path("mkdocs.yml"),
            repo=str(git_dir),
            branch=settings["branch"],
            commit=new,
            at=parse_build_time(None),  # now: a pusher's environment never sets the build time
            keep=int(settings.get("keep", 5)),
        )
        if status != 0:
            print(
                "Commit đã được nhận nhưng trang web chưa cập nhật (xem lý do ở trên). Nếu máy chủ có bộ hẹn giờ "
                "loa-deploy, nó sẽ thử lại trong vòng một phút; nếu không, hãy báo người vận hành.",
                file=sys.stderr,
            )
    return 0


def _git(git_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Git in the receiving repository, with the hook's environment (it sees the pushed, quarantined objects)."""
    return subprocess.run(["git", *args], cwd=git_dir, capture_output=True, text=True, check=False)


def _is_operator(settings: dict[str, Any]) -> bool:
    """Whether the pusher is one of the operators ``loa hook install`` named (a push with no name never is)."""
    who = pusher()
    return who is not None and who in settings.get("operators", [])


def _ref_refusals(settings: dict[str, Any], ref: str) -> list[str]:
    """Why ``ref`` may not be pushed: a name that git could take for the publishing branch, or (for editors) any
    ref but a branch. A tag or a top-level ref named like the branch would be deployed unchecked otherwise."""
    name = settings["branch"]
    if ref != f"refs/heads/{name}" and ref.rsplit("/", 1)[-1] == name:
        return [f"không được tạo '{ref}': tên này trùng nhánh đăng {name}."]
    if not ref.startswith("refs/heads/") and not _is_operator(settings):
        return [f"chỉ người vận hành được đẩy '{ref}'; biên tập viên chỉ đẩy lên các nhánh (refs/heads/)."]
    return []


def _refusals(git_dir: Path, settings: dict[str, Any], old: str, new: str) -> list[str]:
    name = settings["branch"]
    if new == ZERO:
        return [f"không được xoá nhánh đăng {name}."]
    if old == ZERO and not _is_operator(settings):
        # A new branch has no trusted mkdocs.yml to read the editors' folders from, and its commits may already
        # sit on another ref, out of the folder check: creating it is an operator's act.
        return [f"chỉ người vận hành được tạo nhánh đăng {name}."]
    if old != ZERO and _git(git_dir, "merge-base", "--is-ancestor", old, new).returncode != 0:
        return [f"không được viết lại lịch sử nhánh đăng {name} (force-push); hãy kéo về, gộp rồi đẩy lại."]
    who, operator = pusher(), _is_operator(settings)
    problems = []
    if not operator:
        allowed = _editor_folders(git_dir, old)
        touched = _touched(git_dir, old, new)
        outside = sorted(p for p in touched if not any(p.startswith(f"{folder}/") for folder in allowed))
        if outside:
            shown = ", ".join(outside[:5]) + (f" và {len(outside) - 5} tệp khác" if len(outside) > 5 else "")
            problems.append(
                f"{who or 'người đẩy không xác định'} không phải người vận hành, chỉ được sửa tệp trong "
                f"{', '.join(f'{f}/' for f in allowed)}; lần đẩy này sửa: {shown}. Nhờ người vận hành sửa các tệp đó."
            )
        if "mkdocs.yml" in touched and _dangerous_config(git_dir, new):
            problems.append(
                "mkdocs.yml: không được thêm 'hooks:' hay thẻ Python (!!python/...): chúng chạy mã trên máy chủ. "
                "Chỉ người vận hành được sửa các phần này."
            )
    if problems:
        return problems
    return _check(git_dir, new)


def _editor_folders(git_dir: Path, old: str) -> list[str]:
    """The editors' folders, from the plugin options of the branch's current (trusted) mkdocs.yml."""
    options: dict[str, Any] = {}
    shown = _git(git_dir, "show", f"{old}:mkdocs.yml") if old != ZERO else None
    if shown is not None and shown.returncode == 0:
        try:
            config = yaml.load(shown.stdout, Loader=ConfigLoader)  # noqa: S506 (a SafeLoader)
        except yaml.YAMLError:
            config = None
        for plugin in (config or {}).get("plugins") or [] if isinstance(config, dict) else []:
            if isinstance(plugin, dict) and isinstance(plugin.get("loa"), dict):
                options = plugin["loa"]
    names = [options.get(f"{kind}_dir", kind) for kind in ("content", "plans", "data")]
    return [str(n).strip("/") for n in names if isinstance(n, str) and n.strip("/")]


def _touched(git_dir: Path, old: str, new: str) -> set[str]:
    """Every path any pushed commit changes (not only the net difference: history is published too)."""
    span = [new, "--not", "--all"] if old == ZERO else [f"{old}..{new}"]
    # --no-renames: a rename out of theme/ into content/ names both sides. -z: any byte in a name, newlines too.
    listed = _git(git_dir, "log", "--format=", "--name-only", "--no-renames", "-m", "-z", *span)
    if listed.returncode != 0:
        return {"(không đọc được danh sách tệp thay đổi)"}
    return {name.strip("\n") for name in listed.stdout.split("\0") if name.strip("\n")}


def _dangerous_config(git_dir: Path, new: str) -> bool:
    shown = _git(git_dir, "show", f"{new}:mkdocs.yml")
    if shown.returncode != 0:
        return False
    if "!!python" in shown.stdout or "tag:yaml.org,2002:python" in shown.stdout:
        return True
    try:
        config = yaml.load(shown.stdout, Loader=ConfigLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError:
        return False
    return isinstance(config, dict) and "hooks" in config


def _check(git_dir: Path, new: str) -> list[str]:
    """Run ``loa check`` on a clone of ``new``; its diagnostics go to the pusher. Returns a refusal, if any."""
    with tempfile.TemporaryDirectory(prefix="loa-check-") as folder:
        tree = Path(folder) / "tree"
        problem = _clone(git_dir, new, tree)
        if problem:
            return [problem]
        _scrub_git_env()
        from loa.cli import main

        sys.stdout.flush()
        status = main(["check", "-f", str(tree / "mkdocs.yml"), "--at", _now(), "--strict"])
        sys.stdout.flush()
    return [] if status == 0 else [f"loa check báo lỗi ở commit {new[:7]} (xem các dòng trên)."]


def _clone(git_dir: Path, new: str, tree: Path) -> str | None:
    """Make ``tree`` a standalone clone checked out at ``new``, with full history; a refusal if it cannot.

    The pushed objects sit in git's quarantine until the hook accepts them, visible only through the hook's own
    environment: the clone borrows them through ``objects/info/alternates``, copies everything with
    ``git repack -a``, then drops the borrowing.
    """
    env = clean_git_env()
    sources = [os.environ.get("GIT_OBJECT_DIRECTORY", ""), str(git_dir / "objects")]
    sources += os.environ.get("GIT_ALTERNATE_OBJECT_DIRECTORIES", "").split(os.pathsep)
    steps = [
        ["git", "init", "-q", str(tree)],
        ["git", "-C", str(tree), "update-ref", "refs/heads/check", new],
        ["git", "-C", str(tree), "repack", "-a", "-d", "-q"],
        ["git", "-C", str(tree), "checkout", "-q", "check"],
    ]
    for number, step in enumerate(steps):
        if number == 1:
            alternates = tree / ".git" / "objects" / "info" / "alternates"
            alternates.write_text("".join(f"{Path(s).resolve()}\n" for s in sources if s), encoding="utf-8")
        if number == 3:
            (tree / ".git" / "objects" / "info" / "alternates").unlink()
        done = subprocess.run(step, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            return f"không lấy được commit {new[:7]} để kiểm tra: {done.stderr.strip()}"
    return None


def _now() -> str:
    import datetime as dt

    return dt.datetime.now(TIMEZONE).isoformat()


def _scrub_git_env() -> None:
    for key in [k for k in os.environ if k.startswith("GIT_")]:
        del os.environ[key]
