"""The scan itself can fail: known-live snippets in each kind of output file are found, escaped ones are not."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tests.hostile.harness import png
from tests.hostile.inspect_output import canary_hits, scan_site

T = "hxinspectorz"
PAGE = "<html><body><div class='md-container'><article class='md-content md-typeset'>{}</article></div></body></html>"
LIVE = {
    "a/index.html": PAGE.format(f"<img src=x onerror=\"window.__pwned='{T}'\">"),
    "b/index.html": PAGE.format(f"<a href=' jAvAsCrIpT:alert(1)'>{T}</a>"),
    "c/index.html": PAGE.format(f"<img src='https://evil.example/{T}.png'>"),
    "d/index.html": PAGE.format(f"<p id='__config'>{T}</p>"),
    "e/index.html": PAGE.format(f"<iframe srcdoc='{T}'></iframe>"),
    "feeds/x.rss": f"<rss><channel><item><description>&lt;script&gt;alert('{T}')&lt;/script&gt;</description>"
    "</item></channel></rss>",
    "feeds/x.atom": f"<feed xmlns='http://www.w3.org/2005/Atom'><entry><title type='html'>&lt;svg onload=x&gt;{T}"
    "</title></entry></feed>",
    "feeds/x.json": '{"items": [{"content_html": "<script>alert(\'' + T + "')</script>\"}]}",
    "feeds/y.json": '{"items": [' + T,
    "search/i.js": f'loaSearchData("x", {{"t": "{T}"}});alert(1)',
    "lich/a.ics": f"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:a\r\nATTACH:https://evil.example/{T}\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n",
    ".nginx/redirects.conf": f"location = /x {{ return 302 https://evil.example/{T}; }}\n",
    "anh.svg": f"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><text>{T}</text></svg>",
}
INERT = {
    "a/index.html": PAGE.format(
        f"&lt;img src=x onerror=alert('{T}')&gt; <a href='https://example.org/'>x</a>"
        "<img src='data:image/png;base64,iVBORw0KGgo=' alt='x'>"
    ),
    "feeds/x.rss": f"<rss><channel><item><description>&amp;lt;script&amp;gt;{T}</description></item></channel></rss>",
    "search/i.js": f'loaSearchData("x", {{"t": "</script><script>{T}"}});',
    "lich/a.ics": f"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:a\\nATTACH:{T}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
}


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("name", sorted(LIVE))
def test_live_is_found(name: str, tmp_path: Path) -> None:
    findings = scan_site(_write(tmp_path, {name: LIVE[name]}))
    assert findings, f"the scan missed live output in {name}"


def test_gzip_copies_are_read(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "x.rss.gz").write_bytes(gzip.compress(LIVE["feeds/x.rss"].encode()))
    assert scan_site(tmp_path)


def test_inert_is_not_found(tmp_path: Path) -> None:
    findings = scan_site(_write(tmp_path, INERT))
    assert not findings, "\n".join(map(str, findings))


def test_canaries_in_names_bytes_base64_and_gzip(tmp_path: Path) -> None:
    import base64

    (tmp_path / "cnryname.png").write_bytes(png())
    (tmp_path / "b.png").write_bytes(png("CNRYBYTES"))
    (tmp_path / "c.html").write_text(
        "<img src='data:image/png;base64," + base64.b64encode(png("CNRYBASE")).decode() + "'>",
        encoding="utf-8",
    )
    (tmp_path / "d.xml.gz").write_bytes(gzip.compress(b"<x>cnrygzip</x>"))
    hits = canary_hits(tmp_path, ("CNRYNAME", "CNRYBYTES", "CNRYBASE", "CNRYGZIP", "CNRYABSENT"))
    assert sorted(hits) == ["CNRYBASE", "CNRYBYTES", "CNRYGZIP", "CNRYNAME"]
