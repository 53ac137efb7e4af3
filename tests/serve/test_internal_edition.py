"""The internal edition: marked on every page, kept from search engines, served only behind a password over TLS.

nginx runs for real through `loa nginx`, with its workers as ``nobody`` (the test runs as root), from a site in a
folder every user can reach, as a packaged nginx (``www-data``) would need.
"""

from __future__ import annotations

import base64
import http.client
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import BUILD_TIME, plan_text, run_loa, write_files

MARK = "BẢN NỘI BỘ — không phát hành ra ngoài"
ROBOTS = '<meta name="robots" content="noindex'


@pytest.fixture(scope="module")
def served() -> Iterator[Path]:
    """A folder under /tmp that nginx's workers can reach (pytest's own are private), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="loa-served-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def editions(served: Path) -> Path:
    """One project built as the public and the internal edition (an internal plan in it)."""
    from tests.conftest import MINIMAL_MKDOCS, REPO, SITE_ROOT

    root = served / "project"
    write_files(
        root,
        {
            "mkdocs.yml": MINIMAL_MKDOCS,
            **SITE_ROOT,
            "content/index.md": "---\nkind: index\n---\n\n# Trang chủ thử nghiệm\n",
            "data/issuers.yml": (REPO / "data" / "issuers.yml").read_text(encoding="utf-8"),
            "data/external.yml": (REPO / "data" / "external.yml").read_text(encoding="utf-8"),
            "plans/2022/cong-khai.md": plan_text(),
            "plans/2022/noi-bo.md": plan_text(
                "Nội dung chỉ dành cho cán bộ.\n",
                number="13-KH/TU",
                access="internal",
                aliases=["/van-ban/13-kh-tu/"],
            ),
        },
    )
    for args in (["--target", "internal", "--site-dir", "site-internal"], []):
        result = run_loa("build", "--at", BUILD_TIME, *args, cwd=root)
        assert result.returncode == 0, result.stderr
    return root


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def test_every_internal_page_is_marked_and_not_indexed(editions):
    site = editions / "site-internal"
    pages = _pages(site)
    assert len(pages) > 10 and any(p.name == "noi-bo.html" for p in pages)  # the single-file copies too
    for page in pages:
        text = page.read_text(encoding="utf-8")
        # An old address's page only sends the reader on at once (meta refresh): no mark to read there.
        assert ROBOTS in text and (MARK in text or 'http-equiv="refresh"' in text), page
    assert "Nội dung chỉ dành cho cán bộ." in (site / "plans/2022/noi-bo/index.html").read_text(
        encoding="utf-8"
    )
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
    assert (site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"
    assert (site / ".loa-site").read_text(encoding="utf-8") == "loa-site 1\ntarget=internal\n"


def test_the_public_edition_carries_no_internal_mark(editions):
    site = editions / "site"
    for page in _pages(site):
        text = page.read_text(encoding="utf-8")
        assert MARK not in text, page
        assert (ROBOTS in text) == ("/phien-ban/" in page.as_posix() or 'http-equiv="refresh"' in text), page
    assert (site / "sitemap.xml").is_file() and not (site / "robots.txt").exists()
    assert not (site / "plans/2022/noi-bo").exists()


@pytest.mark.parametrize(
    "extra",
    [
        [],
        ["--listen", "0.0.0.0:80"],
        ["--htpasswd", "/etc/hostname"],
        ["--listen", "0.0.0.0:443", "-o", "x.conf"],
    ],
)
def test_nginx_refuses_the_internal_edition_without_a_password_and_tls(editions, extra):
    result = run_loa("nginx", "--site", "site-internal", *extra, cwd=editions)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "chỉ phục vụ sau mật khẩu và qua HTTPS" in result.stderr, result.stderr
    assert not (editions / "x.conf").exists()


def test_nginx_refuses_access_options_for_the_public_edition(editions):
    result = run_loa("nginx", "--site", "site", "--htpasswd", "x", cwd=editions)
    assert result.returncode == 1 and "chỉ dùng cho bản nội bộ" in result.stderr


@pytest.fixture(scope="module")
def door(served: Path) -> dict[str, Path]:
    """A self-signed certificate for 127.0.0.1 and an htpasswd file (apr1) for cadre:mat-khau."""
    folder = served / "door"
    folder.mkdir()
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(folder / "key.pem"),
            "-out",
            str(folder / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )
    hashed = subprocess.run(
        ["openssl", "passwd", "-apr1", "mat-khau"], check=True, capture_output=True, text=True
    ).stdout.strip()
    (folder / "htpasswd").write_text(f"cadre:{hashed}\n", encoding="utf-8")
    (folder / "htpasswd").chmod(0o644)
    return {"cert": folder / "cert.pem", "key": folder / "key.pem", "htpasswd": folder / "htpasswd"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(root: Path, *args: str) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "loa.cli", "nginx", "--listen", f"127.0.0.1:{port}", *args],
        cwd=root,
        env=env,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"loa nginx exited: {process.communicate()[1].decode()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process, port
        except OSError:
            time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
    pytest.fail("nginx did not listen")


def _stop(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.communicate(timeout=15)


def _get(
    port: int, path: str, *, cert: Path | None = None, user: str | None = None
) -> tuple[int, dict[str, str], bytes]:
    if cert is None:
        connection: http.client.HTTPConnection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    else:
        context = ssl.create_default_context(cafile=str(cert))
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=context)
    headers = {"Authorization": "Basic " + base64.b64encode(user.encode()).decode()} if user else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    result = response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    connection.close()
    return result


def test_real_nginx_answers_401_without_the_password_and_200_with_it(editions, door):
    process, port = _serve(
        editions,
        "--site",
        "site-internal",
        "--htpasswd",
        str(door["htpasswd"]),
        "--tls-cert",
        str(door["cert"]),
        "--tls-key",
        str(door["key"]),
    )
    try:
        for path in ("/", "/plans/2022/noi-bo/", "/feeds/tat-ca.rss", "/robots.txt"):
            status, headers, body = _get(port, path, cert=door["cert"])
            assert status == 401 and "Nội dung chỉ dành" not in body.decode("utf-8", "replace"), path
            assert headers["www-authenticate"].startswith("Basic")
            status, _, _ = _get(port, path, cert=door["cert"], user="cadre:sai-mat-khau")
            assert status == 401, path
        status, headers, body = _get(port, "/plans/2022/noi-bo/", cert=door["cert"], user="cadre:mat-khau")
        assert status == 200 and "Nội dung chỉ dành cho cán bộ." in body.decode("utf-8")
        assert MARK in body.decode("utf-8")
        assert headers["x-robots-tag"].startswith("noindex")
        assert headers["cache-control"].startswith("private")
        assert "content-security-policy" in headers and headers["strict-transport-security"]
        status, headers, _ = _get(port, "/feeds/tat-ca.rss", cert=door["cert"], user="cadre:mat-khau")
        assert status == 200 and headers["content-type"].startswith("application/rss+xml")
        # A renamed internal document: where it went is told only behind the password.
        for old in ("/van-ban/13-kh-tu/", "/van-ban/13-kh-tu"):
            status, headers, body = _get(port, old, cert=door["cert"])
            assert status == 401 and "location" not in headers and b"noi-bo" not in body, old
        status, headers, body = _get(port, "/van-ban/13-kh-tu", cert=door["cert"], user="cadre:mat-khau")
        assert status == 301 and headers["location"] == "/van-ban/13-kh-tu/"
        status, _, body = _get(port, "/van-ban/13-kh-tu/", cert=door["cert"], user="cadre:mat-khau")
        assert status == 200 and b"plans/2022/noi-bo/" in body
        status, _, _ = _get(port, "/khong-co/", cert=door["cert"], user="cadre:mat-khau")
        assert status == 404
        status, _, _ = _get(port, "/", user="cadre:mat-khau")  # plain HTTP to the TLS port
        assert status == 400
    finally:
        _stop(process)


def test_an_address_allowlist_keeps_out_other_networks_even_with_the_password(editions, door):
    process, port = _serve(
        editions,
        "--site",
        "site-internal",
        "--htpasswd",
        str(door["htpasswd"]),
        "--tls-cert",
        str(door["cert"]),
        "--tls-key",
        str(door["key"]),
        "--allow",
        "10.0.0.0/8",
    )
    try:
        status, _, _ = _get(port, "/", cert=door["cert"], user="cadre:mat-khau")
        assert status == 403
    finally:
        _stop(process)
    process, port = _serve(
        editions,
        "--site",
        "site-internal",
        "--htpasswd",
        str(door["htpasswd"]),
        "--tls-cert",
        str(door["cert"]),
        "--tls-key",
        str(door["key"]),
        "--allow",
        "127.0.0.0/8",
    )
    try:
        assert _get(port, "/", cert=door["cert"], user="cadre:mat-khau")[0] == 200
        assert _get(port, "/", cert=door["cert"])[0] == 401
    finally:
        _stop(process)


@pytest.mark.skipif(os.geteuid() != 0, reason="nginx runs its workers as nobody only when started as root")
def test_the_public_site_is_served_by_workers_running_as_nobody(editions):
    process, port = _serve(editions, "--site", "site")
    try:
        workers = subprocess.run(
            ["ps", "-o", "user=,args=", "--ppid", str(_nginx_master(process.pid))],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        assert "nginx: worker process" in workers and all(
            line.split()[0] == "nobody" for line in workers.splitlines() if "worker" in line
        ), workers
        for path, kind in [
            ("/plans/2022/cong-khai/", "text/html"),
            ("/feeds/tat-ca.rss", "application/rss+xml"),
        ]:
            status, headers, _ = _get(port, path)
            assert status == 200 and headers["content-type"].startswith(kind), path
    finally:
        _stop(process)


def _nginx_master(parent: int) -> int:
    """The nginx master: the child of `loa nginx` (it runs nginx in the foreground)."""
    found = subprocess.run(["pgrep", "-P", str(parent), "nginx"], check=False, capture_output=True, text=True)
    assert found.stdout.split(), "no nginx master process"
    return int(found.stdout.split()[0])
