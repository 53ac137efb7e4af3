"""Class 1: markup in every text field an editor or a data file supplies, escaped wherever it is embedded."""

from __future__ import annotations

import yaml

from tests.hostile.cases.base import (
    ARTICLES,
    EITHER,
    IMAGES,
    NEUTRALISED,
    TOPICS,
    Case,
    article_text,
    cdata,
    entity,
    img,
    json_break,
    plan,
    pre_escaped,
    quote_break,
    script,
    svg,
    topic_text,
)
from tests.hostile.harness import png


def _c(id: str, what: str, make) -> Case:
    probe = Case(id=id, cls=1, outcome=NEUTRALISED, what=what)
    files, appends = make(probe.token)
    return Case(id=id, cls=1, outcome=NEUTRALISED, what=what, files=files, appends=appends, batch="text")


def _plan(name: str, **fields: object):
    return lambda t: (
        {f"plans/2022/{name}.md": plan(f"Nội dung {t}.\n", **{k: v(t) for k, v in fields.items()})},
        {},
    )


def _article(name: str, **fields: object):
    return lambda t: (
        {
            f"{ARTICLES}/{name}.md": article_text(
                f"Nội dung {t}.\n",
                **{k: v(t) for k, v in fields.items()},
                topics=["hx-chuyen-de"],
                channels=["cong-thong-tin-thi-xa", "anh-duong"],
            )
        },
        {},
    )


def _yaml(value: object) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10_000)


CASES = [
    _c("c1-plan-title", "plan title with <script>", _plan("p-title", title=lambda t: f"về việc {script(t)}")),
    _c(
        "c1-plan-title-json",
        "plan title breaking out of the search index script",
        _plan("p-title-json", title=lambda t: f"về việc {json_break(t)}"),
    ),
    _c(
        "c1-plan-description",
        "plan description breaking out of a meta attribute",
        _plan("p-desc", description=quote_break),
    ),
    _c(
        "c1-plan-signer",
        "signer name with <svg onload>",
        _plan(
            "p-signer",
            signer=lambda t: {
                "authority": "T/M BAN THƯỜNG VỤ",
                "role": "BÍ THƯ",
                "name": f"Nguyễn Văn {svg(t)}",
            },
        ),
    ),
    _c(
        "c1-plan-recipients",
        "Nơi nhận with <img onerror>",
        _plan("p-recipients", recipients=lambda t: ["Các chi bộ", f"Lưu {img(t)}"]),
    ),
    _c(
        "c1-plan-place",
        "place with pre-escaped markup",
        _plan("p-place", place=lambda t: f"Sa Pa {pre_escaped(t)}"),
    ),
    _c(
        "c1-article-title",
        "article title closing a CDATA section",
        _article("a-title", title=lambda t: f"Tin {cdata(t)}"),
    ),
    _c(
        "c1-article-summary",
        "article summary pre-escaped (RSS description decoded twice)",
        _article("a-summary", title=lambda t: f"Tin tóm tắt {t}", summary=pre_escaped),
    ),
    _c(
        "c1-article-short-title",
        "short_title breaking out of og:title",
        _article("a-short", title=lambda t: f"Tin tiêu đề ngắn {t}", short_title=quote_break),
    ),
    _c(
        "c1-article-description",
        "article description with entity-encoded markup",
        _article("a-desc", title=lambda t: f"Tin mô tả {t}", description=entity),
    ),
    _c(
        "c1-article-approved-by",
        "approved_by with <script>",
        _article("a-approved", title=lambda t: f"Tin duyệt {t}", approved_by=script),
    ),
    _c(
        "c1-cover-alt",
        "cover alt text breaking out of the alt attribute",
        lambda t: (
            {
                f"{IMAGES}/hx-cover-alt.png": png(),
                f"{ARTICLES}/a-cover.md": article_text(
                    f"Nội dung {t}.\n",
                    title=f"Tin ảnh {t}",
                    cover={"src": "images/hx-cover-alt.png", "alt": quote_break(t)},
                ),
            },
            {},
        ),
    ),
    _c(
        "c1-topic-title",
        "topic title with <script> (topic pages, topic feeds)",
        lambda t: (
            {
                f"{TOPICS}/hx-topic-title.md": topic_text(title=f"Chuyên đề {script(t)}"),
                f"{ARTICLES}/a-topic-title.md": article_text(
                    f"Nội dung {t}.\n", title=f"Tin chuyên đề {t}", topics=["hx-topic-title"]
                ),
            },
            {},
        ),
    ),
    _c(
        "c1-topic-description",
        "topic description breaking out of JSON and script",
        lambda t: (
            {
                f"{TOPICS}/hx-topic-desc.md": topic_text(
                    title=f"Chuyên đề mô tả {t}", description=json_break(t)
                ),
                f"{ARTICLES}/a-topic-desc.md": article_text(
                    f"Nội dung {t}.\n", title=f"Tin mô tả chuyên đề {t}", topics=["hx-topic-desc"]
                ),
            },
            {},
        ),
    ),
    _c(
        "c1-channel-name",
        "channel name in data/channels.yml with <img onerror>",
        lambda t: (
            {
                f"{ARTICLES}/a-channel.md": article_text(
                    f"Nội dung {t}.\n", title=f"Tin kênh {t}", channels=["hx-kenh-xau"]
                )
            },
            {"data/channels.yml": _yaml({"hx-kenh-xau": {"name": f"Kênh {img(t)}", "platform": "website"}})},
        ),
    ),
    _c(
        "c1-issuer-name",
        "issuer name in data/issuers.yml with <svg onload> (plan card, article author)",
        lambda t: (
            {
                "plans/2022/p-issuer.md": plan(f"Nội dung {t}.\n", issuer="hx-co-quan"),
                f"{ARTICLES}/a-issuer.md": article_text(
                    f"Nội dung {t}.\n", title=f"Tin cơ quan {t}", author="hx-co-quan"
                ),
            },
            {
                "data/issuers.yml": _yaml(
                    {"hx-co-quan": {"name": f"Cơ quan {svg(t)}", "level": "huyen", "symbols": ["HX"]}}
                )
            },
        ),
    ),
    _c(
        "c1-external-title",
        "title of a cited registry entry with <script> (its /tham-chieu/ page)",
        lambda t: (
            {
                "plans/2022/p-external.md": plan(
                    f"Thực hiện Kế hoạch số 998-KH/TU ngày 01/01/2021 của Tỉnh ủy Lào Cai, {t}.\n"
                )
            },
            {
                "data/external.yml": _yaml(
                    [
                        {
                            "number": "998-KH/TU",
                            "type": "Kế hoạch",
                            "issuer": "tinh-uy-lao-cai",
                            "date": "2021-01-01",
                            "title": f"về việc {script(t)}",
                        }
                    ]
                )
            },
        ),
    ),
    _c(
        "c1-budget-source",
        "budget source line with <script>",
        _plan(
            "p-budget",
            budget=lambda t: {"total": 1000, "lines": [{"source": f"Ngân sách {script(t)}", "amount": 1000}]},
        ),
    ),
    _c(
        "c1-task-target-unit",
        "task target unit with <img onerror> (task table, unit page, calendar, .ics)",
        lambda t: (
            {
                "plans/2022/p-task.md": plan(
                    f"Tổ chức hội nghị quán triệt {t}.\n",
                    period=2022,
                    tasks=[
                        {
                            "task": f"Tổ chức hội nghị quán triệt {t}.",
                            "lead": ["ban-tuyen-giao-thi-uy-sa-pa"],
                            "deadline": "2022-12",
                            "targets": [{"count": 5, "unit": f"hội nghị {img(t)}"}],
                        }
                    ],
                )
            },
            {},
        ),
    ),
]

