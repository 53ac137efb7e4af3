"""Revision history from a real git repository with fixed commit dates: renames, drafts, schedules, shallow clones."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from loa.core.base.diagnostics import Diagnostics
from loa.core.history.diffs import field_changes, word_diff
from loa.core.history.git import Revision, read_history
from loa.core.history.revisions import StrictLoader, public_revisions
from loa.core.model.document import TIMEZONE
from loa.core.model.registry import load_issuers
from tests.conftest import REPO, plan_text


def _front(status: str, title: str = "về việc thử nghiệm", **extra: str | None) -> str:
    """A valid plan's front matter (the strict loader refuses anything else), without a publication time."""
    return plan_text("", status=status, title=title, date="2021-01-15", **{"publish_at": None, **extra})


LOAD = StrictLoader(load_issuers(REPO / "data" / "issuers.yml", "data/issuers.yml", Diagnostics()))


def _shown(revisions: list[Revision], *, at: dt.datetime, target: str = "public") -> list[Revision]:
    return [item.revision for item in public_revisions(revisions, at=at, target=target, load=LOAD)]


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, when: str = "2021-01-01T08:00:00+07:00") -> str:
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Ban Tuyên giáo",
            "GIT_AUTHOR_EMAIL": "btg@example.invalid",
            "GIT_COMMITTER_NAME": "Ban Tuyên giáo",
            "GIT_COMMITTER_EMAIL": "btg@example.invalid",
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
        }
        return subprocess.run(
            ["git", *args], cwd=self.root, env=env, check=True, capture_output=True, text=True
        ).stdout

    def commit(self, when: str, message: str, files: dict[str, str | None]) -> None:
        for path, text in files.items():
            target = self.root / path
            if text is None:
                self.git("rm", "-q", path)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            self.git("add", path)
        self.git("commit", "-q", "-m", message, when=when)


BODY = "Thực hiện Kế hoạch số 85-KH/TU, Thị ủy xây dựng kế hoạch như sau.\n\n" * 3


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.commit(
        "2021-05-01T08:00:00+07:00", "Soạn thảo", {"plans/a.md": _front("draft") + BODY + "Bản nháp.\n"}
    )
    repo.commit(
        "2021-05-10T09:00:00+07:00", "Ban hành", {"plans/a.md": _front("published") + BODY + "Văn bản gốc.\n"}
    )
    (repo.root / "plans/2021").mkdir()
    repo.git("mv", "plans/a.md", "plans/2021/b.md")
    repo.commit("2021-06-01T08:00:00+07:00", "Chuyển thư mục", {})
    repo.commit(
        "2021-07-01T08:00:00+07:00",
        "Sửa đổi",
        {
            "plans/2021/b.md": _front("published", "về việc thử nghiệm (sửa đổi)")
            + BODY
            + "Văn bản đã sửa đổi.\n"
        },
    )
    repo.commit(
        "2021-08-01T08:00:00+07:00", "Nội bộ", {"plans/c.md": _front("published", access="internal") + BODY}
    )
    repo.commit(
        "2021-08-02T08:00:00+07:00",
        "Hẹn giờ",
        {"plans/d.md": _front("published", publish_at="2021-09-01T08:00:00+07:00") + BODY + "Bản hẹn giờ.\n"},
    )
    repo.commit(
        "2021-08-20T08:00:00+07:00",
        "Sửa trước giờ đăng",
        {"plans/d.md": _front("published", publish_at="2021-09-01T08:00:00+07:00") + BODY + "Bản đăng.\n"},
    )
    return repo


LATER = dt.datetime(2022, 1, 1, tzinfo=TIMEZONE)


