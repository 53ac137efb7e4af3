"""Revisions of the synthetic documents: amendments, and a git history whose commits are the revisions."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["COMMIT_DATES", "REVISIONS", "Document", "amend", "amend_revisions", "commit_history", "git"]

REVISIONS = 2
"""Amendments after the first text; a document is amended in none, one or both."""
COMMIT_DATES = ("2025-08-01T08:00:00+07:00", "2025-09-01T08:00:00+07:00", "2025-10-01T08:00:00+07:00")
"""Dates of the first commit and of each amendment: after every document's publication, before the build."""
_AMENDED = {1: (1, 4), 2: (2, 4)}
"""Revision → remainders of the document index modulo 10 amended in it: 20 % of documents each, some twice."""


@dataclass(frozen=True)
class Document:
    """One document of a corpus: its path under plans/ and its text at each revision (first text first)."""

    path: str
    texts: tuple[str, ...]


def amend(text: str, revision: int) -> str:
    """Return ``text`` amended: a recipient added to the front matter and a paragraph to the end of the body."""
    head, marker, body = text.partition("\nrecipients:\n")
    if not marker:
        raise ValueError("a generated document always has recipients")
    added = f"  - Các đơn vị nhận văn bản sửa đổi lần {revision}\n"
    return (
        f"{head}{marker}{added}{body.rstrip()}\n\n"
        f"**Sửa đổi, bổ sung lần {revision}:** điều chỉnh tiến độ và phân công thực hiện cho phù hợp tình hình "
        "thực tế.\n"
    )


def amend_revisions(text: str, index: int) -> tuple[str, ...]:
    """Return the texts of document ``index`` at each revision, the first being ``text``."""
    texts = [text]
    for revision in range(1, REVISIONS + 1):
        texts.append(amend(texts[-1], revision) if index % 10 in _AMENDED[revision] else texts[-1])
    return tuple(texts)


def git(root: Path, *args: str, when: str = COMMIT_DATES[0]) -> None:
    """Run ``git`` in ``root`` as the editor who committed the corpus, at ``when``."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ban Tuyên giáo",
        "GIT_AUTHOR_EMAIL": "btg@example.invalid",
        "GIT_COMMITTER_NAME": "Ban Tuyên giáo",
        "GIT_COMMITTER_EMAIL": "btg@example.invalid",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def commit_history(
    root: Path, plans_dir: Path, documents: Sequence[Document], *, write: Callable[[Path, str], None]
) -> None:
    """Make ``root`` a repository: one commit of every first text, then one commit per amendment."""
    for document in documents:
        write(plans_dir / document.path, document.texts[0])
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Đăng văn bản", when=COMMIT_DATES[0])
    for revision in range(1, REVISIONS + 1):
        for document in documents:
            if document.texts[revision] != document.texts[revision - 1]:
                write(plans_dir / document.path, document.texts[revision])
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", f"Sửa đổi, bổ sung lần {revision}", when=COMMIT_DATES[revision])
