"""The diagnostics of a build, as the host's log shows them: repeats of a code collapsed, errors stop it."""

from __future__ import annotations

from collections.abc import Mapping

from loa.core.base.diagnostics import Severity, collapse
from loa.core.loading.catalog import Catalog
from loa.core.references.xref import ReferenceGraph
from loa.core.site.options import Log, SiteError

__all__ = ["report_catalog", "report_xref"]


def report_xref(log: Log, graph: ReferenceGraph, levels: Mapping[str, str]) -> None:
    """Log unresolved and ambiguous citations at the configured level."""
    shown, summaries = collapse(graph.diagnostics)
    lines = [(d.code, d.format()) for d in shown] + [(code, line) for _, code, line in summaries]
    for code, line in lines:
        level = levels.get(code, "warn")
        if level == "warn":
            log.warning(line)
        elif level == "info":
            log.info(line)


def report_catalog(log: Log, catalog: Catalog) -> None:
    """Log the diagnostics (repeats of a code collapsed); errors abort the build after all are shown."""
    shown, summaries = collapse(catalog.diagnostics)
    for diagnostic in shown:
        (log.error if diagnostic.severity is Severity.ERROR else log.warning)(diagnostic.format())
    for severity, _, summary in summaries:
        (log.error if severity is Severity.ERROR else log.warning)(summary)
    if catalog.errors:
        raise SiteError(
            f"{len(catalog.errors)} lỗi trong nội dung; không dựng trang. "
            "Sửa các lỗi trên rồi dựng lại (loa check để kiểm tra nhanh)."
        )
