"""The shipped deploy/nginx.conf, run by real nginx on loopback against the built Sa Pa site."""

from __future__ import annotations

import gzip
import http.client
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup


def fetch(base: str, path: str, *, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    headers = {"Accept-Encoding": "gzip, br"} if gzip_ok else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    result = response.status, {k.lower(): v for k, v in response.getheaders()}, body
    connection.close()
    return result


@pytest.mark.parametrize(
    ("path", "media_type"),
    [
        ("/", "text/html"),
        ("/feeds/tat-ca.rss", "application/rss+xml"),
        ("/feeds/tat-ca.atom", "application/atom+xml"),
        ("/feeds/tat-ca.json", "application/feed+json"),
        ("/sitemap.xml", "application/xml"),
        ("/assets/loa/loa-search.js", "text/javascript"),
    ],
)
def test_types(nginx_site, path, media_type):
    status, headers, _ = fetch(nginx_site, path)
    assert status == 200, path
    assert headers["content-type"].split(";")[0] == media_type
    if media_type != "application/xml":
        assert "charset=utf-8" in headers["content-type"]


def test_task_calendars_are_served_as_text_calendar(nginx_site, sapa_site):
    from icalendar import Calendar

    status, headers, body = fetch(nginx_site, "/lich/tat-ca.ics")
    assert status == 200 and headers["content-type"] == "text/calendar; charset=utf-8"
    assert body == (sapa_site / "lich" / "tat-ca.ics").read_bytes()
    assert len(list(Calendar.from_ical(body).walk("VEVENT"))) > 10


def test_caching(nginx_site, sapa_site):
    bundle = next((sapa_site / "assets" / "javascripts").glob("bundle.*.min.js")).name
    shard = next(p for p in (sapa_site / "search").iterdir() if p.is_dir())
    shard_file = next(f for f in shard.rglob("*.js"))
    long_lived = [f"/assets/javascripts/{bundle}", "/" + shard_file.relative_to(sapa_site).as_posix()]
    for path in long_lived:
        status, headers, _ = fetch(nginx_site, path)
        assert status == 200 and headers["cache-control"] == "public, max-age=31536000, immutable", path
    for path, seconds in [
        ("/", 60),
        ("/plans/", 60),
        ("/feeds/tat-ca.rss", 300),
        ("/assets/loa/loa-search.js", 3600),
    ]:
        status, headers, _ = fetch(nginx_site, path)
        assert headers["cache-control"] == f"public, max-age={seconds}", path


@pytest.mark.parametrize(
    "path",
    ["/", "/feeds/tat-ca.rss", "/feeds/tat-ca.json", "/feeds/tat-ca.atom", "/assets/loa/loa-search.js"],
)
def test_gzip(nginx_site, path):
    status, headers, body = fetch(nginx_site, path, gzip_ok=True)
    assert status == 200 and headers.get("content-encoding") == "gzip", path
    assert "accept-encoding" in headers.get("vary", "").lower()
    _, _, plain = fetch(nginx_site, path)
    assert gzip.decompress(body) == plain


@pytest.mark.parametrize("path", ["/feeds/tat-ca.rss", "/feeds/tat-ca.json", "/feeds/tat-ca.atom"])
def test_feeds_are_served_precompressed(nginx_site, sapa_site, path):
    # gzip_static: the bytes are the file the build wrote, not nginx's own compression (level 6) of the feed.
    status, headers, body = fetch(nginx_site, path, gzip_ok=True)
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert body == (sapa_site / (path.lstrip("/") + ".gz")).read_bytes()
    assert headers["content-type"].split(";")[0] != "application/gzip"


def test_not_found_is_the_sites_page(nginx_site, sapa_site):
    status, headers, body = fetch(nginx_site, "/khong-co-trang-nay/")
    assert status == 404
    assert body == (sapa_site / "404.html").read_bytes()
    assert "content-security-policy" in headers
    for hidden in ("/.nginx/csp.conf", "/.nginx/redirects.conf", "/.nginx/", "/.loa-site"):
        status, _, body = fetch(nginx_site, hidden)
        assert status == 404 and b"add_header" not in body and b"loa-site 1" not in body, hidden


def test_dot_files_under_feeds_are_not_served(nginx_site, sapa_site):
    # /feeds/ has a prefix location of its own (^~), which outranks the site-wide dot-path rule.
    hidden = sapa_site / "feeds" / ".an-kiem-thu"
    hidden.write_text("KHONGDUOCPHUCVU", encoding="utf-8")
    try:
        status, _, body = fetch(nginx_site, "/feeds/.an-kiem-thu")
    finally:
        hidden.unlink()
    assert status == 404 and b"KHONGDUOCPHUCVU" not in body


def test_security_headers(nginx_site, sapa_site):
    status, headers, body = fetch(nginx_site, "/")
    assert status == 200
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert headers["x-frame-options"] == "DENY"
    policy = dict(d.strip().split(" ", 1) for d in headers["content-security-policy"].split(";"))
    assert policy["default-src"] == "'self'" and policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    scripts = policy["script-src"].split()
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert all(s == "'self'" or re.fullmatch(r"'sha256-[A-Za-z0-9+/]+={0,2}'", s) for s in scripts), scripts
    for directive in policy.values():
        assert "http" not in directive and "*" not in directive, directive
    # Every inline script of the page is allowed by hash.
    import base64
    import hashlib

    soup = BeautifulSoup(body.decode("utf-8"), "html.parser")
    inline = [s.string or "" for s in soup.find_all("script") if not s.get("src") and not s.get("type")]
    assert inline
    for text in inline:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in scripts
    for path in ("/feeds/tat-ca.rss", "/assets/loa/loa-search.js", "/khong-co/"):
        _, headers, _ = fetch(nginx_site, path)
        assert headers["x-content-type-options"] == "nosniff" and "content-security-policy" in headers, path


def test_directory_without_slash_redirects_relatively(nginx_site):
    status, headers, _ = fetch(nginx_site, "/tim-kiem")
    assert status == 301 and headers["location"] == "/tim-kiem/"
