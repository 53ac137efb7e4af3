"""Renderer-independent core of Loa. Never imports mkdocs."""
