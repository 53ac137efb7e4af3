"""What editors write that a browser acts on: addresses in data files and front matter, invisible characters."""

from __future__ import annotations

import unicodedata

import pytest

from loa.core.safety.trust import invisible_characters, url_problem
from tests.conftest import REPO, plan_text
from tests.unit.test_loading import _load

ACCEPTED_URLS = [
    "https://vanban.chinhphu.vn/?pageid=27160&docid=204446",
    "http://sapa.laocai.gov.vn/",
    "HTTPS://Example.org/a b".replace(" ", "%20"),
    "/tham-chieu/21-kl-tw-2021/",
    "/",
]
REFUSED_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "javascript\u200b:alert(1)",
    "\u202ejavascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "javascript\uff1aalert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:image/svg+xml,<svg onload=alert(1)>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/a",
    "//evil.example/",
    "\\\\evil.example\\a",
    "/\\evil.example/",
    "https:evil.example",
    "https://",
    "https:///path",
    "http://[::1",
    "tham-chieu/a/",
    "evil.example",
    "https://example.org/" + "a" * 2000,
    "",
]


@pytest.mark.parametrize("url", ACCEPTED_URLS)
def test_http_addresses_and_site_paths_are_accepted(url):
    assert url_problem(url) is None


@pytest.mark.parametrize("url", REFUSED_URLS, ids=repr)
def test_every_other_address_is_refused(url):
    problem = url_problem(url)
    assert problem and not problem.isascii(), "a Vietnamese reason"


@pytest.mark.parametrize("value", [42, None, ["https://a.example/"], {"href": "https://a.example/"}])
def test_an_address_must_be_a_string(value):
    assert url_problem(value)


def _external(extra: str) -> str:
    return (REPO / "data" / "external.yml").read_text(encoding="utf-8") + extra


@pytest.mark.parametrize("url", REFUSED_URLS[:20], ids=repr)
def test_registry_addresses_are_checked_with_file_line_and_field(project, url):
    quoted = url.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")
    quoted = quoted.replace("\x01", "\\x01")
    extra = f'- number: 1-KH/TU\n  type: Kế hoạch\n  title: thử\n  url: "{quoted}"\n'
    text = _external(extra)
    root = project({"data/external.yml": text})
    catalog = _load(root)
    found = [d for d in catalog.diagnostics if d.code == "registry.url"]
    assert len(found) == 1, [d.format() for d in catalog.diagnostics]
    expected_line = text.count("\n", 0, text.rindex("  url: ")) + 1
    assert (found[0].path, found[0].line, found[0].field) == ("data/external.yml", expected_line, "url")
    assert "1-kh-tu" not in {e.id for e in catalog.external}, "the entry is left out"


def test_a_valid_registry_address_is_kept(project):
    root = project({"data/external.yml": _external("- number: 1-KH/TU\n  url: https://vanban.example/1\n")})
    catalog = _load(root)
    assert not catalog.errors
    assert {e.url for e in catalog.external if e.number == "1-KH/TU"} == {"https://vanban.example/1"}


def test_channel_addresses_are_checked(project):
    text = (
        "kenh-a:\n  name: Kênh A\n  platform: website\n  url: https://kenh.example/\n"
        "kenh-b:\n  name: Kênh B\n  platform: facebook\n  url: JaVaScRiPt:alert(document.domain)\n"
    )
    root = project({"data/channels.yml": text})
    catalog = _load(root)
    found = [d for d in catalog.diagnostics if d.code == "registry.url"]
    assert [(d.path, d.line) for d in found] == [("data/channels.yml", 8)]
    assert "kênh 'kenh-b'" in found[0].message and "javascript" in found[0].message.lower()
    assert set(catalog.channels) == {"kenh-a"}


