"""Loa: publishing official plans and propaganda articles from Markdown, through MkDocs + Material.

The public API is the renderer-independent core; the MkDocs plugin lives in `loa.plugin`.
"""

from __future__ import annotations

from loa.core.base.diagnostics import Diagnostic, Severity
from loa.core.loading.catalog import Catalog, Layout, load_catalog
from loa.core.model.document import DOC_TYPES, DocType, Document, PartialDate, Signer
from loa.core.model.registry import Issuer
from loa.core.model.schema import json_schema
from loa.core.selection.publication import exclusion_reason, select_published

__all__ = [
    "DOC_TYPES",
    "Catalog",
    "Diagnostic",
    "DocType",
    "Document",
    "Issuer",
    "Layout",
    "PartialDate",
    "Severity",
    "Signer",
    "exclusion_reason",
    "json_schema",
    "load_catalog",
    "select_published",
]
