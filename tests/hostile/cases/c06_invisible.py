"""Class 6: bidirectional overrides and other invisible format characters in titles, numbers and names."""

from __future__ import annotations

from tests.hostile.cases.base import (
    ARTICLES,
    REFUSED,
    TOPICS,
    Case,
    article_text,
    plan,
    raw,
    raw_line,
    topic_text,
)

M = "HXINVISIBLE"


def _plan(id: str, char: str, what: str, needle: str, **fields: object) -> Case:
    path = f"plans/2022/{id}.md"
    return Case(
        id=id,
        cls=6,
        outcome=REFUSED,
        what=what,
        path=(path,),
        needles=(needle,),
        files={path: raw(plan(**fields), M, char)},
    )


CASES = [
    _plan("c6-title-rlo", "\u202e", "U+202E in a title", "title:", title=f"về việc {M}ủy ban"),
    _plan("c6-title-lre", "\u202a", "U+202A in a title", "title:", title=f"về việc {M}kế hoạch"),
    Case(
        id="c6-title-lri-escape",
        cls=6,
        outcome=REFUSED,
        what="U+2066 written as a YAML escape",
        path=("plans/2022/c6-title-lri-escape.md",),
        needles=("title:",),
        files={"plans/2022/c6-title-lri-escape.md": raw_line(plan(), "title", '"về việc \\u2066kế hoạch"')},
    ),
    _plan("c6-title-fsi", "\u2068", "U+2068 in a title", "title:", title=f"về việc {M}kế hoạch"),
    _plan("c6-title-zwsp", "\u200b", "zero-width space in a title", "title:", title=f"về việc kế{M}hoạch"),
    _plan("c6-title-bom", "\ufeff", "U+FEFF inside a title", "title:", title=f"về việc kế{M}hoạch"),
    _plan("c6-title-soft-hyphen", "\u00ad", "soft hyphen in a title", "title:", title=f"về việc kế{M}hoạch"),
    _plan(
        "c6-number-rlo",
        "\u202e",
        "U+202E in a number (85-KH/TU read backwards)",
        "number:",
        number=f"{M}UT/HK-58",
    ),
    _plan(
        "c6-number-zwj",
        "\u200d",
        "zero-width joiner in a number (a look-alike duplicate)",
        "number:",
        number=f"1-KH{M}/TU",
    ),
    _plan(
        "c6-signer-rli",
        "\u2067",
        "U+2067 in the signer's name",
        "name:",
        signer={"authority": "T/M BAN THƯỜNG VỤ", "role": "BÍ THƯ", "name": f"Nguyễn {M}Văn A"},
    ),
    _plan("c6-recipient-pdf", "\u202c", "U+202C in a recipient", "Lưu", recipients=[f"Lưu {M}Văn phòng"]),
    Case(
        id="c6-article-title-rlm",
        cls=6,
        outcome=REFUSED,
        what="U+200F in an article title",
        path=(f"{ARTICLES}/a-rlm.md",),
        needles=("title:",),
        files={f"{ARTICLES}/a-rlm.md": raw(article_text(title=f"Tin {M}ngắn"), M, "\u200f")},
    ),
    Case(
        id="c6-article-short-title-wj",
        cls=6,
        outcome=REFUSED,
        what="word joiner in short_title",
        path=(f"{ARTICLES}/a-wj.md",),
        needles=("short_title:",),
        files={
            f"{ARTICLES}/a-wj.md": raw(
                article_text(title="Tin ngắn", short_title=f"Tin {M}ngắn"), M, "\u2060"
            )
        },
    ),
    Case(
        id="c6-topic-title-rle",
        cls=6,
        outcome=REFUSED,
        what="U+202B in a topic title",
        path=(f"{TOPICS}/hx-rle.md",),
        needles=("title:",),
        files={f"{TOPICS}/hx-rle.md": raw(topic_text(title=f"Chuyên đề {M}mới"), M, "\u202b")},
    ),
    Case(
        id="c6-issuer-name-lro",
        cls=6,
        outcome=REFUSED,
        what="U+202D in an issuer name (data/issuers.yml)",
        path=("data/issuers.yml",),
        needles=("Cơ quan",),
        appends={"data/issuers.yml": 'hx-co-quan:\n  name: "Cơ quan \u202dthử"\n  level: huyen\n'},
    ),
    Case(
        id="c6-channel-name-fsi",
        cls=6,
        outcome=REFUSED,
        what="U+2068 in a channel name (data/channels.yml)",
        path=("data/channels.yml",),
        needles=("Kênh",),
        appends={"data/channels.yml": 'hx-kenh:\n  name: "Kênh \u2068thử"\n  platform: website\n'},
    ),
    Case(
        id="c6-external-number-rlo",
        cls=6,
        outcome=REFUSED,
        what="U+202E in a registry number",
        path=("data/external.yml",),
        needles=("995",),
        appends={
            "data/external.yml": '- number: "995-KH\u202e/TU"\n  type: Kế hoạch\n  issuer: tinh-uy-lao-cai\n'
            "  date: 2021-01-01\n  title: về việc thử\n"
        },
    ),
]
