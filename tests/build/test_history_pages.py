"""History pages from a throwaway git repository with fixed dates: a rename, a draft period, an amendment."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import BUILD_TIME, SITE_ROOT, plan_text, run_loa
from tests.unit.test_history import Repo

INTRO = "Thị ủy xây dựng kế hoạch thử nghiệm như sau.\n\n"


def _plan(ending: str, **fields: object) -> str:
    return plan_text(
        INTRO + ending, **{"date": "2021-05-09", "publish_at": "2021-05-10T09:00:00+07:00", **fields}
    )


@pytest.fixture(scope="module")
def history_project(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    from tests.conftest import MINIMAL_MKDOCS, REPO

    repo = Repo(tmp_path_factory.mktemp("history") / "project")
    base = {
        "mkdocs.yml": MINIMAL_MKDOCS,
        **SITE_ROOT,
        "content/index.md": "---\nkind: index\n---\n\n# Trang chủ\n",
        "data/issuers.yml": (REPO / "data" / "issuers.yml").read_text(encoding="utf-8"),
        "data/external.yml": (REPO / "data" / "external.yml").read_text(encoding="utf-8"),
        "data/editors.yml": "btg@example.invalid: Ban Tuyên giáo Thị ủy\n",
    }
    repo.commit("2021-04-01T08:00:00+07:00", "Dựng trang", base)
    repo.commit(
        "2021-05-01T08:00:00+07:00",
        "Soạn thảo",
        {"plans/2021/cu.md": _plan("Bản nháp bí mật.\n", status="draft")},
    )
    repo.commit("2021-05-10T09:00:00+07:00", "Ban hành", {"plans/2021/cu.md": _plan("Văn bản gốc.\n")})
    repo.git("mv", "plans/2021/cu.md", "plans/2021/ke-hoach.md")
    repo.commit("2021-06-01T08:00:00+07:00", "Đổi tên tệp", {})
    repo.commit(
        "2021-06-15T08:00:00+07:00",
        "Rút về dự thảo",
        {"plans/2021/ke-hoach.md": _plan("Nội dung dự thảo lần hai.\n", status="draft")},
    )
    repo.commit(
        "2021-07-01T08:00:00+07:00",
        "Sửa đổi, bổ sung\n\nGhi-chu: Bổ sung mục 3 theo ý kiến Thường trực.",
        {"plans/2021/ke-hoach.md": _plan("Văn bản đã sửa đổi.\n", title="về việc thử nghiệm (sửa đổi)")},
    )
    return repo


@pytest.fixture(scope="module")
def history_site(history_project: Repo) -> Path:
    site = history_project.root.parent / "site"
    result = run_loa("build", "--site-dir", str(site), "--at", BUILD_TIME, cwd=history_project.root)
    assert result.returncode == 0, result.stderr
    return site


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _commits(repo: Repo) -> dict[str, str]:
    log = repo.git("log", "--format=%s\t%H")
    return {line.split("\t")[0]: line.split("\t")[1][:10] for line in log.splitlines()}


def test_the_page_lists_exactly_the_public_revisions(history_project, history_site):
    commits = _commits(history_project)
    section = _soup(history_site / "plans/2021/ke-hoach/index.html").find(id="lich-su")
    assert (
        section.find(class_="loa-history__updated").get_text() == "Cập nhật lần cuối: 08:00 ngày 01/07/2021."
    )
    items = [" ".join(li.get_text().split()) for li in section.find_all("li")]
    assert items == [
        "Bản 08:00 ngày 01/07/2021 (bản hiện hành): Ban Tuyên giáo Thị ủy, Bổ sung mục 3 theo ý kiến Thường trực.",
        "Bản 08:00 ngày 01/06/2021: Ban Tuyên giáo Thị ủy",
        "Bản 09:00 ngày 10/05/2021: Ban Tuyên giáo Thị ủy",
    ]
    links = [a["href"] for a in section.find_all("a")]
    assert links == [f"phien-ban/{commits[m]}/" for m in ("Sửa đổi, bổ sung", "Đổi tên tệp", "Ban hành")]
    written = sorted(
        p.parent.name for p in (history_site / "plans/2021/ke-hoach/phien-ban").glob("*/index.html")
    )
    assert written == sorted(commits[m] for m in ("Sửa đổi, bổ sung", "Đổi tên tệp", "Ban hành"))


def test_a_revision_page_shows_its_text_and_the_diff_against_the_public_one_before(
    history_project, history_site
):
    commits = _commits(history_project)
    page = _soup(history_site / f"plans/2021/ke-hoach/phien-ban/{commits['Sửa đổi, bổ sung']}/index.html")
    # Changed words only: "Văn bản" stays as it was.
    assert [d.get_text() for d in page.select(".loa-diff del")] == ["gốc."]
    assert [i.get_text() for i in page.select(".loa-diff ins")] == ["đã sửa đổi."]
    assert "Văn bản <del>gốc.</del><ins>đã sửa đổi.</ins>" in str(page.select_one(".loa-diff"))
    rows = [
        [c.get_text() for c in row.find_all(["th", "td"])] for row in page.select(".loa-changes tbody tr")
    ]
    assert rows == [["Trích yếu, tiêu đề", "về việc thử nghiệm", "về việc thử nghiệm (sửa đổi)"]]
    assert page.select_one(".loa-revision__changes a")["href"] == f"../{commits['Đổi tên tệp']}/"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert page.find("script") is None
    first = _soup(history_site / f"plans/2021/ke-hoach/phien-ban/{commits['Ban hành']}/index.html")
    assert "Văn bản gốc." in first.select_one(".loa-revision__text").get_text()
    assert "Đây không phải bản hiện hành." in first.select_one(".loa-revision__banner").get_text()
    assert first.select_one(".loa-revision__banner a")["href"] == "../../"
    renamed = _soup(history_site / f"plans/2021/ke-hoach/phien-ban/{commits['Đổi tên tệp']}/index.html")
    assert "Nội dung văn bản không thay đổi." in renamed.select_one(".loa-revision__changes").get_text()


def test_nothing_from_the_draft_periods_and_no_revision_in_search_sitemap_or_feeds(
    history_project, history_site
):
    commits = _commits(history_project)
    everything = b"".join(
        p.read_bytes() for p in history_site.rglob("*") if p.is_file() and p.suffix != ".gz"
    )
    for secret in (
        "Bản nháp bí mật",
        "dự thảo lần hai",
        "Rút về dự thảo",
        commits["Rút về dự thảo"],
        commits["Soạn thảo"],
    ):
        assert secret.encode() not in everything, secret
    for listing in [
        history_site / "sitemap.xml",
        *history_site.glob("feeds/*.*"),
        *history_site.rglob("search/**/*.js"),
    ]:
        if listing.suffix != ".gz":
            assert b"phien-ban" not in listing.read_bytes(), listing


def _build(root: Path, site: Path) -> BeautifulSoup:
    result = run_loa("build", "--site-dir", str(site), "--at", BUILD_TIME, cwd=root)
    assert result.returncode == 0, result.stderr
    return _soup(site / "plans/2021/ke-hoach/index.html")


def test_without_git_or_in_a_shallow_clone_the_page_says_history_is_unavailable(history_project, tmp_path):
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{history_project.root}", str(shallow)], check=True
    )
    exported = tmp_path / "exported"
    subprocess.run(["cp", "-r", str(history_project.root), str(exported)], check=True)
    subprocess.run(["rm", "-rf", str(exported / ".git")], check=True)
    for root in (shallow, exported):
        section = _build(root, root.parent / f"site-{root.name}").find(id="lich-su")
        assert "Lịch sử thay đổi không có trong bản dựng này." in section.get_text(), root
        assert not (root.parent / f"site-{root.name}" / "plans/2021/ke-hoach/phien-ban").exists()


def test_a_build_from_the_revision_cache_is_byte_identical(history_project, history_site, tmp_path):
    cached = sorted(
        p.relative_to(history_project.root).parts[3]
        for p in (history_project.root / ".cache" / "loa" / "v1").rglob("*")
        if p.is_file() and p.name != "origin"
    )
    # The plan's three public revisions: two distinct texts (the rename kept the text), one change of text; and
    # the home page's one revision.
    assert cached.count("text") == 3 and cached.count("diff") == 1, cached
    again = tmp_path / "again"
    result = run_loa("build", "--site-dir", str(again), "--at", BUILD_TIME, cwd=history_project.root)
    assert result.returncode == 0, result.stderr

    def files(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    assert files(again) == files(history_site)
