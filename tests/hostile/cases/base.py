"""The case type, the payloads and the small valid project every hostile case starts from."""

from __future__ import annotations

import itertools
import re
import uuid
from dataclasses import dataclass, field

import yaml

from tests.conftest import plan_text
from tests.hostile.harness import png

REFUSED, NEUTRALISED, EITHER = "REFUSED", "NEUTRALISED", "EITHER"

# Where editors keep articles and topics today (HUONG-DAN.md 4): one place to change if the layout moves.
ARTICLES = "content/tin-bai/2025"
TOPICS = "content/chuyen-de"
IMAGES = "content/images"


@dataclass(frozen=True)
class Commit:
    """One git commit of a history case: files written, then committed with this message, date and author."""

    files: dict[str, str | bytes]
    message: str
    date: str
    author: str = "Biên tập viên"


@dataclass(frozen=True)
class Case:
    id: str
    cls: int
    outcome: str  # REFUSED, NEUTRALISED (batched) or EITHER (refused, or built and inert)
    what: str
    files: dict[str, str | bytes] = field(default_factory=dict)
    appends: dict[str, str] = field(default_factory=dict)  # text appended to data files (data/external.yml…)
    path: tuple[str, ...] = ()  # the offending file(s) a diagnostic must name (REFUSED / EITHER)
    needles: tuple[str, ...] = ()  # the diagnostic's line must be a line of `path` holding one of these
    batch: str = ""  # NEUTRALISED: the shared build it belongs to
    canaries: tuple[str, ...] = ()  # must appear in no output file (names, bytes, base64, gzip content)
    published: tuple[str, ...] = ()  # positive controls: must appear in some output file
    commits: tuple[Commit, ...] = ()  # history cases: revisions, committed in date order
    max_seconds: float = 0.0  # refusal must come this fast (bounded parsing)
    clean_address: str = ""  # file-name cases: the body token of the page whose address is checked
    mkdocs: str = ""  # a mkdocs.yml of its own
    command: str = ""  # bypass cases: "mkdocs" (plain `mkdocs build`) or "loa" (`loa build`)
    sapa: bool = False  # bypass cases: run on a copy of the repository's own sources

    @property
    def token(self) -> str:
        """The marker every payload of this case carries, so output findings are attributed to it."""
        return "hx" + re.sub("[^a-z0-9]", "", self.id.lower()) + "z"


def script(t: str) -> str:
    return f"<script>window.__pwned='{t}'</script>"


def img(t: str) -> str:
    return f"<img src=x onerror=\"window.__pwned='{t}'\">"


def svg(t: str) -> str:
    return f"<svg onload=\"window.__pwned='{t}'\">"


def cdata(t: str) -> str:
    return f"]]><script>alert('{t}')</script><![CDATA["


def pre_escaped(t: str) -> str:
    return f"&lt;script&gt;window.__pwned='{t}'&lt;/script&gt;"


def quote_break(t: str) -> str:
    return f"\"'><script>window.__pwned='{t}'</script>"


def json_break(t: str) -> str:
    return f"\"}}]}});window.__pwned='{t}';//</script><script>window.__pwned='{t}'</script>"


def entity(t: str) -> str:
    return f"&#60;img src=x onerror=alert('{t}')&#62;"


def article_text(body: str = "Nội dung bài thử nghiệm.\n", **fields: object) -> str:
    """An article (HUONG-DAN.md 4): valid front matter updated with ``fields`` (None removes a field)."""
    title = str(fields.get("title", "Bài thử nghiệm"))
    merged: dict[str, object] = {
        "kind": "article",
        "id": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, title + body)}",
        "category": "tin",
        "title": title,
        "summary": "Tóm tắt bài thử nghiệm.",
        "author": "ban-bien-tap",
        "channels": ["cong-thong-tin-thi-xa"],
        "status": "published",
        "approved_by": "Ban biên tập",
        "publish_at": "2025-02-12T08:00:00+07:00",
        "access": "public",
    }
    merged.update(fields)
    merged = {k: v for k, v in merged.items() if v is not None}
    return (
        "---\n" + yaml.safe_dump(merged, allow_unicode=True, sort_keys=False, width=10_000) + "---\n\n" + body
    )


def topic_text(body: str = "Chuyên đề thử nghiệm.\n", **fields: object) -> str:
    merged: dict[str, object] = {"kind": "topic", "title": "Chuyên đề thử nghiệm", **fields}
    merged = {k: v for k, v in merged.items() if v is not None}
    return (
        "---\n" + yaml.safe_dump(merged, allow_unicode=True, sort_keys=False, width=10_000) + "---\n\n" + body
    )


_NUMBERS = itertools.count(100)


def plan(body: str = "Nội dung thử nghiệm.\n", **fields: object) -> str:
    """plan_text (tests/conftest.py) with a number of its own unless given (duplicate numbers are an error)."""
    fields.setdefault("number", f"{next(_NUMBERS)}-KH/TU")
    return plan_text(body, **fields)


BASE_FILES: dict[str, str | bytes] = {
    "plans/2022/hx-goc.md": plan_text(
        "Kế hoạch gốc của bộ thử HXBASEPLAN.\n\n![Ảnh minh họa](hx.png)\n",
        number="1-KH/TU",
        title="về việc kế hoạch gốc của bộ thử",
    ),
    "plans/2022/hx.png": png("HXBASEIMAGE"),
    f"{ARTICLES}/hx-goc.md": article_text(
        "Bài gốc của bộ thử HXBASEARTICLE.\n", title="Bài gốc của bộ thử", topics=["hx-chuyen-de"]
    ),
    f"{TOPICS}/hx-chuyen-de.md": topic_text(title="Chuyên đề của bộ thử"),
    f"{IMAGES}/hx.png": png("HXBASECOVER"),
}


def raw(text: str, marker: str, value: str) -> str:
    """Replace ``marker`` in an already dumped file by ``value`` written as is (raw characters, YAML escapes)."""
    assert marker in text, marker
    return text.replace(marker, value)


def raw_line(text: str, key: str, yaml_source: str) -> str:
    """Replace the front-matter line ``key: …`` by ``key: <yaml_source>`` (YAML escapes, anchors, flow styles)."""
    lines = text.split("\n")
    hits = [n for n, line in enumerate(lines) if line.startswith(f"{key}:")]
    if hits:
        end = hits[0] + 1
        while end < len(lines) and lines[end].startswith(("  ", "- ")):  # the old block value goes too
            end += 1
        lines[hits[0] : end] = [f"{key}: {yaml_source}"]
    else:  # a field the default front matter lacks: added before `status:`
        lines.insert(
            lines.index(next(line for line in lines if line.startswith("status:"))), f"{key}: {yaml_source}"
        )
    return "\n".join(lines)
