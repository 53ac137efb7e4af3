"""The unit layer tests the core alone: no MkDocs, no theme, no plugin, no command line, no build."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

UNIT = Path(__file__).resolve().parent
REPO = UNIT.parents[1]
FORBIDDEN = ("mkdocs", "material", "loa.plugin", "loa.cli", "properdocs")


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Name) and node.id == "run_loa":
            found.append((node.lineno, "run_loa (a real build)"))
    return found


def _forbidden(name: str) -> bool:
    return name.startswith("run_loa") or any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


def test_no_unit_test_imports_the_renderer_the_plugin_or_the_command_line():
    offending = [
        f"{path.relative_to(REPO)}:{line}: {name}"
        for path in sorted(UNIT.glob("*.py"))
        for line, name in _imports(path)
        if _forbidden(name)
    ]
    assert not offending, "unit tests must use loa.core only:\n" + "\n".join(offending)


def test_the_check_itself_sees_a_hidden_import(tmp_path):
    sample = tmp_path / "test_sample.py"
    sample.write_text(
        "def test_x():\n    from mkdocs.config import base\n    import loa.plugin.plugin\n", encoding="utf-8"
    )
    assert [name for _, name in _imports(sample) if _forbidden(name)] == [
        "mkdocs.config",
        "loa.plugin.plugin",
    ]


def test_every_unit_module_imports_with_mkdocs_unavailable():
    script = textwrap.dedent(f"""
        import importlib, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("mkdocs", "material"):
                    raise ImportError(name + " is not for unit tests")
        sys.meta_path.insert(0, Block())
        sys.path.insert(0, {str(REPO)!r})
        for name in {sorted(p.stem for p in UNIT.glob("test_*.py"))!r}:
            importlib.import_module("tests.unit." + name)
        assert not [m for m in sys.modules if m.split(".")[0] in ("mkdocs", "material")]
        print("ok")
    """)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, check=False, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