def test_history_follows_renames_with_dates_authors_and_texts(repo):
    history = read_history(repo.root)
    assert history is not None
    assert sorted(history) == ["plans/2021/b.md", "plans/c.md", "plans/d.md"]
    revisions = history["plans/2021/b.md"]
    assert [r.subject for r in revisions] == ["Soạn thảo", "Ban hành", "Chuyển thư mục", "Sửa đổi"]
    assert [r.path for r in revisions] == ["plans/a.md", "plans/a.md", "plans/2021/b.md", "plans/2021/b.md"]
    assert revisions[1].date == dt.datetime(2021, 5, 10, 9, tzinfo=TIMEZONE)
    assert revisions[1].date.utcoffset() == dt.timedelta(hours=7)
    # Readers never see git identities: the registry's name, or the editorial board.
    assert {r.author for r in revisions} == {"Ban biên tập"}
    assert {r.message for r in revisions} == {""}  # no note trailer: a commit message is never shown
    named = read_history(repo.root, editors={"btg@example.invalid": "Ban Tuyên giáo Thị ủy"})
    assert named is not None and {r.author for r in named["plans/2021/b.md"]} == {"Ban Tuyên giáo Thị ủy"}
    assert (
        revisions[0].body.endswith("Bản nháp.\n")
        and revisions[3].front["title"] == "về việc thử nghiệm (sửa đổi)"
    )


def test_a_draft_period_is_never_public(repo):
    history = read_history(repo.root)
    assert history is not None
    shown = _shown(history["plans/2021/b.md"], at=LATER)
    assert [r.subject for r in shown] == ["Ban hành", "Chuyển thư mục", "Sửa đổi"]
    assert all("Bản nháp" not in r.text for r in shown)
    # Before it was issued, nothing at all.
    assert _shown(history["plans/2021/b.md"], at=dt.datetime(2021, 5, 5, tzinfo=TIMEZONE)) == []


def test_internal_and_superseded_scheduled_revisions(repo):
    history = read_history(repo.root)
    assert history is not None
    assert _shown(history["plans/c.md"], at=LATER) == []
    assert [r.subject for r in _shown(history["plans/c.md"], at=LATER, target="internal")] == ["Nội bộ"]
    # The first scheduled text was replaced before its publication time: readers never saw it.
    assert [r.subject for r in _shown(history["plans/d.md"], at=LATER)] == ["Sửa trước giờ đăng"]
    assert _shown(history["plans/d.md"], at=dt.datetime(2021, 8, 25, tzinfo=TIMEZONE)) == []


def test_diffs_by_word_and_by_field(repo):
    history = read_history(repo.root)
    assert history is not None
    before, after = history["plans/2021/b.md"][2:4]
    diff = word_diff(before.body, after.body)
    assert "Văn bản <del>gốc.</del><ins>đã sửa đổi.</ins>" in diff
    assert "<del>" not in diff.split("Văn bản")[0]
    (change,) = field_changes(before.front, after.front)
    assert (change.field, change.before, change.after) == (
        "title",
        "về việc thử nghiệm",
        "về việc thử nghiệm (sửa đổi)",
    )
    assert word_diff("a <b>", "a <c>") == "a <del>&lt;b&gt;</del><ins>&lt;c&gt;</ins>"


def test_no_history_without_git_or_in_a_shallow_clone(repo, tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    assert read_history(plain) is None
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(shallow)], check=True)
    assert read_history(shallow) is None