@pytest.mark.parametrize(
    "src",
    [
        "https://evil.example/a.png",
        "//evil.example/a.png",
        "data:image/png;base64,AA",
        "javascript:alert(1)",
        "HTTP://evil.example/a.png",
    ],
)
def test_a_cover_is_a_file_of_the_site(project, src):
    article = plan_text(
        kind="article",
        id="urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        category="tin",
        summary="Tóm tắt.",
        author="thi-uy-sa-pa",
        approved_by="Ban biên tập",
        cover={"src": src, "alt": "Ảnh"},
        type=None,
        number=None,
        issuer=None,
        place=None,
        date=None,
        signer=None,
        recipients=None,
    )
    root = project({"content/tin-bai/a.md": article})
    catalog = _load(root)
    found = [d for d in catalog.diagnostics if d.code == "meta.url"]
    assert len(found) == 1 and found[0].field == "cover.src", [d.format() for d in catalog.diagnostics]
    assert found[0].line == article.split("\n").index(next(x for x in article.split("\n") if "src:" in x)) + 1
    assert not [d for d in catalog.diagnostics if d.code == "meta.cover"]


# Every class named in the issue: bidirectional embeddings, overrides and isolates, zero-width characters and marks,
# word joiner and invisible operators, the BOM inside a text, the soft hyphen, the Mongolian vowel separator, tag
# characters, and other format characters.
INVISIBLE = [
    *(chr(c) for c in range(0x202A, 0x202F)),
    *(chr(c) for c in range(0x2066, 0x206A)),
    *(chr(c) for c in range(0x200B, 0x2010)),
    *(chr(c) for c in range(0x2060, 0x2065)),
    "\u00ad",
    "\u180e",
    "\U000e0001",
    "\U000e0041",
    "\U000e007f",
    "\u061c",
    "\u2061",
    "\ufff9",
    "\u034f",
    "\u3164",
]


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_invisible_characters_in_a_title_are_refused_by_name(project, char):
    root = project({"plans/a.md": plan_text(title=f"về việc thử{char} nghiệm")})
    catalog = _load(root)
    found = [d for d in catalog.diagnostics if d.code == "text.invisible-char"]
    assert len(found) == 1, [d.format() for d in catalog.diagnostics]
    label = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    assert label in found[0].message and name in found[0].message and "'title'" in found[0].message
    assert (found[0].line, found[0].field) == (8, "title")
    assert catalog.errors, "an error: the build stops"


def test_the_named_example_reads_as_in_the_issue():
    assert invisible_characters("Kế hoạch\u202eHT/HK-58") == ["\u202e"]
    assert invisible_characters("Kế hoạch số 85-KH/TU, ngày 15/12/2021") == []
    assert invisible_characters("Tiếng Việt: ă â đ ê ô ơ ư, à á ả ã ạ; “ngoặc” – gạch…") == []


@pytest.mark.parametrize(
    ("fields", "field", "needle"),
    [
        ({"number": "12\u200b-KH/TU"}, "number", "number:"),
        (
            {"signer": {"authority": "T/M BAN THƯỜNG VỤ", "role": "BÍ THƯ", "name": "Nguyễn\u202eVăn A"}},
            "signer.name",
            "  name:",
        ),
        ({"recipients": ["Các chi bộ", "Lưu\u2066 VT"]}, "recipients.1", "- Lưu"),
        ({"place": "Sa\u00adPa"}, "place", "place:"),
        ({"description": "Mô tả\U000e0041"}, "description", "description:"),
        ({"aliases": ["plans/cu\u200d.md"]}, "aliases.0", "- plans/cu"),
        (
            {"tasks": [{"task": "Nội dung thử nghiệm.", "lead": ["thi-uy-sa-pa\u2060"]}]},
            "tasks.0.lead.0",
            "- thi-uy",
        ),
    ],
)
def test_every_text_field_is_checked(project, fields, field, needle):
    text = plan_text(**fields)
    line = next(
        i for i, x in enumerate(text.split("\n"), 1) if x.startswith(needle) or x.lstrip().startswith(needle)
    )
    root = project({"plans/a.md": text})
    found = [d for d in _load(root).diagnostics if d.code == "text.invisible-char"]
    assert [(d.field, d.line) for d in found] == [(field, line)], text


