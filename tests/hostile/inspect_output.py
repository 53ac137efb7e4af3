"""Scan every output file of a built site for live markup, external resources, broken feeds and canaries.

A finding is (file, kind, snippet); the snippet holds the payload's token when the payload caused it, so each
case is judged on the findings that carry its token."""

from __future__ import annotations

import base64
import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
from bs4 import BeautifulSoup

SITE_HOSTS = {"loa.example", "127.0.0.1", "localhost"}
URL_ATTRS = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "data",
    "background",
    "cite",
    "ping",
    "lowsrc",
    "dynsrc",
    "longdesc",
    "usemap",
    "codebase",
    "manifest",
    "to",
    "from",
    "values",
    "by",
    "srcdoc",
    "imagesrcset",
    "srcset",
}
LOAD_ATTRS = {"src", "srcset", "imagesrcset", "poster", "data", "background", "lowsrc", "dynsrc", "codebase"}
FORBIDDEN = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "fencedframe"}
CLOBBER = {
    "__config",
    "__md_scope",
    "__md_get",
    "__md_set",
    "__md_hash",
    "__search",
    "__drawer",
    "__toc",
    "__palette_0",
    "__pwned",
    "loaSearchData",
    "getElementById",
    "createElement",
    "querySelector",
    "location",
    "cookie",
    "domain",
    "body",
    "head",
    "forms",
    "images",
    "alert",
    "top",
    "parent",
    "opener",
}
BAD_SCHEME = re.compile(r"^(javascript|vbscript|livescript|mocha|data|file|blob):", re.IGNORECASE)
PASSIVE_DATA = re.compile(r"^data:image/(png|jpe?g|gif|webp|avif|svg\+xml)[;,]", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x20\x7f]+")
XHTML = "http://www.w3.org/1999/xhtml"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
ICS_NAMES = {
    "BEGIN",
    "END",
    "VERSION",
    "PRODID",
    "CALSCALE",
    "METHOD",
    "NAME",
    "UID",
    "DTSTAMP",
    "DTSTART",
    "DTEND",
    "DUE",
    "SUMMARY",
    "DESCRIPTION",
    "URL",
    "RRULE",
    "CATEGORIES",
    "LOCATION",
    "STATUS",
    "TRANSP",
    "SEQUENCE",
    "CREATED",
    "LAST-MODIFIED",
    "CLASS",
    "COMMENT",
    "REFRESH-INTERVAL",
    "SOURCE",
    "COLOR",
    "ORGANIZER",
    "CONTACT",
    "TZID",
    "TZOFFSETFROM",
    "TZOFFSETTO",
    "TZNAME",
}
ICS_TEXT = {
    "SUMMARY",
    "DESCRIPTION",
    "LOCATION",
    "CATEGORIES",
    "COMMENT",
    "NAME",
    "X-WR-CALNAME",
    "X-WR-CALDESC",
    "CONTACT",
    "URL",
    "UID",
    "ORGANIZER",
}
ICS_COMPONENTS = {"VCALENDAR", "VEVENT", "VTODO", "VTIMEZONE", "STANDARD", "DAYLIGHT"}


@dataclass(frozen=True)
class Finding:
    file: str
    kind: str
    snippet: str

    def __str__(self) -> str:
        return f"{self.file}: {self.kind}: {self.snippet[:300]!r}"


