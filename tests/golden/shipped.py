"""The golden tree of the shipped site: every output of the Sa Pa project, built from a scripted git history.

The repository's own project (``SOURCES``) is copied into a temporary git repository with a fixed history
(`HISTORY`: one commit of everything, then a later commit that amends a published plan with a ``Ghi-chu:`` note,
so a revision page exists) and built with the real ``loa build --at BUILD_TIME`` for each edition in `EDITIONS`
(about 3 s each). Stored in ``tests/golden/shipped/``:

- ``<edition>.txt``, the manifest: one line per output file, ``<digest> <path>``; the digest is the sha256 of the
  normalised bytes (``.gz`` files: of their uncompressed bytes);
- ``texts.json.xz``: the normalised text of every file Loa writes (`is_text`: pages, feeds, calendars, search
  shards, nginx includes, sitemap), by digest, so a failing test prints a unified diff of the first differing
  files, not only their paths.

What depends on the installed libraries rather than on the sources, and only that, is left out:

- `golden._VARYING`: feedgen's version in feeds, the byte length of sharing cards in feed enclosures;
- `_VARYING_SITE`: the MkDocs and Material versions in ``<meta name="generator">``, the content hash in the names
  of Material's bundles (``bundle.HASH.min.js``);
- `VENDOR`: Material's own assets (JavaScript, main and palette CSS, favicon), kept by presence only;
- `CARDS`: the sharing cards' PNG bytes (Pillow, FreeType, zlib), kept by pixel size.

Reviewing a change: ``.venv/bin/python -m tests.golden.shipped diff`` prints the unified diff of a fresh build
against the stored tree, every differing file. Each hunk must be a defect the change fixes (name it in the commit
message); anything else is a regression of the change. Then ``.venv/bin/python scripts/update-golden shipped``
rewrites the tree, and ``git diff --stat tests/golden/shipped`` shows which manifests moved. A Material or MkDocs
upgrade may change the HTML around Loa's content: review it the same way, in a commit of its own.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import lzma
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.golden import golden

GOLDEN = Path(__file__).resolve().parent / "shipped"
REPO = GOLDEN.parents[2]
BUILD_TIME = "2026-11-22T12:00:00+07:00"
SOURCES = ("mkdocs.yml", "content", "data", "plans", "schema", "site-root", "theme")
# edition → extra arguments of `loa build`
EDITIONS = {"public": (), "internal": ("--target", "internal"), "preview": ("--preview",)}
TEXTS = "texts.json.xz"  # sha256 → normalised text, shared by the editions' manifests
AMENDED = "plans/2022/ke-hoach-trien-khai-de-an-11-da-tu-nam-2022.md"
AMENDMENT = "\nBan Tuyên giáo Thị ủy bổ sung: các đơn vị báo cáo kết quả trước ngày 15 tháng 12.\n"
NOTE = "Bổ sung thời hạn báo cáo kết quả"
HISTORY = (("2022-02-01T09:00:00+07:00", "Initial sources"), ("2022-03-15T10:30:00+07:00", "Amend plan"))
TEXT_SUFFIXES = (".html", ".rss", ".atom", ".json", ".ics", ".conf", ".xml", ".js", ".css", ".txt")
# The theme's own assets: their names and bytes are those of the installed Material (or MaterialX) release.
VENDOR = re.compile(
    r"^assets/(javascripts/|stylesheets/(main|palette)\.[0-9a-f]{8}\.min\.css|images/favicon\.png$)"
)
# The sharing cards Loa draws: their PNG bytes depend on the installed Pillow, FreeType and zlib, so the
# manifest keeps their pixel size (read from the PNG header) instead of a hash.
CARDS = re.compile(r"^assets/cards/[^/]+\.png$")
_VERSION = re.compile(rb"-\d+(?:\.\d+)+")
_VARYING_SITE: tuple[tuple[re.Pattern[bytes], Callable[[re.Match[bytes]], bytes] | bytes], ...] = (
    # The generator meta tag names the installed MkDocs and Material versions.
    (
        re.compile(rb'<meta name="generator" content="[^"]*">'),
        lambda tag: _VERSION.sub(b"-VERSION", tag.group(0)),
    ),
    # Material's bundles carry a hash of their content in their names (changes with each Material release).
    (
        re.compile(rb"(assets/(?:javascripts|stylesheets)/[\w./-]*?)\.[0-9a-f]{8}(\.min\.(?:js|css))"),
        rb"\1.HASH\2",
    ),
)


def normalise(data: bytes) -> bytes:
    """``data`` with what depends on the installed libraries replaced by placeholders."""
    data = golden.normalise(data)
    for pattern, replacement in _VARYING_SITE:
        data = pattern.sub(replacement, data)
    return data


def is_text(path: str) -> bool:
    """Whether the golden tree keeps the text of ``path`` (pages Loa writes), not only its hash."""
    return path.endswith(TEXT_SUFFIXES) and not VENDOR.match(path)


def _environment() -> dict[str, str]:
    """The environment of git and of the builds: no variable of an enclosing git command (a hook's
    GIT_DIR, GIT_INDEX_FILE…), no user or system git configuration, and no ``LOA_*`` setting of the caller
    (build time, target, site address, theme, cache: the golden build sets its own)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "LOA_"))}
    return {**env, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def sources(work: Path) -> Path:
    """A git repository in ``work`` holding the shipped project with the fixed history `HISTORY`."""
    project = work / "project"
    listed = subprocess.run(
        ["git", "ls-files", "-z", *SOURCES], cwd=REPO, check=True, capture_output=True
    ).stdout.split(b"\0")
    for name in filter(None, listed):
        relative = name.decode()
        (project / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / relative, project / relative)
    for index, (date, subject) in enumerate(HISTORY):
        if index == 1:
            with (project / AMENDED).open("a", encoding="utf-8") as handle:
                handle.write(AMENDMENT)
        message = subject if index == 0 else f"{subject}\n\nGhi-chu: {NOTE}\n"
        _git(project, date, "init", "-q", "-b", "main") if index == 0 else None
        _git(project, date, "add", "-A")
        _git(project, date, "commit", "-q", "-m", message)
    return project


def _git(project: Path, date: str, *args: str) -> None:
    env = {
        **_environment(),
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "Biên tập",
        "GIT_AUTHOR_EMAIL": "bien-tap@sapa.loa.example",
        "GIT_COMMITTER_NAME": "Biên tập",
        "GIT_COMMITTER_EMAIL": "bien-tap@sapa.loa.example",
    }
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def build(work: Path, editions: tuple[str, ...] = tuple(EDITIONS)) -> dict[str, dict[str, bytes]]:
    """Build the shipped project in ``work`` for each edition; its normalised outputs by edition and path."""
    project = sources(work)
    env = {**_environment(), "NO_MKDOCS_2_WARNING": "1", "XDG_CACHE_HOME": str(work / "xdg-cache")}
    built = {}
    for edition in editions:
        site = work / f"site-{edition}"
        command = [sys.executable, "-m", "loa.cli", "build", "--site-dir", str(site), "--at", BUILD_TIME]
        result = subprocess.run(
            [*command, *EDITIONS[edition]],
            cwd=project,
            env=env,
            check=False,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"the shipped site ({edition}) does not build:\n{result.stdout}\n{result.stderr}"
            )
        built[edition] = outputs(site)
    return built


def outputs(site: Path) -> dict[str, bytes]:
    """Every file of a built site by site-relative path, normalised (``.gz`` files decompressed)."""
    found = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if name.endswith(".gz"):
            data = gzip.decompress(data)
        found[name] = normalise(data)
    return found


def manifest(tree: dict[str, bytes]) -> dict[str, str]:
    """Path → sha256 of the normalised bytes; `VENDOR` assets by presence only, `CARDS` by pixel size."""
    return {name: _digest(name, data) for name, data in tree.items()}


def _digest(name: str, data: bytes) -> str:
    if VENDOR.match(name):
        return "vendor"
    if CARDS.match(name):
        if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
            return "not-a-png"
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        return f"png-{width}x{height}"
    return hashlib.sha256(data).hexdigest()


def save(built: dict[str, dict[str, bytes]]) -> None:
    """Write the golden files: one manifest per edition, and the texts of every edition in one file."""
    shutil.rmtree(GOLDEN, ignore_errors=True)
    GOLDEN.mkdir(parents=True)
    texts: dict[str, str] = {}
    order: dict[str, str] = {}
    for edition, tree in built.items():
        listed = manifest(tree)
        lines = [f"{digest} {name}\n" for name, digest in listed.items()]
        (GOLDEN / f"{edition}.txt").write_text("".join(lines), encoding="utf-8")
        order |= {listed[name]: min(name, order.get(listed[name], name)) for name in tree}
        texts |= {listed[name]: data.decode("utf-8") for name, data in tree.items() if is_text(name)}
    # In the order of the paths, not of the digests: xz then finds each page's siblings (its other editions).
    ordered = dict(sorted(texts.items(), key=lambda item: order[item[0]]))
    payload = json.dumps(ordered, ensure_ascii=False, indent=0).encode("utf-8")
    (GOLDEN / TEXTS).write_bytes(lzma.compress(payload, preset=9 | lzma.PRESET_EXTREME))


def load(edition: str) -> tuple[dict[str, str], dict[str, bytes]]:
    """The stored manifest of ``edition`` (path → digest) and its texts by path."""
    stored = {}
    for line in (GOLDEN / f"{edition}.txt").read_text(encoding="utf-8").splitlines():
        digest, name = line.split(" ", 1)
        stored[name] = digest
    texts = json.loads(lzma.decompress((GOLDEN / TEXTS).read_bytes()))
    return stored, {name: texts[digest].encode("utf-8") for name, digest in stored.items() if digest in texts}


def compare(edition: str, tree: dict[str, bytes], limit: int = 5) -> str:
    """Empty when ``tree`` matches the stored golden tree; else every differing path and the first diffs."""
    want, texts = load(edition)
    got = manifest(tree)
    changed = sorted(name for name in want.keys() | got.keys() if want.get(name) != got.get(name))
    if not changed:
        return ""
    report = [
        f"{len(changed)} file(s) of the {edition} edition differ from tests/golden/shipped/{edition}.txt:\n"
    ]
    report += [
        f"  {name} ({'missing' if name not in got else 'new' if name not in want else 'changed'})\n"
        for name in changed
    ]
    readable = [name for name in changed if is_text(name)][:limit]
    report.append(
        golden.differences(
            {n: texts[n] for n in readable if n in texts}, {n: tree[n] for n in readable if n in tree}
        )
    )
    return "".join(report)


def update() -> None:
    """Rewrite every edition's golden files from a fresh build."""
    with tempfile.TemporaryDirectory(prefix="loa-golden-site-") as work:
        built = build(Path(work))
    save(built)
    for edition, tree in built.items():
        print(f"shipped/{edition}: {len(tree)} files, {sum(map(is_text, tree))} kept as text")


def diff() -> int:
    """Print how a fresh build differs from the stored golden tree (before running update-golden)."""
    with tempfile.TemporaryDirectory(prefix="loa-golden-site-") as work:
        built = build(Path(work))
    status = 0
    for edition, tree in built.items():
        text = compare(edition, tree, limit=10**6)
        if text:
            status = 1
            print(text)
    return status


if __name__ == "__main__":
    raise SystemExit(diff() if sys.argv[1:] == ["diff"] else (update() or 0))
