"""Real browsers from Debian's packages, never `playwright install`: Chromium driven by Playwright from PyPI,
Firefox ESR over WebDriver BiDi (tests/browser/bidi.py)."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.bidi import Session, launch_firefox
from tests.conftest import BUILD_TIME, REPO, run_loa

# Firefox with no way out: every protocol goes to a proxy on the discard port, where nothing listens, and the
# browser's own calls home are off (the BiDi agent turns off more once started). File pages keep the strict
# origin policy readers have; the agent would otherwise relax it for automation.
FIREFOX_PREFS: dict[str, object] = {
    "network.proxy.type": 1,
    **{f"network.proxy.{scheme}": "127.0.0.1" for scheme in ("http", "ssl", "socks")},
    **{f"network.proxy.{scheme}_port": 9 for scheme in ("http", "ssl", "socks")},
    "network.proxy.no_proxies_on": "",
    "network.proxy.allow_hijacking_localhost": True,
    "network.trr.mode": 5,
    "network.dns.disablePrefetch": True,
    "network.prefetch-next": False,
    "network.http.speculative-parallel-limit": 0,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "app.update.auto": False,
    "app.normandy.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "datareporting.healthreport.uploadEnabled": False,
    "services.settings.server": "data:,#remote-settings-off",
    "security.OCSP.enabled": 0,
    "security.fileuri.strict_origin_policy": True,
}


@pytest.fixture(scope="session")
def firefox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    executable = shutil.which("firefox-esr")
    if executable is None:
        pytest.fail("Debian's firefox-esr is missing: `make test` installs it (apt-get install firefox-esr)")
    with launch_firefox(executable, tmp_path_factory.mktemp("firefox-profile"), FIREFOX_PREFS) as session:
        yield session


@pytest.fixture(scope="session")
def bundle_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline bundle of the repository's site, unzipped: the folder readers open."""
    work = tmp_path_factory.mktemp("bundle")
    result = run_loa(
        "bundle", "-f", str(REPO / "mkdocs.yml"), "-o", str(work / "loa.zip"), "--at", BUILD_TIME, cwd=work
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(work / "loa.zip") as archive:
        archive.extractall(work / "x")
    return work / "x" / "trang"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture(scope="session")
def served_site(sapa_site: Path) -> Iterator[str]:
    """The built Sa Pa site served over HTTP on 127.0.0.1, for the length of the session."""
    handler = functools.partial(_QuietHandler, directory=str(sapa_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