def test_cached_revision_pages_follow_the_current_targets_of_their_links(tmp_path):
    import datetime as dt

    from loa.core.history.revision_pages import PageOptions, RevisionPage, write_revision_pages
    from loa.core.loading.content_cache import CacheStore

    since = dt.datetime(2022, 1, 10, 8, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    page = RevisionPage(
        url="plans/a/phien-ban/0123456789/",
        document_url="plans/a/",
        src_uri="plans/a.md",
        title="Kế hoạch thử",
        since=since,
        author="Ban Tuyên giáo",
        message="Đăng văn bản",
        body="Thực hiện [Kế hoạch số 12](b.md).\n",
        front={"title": "thử"},
        newest=True,
    )

    store = CacheStore(tmp_path / "cache", b"k" * 32)

    def build(site_name: str, targets: dict[str, str]) -> str:
        site = tmp_path / f"site-{len(list(tmp_path.iterdir()))}"
        options = PageOptions(
            ["toc"],
            {},
            site_name,
            "https://loa.example/",
            ["assets/loa/loa-document.css"],
            tmp_path / "cache",
            targets,
        )
        write_revision_pages(site, [page], options, store=store)
        return (site / page.url / "index.html").read_text(encoding="utf-8")

    first = build("Trang thử", {"plans/b.md": "plans/b/"})
    assert 'href="../../../b/"' in first
    assert build("Trang thử", {"plans/b.md": "plans/b/"}) == first  # from the cache
    withdrawn = build("Trang thử", {})
    assert "Kế hoạch số 12" in withdrawn and "b/" not in withdrawn.split("<article")[1]
    assert "Trang khác" in build("Trang khác", {"plans/b.md": "plans/b/"})
    assert len(list((tmp_path / "cache" / "page").rglob("*"))) > 2
    assert store.rejected == 0


def test_a_public_note_comes_from_the_commit_trailer_only(repo):
    repo.commit(
        "2021-09-01T08:00:00+07:00",
        "fix typo in section 2 (internal ticket #12)\n\nDetails for developers.\n\n"
        "Ghi-chu: Sửa lỗi chính tả ở mục II.\u200b",
        {"plans/2021/b.md": _front("published", "về việc thử nghiệm (sửa đổi)") + BODY + "Văn bản đã sửa.\n"},
    )
    history = read_history(repo.root)
    assert history is not None
    newest = history["plans/2021/b.md"][-1]
    assert newest.subject == "fix typo in section 2 (internal ticket #12)"
    assert newest.message == "Sửa lỗi chính tả ở mục II."  # invisible characters dropped


@pytest.mark.parametrize(
    "message",
    [
        "sửa\x1e0000000000000000000000000000000000000000\x1f2001-01-01T00:00:00+07:00\x1fGiả mạo\x1fghi chú",
        "hỏng\x1ekhông có trường",
        "Ghi-chu: a\x1f\x1eb",
    ],
)
def test_no_commit_message_can_forge_or_break_the_history(repo, message):
    # A message carrying the characters a fixed separator would use neither adds a revision nor stops reading.
    repo.commit(
        "2021-09-01T08:00:00+07:00",
        message,
        {"plans/2021/b.md": _front("published", "về việc thử nghiệm (sửa đổi)") + BODY + "Văn bản đã sửa.\n"},
    )
    history = read_history(repo.root)
    assert history is not None
    revisions = history["plans/2021/b.md"]
    assert len(revisions) == 5
    assert revisions[-1].date == dt.datetime(2021, 9, 1, 8, tzinfo=TIMEZONE)
    assert revisions[-1].author == "Ban biên tập"
    assert {r.commit for r in revisions} == {r.commit for r in revisions if r.commit.strip("0")}


def test_the_editors_registry_names_addresses_and_refuses_what_it_cannot_show(tmp_path):
    from loa.core.model.registry import load_editors

    path = tmp_path / "editors.yml"
    path.write_text(
        'BTG@Sapa.example: Ban Tuyên giáo Thị ủy\nkhong-phai-email: Ai đó\nan@sapa.example: "Nguyễn\\u202eVăn An"\n',
        encoding="utf-8",
    )
    diagnostics = Diagnostics()
    editors = load_editors(path, "data/editors.yml", diagnostics)
    assert editors["btg@sapa.example"] == "Ban Tuyên giáo Thị ủy" and "khong-phai-email" not in editors
    # Invisible characters are refused in every data file, this one included (and fail the build).
    assert [(d.line, d.code) for d in diagnostics.items] == [
        (2, "registry.editor-email"),
        (3, "text.invisible-char"),
    ]
    assert load_editors(tmp_path / "none.yml", "data/none.yml", Diagnostics()) == {}
