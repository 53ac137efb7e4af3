"""Class 13: safe without Loa. A build that bypasses the plugin (`enabled: false`, the plugin removed, Material's
search instead, a renderer that skips unknown plugins) publishes no document at all; switches committed into
mkdocs.yml that would widen what the public site shows are refused or have no effect."""

from __future__ import annotations

from tests.conftest import MINIMAL_MKDOCS
from tests.hostile.cases.base import ARTICLES, EITHER, TOPICS, Case, article_text, plan, topic_text

WITHHELD: dict[str, str | bytes] = {
    "plans/2022/cnrybpdraft.md": plan("Nháp CNRYBPDRAFT.\n", title="về việc CNRYBPDRAFT", status="draft"),
    "plans/2022/cnrybpinternal.md": plan(
        "Nội bộ CNRYBPINTERNAL.\n", title="về việc CNRYBPINTERNAL", access="internal"
    ),
    f"{ARTICLES}/cnrybpinternalart.md": article_text(
        "Nội bộ CNRYBPINTART.\n", title="Tin CNRYBPINTART", access="internal"
    ),
    f"{ARTICLES}/cnrybpsched.md": article_text(
        "Hẹn giờ CNRYBPSCHED.\n", title="Tin CNRYBPSCHED", publish_at="2030-01-01T08:00:00+07:00"
    ),
    f"{ARTICLES}/cnrybpreview.md": article_text(
        "Chờ duyệt CNRYBPREVIEW.\n", title="Tin CNRYBPREVIEW", status="review", approved_by=None
    ),
    f"{TOPICS}/cnrybptopic.md": topic_text(
        "Chuyên đề nháp CNRYBPTOPIC.\n", title="Chuyên đề CNRYBPTOPIC", status="draft"
    ),
    "content/cnrybppage.md": "---\nkind: page\ntitle: Trang CNRYBPPAGE\nstatus: draft\n---\n\nNháp CNRYBPPAGE.\n",
    "plans/2022/hxbppublic.md": plan("Công khai HXBPPUBLICPLAN.\n", title="về việc công khai"),
    f"{ARTICLES}/hxbppublicart.md": article_text("Công khai HXBPPUBLICART.\n", title="Tin công khai"),
}
CANARIES = (
    "CNRYBPDRAFT",
    "CNRYBPINTERNAL",
    "CNRYBPINTART",
    "CNRYBPSCHED",
    "CNRYBPREVIEW",
    "CNRYBPTOPIC",
    "CNRYBPPAGE",
)
PUBLIC = ("HXBPPUBLICPLAN", "HXBPPUBLICART")
LOA = "plugins:\n  - loa\n"
assert LOA in MINIMAL_MKDOCS


def _c(id: str, what: str, mkdocs: str, command: str, no_documents: bool) -> Case:
    return Case(
        id=id,
        cls=13,
        outcome=EITHER,
        what=what,
        files=dict(WITHHELD),
        mkdocs=mkdocs,
        command=command,
        canaries=CANARIES + (PUBLIC if no_documents else ()),
    )


CASES = [
    _c(
        "c13-disabled-mkdocs",
        "`enabled: false`, plain `mkdocs build`",
        MINIMAL_MKDOCS.replace(LOA, "plugins:\n  - loa:\n      enabled: false\n"),
        "mkdocs",
        True,
    ),
    _c(
        "c13-removed-mkdocs",
        "plugin removed from mkdocs.yml, plain `mkdocs build`",
        MINIMAL_MKDOCS.replace(LOA, ""),
        "mkdocs",
        True,
    ),
    _c(
        "c13-material-search",
        "plugin replaced by Material's search (index of every file)",
        MINIMAL_MKDOCS.replace(LOA, "plugins:\n  - search\n"),
        "mkdocs",
        True,
    ),
    _c(
        "c13-disabled-loa",
        "`enabled: false`, `loa build`",
        MINIMAL_MKDOCS.replace(LOA, "plugins:\n  - loa:\n      enabled: false\n"),
        "loa",
        True,
    ),
    _c(
        "c13-target-preview",
        "`target: preview` committed into mkdocs.yml, `loa build`",
        MINIMAL_MKDOCS.replace(LOA, "plugins:\n  - loa:\n      target: preview\n"),
        "loa",
        False,
    ),
    _c(
        "c13-target-internal",
        "`target: internal` committed into mkdocs.yml, `loa build` (public by default)",
        MINIMAL_MKDOCS.replace(LOA, "plugins:\n  - loa:\n      target: internal\n"),
        "loa",
        False,
    ),
    Case(
        id="c13-sapa-disabled",
        cls=13,
        outcome=EITHER,
        command="mkdocs",
        sapa=True,
        what="the repository's own site with `enabled: false`, plain `mkdocs build`",
        canaries=("CANARYBANNHAP", "CANARYNOIBO", "CANARYLICHHEN"),
    ),
]
