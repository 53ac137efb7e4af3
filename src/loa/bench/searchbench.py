"""What a reader's browser pays for a search on the synthetic corpora: bytes transferred and time to first result.

Run: ``python -m loa.bench.searchbench --sizes 5000`` (``make bench-search``). For each size the corpus is
generated and built with ``loa build`` (or an existing built project is reused with ``--project``), served over
HTTP from 127.0.0.1 by a server that compresses text with gzip as a production server does, and searched in
headless Chromium (Debian's ``chromium``). Each pair of queries runs in a fresh browser context, with an empty
cache: the first query loads the manifest, the filters and the shards it needs; the follow-up query reuses them.

Reported per query: bytes of the index files it loaded (compressed as transferred, and raw), the number of
files, and the time from pressing Enter to the first result on screen. The search page itself (HTML, styles,
scripts: loaded once, before any query) is reported separately.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from loa.bench.corpus import generate_corpus

__all__ = ["main", "measure_search"]

AT = "2026-11-22T12:00:00+07:00"
# (first query, follow-up query): words with and without diacritics, a number typed in another order, a phrase.
QUERY_PAIRS = (
    ("tuyen truyen", "tuyên truyền giáo dục chính trị"),
    ("nghị quyết", "nghi quyet dai hoi"),
    ("chuyen doi so", '"nền tảng dữ liệu dùng chung"'),
    ("du lich cong dong", "du lịch cộng đồng bản sắc"),
    ("KH/HU 12", "12-KH/HU"),
)
_TEXT_TYPES = (".html", ".js", ".css", ".json", ".xml", ".svg", ".txt")
_CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
]


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text compressed with gzip when the browser accepts it, no caching headers."""

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        path = Path(self.translate_path(unquote(urlsplit(self.path).path)))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        data = path.read_bytes()
        compress = path.suffix in _TEXT_TYPES and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            data = gzip.compress(data, 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(data)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(data)


@contextmanager
def _serve(site: Path) -> Iterator[str]:
    handler = functools.partial(_GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


_FIRST_RESULT = """async (query) => {
  const list = document.getElementById("loa-search-results");
  const input = document.getElementById("loa-search-q");
  list.textContent = "";
  input.value = query;
  const started = performance.now();
  input.form.requestSubmit();
  return await new Promise((resolve) => {
    const done = () => {
      const first = list.querySelector("li");
      const link = first && first.querySelector("a");
      const status = document.getElementById("loa-search-status").textContent;
      if (link || status.startsWith("Không")) { observer.disconnect(); resolve([performance.now() - started,
        list.querySelectorAll("li").length, link ? link.getAttribute("href") : null]); return true; }
      return false;
    };
    const observer = new MutationObserver(done);
    observer.observe(document.body, {childList: true, subtree: true, characterData: true});
    done();
  });
}"""


def _settle(page: Any) -> None:
    """Wait until every result on screen has its excerpt (or gave up on it)."""
    page.wait_for_function("() => !document.querySelector('#loa-search-results [aria-busy]')", timeout=30_000)


def measure_search(site: Path, pairs: Sequence[tuple[str, str]] = QUERY_PAIRS) -> dict[str, Any]:
    """Run each pair of queries in a fresh context against ``site``; return the per-query measurements."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        raise SystemExit("Cần Chromium của Debian (apt-get install chromium) để đo tìm kiếm.")
    results: dict[str, Any] = {"page": [], "first": [], "follow_up": []}
    with _serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=_CHROMIUM_ARGS)
        for first, follow_up in pairs:
            context = browser.new_context()
            page = context.new_page()
            transfers: list[tuple[str, int]] = []
            page.on(
                "requestfinished",
                lambda request, log=transfers: log.append((request.url, request.sizes()["responseBodySize"])),
            )
            page.goto(base + "tim-kiem/", wait_until="load")
            page.wait_for_timeout(200)
            results["page"].append(_bytes(site, transfers))
            for name, query in (("first", first), ("follow_up", follow_up)):
                transfers.clear()
                elapsed, count, href = page.evaluate(_FIRST_RESULT, query)
                _settle(page)
                page.wait_for_timeout(100)
                record = {
                    "query": query,
                    "ms": round(elapsed, 1),
                    "results_shown": count,
                    "top": href,
                    **_bytes(site, transfers),
                }
                results[name].append(record)
            context.close()
        browser.close()
    return results


def _bytes(site: Path, transfers: list[tuple[str, int]]) -> dict[str, int]:
    raw = 0
    for url, _ in transfers:
        path = site / unquote(urlsplit(url).path).lstrip("/")
        raw += (path / "index.html" if path.is_dir() else path).stat().st_size if path.exists() else 0
    return {"files": len(transfers), "bytes": sum(size for _, size in transfers), "raw_bytes": raw}


def _build(size: int, work: Path) -> Path:
    project = work / f"loa-{size}"
    if not (project / "mkdocs.yml").exists():
        generate_corpus(project, size, layout="loa")
    site = project / "site"
    command = [sys.executable, "-m", "loa.cli", "build", "--at", AT, "--site-dir", str(site)]
    subprocess.run(command, cwd=project, check=True, stdout=subprocess.DEVNULL)
    return site


def _summary(size: int, site: Path, measured: dict[str, Any]) -> str:
    index = site / "search"
    files = [p for p in index.rglob("*") if p.is_file()]
    shards = [p for p in files if p.parent.name == "t"]
    lines = [
        f"## {size} documents",
        (
            f"index: {len(files)} files, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB on disk; "
            f"{len(shards)} shards, largest {max(p.stat().st_size for p in shards) / 1e3:.0f} KB"
        ),
        (
            "search page before any query: median "
            f"{statistics.median(r['bytes'] for r in measured['page']) / 1e3:.0f} KB transferred "
            f"({statistics.median(r['raw_bytes'] for r in measured['page']) / 1e3:.0f} KB raw)"
        ),
        "",
        "| query | kind | files | KB transferred (gzip) | KB raw | time to first result (ms) | top result |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in ("first", "follow_up"):
        for record in measured[kind]:
            lines.append(
                f"| {record['query']} | {kind} | {record['files']} | {record['bytes'] / 1e3:.0f} | "
                f"{record['raw_bytes'] / 1e3:.0f} | {record['ms']:.0f} | {record['top']} |"
            )
    for kind in ("first", "follow_up"):
        records = measured[kind]
        lines.append(
            f"\n{kind}: median {statistics.median(r['bytes'] for r in records) / 1e3:.0f} KB gzip, "
            f"max {max(r['bytes'] for r in records) / 1e3:.0f} KB; raw max "
            f"{max(r['raw_bytes'] for r in records) / 1e3:.0f} KB; median "
            f"{statistics.median(r['ms'] for r in records):.0f} ms, max {max(r['ms'] for r in records):.0f} ms"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Build (or reuse) each corpus, measure the query pairs and print a report."""
    parser = argparse.ArgumentParser(description="Đo tìm kiếm trên bộ dữ liệu thử nghiệm.")
    parser.add_argument("--sizes", default="5000")
    parser.add_argument("--work", type=Path, help="thư mục giữ các bộ dữ liệu (mặc định: thư mục tạm)")
    parser.add_argument("--site", type=Path, help="đo một trang đã dựng sẵn thay vì dựng bộ dữ liệu")
    parser.add_argument("--json", type=Path, help="ghi số đo chi tiết vào tệp JSON này")
    args = parser.parse_args(argv)
    reports: dict[str, Any] = {}
    if args.site:
        measured = measure_search(args.site)
        reports["site"] = measured
        print(_summary(0, args.site, measured))
    else:
        work = args.work or Path(tempfile.mkdtemp(prefix="loa-searchbench-"))
        for size in (int(s) for s in args.sizes.split(",")):
            site = _build(size, work)
            measured = measure_search(site)
            reports[str(size)] = measured
            print(_summary(size, site, measured))
    if args.json:
        args.json.write_text(json.dumps(reports, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
