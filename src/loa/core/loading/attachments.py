"""Files committed next to documents: which kinds may be published, and which ones an edition publishes.

An attachment is any file under a content root that is not Markdown. Only passive kinds are accepted (images, PDF,
office documents, audio), each checked twice: by its extension and by its first bytes, so that a page saved as
``anh.png`` is refused like ``anh.html``. Anything that a browser runs or renders with the site's origin (HTML,
SVG, scripts, style sheets, WebAssembly, source maps, files without an extension…) is refused with a diagnostic.

An accepted attachment reaches an edition only when a document published in that edition points at it: a link or
an image of its body (relative addresses resolved against the document's folder, as MkDocs resolves them) or its
cover. A file that only drafts, scheduled or internal documents use stays out of the public site, by name and
content.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from loa.core.base.diagnostics import Diagnostics
from loa.core.model.document import Document
from loa.core.text.links import find_links

__all__ = ["ATTACHMENT_TYPES", "check_attachment", "published_attachments", "referenced_files"]

_HEAD = 64
# Raw HTML in a body (``<img src="../so-do.png">``, ``<a href="../phu-luc.pdf">``): the file is used as much as
# through Markdown. Matched in the whole body, code included: a published text that names a file may publish it.
_HTML_REFERENCE = re.compile(r"""\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_OOXML = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
_ODF = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
_AVIF_BRANDS = (b"avif", b"avis")
_AUDIO_BRANDS = (b"M4A ", b"M4B ", b"mp42", b"mp41", b"isom", b"iso2", b"dash")


def _brands(head: bytes) -> tuple[bytes, ...]:
    """Major and compatible brands of an ISO base media file (``ftyp`` box first), or none."""
    if head[4:8] != b"ftyp":
        return ()
    size = int.from_bytes(head[:4], "big")
    box = head[8 : min(max(size, 16), len(head))]
    return tuple(box[i : i + 4] for i in range(0, len(box), 4) if i != 4)  # bytes 4–8 are the minor version


def _mp3(head: bytes) -> bool:
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


def _ooxml(part: str) -> Callable[[Path], bool]:
    def check(path: Path) -> bool:
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return False
        return "[Content_Types].xml" in names and any(n.startswith(part) for n in names)

    return check


def _odf(mimetype: bytes) -> Callable[[Path], bool]:
    def check(path: Path) -> bool:
        try:
            with zipfile.ZipFile(path) as archive, archive.open("mimetype") as entry:
                return entry.read(len(mimetype) + 1) == mimetype
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError, NotImplementedError):
            return False

    return check


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SNIFF: dict[str, Callable[[bytes], bool]] = {
    "png": lambda h: h.startswith(b"\x89PNG\r\n\x1a\n"),
    "jpg": lambda h: h.startswith(b"\xff\xd8\xff"),
    "jpeg": lambda h: h.startswith(b"\xff\xd8\xff"),
    "gif": lambda h: h.startswith((b"GIF87a", b"GIF89a")),
    "webp": lambda h: h.startswith(b"RIFF") and h[8:12] == b"WEBP",
    "avif": lambda h: any(b in _AVIF_BRANDS for b in _brands(h)),
    "pdf": lambda h: h.startswith(b"%PDF-"),
    "docx": lambda h: h.startswith(b"PK\x03\x04"),
    "xlsx": lambda h: h.startswith(b"PK\x03\x04"),
    "pptx": lambda h: h.startswith(b"PK\x03\x04"),
    "odt": lambda h: h.startswith(b"PK\x03\x04"),
    "ods": lambda h: h.startswith(b"PK\x03\x04"),
    "doc": lambda h: h.startswith(_OLE2),
    "xls": lambda h: h.startswith(_OLE2),
    "mp3": _mp3,
    "ogg": lambda h: h.startswith(b"OggS"),
    "oga": lambda h: h.startswith(b"OggS"),
    "m4a": lambda h: any(b in _AUDIO_BRANDS for b in _brands(h)),
    "wav": lambda h: h.startswith(b"RIFF") and h[8:12] == b"WAVE",
}
_ARCHIVES: dict[str, Callable[[Path], bool]] = {
    **{ext: _ooxml(part) for ext, part in _OOXML.items()},
    **{ext: _odf(mimetype) for ext, mimetype in _ODF.items()},
}
ATTACHMENT_TYPES: dict[str, str] = {
    "png": "ảnh PNG",
    "jpg": "ảnh JPEG",
    "jpeg": "ảnh JPEG",
    "gif": "ảnh GIF",
    "webp": "ảnh WebP",
    "avif": "ảnh AVIF",
    "pdf": "tệp PDF",
    "docx": "tệp Word",
    "xlsx": "tệp Excel",
    "pptx": "tệp PowerPoint",
    "odt": "tệp văn bản OpenDocument",
    "ods": "bảng tính OpenDocument",
    "doc": "tệp Word 97–2003",
    "xls": "tệp Excel 97–2003",
    "mp3": "tệp âm thanh MP3",
    "ogg": "tệp âm thanh Ogg",
    "oga": "tệp âm thanh Ogg",
    "m4a": "tệp âm thanh M4A",
    "wav": "tệp âm thanh WAV",
}
"""Accepted extensions (lower case) and what each is, for messages."""

