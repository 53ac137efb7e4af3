"""Feed generation time on the synthetic corpora: one feed holding every document, in the three formats.

Run: ``python -m loa.bench.feedbench --sizes 5000,20000``. The core alone is measured (no MkDocs): catalog
loading is timed separately from grouping and rendering, so the figure is the feeds' own cost.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from loa.bench.corpus import generate_corpus
from loa.core.loading.catalog import Layout, load_catalog, topics_by_id
from loa.core.outputs.feeds import FEED_FORMATS, FeedItem, feed_time, guid_of, plan_feeds, render_feed
from loa.core.selection.publication import parse_build_time, select_published

__all__ = ["main", "measure_feeds"]

SITE = "https://sapa.loa.example/"
BUILT = "2026-11-22T12:00:00+07:00"


def measure_feeds(project: Path) -> dict[str, float]:
    """Time grouping and rendering one feed of every published document of ``project``, per format."""
    layout = Layout(project, project / "content", project / "plans", project / "data")
    built = parse_build_time(BUILT)
    published = select_published(load_catalog(layout).documents, at=built, target="public")
    topics = topics_by_id(published)
    started = time.perf_counter()
    specs = plan_feeds(published, topics=topics, channels={}, limit=len(published))
    everything = specs[0]
    items = [
        FeedItem(
            guid_of(d, SITE),
            SITE + d.url,
            d.full_title,
            d.summary or d.full_title,
            None,
            feed_time(d) or built,
            feed_time(d) or built,
        )
        for d in everything.documents
    ]
    timings = {"items": float(len(items)), "group": time.perf_counter() - started}
    for fmt in FEED_FORMATS:
        started = time.perf_counter()
        render_feed(everything, items, fmt=fmt, site_url=SITE, built=built)
        timings[fmt] = time.perf_counter() - started
    return timings


def main(argv: Sequence[str] | None = None) -> int:
    """Print a table of feed generation times for each corpus size."""
    parser = argparse.ArgumentParser(description="Thời gian tạo nguồn tin trên bộ dữ liệu thử nghiệm.")
    parser.add_argument("--sizes", default="5000,20000")
    args = parser.parse_args(argv)
    print("| N items | group (s) | RSS (s) | Atom (s) | JSON (s) | total µs/item |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            generate_corpus(Path(tmp) / "loa", size, layout="loa")
            t = measure_feeds(Path(tmp) / "loa")
        total = t["group"] + t["rss"] + t["atom"] + t["json"]
        print(
            f"| {int(t['items'])} | {t['group']:.2f} | {t['rss']:.2f} | {t['atom']:.2f} | {t['json']:.2f} "
            f"| {total / t['items'] * 1e6:.0f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
