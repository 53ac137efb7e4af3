"""Typed configuration of the ``loa`` MkDocs plugin: every option checked by `loa.core.base.settings`."""

from __future__ import annotations

from typing import Any

from loa.core.base.settings import (
    BOUNDS,
    CHOICES,
    FLAGS,
    FOLDERS,
    OPTIONS,
    XrefSettings,
    option_error,
    option_value,
)
from loa.plugin.host import BaseConfigOption, ValidationError, base

__all__ = ["LoaConfig"]

_DEFAULTS: dict[str, Any] = {
    **{name: bound.default for name, bound in BOUNDS.items()},
    **FOLDERS,
    **FLAGS,
    **{name: default for name, (_, default) in CHOICES.items()},
    "build_time": None,
    "xref": XrefSettings(),
}


class _Checked(BaseConfigOption[Any]):
    """The option ``name``, validated by the core's rule for it (`loa.core.base.settings.option_error`)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.default = _DEFAULTS[name]

    def run_validation(self, value: object) -> Any:
        if isinstance(value, XrefSettings):  # the default
            return value
        message = option_error(self.name, value)
        if message is not None:
            raise ValidationError(message)
        return option_value(self.name, value)


class LoaConfig(base.Config):
    """Options under ``plugins: - loa:`` in ``mkdocs.yml``."""

    enabled = _Checked("enabled")
    """Turn the plugin off entirely: MkDocs then builds ``docs_dir`` as it is, which holds no document (only a
    notice that the site must be built with Loa)."""

    content_dir = _Checked("content_dir")
    """Directory of articles, topics and site pages, relative to ``mkdocs.yml``; mounted at the root of the site.
    It must not be, contain or sit inside MkDocs' ``docs_dir``."""

    plans_dir = _Checked("plans_dir")
    """Directory of official documents, relative to ``mkdocs.yml``; mounted at ``/plans/`` in the site."""

    data_dir = _Checked("data_dir")
    """Directory of the YAML registries, relative to ``mkdocs.yml``."""

    target = _Checked("target")
    """Build target: ``public`` (the open site), ``internal`` (adds ``access: internal`` documents) or
    ``preview`` (every document, the non-public ones watermarked).
    The environment variable ``LOA_TARGET`` overrides it."""

    build_time = _Checked("build_time")
    """Time the publication rules are evaluated at (ISO 8601, naive means +07:00); default: now.
    The environment variable ``LOA_BUILD_TIME`` overrides it."""

    max_file_size = _Checked("max_file_size")
    """Largest accepted Markdown file, in bytes."""

    page_size = _Checked("page_size")
    """Documents per page of the generated listings."""

    feed_items = _Checked("feed_items")
    """Items in each feed (the newest)."""

    latest_count = _Checked("latest_count")
    """Documents shown under "Văn bản mới" on the home page."""

    history = _Checked("history")
    """Revision history from git: "Cập nhật lần cuối", the list of public revisions, a page per revision.
    The environment variable ``LOA_HISTORY=0`` turns it off."""

    xref = _Checked("xref")
    """Cross-references between documents (citations, backlinks, implementation chains): ``enabled``, and how
    ``unresolved`` and ``ambiguous`` citations are reported (``warn``, fails ``--strict``; ``info``; ``ignore``).
    ``loa check`` always lists them."""

    def validate(self) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        """MkDocs' validation, with an unknown option an error in Vietnamese instead of an English warning."""
        failed, warnings = super().validate()
        unknown = [key for key, _ in warnings if key not in OPTIONS]
        failed = [*failed, *((key, ValidationError(str(option_error(key, None)))) for key in unknown)]
        return failed, [(key, message) for key, message in warnings if key not in unknown]
