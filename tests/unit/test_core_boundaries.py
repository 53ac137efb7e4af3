"""Architecture rules: the core runs without MkDocs, and the public API is pinned."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import loa


def test_core_imports_without_mkdocs():
    # A meta-path finder makes any import of mkdocs fail, then every core module is imported.
    script = textwrap.dedent("""
        import importlib, pkgutil, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name == "mkdocs" or name.startswith("mkdocs."):
                    raise ImportError("mkdocs is forbidden in loa.core")
        sys.meta_path.insert(0, Block())
        import loa, loa.core
        for module in pkgutil.walk_packages(loa.core.__path__, "loa.core."):
            importlib.import_module(module.name)
        assert not any(m.startswith("mkdocs") for m in sys.modules)
        print("ok")
    """)
    result = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_public_api_is_pinned():
    assert loa.__all__ == [
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
    assert all(hasattr(loa, name) for name in loa.__all__)