_ACCEPTED = (
    "ảnh (png, jpg, gif, webp, avif), PDF, tài liệu văn phòng (docx, xlsx, pptx, odt, ods, doc, xls), "
    "âm thanh (mp3, ogg, oga, m4a, wav)"
)


def extension(name: str) -> str:
    """The extension of a file name, lower case, without the dot ("" when it has none)."""
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def check_attachment(path: Path, display: str, diagnostics: Diagnostics) -> bool:
    """Whether the file at ``path`` is an accepted attachment; if not, say why (``file.type``,
    ``file.content-mismatch``) at ``display``, line 0."""
    ext = extension(path.name)
    if ext == "svg":
        diagnostics.add(
            display,
            0,
            "file.type",
            "không nhận ảnh SVG: tệp SVG có thể chứa mã chạy trên trang; hãy "
            "xuất ảnh ra PNG (hoặc JPG) rồi dùng tệp đó",
        )
        return False
    if ext not in ATTACHMENT_TYPES:
        kind = f"đuôi .{ext}" if ext else "không có đuôi"
        diagnostics.add(
            display,
            0,
            "file.type",
            f"không nhận tệp đính kèm loại này ({kind}): chỉ đăng được "
            f"{_ACCEPTED}; hãy xóa tệp hoặc chuyển sang một trong các loại trên",
        )
        return False
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD)
        ok = _SNIFF[ext](head) and (ext not in _ARCHIVES or _ARCHIVES[ext](path))
    except OSError:
        ok = False
    if not ok:
        diagnostics.add(
            display,
            0,
            "file.content-mismatch",
            f"tệp mang đuôi .{ext} nhưng nội dung không phải "
            f"{ATTACHMENT_TYPES[ext]}: hãy mở tệp bằng phần mềm gốc rồi lưu (xuất) lại đúng định dạng",
        )
    return ok


def referenced_files(documents: Iterable[Document]) -> set[str]:
    """Site paths that ``documents`` point at: links and images of their bodies (Markdown or raw HTML), and their
    covers."""
    found: set[str] = set()
    for document in documents:
        if document.cover:
            found.add(posixpath.normpath(document.cover.src.lstrip("/")))
        # MkDocs resolves Markdown links from the source file's folder; the browser reads raw HTML from the page's.
        bases = [(posixpath.dirname(document.src_uri), link.url) for link in find_links(document.body)]
        bases += [
            (document.url, html.unescape(m[1] or m[2] or "")) for m in _HTML_REFERENCE.finditer(document.body)
        ]
        for base, url in bases:
            scheme, netloc, path, _, _ = urlsplit(url.strip())
            if scheme or netloc or not path:
                continue
            path = unquote(path)
            target = path.lstrip("/\\") if path.startswith(("/", "\\")) else posixpath.join(base, path)
            found.add(posixpath.normpath(target))
    return found


def published_attachments(
    attachments: Iterable[tuple[Path, str]], documents: Iterable[Document]
) -> tuple[tuple[Path, str], ...]:
    """The attachments (source path, site path) that ``documents``, the ones an edition shows, point at."""
    used = referenced_files(documents)
    return tuple((path, site) for path, site in attachments if site in used)
