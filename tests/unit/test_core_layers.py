"""The core's layers: every module sits in a layer folder and imports only from its own layer and those below."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import loa.core
from loa.core import LAYERS
from loa.core.model.document import Document

CORE = Path(loa.core.__file__).resolve().parent

# Imports that break the order today, each with the reason it is still there. Empty is the goal.
KNOWN: dict[tuple[str, str], str] = {}


def _imports(source: str) -> list[tuple[int, str]]:
    """Every ``loa.core`` module ``source`` imports, at any depth (imports inside functions count too)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "loa.core":
                found += [(node.lineno, f"loa.core.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return [(line, name) for line, name in found if name.startswith("loa.core.")]


def violations(modules: dict[str, str]) -> list[str]:
    """The imports among ``modules`` (``"layer/name"`` → source) that reach a higher layer or leave the core."""
    rank = {layer: i for i, layer in enumerate(LAYERS)}
    problems = []
    for module, source in sorted(modules.items()):
        layer = module.split("/")[0]
        for line, name in _imports(source):
            parts = name.split(".")
            target = parts[2]
            if target not in rank:
                problems.append(f"{module}:{line} imports {name}, which is in no layer")
            elif rank[target] > rank[layer] and (module, ".".join(parts[2:4])) not in KNOWN:
                problems.append(f"{module}:{line} ({layer}) imports {name} ({target}, a higher layer)")
    return problems


def _core_modules() -> dict[str, str]:
    return {
        p.relative_to(CORE).with_suffix("").as_posix(): p.read_text(encoding="utf-8")
        for p in CORE.rglob("*.py")
        if p.parent != CORE
    }


def test_every_core_module_is_in_a_layer_folder():
    loose = sorted(p.name for p in CORE.glob("*.py") if p.name != "__init__.py")
    folders = sorted(p.name for p in CORE.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert loose == []
    assert folders == sorted(LAYERS)
    assert all(
        (CORE / layer / "__init__.py").read_text(encoding="utf-8").startswith('"""') for layer in LAYERS
    )


def test_core_imports_follow_the_layer_order():
    assert violations(_core_modules()) == []


def test_known_exceptions_are_still_needed():
    # An exception that no longer matches any import is removed from KNOWN, so the list only shrinks.
    modules = _core_modules()
    used = {
        (module, ".".join(name.split(".")[2:4]))
        for module, source in modules.items()
        for _, name in _imports(source)
    }
    assert set(KNOWN) <= used


def test_the_check_catches_an_upward_import():
    modules = {
        "model/document": "from loa.core.base.dates import vietnamese_date\n",
        "model/tasks": "def f():\n    from loa.core.outputs.feeds import render_feed\n",
        "text/normalize": "import loa.core.nowhere.thing\n",
    }
    assert violations(modules) == [
        "model/tasks:2 (model) imports loa.core.outputs.feeds (outputs, a higher layer)",
        "text/normalize:1 imports loa.core.nowhere.thing, which is in no layer",
    ]


def test_the_document_model_resolves_its_type_hints():
    # No import hidden behind TYPE_CHECKING: tasks and deadlines sit below the document in the model layer.
    hints = typing.get_type_hints(Document)
    assert "tasks" in hints and "budget" in hints
    assert "Task" in str(hints["tasks"])