def test_a_double_quoted_escape_is_checked_as_its_character(project):
    root = project(
        {"plans/a.md": plan_text().replace("title: về việc thử nghiệm", 'title: "về việc thử\\u202Enghiệm"')}
    )
    (found,) = [d for d in _load(root).diagnostics if d.code == "text.invisible-char"]
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in found.message


def test_a_summary_and_a_key_are_checked(project):
    article = plan_text(
        kind="article",
        id="urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        category="tin",
        summary="Tóm\u200f tắt.",
        author="thi-uy-sa-pa",
        approved_by="Ban biên tập",
        type=None,
        number=None,
        issuer=None,
        place=None,
        date=None,
        signer=None,
        recipients=None,
    )
    root = project(
        {"content/tin-bai/a.md": article, "plans/b.md": plan_text().replace("place:", "pla\u200bce:")}
    )
    found = {(d.path, d.field) for d in _load(root).diagnostics if d.code == "text.invisible-char"}
    assert found == {("content/tin-bai/a.md", "summary"), ("plans/b.md", "pla\u200bce")}


def test_registry_names_are_checked(project):
    issuers = (REPO / "data" / "issuers.yml").read_text(encoding="utf-8")
    root = project(
        {
            "data/issuers.yml": issuers + "\nxa-moi:\n  name: Đảng ủy xã\u202e Mới\n  level: xa\n",
            "data/channels.yml": "kenh-a:\n  name: Kênh\u2067 A\n  platform: website\n",
            "data/external.yml": _external("- number: 1-KH/TU\n  title: về việc\u200b thử\n"),
        }
    )
    found = {(d.path, d.field) for d in _load(root).diagnostics if d.code == "text.invisible-char"}
    assert found == {
        ("data/issuers.yml", "xa-moi.name"),
        ("data/channels.yml", "kenh-a.name"),
        ("data/external.yml", f"entries.{_count_entries()}.title"),
    }


def _count_entries() -> int:
    import yaml

    return len(yaml.safe_load((REPO / "data" / "external.yml").read_text(encoding="utf-8")))


def test_the_body_keeps_what_the_original_has(project):
    body = "Văn bản gốc có dấu gạch mềm (ti\u00adếng), ký tự nối (a\u200db) và đảo chiều (\u202eabc\u202c).\n"
    root = project({"plans/a.md": "\ufeff" + plan_text(body)})
    catalog = _load(root)
    assert not catalog.diagnostics, [d.format() for d in catalog.diagnostics]
    (plan,) = [d for d in catalog.documents if d.path == "plans/a.md"]
    assert plan.body.strip() == body.strip()


def test_an_imported_draft_has_no_invisible_characters_in_its_front_matter():
    from loa.core.base.diagnostics import Diagnostics
    from loa.core.importing.convert import import_text
    from loa.core.model.registry import load_issuers
    from tests.unit.test_extract import PARTY

    issuers = load_issuers(REPO / "data" / "issuers.yml", "data/issuers.yml", Diagnostics())
    text = PARTY.replace("triển khai công tác", "triển\u00ad khai công\u200b tác").replace(
        "Nâng cao", "Nâng\u00ad cao"
    )
    result = import_text(text, "ke-hoach.docx", issuers)
    assert result.front["title"].startswith("triển khai công tác tuyên truyền")
    assert "Nâng\u00ad cao" in result.body, "the body keeps what the original has"


def test_a_task_quote_matches_a_body_that_has_invisible_characters(project):
    body = "Tổ chức hội\u00ad nghị quán\u200b triệt.\n"
    root = project(
        {
            "plans/a.md": plan_text(
                body, tasks=[{"task": "Tổ chức hội nghị quán triệt.", "deadline": "2022-06"}]
            )
        }
    )
    catalog = _load(root)
    assert not catalog.errors, [d.format() for d in catalog.diagnostics]
