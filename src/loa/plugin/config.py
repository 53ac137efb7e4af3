"""Typed configuration of the ``loa`` MkDocs plugin."""

from __future__ import annotations

from loa.core.base.settings import BOUNDS, FOLDERS, bound_error, folder_error
from loa.plugin.host import BaseConfigOption, ValidationError, base
from loa.plugin.host import config_options as c

__all__ = ["LoaConfig", "XrefConfig"]

_LEVELS = ("warn", "info", "ignore")


class _Bounded(BaseConfigOption[int]):
    """A whole number within the bounds the core sets for the option ``name`` (`loa.core.base.settings.BOUNDS`)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.default = BOUNDS[name].default

    def run_validation(self, value: object) -> int:
        message = bound_error(self.name, value)
        if message is not None:
            raise ValidationError(message)
        assert isinstance(value, int)
        return value


class _Folder(BaseConfigOption[str]):
    """A folder inside the project, relative to ``mkdocs.yml`` (`loa.core.base.settings.folder_error`)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.default = FOLDERS[name]

    def run_validation(self, value: object) -> str:
        message = folder_error(self.name, value)
        if message is not None:
            raise ValidationError(message)
        assert isinstance(value, str)
        return value


class XrefConfig(base.Config):
    """Options of cross-references between documents."""

    enabled = c.Type(bool, default=True)
    """Detect citations, link them and show related documents."""

    unresolved = c.Choice(_LEVELS, default="warn")
    """How a citation that resolves to no known document is reported: ``warn`` (fails ``--strict``), ``info``
    or ``ignore``. ``loa check`` always lists them."""

    ambiguous = c.Choice(_LEVELS, default="warn")
    """How a citation that fits several documents is reported."""


class LoaConfig(base.Config):
    """Options under ``plugins: - loa:`` in ``mkdocs.yml``."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off entirely: MkDocs then builds ``docs_dir`` as it is, which holds no document (only a
    notice that the site must be built with Loa)."""

    content_dir = _Folder("content_dir")
    """Directory of articles, topics and site pages, relative to ``mkdocs.yml``; mounted at the root of the site.
    It must not be, contain or sit inside MkDocs' ``docs_dir``."""

    plans_dir = _Folder("plans_dir")
    """Directory of official documents, relative to ``mkdocs.yml``; mounted at ``/plans/`` in the site."""

    data_dir = _Folder("data_dir")
    """Directory of the YAML registries, relative to ``mkdocs.yml``."""

    target = c.Choice(("public", "internal", "preview"), default="public")
    """Build target: ``public`` (the open site), ``internal`` (adds ``access: internal`` documents) or
    ``preview`` (every document, the non-public ones watermarked).
    The environment variable ``LOA_TARGET`` overrides it."""

    build_time = c.Optional(c.Type(str))
    """Time the publication rules are evaluated at (ISO 8601, naive means +07:00); default: now.
    The environment variable ``LOA_BUILD_TIME`` overrides it."""

    max_file_size = _Bounded("max_file_size")
    """Largest accepted Markdown file, in bytes."""

    page_size = _Bounded("page_size")
    """Documents per page of the generated listings."""

    feed_items = _Bounded("feed_items")
    """Items in each feed (the newest)."""

    latest_count = _Bounded("latest_count")
    """Documents shown under "Văn bản mới" on the home page."""

    history = c.Type(bool, default=True)
    """Revision history from git: "Cập nhật lần cuối", the list of public revisions, a page per revision.
    The environment variable ``LOA_HISTORY=0`` turns it off."""

    xref = c.SubConfig(XrefConfig)
    """Cross-references between documents (citations, backlinks, implementation chains)."""
