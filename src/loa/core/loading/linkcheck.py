"""Where links and images of bodies point, resolved the way MkDocs resolves them.

MkDocs resolves a relative link against the directory of the source file (``plans/2021/a.md`` + ``b.md`` →
``plans/2021/b.md``) and, in strict mode, stops on a target it does not know. Loa resolves the links that
`loa.core.text.links` finds against the files of the site and the pages a build generates, so that ``loa check`` and
the build report them before rendering, with file, line and a suggested fix. A link written as an address (no
``.md``, ``../danh-muc/``) is left as it is by MkDocs and read by the browser from the page's address: Loa checks
that a page or a folder of the site is there.
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import cached_property, partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

from loa.core.base.dates import vietnamese_datetime
from loa.core.base.diagnostics import Diagnostics, Severity
from loa.core.base.relative_url import relative_url
from loa.core.model.document import Document, url_of
from loa.core.routing.routes import page_of
from loa.core.safety.trust import external_resources, is_external, link_scheme, unsafe_links
from loa.core.text.links import Link, find_links

__all__ = ["LinkTargets", "check_links", "check_nav"]

_LATER_PAGE = re.compile(r"(.+/)trang-(\d+)/index\.md")


class LinkTargets:
    """What a relative link may point at: the files of the site and the pages a build generates.

    Arguments:
        files: Site paths (``plans/2021/a.md``, ``images/x.jpg``) of every file under the content roots.
        generate: Returns the site paths of the generated pages; called once, on the first link that needs it.
    """

    def __init__(self, files: Collection[str], generate: Callable[[], Collection[str]]) -> None:
        self.files = files
        self._generate = generate

    @cached_property
    def generated(self) -> frozenset[str]:
        """Site paths of the generated pages."""
        return frozenset(self._generate())

    def has_file(self, src_uri: str) -> bool:
        """Whether ``src_uri`` is a file or a page of the site."""
        if src_uri in self.files or src_uri in self.generated:
            return True
        later = _LATER_PAGE.fullmatch(src_uri)
        # How many pages a listing has depends on the configured page size.
        return bool(
            later
            and int(later[2]) > 1
            and (f"{later[1]}index.md" in self.generated or f"{later[1][:-1]}.md" in self.generated)
        )

    @cached_property
    def urls(self) -> frozenset[str]:
        """URLs of every page, and every directory that holds a file (a link to a folder is given the benefit)."""
        found = {url_of(uri) for uri in (*self.files, *self.generated) if uri.endswith(".md")}
        for uri in (*self.files, *self.generated):
            parts = uri.split("/")[:-1]
            found.update("/".join(parts[:i]) + "/" for i in range(1, len(parts) + 1))
        found.add("")
        return frozenset(found)

    def siblings(self, src_uri: str) -> list[str]:
        """Files and pages in the same directory as ``src_uri``."""
        folder = posixpath.dirname(src_uri)
        return sorted(uri for uri in (*self.files, *self.generated) if posixpath.dirname(uri) == folder)


def check_links(
    documents: Sequence[Document],
    targets: LinkTargets,
    roots: Mapping[str, Path],
    display: Callable[[Path], str],
    diagnostics: Diagnostics,
    *,
    at: dt.datetime | None = None,
) -> None:
    """Report the links and images of ``documents`` that point at nothing, or at a document shown later.

    Arguments:
        documents: Documents with their bodies.
        targets: What links may point at.
        roots: Directory on disk of each site prefix: ``{"": content/, "plans/": plans/}``.
        display: Project-relative form of a path on disk, for messages.
        diagnostics: Where problems are recorded.
        at: Also report links from published documents to documents that the public site does not show at this
            time, or will show later. None to skip: a build reports those itself, for its own target and time.
    """
    checker = _Checker(targets, roots, display, {d.src_uri: d for d in documents}, at)
    for document in documents:
        for link in find_links(document.body):
            checker.check(
                document, link, partial(_add, diagnostics, document.path, document.body_line + link.line - 1)
            )
        for line, what in external_resources(document.body):
            diagnostics.add(
                document.path, document.body_line + line - 1, "body.external", _external_message(what)
            )
        for line, url in unsafe_links(document.body):
            diagnostics.add(
                document.path, document.body_line + line - 1, "body.link-scheme", _scheme_message(url)
            )


def _scheme_message(url: str) -> str:
    return (
        f"liên kết '{url}' dùng giao thức '{link_scheme(url)}:' không được phép (có thể chạy lệnh trên trang); "
        "hãy chỉ dùng địa chỉ https://, http://, mailto:, tel: hoặc đường dẫn tương đối"
    )


def _external_message(what: str) -> str:
    return (
        f"nội dung có {what}: trang không tải ảnh, video, khung hay kiểu trình bày từ trang khác (lộ người đọc "
        "cho bên thứ ba, nội dung có thể bị thay đổi sau khi duyệt); hãy chép tệp vào kho, cạnh văn bản, và "
        "ghi đường dẫn tương đối, hoặc thay bằng một liên kết thường [chữ](https://…)"
    )


_Report = Callable[..., None]


def _add(
    diagnostics: Diagnostics,
    path: str,
    line: int,
    code: str,
    message: str,
    severity: Severity = Severity.ERROR,
) -> None:
    diagnostics.add(path, line, code, message, severity=severity)


class _Checker:
    """Checks one link at a time against the site (arguments as `check_links`)."""

    def __init__(
        self,
        targets: LinkTargets,
        roots: Mapping[str, Path],
        display: Callable[[Path], str],
        documents: Mapping[str, Document],
        at: dt.datetime | None,
    ) -> None:
        self.targets, self.roots, self.display, self.documents, self.at = (
            targets,
            roots,
            display,
            documents,
            at,
        )

    def check(self, document: Document, link: Link, report: _Report) -> None:
        what = "ảnh" if link.image else "liên kết"
        if link.image and not link.text.strip():
            report(
                "image.alt",
                f"ảnh '{link.url}' thiếu mô tả (chữ trong ![...]): hãy mô tả nội dung ảnh cho "
                "người khiếm thị và khi ảnh không tải được",
                Severity.WARNING,
            )
        if link.image and is_external(link.url):
            report("body.external", _external_message(f"ảnh '{link.url[:120]}'"))
            return
        if not link.image and link_scheme(link.url):
            report("body.link-scheme", _scheme_message(link.url[:120]))
            return
        try:
            scheme, netloc, path, _, _ = urlsplit(link.url)
        except ValueError:  # an unparsable address ("http://[x"): the renderer leaves it as text in the link
            return
        folder = posixpath.dirname(document.src_uri)
        if scheme or netloc:
            return
        if link.url.startswith(("/", "\\")):
            target = unquote(path).lstrip("/\\")
            example = f", ví dụ '{_relative(target, folder)}'" if self.targets.has_file(target) else ""
            report(
                "link.absolute",
                f"{what} '{link.url}' dùng đường dẫn tuyệt đối (bắt đầu bằng '/'), sẽ hỏng khi "
                "xem ngoại tuyến (loa bundle) hoặc khi trang đặt trong thư mục con; hãy dùng đường dẫn tương đối "
                f"tính từ thư mục chứa tệp này{example}",
                Severity.WARNING,
            )
            return
        if not path:
            if link.image:
                report("image.missing", f"ảnh '{link.text}' chưa có đường dẫn tới tệp ảnh")
            return
        path = unquote(path)
        target = posixpath.normpath(posixpath.join(folder, path).lstrip("/"))
        if self.targets.has_file(target):
            if self.at is not None:
                self._check_shown(document, link, self.documents.get(target), self.at, report)
        elif posixpath.splitext(path)[1] or link.image:
            hint = self._disk_hint(document, path) or _sibling_hint(target, folder, self.targets)
            if target == ".." or target.startswith("../"):
                where = "nằm ngoài các thư mục " + ", ".join(
                    self.display(r) + "/" for r in self.roots.values()
                )
                message = f"{what} '{link.url}' trỏ tới một tệp {where}"
            else:
                message = f"không tìm thấy tệp {self.display(self._disk_path(target))} mà {what} '{link.url}' trỏ tới"
            report(
                "image.missing" if link.image else "link.missing",
                f"{message} (đường dẫn tính từ thư mục chứa tệp này).{hint}",
            )
        else:
            address = posixpath.normpath(posixpath.join(document.url, path))
            address = "" if address == "." else address.rstrip("/") + "/"
            if address not in self.targets.urls:
                report(
                    "link.missing",
                    f"liên kết '{link.url}' dẫn tới địa chỉ /{address}, không có trang nào ở "
                    f"đó (địa chỉ không có đuôi .md được tính từ địa chỉ của trang này, /{document.url}); hãy trỏ "
                    "tới tệp .md của trang đích, đường dẫn tính từ thư mục chứa tệp này."
                    + _page_hint(target, folder, self.targets),
                )

    @staticmethod
    def _check_shown(
        document: Document, link: Link, target: Document | None, at: dt.datetime, report: _Report
    ) -> None:
        """A published document that links to one shown later or never: on the public site the link is broken."""
        if target is None or document.status != "published":
            return
        if target.status != "published":
            reason = f"chưa được duyệt đăng (status: {target.status})"
        elif target.access == "internal" and document.access == "public":
            reason = "chỉ có trong bản nội bộ (access: internal)"
        elif target.publish_at and target.publish_at > max(at, document.publish_at or at):
            reason = f"hẹn đăng lúc {vietnamese_datetime(target.publish_at)}, muộn hơn tài liệu này"
        else:
            return
        report(
            "link.withheld",
            f"liên kết '{link.url}' trỏ tới {target.path}, tài liệu {reason}: trên trang công "
            "khai liên kết này sẽ hỏng (bản dựng --strict dừng lại); hãy đăng tài liệu đích trước hoặc bỏ liên "
            "kết",
            Severity.WARNING,
        )

    def _disk_path(self, src_uri: str) -> Path:
        prefix = max((p for p in self.roots if src_uri.startswith(p)), key=len)
        return self.roots[prefix] / src_uri[len(prefix) :]

    def _disk_hint(self, document: Document, path: str) -> str:
        """The file the link reaches on disk: editors write paths from the file's folder on disk, where plans/ is
        beside content/ and not inside it."""
        if document.source_path is None:
            return ""
        on_disk = (Path(document.source_path).parent / path).resolve()
        for prefix, root in self.roots.items():
            if on_disk.is_relative_to(root.resolve()):
                target = prefix + on_disk.relative_to(root.resolve()).as_posix()
                if self.targets.has_file(target):
                    return f" Có phải ý bạn là '{_relative(target, posixpath.dirname(document.src_uri))}'?"
        return ""


def _relative(target: str, folder: str) -> str:
    return relative_url(target, folder + "/")


def _sibling_hint(target: str, folder: str, targets: LinkTargets) -> str:
    """A file of a close name in the same folder, or of the same name in another folder."""
    name = posixpath.basename(target)
    names = {posixpath.basename(uri): uri for uri in targets.siblings(target)}
    close = difflib.get_close_matches(name, list(names), n=1, cutoff=0.6)
    found = (
        names[close[0]]
        if close
        else next((uri for uri in sorted(targets.files) if posixpath.basename(uri) == name), None)
    )
    return f" Có phải ý bạn là '{_relative(found, folder)}'?" if found else ""


def _page_hint(target: str, folder: str, targets: LinkTargets) -> str:
    """The Markdown file of the page the editor probably meant (the address read from the file's folder)."""
    for candidate in (page_of(f"{target}/"), f"{target}.md"):
        if targets.has_file(candidate):
            return f" Có phải ý bạn là '{_relative(candidate, folder)}'?"
    return ""


def check_nav(nav: object, targets: LinkTargets, path: str, text: str, diagnostics: Diagnostics) -> None:
    """Report the entries of ``nav`` (from ``mkdocs.yml``) whose file is neither in the site nor generated.

    Arguments:
        nav: The ``nav`` value of ``mkdocs.yml``.
        targets: What links may point at.
        path: Project-relative path of ``mkdocs.yml``.
        text: Its text, to find each entry's line.
        diagnostics: Where problems are recorded.
    """
    lines = text.split("\n")
    for title, entry in _nav_entries(nav, None):
        scheme, netloc, _, _, _ = urlsplit(entry)
        if scheme or netloc or entry.startswith("/"):
            continue
        target = posixpath.normpath(entry)
        if targets.has_file(target):
            continue
        line = next((i + 1 for i, x in enumerate(lines) if entry in x and not x.lstrip().startswith("#")), 0)
        pages = {
            url_of(uri): uri for uri in sorted((*targets.files, *targets.generated)) if uri.endswith(".md")
        }
        close = difflib.get_close_matches(
            url_of(target) if target.endswith(".md") else target, list(pages), n=1, cutoff=0.6
        )
        hint = f" Có phải ý bạn là '{pages[close[0]]}'?" if close else ""
        label = f"mục '{title}'" if title else "một mục"
        diagnostics.add(
            path,
            line,
            "nav.missing",
            f"{label} của nav trỏ tới '{entry}', không có tệp hay trang này "
            f"(đường dẫn tính từ gốc trang, tức thư mục content/).{hint}",
        )


def _nav_entries(nav: object, title: str | None) -> Iterable[tuple[str | None, str]]:
    if isinstance(nav, str):
        yield title, nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_entries(item, title)
    elif isinstance(nav, dict):
        for key, value in nav.items():
            yield from _nav_entries(value, str(key))
