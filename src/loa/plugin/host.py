"""The one place that imports the renderer host: MkDocs, or ProperDocs, its maintained fork.

ProperDocs ships the same API under the module ``properdocs`` and no ``mkdocs`` module. When MkDocs is not
installed, importing ``properdocs.replacement`` makes every later ``mkdocs.*`` import (this module's, and a
theme's such as MaterialX) resolve to ``properdocs.*``, as the ``properdocs`` command itself does. Every plugin
module and ``loa build`` take what they need from here.
"""

from __future__ import annotations

import importlib
import importlib.util

if importlib.util.find_spec("mkdocs") is None and importlib.util.find_spec("properdocs") is not None:
    importlib.import_module("properdocs.replacement")  # installs the mkdocs -> properdocs alias
    HOST = "properdocs"
else:
    HOST = "mkdocs"

from mkdocs.commands.build import build
from mkdocs.config import (
    base,
    config_options,
    load_config,
)
from mkdocs.config.base import BaseConfigOption, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

LOGGER = HOST
"""The name of the host's root logger (its warnings count against strict mode)."""

__all__ = [
    "HOST",
    "LOGGER",
    "BaseConfigOption",
    "BasePlugin",
    "File",
    "Files",
    "MkDocsConfig",
    "MkDocsException",
    "Page",
    "PluginError",
    "ValidationError",
    "base",
    "build",
    "config_options",
    "event_priority",
    "get_plugin_logger",
    "load_config",
]