# Separate builds: an implementation may refuse these instead of escaping them; either way nothing may run.
CASES += [
    Case(
        id="c1-ics-line-injection",
        cls=1,
        outcome=EITHER,
        what="plan title with CR LF and iCalendar properties",
        files={
            "plans/2022/p-ics.md": plan(
                "Tổ chức hội nghị quán triệt hxc1icslineinjectionz.\n",
                period=2022,
                title="về việc hxc1icslineinjectionz\r\nATTACH:https://evil.example/hxc1icslineinjectionz\r\nBEGIN:VALARM",
                tasks=[
                    {
                        "task": "Tổ chức hội nghị quán triệt hxc1icslineinjectionz.",
                        "lead": ["ban-tuyen-giao-thi-uy-sa-pa"],
                        "deadline": "2022-12",
                    }
                ],
            )
        },
        path=("plans/2022/p-ics.md",),
        needles=("title:",),
    ),
    Case(
        id="c1-external-url-quote",
        cls=1,
        outcome=EITHER,
        what="registry url with a quote breaking the href",
        files={
            "plans/2022/p-ext-url.md": plan(
                "Thực hiện Kế hoạch số 997-KH/TU ngày 01/01/2021 của Tỉnh ủy Lào Cai.\n"
            )
        },
        appends={
            "data/external.yml": "- number: 997-KH/TU\n  type: Kế hoạch\n  issuer: tinh-uy-lao-cai\n"
            '  date: 2021-01-01\n  title: về việc thử\n  url: "https://evil.example/hxc1externalurlquotez'
            '\\" onmouseover=\\"window.__pwned=\'hxc1externalurlquotez\'"\n'
        },
        path=("data/external.yml",),
        needles=("hxc1externalurlquotez",),
    ),
]
