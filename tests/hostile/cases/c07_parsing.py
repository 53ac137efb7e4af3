"""Class 7: bounded parsing. Alias bombs, deep nesting, control characters written as YAML escapes, absurd
periods, dates, sizes, and front-matter paths that leave the content roots."""

from __future__ import annotations

from tests.hostile.cases.base import ARTICLES, REFUSED, Case, article_text, plan, raw_line

BOMB = "[" + ",".join(['"lol"'] * 9) + "]"


def _bomb() -> str:
    lines = ["a0: &a0 " + BOMB] + [f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 9)]
    text = plan()
    return text.replace("recipients:", "\n".join(lines) + "\nrecipients:", 1).replace(
        "- Các chi, đảng bộ trực thuộc", "- *a8", 1
    )


def _c(id: str, what: str, text: str, needles: tuple[str, ...], seconds: float = 0.0, path: str = "") -> Case:
    path = path or f"plans/2022/{id}.md"
    return Case(
        id=id,
        cls=7,
        outcome=REFUSED,
        what=what,
        path=(path,),
        needles=needles,
        files={path: text},
        max_seconds=seconds,
    )


def _line(id: str, what: str, key: str, source: str, seconds: float = 0.0, needle: str = "") -> Case:
    return _c(id, what, raw_line(plan(), key, source), (needle or f"{key}:",), seconds)


CASES = [
    _c("c7-alias-bomb", "billion laughs in front matter (~500 bytes)", _bomb(), ("&a", "*a"), seconds=3),
    _line("c7-deep-list", "list nested 20,000 deep", "recipients", "[" * 20_000 + "]" * 20_000, seconds=5),
    _line(
        "c7-deep-map", "mapping nested 5,000 deep", "signer", "{a: " * 5_000 + "b" + "}" * 5_000, seconds=5
    ),
    _line("c7-escape-x01", "\\x01 written as a YAML escape", "title", '"về việc \\x01thử"'),
    _line("c7-escape-nul", "\\0 written as a YAML escape", "title", '"về việc \\0thử"'),
    _line("c7-escape-esc", "\\e written as a YAML escape", "title", '"về việc \\ethử"'),
    _line("c7-escape-bell-place", "\\a in place", "place", '"Sa Pa\\a"'),
    _line("c7-escape-nel", "\\N (U+0085) in a title", "title", '"về việc \\Nthử"'),
    _line("c7-escape-del-number", "\\x7f in a number", "number", '"12-KH/TU\\x7f"'),
    _line("c7-escape-unicode-ctrl", "\\u0008 in the issuer", "issuer", '"thi-uy-sa-pa\\u0008"'),
    _c(
        "c7-escape-summary",
        "\\x1b in an article summary",
        raw_line(article_text(title="Tin điều khiển"), "summary", '"Tóm tắt \\x1b[31m đỏ"'),
        ("summary:",),
        path=f"{ARTICLES}/a-ctrl.md",
    ),
    _line("c7-period-0000", "period 0000", "date", "2022-03-15\nperiod: 0000", needle="period:"),
    _line(
        "c7-period-1000-9999",
        "period 1000/9999 (calendar grows with the square of the years)",
        "date",
        "2022-03-15\nperiod: 1000/9999",
        seconds=5,
        needle="period:",
    ),
    _line(
        "c7-period-reversed", "period 2025/2021", "date", "2022-03-15\nperiod: 2025/2021", needle="period:"
    ),
    _line("c7-period-huge-year", "period 99999", "date", "2022-03-15\nperiod: 99999", needle="period:"),
    _line("c7-date-year-1", "date 0001-01-01", "date", "0001-01-01"),
    _line("c7-date-year-9999", "date 9999-12-31", "date", "9999-12-31"),
    _line("c7-huge-list", "60,000 recipients", "recipients", "[" + ",".join(["a"] * 60_000) + "]", seconds=8),
    _line("c7-huge-title", "a 200,000-character title", "title", "về việc " + "a" * 200_000, seconds=8),
    _line(
        "c7-huge-budget",
        "budget of 10^40 đồng",
        "budget",
        "{total: " + "1" + "0" * 40 + ", lines: [{source: Ngân sách, amount: 1" + "0" * 40 + "}]}",
    ),
    _line("c7-python-tag", "!!python/object/apply tag", "title", '!!python/object/apply:os.system ["true"]'),
    _c(
        "c7-cover-parent",
        "cover.src ../mkdocs.yml",
        article_text(title="Tin bìa", cover={"src": "../mkdocs.yml", "alt": "Ảnh"}),
        ("cover:", "src:"),
        path=f"{ARTICLES}/a-cover.md",
    ),
    _c(
        "c7-cover-absolute",
        "cover.src /etc/passwd",
        article_text(title="Tin bìa", cover={"src": "/etc/passwd", "alt": "Ảnh"}),
        ("cover:", "src:"),
        path=f"{ARTICLES}/a-cover.md",
    ),
    _c(
        "c7-cover-dotdot",
        "cover.src climbing out through images/",
        article_text(title="Tin bìa", cover={"src": "images/../../../../../../etc/passwd", "alt": "Ảnh"}),
        ("cover:", "src:"),
        path=f"{ARTICLES}/a-cover.md",
    ),
    _line("c7-amends-outside", "amends ../mkdocs.yml", "amends", "[../mkdocs.yml]"),
    _c(
        "c7-related-absolute",
        "related_plans /etc/passwd",
        article_text(title="Tin liên quan", related_plans=["/etc/passwd"]),
        ("related_plans:", "/etc/passwd"),
        path=f"{ARTICLES}/a-related.md",
    ),
    _c(
        "c7-body-image-passwd",
        "body image ../../../../etc/passwd (inlined into the single-file copy)",
        plan("Ảnh: ![x](../../../../../../../../etc/passwd)\n"),
        ("etc/passwd",),
    ),
    _c(
        "c7-body-image-data-file",
        "body image ../../data/issuers.yml (outside the content roots)",
        plan("Ảnh: ![x](../../data/issuers.yml)\n"),
        ("issuers.yml",),
    ),
]
