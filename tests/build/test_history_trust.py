"""Never-public revisions: a revision the catalog's strict loader refuses, or the publication rule withholds, leaves
no trace in any output: not its text, its commit message, its author or its commit id.

A real throwaway git repository with fixed dates: a plan and an article, each published, then edited into every
kind of never-public state (a canary word in the body and in the commit message, a canary author), then published
again. Every file of the built site is searched for the canaries.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_check_diagnostics import CHANNELS, article_text
from tests.conftest import BUILD_TIME, MINIMAL_MKDOCS, base_files, plan_text, run_loa
from tests.unit.test_history import Repo

PLAN = "plans/2021/ke-hoach.md"
ARTICLE = "content/tin-bai/tin.md"
STRANGER = "Người Lạ Canary"

PUBLISHED = plan_text("Văn bản gốc.\n", date="2021-05-09", publish_at="2021-05-10T09:00:00+07:00")


def _plan(canary: str, **fields: object) -> str:
    return plan_text(
        f"Văn bản gốc. {canary}\n",
        **{"date": "2021-05-09", "publish_at": "2021-05-10T09:00:00+07:00", **fields},
    )


class Symlink(str):
    """A file written as a symbolic link to this text."""


def _article(body: str = "Nội dung tin.\n", **fields: object) -> str:
    return article_text(body, **{"publish_at": "2021-05-10T09:00:00+07:00", **fields})


def _replace(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


# Each never-public state: (canary, file, text). The canary is in the body and in the commit message.
NEVER_PUBLIC: list[tuple[str, str, str | bytes | Symlink]] = [
    ("CANARYMISSPELT", PLAN, _replace(_plan("CANARYMISSPELT"), "access: public", "acess: public")),
    (
        "CANARYDUPLICATE",
        PLAN,
        _replace(
            _plan("CANARYDUPLICATE", access="internal"),
            "access: internal",
            "access: internal\naccess: public",
        ),
    ),
    ("CANARYINTERNAL", PLAN, _plan("CANARYINTERNAL", access="internal")),
    ("CANARYDRAFT", PLAN, _plan("CANARYDRAFT", status="draft")),
    ("CANARYYAML", PLAN, _replace(_plan("CANARYYAML"), "place: Sa Pa", "place: Sa Pa: Lào Cai")),
    ("CANARYUNKNOWN", PLAN, _replace(_plan("CANARYUNKNOWN"), "place: Sa Pa", "place: Sa Pa\nmau: đỏ")),
    ("CANARYISSUER", PLAN, _plan("CANARYISSUER", issuer="khong-co")),
    ("CANARYSCHEDULED", PLAN, _plan("CANARYSCHEDULED", publish_at="2099-01-01T08:00:00+07:00")),
    ("CANARYENCODING", PLAN, _plan("CANARYENCODING").encode().replace("Văn".encode(), b"V\xe3n")),
    ("CANARYNOFRONT", PLAN, "# Kế hoạch CANARYNOFRONT\n\nKhông có thông tin đầu.\n"),
    # A symbolic link whose target is the text of a valid plan: git keeps the target as the file's content.
    ("CANARYSYMLINK", PLAN, Symlink(_plan("CANARYSYMLINK"))),
    ("CANARYAPPROVAL", ARTICLE, _article("Nội dung tin. CANARYAPPROVAL\n", approved_by=None)),
    ("CANARYARTICLEDRAFT", ARTICLE, _article("Nội dung tin. CANARYARTICLEDRAFT\n", status="draft")),
]


def _commit(
    repo: Repo,
    when: str,
    message: str,
    files: dict[str, str | bytes | Symlink],
    author: str = "Ban Tuyên giáo",
) -> None:
    for path, text in files.items():
        target = repo.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        if isinstance(text, Symlink):
            target.symlink_to(str(text))
        elif isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
        repo.git("add", path)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "canary@example.invalid",
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": "canary@example.invalid",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(
        ["git", "commit", "-q", "-m", message], cwd=repo.root, env=env, check=True, capture_output=True
    )


@pytest.fixture(scope="module")
def canary_project(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    repo = Repo(tmp_path_factory.mktemp("canary") / "project")
    base = {**base_files(MINIMAL_MKDOCS), "data/channels.yml": CHANNELS}
    repo.commit("2021-04-01T08:00:00+07:00", "Dựng trang", base)
    repo.commit(
        "2021-05-10T09:00:00+07:00", "Ban hành\n\nGhi-chu: Ban hành", {PLAN: PUBLISHED, ARTICLE: _article()}
    )
    for day, (canary, path, text) in enumerate(NEVER_PUBLIC, start=1):
        _commit(
            repo,
            f"2021-06-{day:02d}T08:00:00+07:00",
            f"Sửa {canary}\n\nGhi-chu: Sửa {canary}",
            {path: text},
            author=STRANGER,
        )
    _commit(
        repo,
        "2021-07-01T08:00:00+07:00",
        "Đăng lại\n\nGhi-chu: Đăng lại",
        {
            PLAN: plan_text(
                "Văn bản đã sửa đổi.\n", date="2021-05-09", publish_at="2021-05-10T09:00:00+07:00"
            ),
            ARTICLE: _article("Nội dung tin đã sửa.\n"),
        },
    )
    return repo


def _everything(site: Path) -> bytes:
    return b"\n".join(p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file())


def _never_public_commits(repo: Repo) -> list[str]:
    log = repo.git("log", "--format=%an\t%H")
    return [line.split("\t")[1] for line in log.splitlines() if line.startswith(STRANGER)]


@pytest.mark.parametrize("target", ["public", "internal"])
def test_no_trace_of_a_never_public_revision_in_any_output(canary_project, target):
    site = canary_project.root.parent / f"site-{target}"
    result = run_loa(
        "build", "--site-dir", str(site), "--at", BUILD_TIME, "--target", target, cwd=canary_project.root
    )
    assert result.returncode == 0, result.stderr
    everything = _everything(site)
    commits = _never_public_commits(canary_project)
    assert len(commits) == len(NEVER_PUBLIC)
    # The internal edition shows the internal revision (the rule is the target's); nothing else ever.
    shown = {"CANARYINTERNAL"} if target == "internal" else set()
    for canary, _, _ in NEVER_PUBLIC:
        if canary in shown:
            assert canary.encode() in everything, canary
            continue
        assert canary.encode() not in everything, canary
    for commit in commits:
        index = commits.index(commit)
        canary = NEVER_PUBLIC[len(NEVER_PUBLIC) - 1 - index][0]  # git log is newest first
        if canary not in shown:
            assert commit[:10].encode() not in everything, canary
    if not shown:
        assert STRANGER.encode() not in everything
    # The public revisions are all there: the first and the last of each document.
    page = (site / "plans/2021/ke-hoach/index.html").read_text(encoding="utf-8")
    assert "Ban hành" in page and "Đăng lại" in page
    revisions = sorted((site / "plans/2021/ke-hoach/phien-ban").iterdir())
    assert len(revisions) == 2 + len(shown)
    assert len(list((site / "tin-bai/tin/phien-ban").iterdir())) == 2
    if target == "public":
        # Again from the cache, which keeps what the strict loader decided of each text: the same site.
        again = canary_project.root.parent / "site-again"
        result = run_loa("build", "--site-dir", str(again), "--at", BUILD_TIME, cwd=canary_project.root)
        assert result.returncode == 0, result.stderr
        assert _everything(again) == everything


def test_the_public_history_lists_only_strictly_valid_public_revisions(canary_project):
    from loa.core.history.git import read_history
    from loa.core.history.revisions import StrictLoader, public_revisions
    from loa.core.loading.catalog import Layout
    from loa.core.selection.publication import parse_build_time

    root = canary_project.root
    history = read_history(root)
    assert history is not None
    load = StrictLoader.for_layout(Layout(root, root / "content", root / "plans", root / "data"))
    at = parse_build_time(BUILD_TIME)
    plan = [item.revision.subject for item in public_revisions(history[PLAN], at=at, load=load)]
    assert plan == ["Ban hành", "Đăng lại"]
    internal = [
        item.revision.subject for item in public_revisions(history[PLAN], at=at, load=load, target="internal")
    ]
    assert internal == ["Ban hành", "Sửa CANARYINTERNAL", "Đăng lại"]
    article = [item.revision.subject for item in public_revisions(history[ARTICLE], at=at, load=load)]
    assert article == ["Ban hành", "Đăng lại"]
