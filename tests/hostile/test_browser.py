"""Every page and feed of the neutralised corpus in Chromium, over plain HTTP (no CSP: only the escaping protects)
and behind real nginx with the shipped configuration. Every payload tries to set window.__pwned or call alert():
no dialog may open, window.__pwned must stay undefined, and no request may leave 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Browser, Route
from playwright.sync_api import Error as PlaywrightError

from tests.conftest import start_nginx
from tests.hostile.corpus import Built

BATCHES = ("text", "body", "history")
KINDS = (".html", ".svg")  # feeds are downloads in Chromium: they are checked statically


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


@contextmanager
def plain_http(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def nginx(site: Path, prefix: Path) -> Iterator[str]:
    process, url = start_nginx(site, prefix)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def addresses(site: Path) -> list[str]:
    """Pages and images that carry a payload (a case token, or the canary's name), then the search page."""
    out = []
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in KINDS):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(".") or not re.search(rb"hx[a-z0-9]+z|__pwned", path.read_bytes()):
            continue
        out.append("/" + quote(rel.removesuffix("index.html")))
    return [*out, "/tim-kiem/?q=hx", "/tim-kiem/?q=" + quote("về việc")]


def visit(browser: Browser, base: str, paths: list[str]) -> list[str]:
    problems: list[str] = []
    context = browser.new_context()

    def guard(route: Route) -> None:
        if urlsplit(route.request.url).hostname != "127.0.0.1":
            problems.append(f"request left the machine: {route.request.url}")
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    page = context.new_page()
    page.on(
        "dialog",
        lambda dialog: (
            problems.append(f"dialog {dialog.type} {dialog.message!r} on {page.url}"),
            dialog.dismiss(),
        ),
    )
    try:
        for path in paths:
            try:
                page.goto(base + path, wait_until="load")
            except PlaywrightError as error:
                if "Download is starting" in str(
                    error
                ):  # a feed the browser saves instead of rendering: inert
                    continue
                raise
            value = page.evaluate("typeof window.__pwned === 'undefined' ? null : String(window.__pwned)")
            if value is not None:
                problems.append(f"window.__pwned = {value!r} on {path}")
    finally:
        context.close()
    return problems


@pytest.mark.parametrize("server", ["http", "nginx"])
def test_no_payload_runs(
    server: str, batches: dict[str, Built], browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> None:
    problems: list[str] = []
    for name in BATCHES:
        batch = batches[name]
        assert batch.run.returncode == 0, f"batch {name} did not build:\n{batch.run.stderr[-3000:]}"
        serving = (
            plain_http(batch.site)
            if server == "http"
            else nginx(batch.site, tmp_path_factory.mktemp("nginx"))
        )
        with serving as base:
            problems += [f"{name}: {p}" for p in visit(browser, base, addresses(batch.site))]
    assert not problems, "\n".join(problems[:40])
