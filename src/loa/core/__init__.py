"""Renderer-independent core of Loa. Never imports mkdocs.

The core is a stack of layers; a module imports only from its own layer and the layers listed before it
(`tests/unit/test_core_layers.py` enforces the order):

    base → text → safety → model → routing → loading → selection → references → outputs → history → site → importing
"""

LAYERS = (
    "base",
    "text",
    "safety",
    "model",
    "routing",
    "loading",
    "selection",
    "references",
    "outputs",
    "history",
    "site",
    "importing",
)
"""The layers of the core, lowest first."""
