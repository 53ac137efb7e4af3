"""Throwaway projects for the hostile corpus, the real `loa` command run with a time limit, site hashing."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
import time
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import BUILD_TIME, REPO, SITE_ROOT, write_files

VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE
)


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def run_cli(*args: str, cwd: Path, timeout: float = 120, module: str = "loa.cli", memory: int = 0) -> Run:
    """Run ``python -m loa.cli ARGS`` (or another module) for real; a hang becomes returncode -9, not a stuck suite.
    ``memory``: an address-space limit in bytes (prlimit), for inputs that must be refused in bounded memory."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for name in ("LOA_BUILD_TIME", "LOA_TARGET", "LOA_HISTORY", "LOA_SITE_URL"):
        env.pop(name, None)
    start = time.monotonic()
    try:
        prefix = ["prlimit", f"--as={memory}", "--"] if memory else []
        done = subprocess.run(
            [*prefix, sys.executable, "-m", module, *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        return Run(done.returncode, done.stdout, done.stderr, time.monotonic() - start)
    except subprocess.TimeoutExpired as expired:
        err = (
            expired.stderr.decode(errors="replace")
            if isinstance(expired.stderr, bytes)
            else (expired.stderr or "")
        )
        return Run(-9, "", f"TIMEOUT after {timeout}s\n{err}", time.monotonic() - start)


def build(root: Path, site: Path, *extra: str, timeout: float = 120, memory: int = 0) -> Run:
    return run_cli(
        "build",
        "-f",
        str(root / "mkdocs.yml"),
        "--site-dir",
        str(site),
        "--at",
        BUILD_TIME,
        *extra,
        cwd=root,
        timeout=timeout,
        memory=memory,
    )


def check_json(root: Path, timeout: float = 120, memory: int = 0) -> Run:
    return run_cli(
        "check",
        "-f",
        str(root / "mkdocs.yml"),
        "--format",
        "json",
        "--at",
        BUILD_TIME,
        cwd=root,
        timeout=timeout,
        memory=memory,
    )


def make_project(root: Path, files: dict[str, str | bytes], appends: dict[str, str], mkdocs: str) -> Path:
    """The `project` fixture's layout (tests/conftest.py) at ``root``, with data files appended to."""
    for sub in ("content", "plans", "data"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    for name in ("issuers.yml", "external.yml", "channels.yml"):
        shutil.copy(REPO / "data" / name, root / "data" / name)
    (root / "content" / "index.md").write_text(
        "---\nkind: index\n---\n\n# Trang chủ thử nghiệm\n", encoding="utf-8"
    )
    write_files(root, {**SITE_ROOT, **files})
    for name, text in appends.items():
        path = root / name
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(old.rstrip("\n") + "\n" + text, encoding="utf-8")
    return root


def hash_tree(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def lines_with(path: Path, needles: tuple[str, ...]) -> set[int]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return {n for n, line in enumerate(text.splitlines(), 1) if any(needle in line for needle in needles)}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def png(text: str = "", size: int = 2) -> bytes:
    """A valid size×size grey PNG carrying ``text`` in a tEXt chunk (a canary inside the bytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + b"\x80" * size for _ in range(size))
    body = chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0))
    if text:
        body += chunk(b"tEXt", b"Comment\x00" + text.encode())
    return b"\x89PNG\r\n\x1a\n" + body + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def pdf(text: str) -> bytes:
    """A minimal one-page PDF whose bytes carry ``text``."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
    ]
    stream = f"BT /F1 12 Tf 10 100 Td ({text}) Tj ET".encode()
    objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def git(
    root: Path, *args: str, date: str = "2024-01-01T08:00:00+07:00", author: str = "Biên tập viên"
) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "bien-tap@loa.example",
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": "bien-tap@loa.example",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)
