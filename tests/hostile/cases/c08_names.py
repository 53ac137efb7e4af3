"""Class 8: file names become clean addresses (NFC, one slug rule, single-file copy present, links intact) or
are refused with a suggestion; two names that normalise to the same address are an error."""

from __future__ import annotations

import unicodedata

from tests.hostile.cases.base import ARTICLES, EITHER, IMAGES, REFUSED, Case, article_text, plan
from tests.hostile.harness import png


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def title_marker(token: str) -> str:
    """The title's marker: listings show it and link it, and it does not contain the body token."""
    return token.replace("hx", "td", 1)


def _name(id: str, path: str, what: str, article: bool = False) -> Case:
    probe = Case(id=id, cls=8, outcome=EITHER, what=what)
    body = f"Văn bản {probe.token}.\n"  # the body token is on the page and its single-file copy only
    title = title_marker(probe.token)
    text = article_text(body, title=f"Tin {title}") if article else plan(body, title=f"về việc {title}")
    return Case(
        id=id, cls=8, outcome=EITHER, what=what, files={path: text}, path=(path,), clean_address=probe.token
    )


def _twins(id: str, first: str, second: str, what: str) -> Case:
    return Case(
        id=id,
        cls=8,
        outcome=REFUSED,
        what=what,
        path=(first, second),
        files={
            first: plan("Bản một.\n", title="về việc bản một"),
            second: plan("Bản hai.\n", title="về việc bản hai"),
        },
    )


CASES = [
    _name("c8-nfd", nfd("plans/2022/kế-hoạch-tuyên-truyền.md"), "name in NFD (macOS)"),
    _name("c8-nfd-article", nfd(f"{ARTICLES}/bài-viết-mới.md"), "article name in NFD", article=True),
    _name("c8-nfc-diacritics", "plans/2022/kế-hoạch-đề-án.md", "name with Vietnamese letters (NFC)"),
    _name("c8-spaces", "plans/2022/Ke hoach so 1.md", "spaces and capitals"),
    _name("c8-capitals", "plans/2022/KeHoach-Lon.md", "capitals"),
    _name("c8-hash", "plans/2022/ke-hoach#1.md", "# in the name"),
    _name("c8-question", "plans/2022/ke-hoach?.md", "? in the name"),
    _name("c8-percent", "plans/2022/ke-hoach%20moi.md", "%20 in the name"),
    Case(
        id="c8-image-nfd",
        cls=8,
        outcome=EITHER,
        what="image named in NFD, linked in NFC",
        files={
            nfd(f"{IMAGES}/ảnh-hội-nghị.png"): png("HXC8IMAGENFD"),
            f"{ARTICLES}/a-anh.md": article_text(
                "Văn bản hxc8imagenfdz.\n\n![Ảnh](../../images/ảnh-hội-nghị.png)\n", title="Tin tdc8imagenfdz"
            ),
        },
        path=(nfd(f"{IMAGES}/ảnh-hội-nghị.png"), f"{ARTICLES}/a-anh.md"),
        clean_address="hxc8imagenfdz",
        published=("HXC8IMAGENFD",),
    ),
    _twins("c8-twins-nfc-nfd", "plans/2022/kế-hoạch.md", nfd("plans/2022/kế-hoạch.md"), "NFC and NFD twins"),
    _twins("c8-twins-case", "plans/2022/Ke-hoach.md", "plans/2022/ke-hoach.md", "names differing by case"),
    _twins("c8-twins-space", "plans/2022/ke hoach.md", "plans/2022/ke-hoach.md", "space and hyphen twins"),
]
