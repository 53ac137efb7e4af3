"""Class 9: never-public revisions. A revision whose front matter the strict loader refuses (misspelt or
duplicated `access`, …) is not public, and its commit message never appears. Also class 1 through git: markup
in commit messages and author names of public revisions. Built in one git repository (batch "history")."""

from __future__ import annotations

from tests.hostile.cases.base import NEUTRALISED, Case, Commit, plan, pre_escaped, raw, script

GOOD_DATE = "2024-06-01T08:00:00+07:00"


def _rev(id: str, what: str, bad: str, canary: str) -> Case:
    """Revision 1 (bad front matter, public to a lax reader) carries canaries; revision 2 is valid and public."""
    path = f"plans/2022/{id}.md"
    good = plan(
        f"Bản đúng của {id}.\n", title=f"về việc lịch sử {id}", publish_at="2024-01-01T08:00:00+07:00"
    )
    return Case(
        id=id,
        cls=9,
        outcome=NEUTRALISED,
        what=what,
        batch="history",
        canaries=(canary,),
        commits=(
            Commit(
                {path: bad.replace("BODY", f"Bản hỏng {canary}TEXT.")},
                f"Sửa {canary}MSG",
                "2024-03-01T08:00:00+07:00",
            ),
            Commit({path: good}, "Sửa lỗi phần thông tin", GOOD_DATE),
        ),
    )


def _bad(**fields: object) -> str:
    return plan("BODY\n", title="về việc lịch sử", publish_at="2024-01-01T08:00:00+07:00", **fields)


CASES = [
    _rev(
        "c9-misspelt-access",
        "`acess: public`",
        raw(_bad(), "access: public", "acess: public"),
        "CNRYREVMISSPELT",
    ),
    _rev(
        "c9-duplicate-access",
        "`access` twice (internal, then public)",
        raw(_bad(), "access: public", "access: internal\naccess: public"),
        "CNRYREVDUPLICATE",
    ),
    _rev(
        "c9-capital-access",
        "`access: Public`",
        raw(_bad(), "access: public", "access: Public"),
        "CNRYREVCAPITAL",
    ),
    _rev(
        "c9-unknown-key",
        "an unknown key",
        raw(_bad(), "access: public", "access: public\nacces: public"),
        "CNRYREVUNKNOWN",
    ),
    _rev(
        "c9-bad-yaml",
        "front matter that does not parse",
        raw(_bad(), "access: public", "access: public\n\tx: ["),
        "CNRYREVYAML",
    ),
    _rev(
        "c9-impossible-date",
        "date 2022-02-30",
        raw(_bad(), "date: '2022-03-15'", "date: 2022-02-30")
        if "date: '2022-03-15'" in _bad()
        else raw(_bad(), "date: 2022-03-15", "date: 2022-02-30"),
        "CNRYREVDATE",
    ),
    _rev(
        "c9-draft",
        "a valid draft revision",
        raw(_bad(), "status: published", "status: draft"),
        "CNRYREVDRAFT",
    ),
    _rev(
        "c9-internal",
        "a valid internal revision",
        raw(_bad(), "access: public", "access: internal"),
        "CNRYREVINTERNAL",
    ),
    _rev(
        "c9-scheduled",
        "a revision scheduled after the next commit",
        raw(_bad(), "2024-01-01T08:00:00+07:00", "2024-12-01T08:00:00+07:00"),
        "CNRYREVSCHEDULED",
    ),
    Case(
        id="c9-public-revisions",
        cls=9,
        outcome=NEUTRALISED,
        batch="history",
        what="two public revisions: the first one's public note (its Ghi-chu: trailer) is shown (control)",
        published=("HXREVPUBLICMSG",),
        commits=(
            Commit(
                {
                    "plans/2022/c9-public.md": plan(
                        "Bản một.\n", title="về việc công khai", publish_at="2024-01-01T08:00:00+07:00"
                    )
                },
                "Đăng\n\nGhi-chu: Đăng HXREVPUBLICMSG",
                "2024-02-01T08:00:00+07:00",
            ),
            Commit(
                {
                    "plans/2022/c9-public.md": plan(
                        "Bản hai.\n", title="về việc công khai", publish_at="2024-01-01T08:00:00+07:00"
                    )
                },
                "Sửa chính tả",
                "2024-05-01T08:00:00+07:00",
            ),
        ),
    ),
]


# Class 1 through git metadata: shown on every page's revision list and on the revision pages.
def _author_name(t: str) -> str:
    """git strips < and > from names: pre-escaped markup and an attribute breakout instead."""
    return f'Biên tập {pre_escaped(t)}" onmouseover="window.__pwned=\'{t}\'" x="'


for _id, _message, _author in (
    ("c1-commit-message", script, "Biên tập viên"),
    ("c1-commit-author", None, _author_name),
):
    _probe = Case(id=_id, cls=1, outcome=NEUTRALISED, what="")
    _t = _probe.token
    _path = f"plans/2022/{_id}.md"
    CASES.append(
        Case(
            id=_id,
            cls=1,
            outcome=NEUTRALISED,
            batch="history",
            what="markup in a public revision's commit message and note"
            if _message
            else "markup in a commit author name",
            commits=(
                Commit(
                    {
                        _path: plan(
                            f"Bản một {_t}.\n", title=f"về việc {_t}", publish_at="2024-01-01T08:00:00+07:00"
                        )
                    },
                    # The payload in the subject (never shown) and in the public note (shown, escaped).
                    f"{_message(_t)}\n\nGhi-chu: {_message(_t)}" if _message else f"Đăng {_t}",
                    "2024-02-01T08:00:00+07:00",
                    _author(_t) if callable(_author) else _author,
                ),
                Commit(
                    {
                        _path: plan(
                            f"Bản hai {_t}.\n", title=f"về việc {_t}", publish_at="2024-01-01T08:00:00+07:00"
                        )
                    },
                    f"Sửa {_message(_t) if _message else _t}",
                    "2024-05-01T08:00:00+07:00",
                ),
            ),
        )
    )