def read_output(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        try:
            return gzip.decompress(data)
        except (OSError, EOFError):
            return data
    return data


def kind_of(path: Path) -> str:
    name = path.name.removesuffix(".gz")
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _url_bad(value: str, attr: str, element: str) -> str:
    """Why a URL attribute value is live, or ''."""
    clean = CONTROL.sub("", value)
    if BAD_SCHEME.match(clean):
        # An image is inert however it is encoded (SVG in <img> runs no script): single-file copies inline them.
        if (
            attr in LOAD_ATTRS
            and element in {"img", "source", "picture", "video", "audio", "input"}
            and PASSIVE_DATA.match(clean)
        ):
            return ""
        return "script or data URL"
    if attr in LOAD_ATTRS or (
        attr in {"href", "xlink:href"} and element in {"image", "use", "feimage", "script"}
    ):
        parts = [p.strip().split(" ")[0] for p in value.split(",")] if "srcset" in attr else [value.strip()]
        for part in parts:
            try:
                split = urlsplit(part.replace("\\", "/"))
            except ValueError:
                return "unparsable resource URL"
            if (
                split.scheme or part.replace("\\", "/").startswith("//")
            ) and split.hostname not in SITE_HOSTS:
                return "resource from another origin"
    return ""


def _html_soup(text: str, where: str, page_has_theme: bool) -> Iterator[Finding]:
    soup = BeautifulSoup(text, "html.parser")
    for el in soup.find_all(True):
        name = el.name.lower()
        snippet = str(el)[:600]
        if name == "script":
            src = el.get("src") or ""
            if src and _url_bad(src, "src", "script"):
                yield Finding(where, "script from elsewhere", snippet)
            if re.search(r"__pwned|alert\(", el.get_text() + src):
                yield Finding(where, "script", snippet)
        elif name in FORBIDDEN:
            yield Finding(where, f"<{name}>", snippet)
        elif name == "meta" and (el.get("http-equiv") or "").lower() == "refresh":
            if re.search(
                r"javascript:|data:|evil\.example|hx[a-z0-9]+z", el.get("content") or "", re.IGNORECASE
            ):
                yield Finding(where, "meta refresh", snippet)
        elif name == "style" and (
            re.search(r"hx[a-z0-9]+z|url\(|@import|expression", el.get_text(), re.IGNORECASE)
        ):
            yield Finding(where, "<style>", snippet)
        elif name == "link" and "stylesheet" in " ".join(el.get("rel") or []).lower():
            if _url_bad(el.get("href") or "", "src", "link"):
                yield Finding(where, "stylesheet from elsewhere", snippet)
        elif name == "form" and (re.search(r"hx[a-z0-9]+z|evil\.example", snippet)):
            yield Finding(where, "<form> from a payload", snippet)
        for attr, value in el.attrs.items():
            attr = attr.lower()
            value = " ".join(value) if isinstance(value, list) else str(value)
            if attr.startswith("on"):
                yield Finding(where, f"event handler {attr}", snippet)
            elif attr in URL_ATTRS and (why := _url_bad(value, attr, name)):
                yield Finding(where, f"{attr}: {why}", snippet)
            elif attr == "style" and re.search(r"url\s*\(|expression\s*\(|javascript:", value, re.IGNORECASE):
                yield Finding(where, "style with url()", snippet)
            elif attr in {"id", "name"} and value in CLOBBER:
                in_body = el.find_parent(class_=re.compile("md-typeset|md-content")) is not None
                # Only pages that run the theme's script can be clobbered; feeds and single-file copies run none.
                if value == "__pwned" or (
                    page_has_theme and (in_body or (value == "__config" and name != "script"))
                ):
                    yield Finding(where, f"{attr}={value} clobbers a global", snippet)


def _html_lxml(text: str, where: str) -> Iterator[Finding]:
    """A second parser (libxml2), whose reading of broken markup differs from Python's."""
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in el.attrib:
            if attr.lower().startswith("on"):
                yield Finding(
                    where,
                    f"event handler {attr} (lxml)",
                    lxml.html.tostring(el)[:600].decode(errors="replace"),
                )
        if el.tag == "script" and re.search(r"__pwned|alert\(", el.text_content() or ""):
            yield Finding(where, "script (lxml)", (el.text_content() or "")[:600])


def html_findings(text: str, where: str) -> list[Finding]:
    if not text.strip():
        return []
    has_theme = "md-container" in text or "__config" in text
    return [*_html_soup(text, where, has_theme), *_html_lxml(text, where)]


def _xml_findings(data: bytes, where: str) -> Iterator[Finding]:
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError as error:
        line = (error.position or (1, 0))[0]
        lines = data.decode(errors="replace").splitlines()
        yield Finding(where, f"malformed XML ({error.msg})", "\n".join(lines[max(0, line - 3) : line + 2]))
        return
    for el in root.iter():
        if not isinstance(el.tag, str):
            if isinstance(el, lxml.etree._ProcessingInstruction):
                yield Finding(where, "processing instruction", str(el))
            continue
        qname = lxml.etree.QName(el)
        inside_xhtml_content = any(p.get("type") == "xhtml" for p in el.iterancestors())
        if (qname.namespace == XHTML or qname.localname.lower() == "script") and not inside_xhtml_content:
            yield Finding(
                where, "markup element in a feed", lxml.etree.tostring(el)[:600].decode(errors="replace")
            )
        text = el.text or ""
        if el.tag in ("description", CONTENT) or (el.get("type") == "html"):
            yield from html_findings(text, f"{where} <{qname.localname}>")
        elif el.get("type") == "xhtml":
            inner = "".join(lxml.etree.tostring(child, encoding="unicode") for child in el)
            yield from html_findings(inner, f"{where} <{qname.localname} xhtml>")
        for attr, value in el.attrib.items():
            if (
                BAD_SCHEME.match(CONTROL.sub("", value)) and "href" in attr.lower()
            ) or attr.lower().startswith("on"):
                yield Finding(where, f"feed attribute {attr}", f"{value[:300]} {text[:300]}")
        if qname.localname in {"link", "loc", "url", "guid", "id"} and BAD_SCHEME.match(
            CONTROL.sub("", text)
        ):
            yield Finding(where, f"<{qname.localname}> URL", text[:300])


def _json_feed(data: bytes, where: str) -> Iterator[Finding]:
    try:
        feed = json.loads(data)
    except ValueError as error:
        yield Finding(where, f"malformed JSON ({error})", data.decode(errors="replace")[:2000])
        return
    if not isinstance(feed, dict):
        return
    for item in feed.get("items", []) if isinstance(feed.get("items"), list) else []:
        if not isinstance(item, dict):
            continue
        yield from html_findings(str(item.get("content_html") or ""), f"{where} content_html")
        for key in ("url", "external_url", "image", "banner_image"):
            if BAD_SCHEME.match(CONTROL.sub("", str(item.get(key) or ""))):
                yield Finding(where, f"JSON Feed {key}", json.dumps(item, ensure_ascii=False)[:600])


SEARCH_SCRIPT = re.compile(r"^\s*loaSearchData\((.*)\)\s*;?\s*$", re.DOTALL)


def _search_script(data: bytes, where: str) -> Iterator[Finding]:
    text = data.decode(errors="replace")
    match = SEARCH_SCRIPT.match(text)
    if not match:
        yield Finding(where, "search file is not one loaSearchData(JSON) call", text[:2000])
        return
    try:
        json.loads("[" + match.group(1) + "]")
    except ValueError as error:
        position = max(0, getattr(error, "pos", 1) - 1)
        yield Finding(
            where,
            f"search data is not JSON ({error})",
            match.group(1)[max(0, position - 300) : position + 300],
        )


def _ics(data: bytes, where: str) -> Iterator[Finding]:
    text = data.decode(errors="replace")
    if re.search(r"(?<!\r)\n", text):
        yield Finding(where, "bare LF in iCalendar", text[:2000])
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    stack: list[str] = []
    for line in unfolded.split("\r\n"):
        if not line:
            continue
        match = re.match(r"^([A-Za-z0-9-]+)(;[^:]*)?:(.*)$", line)
        if not match:
            yield Finding(where, "not an iCalendar content line", line[:600])
            continue
        name, value = match.group(1).upper(), match.group(3)
        if name not in ICS_NAMES and not name.startswith("X-"):
            yield Finding(where, f"unexpected iCalendar property {name}", line[:600])
        if name == "BEGIN":
            if value not in ICS_COMPONENTS:
                yield Finding(where, f"unexpected component {value}", unfolded[:2000])
            stack.append(value)
        elif name == "END":
            if not stack or stack.pop() != value:
                yield Finding(where, "unbalanced END", line)
        elif name not in ICS_TEXT and re.search(r"hx[a-z0-9]+z", line):
            yield Finding(where, f"payload in iCalendar property {name}", line[:600])
    if stack:
        yield Finding(where, "unterminated component", str(stack))


def _svg(data: bytes, where: str) -> Iterator[Finding]:
    text = data.decode(errors="replace")
    if re.search(r"<script|\son[a-z]+\s*=|javascript:|<foreignObject", text, re.IGNORECASE):
        yield Finding(where, "active SVG", text[:2000])


def scan_site(site: Path) -> list[Finding]:
    findings: list[Finding] = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = str(path.relative_to(site))
        kind = kind_of(path)
        if kind not in {"html", "htm", "xml", "rss", "atom", "json", "js", "ics", "conf", "svg", "xhtml"}:
            continue
        data = read_output(path)
        if kind in {"html", "htm", "xhtml"}:
            findings += html_findings(data.decode(errors="replace"), rel)
        elif kind in {"xml", "rss", "atom"}:
            findings += _xml_findings(data, rel)
        elif kind == "json":
            findings += _json_feed(data, rel)
        elif kind == "js" and rel.startswith("search/"):
            findings += _search_script(data, rel)
        elif kind == "ics":
            findings += _ics(data, rel)
        elif kind == "svg":
            findings += _svg(data, rel)
        elif kind == "conf" and re.search(rb"hx[a-z0-9]+z|evil\.example", data):
            findings.append(Finding(rel, "payload in an nginx include", data.decode(errors="replace")[:2000]))
    return findings


def _variants(canary: str) -> list[bytes]:
    raw = canary.encode()
    out = [raw.lower()]
    for shift in range(3):  # the canary base64-encoded at each alignment (data: URIs in single-file copies)
        encoded = base64.b64encode(b"\0" * shift + raw)[4 if shift else 0 :]
        out.append(encoded[: max(8, len(encoded) - 4)])
    return out


def canary_hits(site: Path, canaries: tuple[str, ...]) -> dict[str, list[str]]:
    """For each canary, the output files whose name or content (ungzipped; any case; base64) holds it."""
    variants = {canary: _variants(canary) for canary in canaries}
    hits: dict[str, list[str]] = {canary: [] for canary in canaries}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = str(path.relative_to(site))
        data = read_output(path)
        lowered = data.lower()
        for canary, forms in variants.items():
            if canary.lower() in rel.lower() or forms[0] in lowered or any(f in data for f in forms[1:]):
                hits[canary].append(rel)
    return {canary: files for canary, files in hits.items() if files}
