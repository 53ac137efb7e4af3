"""Old addresses (front matter ``aliases``): what an editor may write, and the redirect page left behind."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from loa.core.routing.redirects import alias_url, nginx_redirects, redirect_page


@pytest.mark.parametrize(
    ("written", "url"),
    [
        ("plans/2021/ten-cu.md", "plans/2021/ten-cu/"),
        ("content/gioi-thieu/cu.md", "gioi-thieu/cu/"),
        ("content/chuyen-de/index.md", "chuyen-de/"),
        ("/plans/2021/ten-cu/", "plans/2021/ten-cu/"),
        ("/plans/2021/ten-cu", "plans/2021/ten-cu/"),
        ("plans/2021/ten-cu/index.html", "plans/2021/ten-cu/"),
        ("/tin-cu.html", "tin-cu.html"),
        ("  /van-ban/85-kh-tu/ ", "van-ban/85-kh-tu/"),
    ],
)
def test_alias_forms(written, url):
    assert alias_url(written) == url


@pytest.mark.parametrize(
    "written",
    [
        "",
        "/",
        "https://loa.example/cu/",
        "//loa.example/cu/",
        "../ngoai/",
        "plans/../../etc/",
        "/.nginx/csp.conf",
        "/cu?id=3",
        "/cu#muc",
        "/văn-bản/",
        "/cu mới/",
        "gioi-thieu/cu.md",
        "C:\\cu\\",
        "javascript:alert(1)",
    ],
)
def test_aliases_that_are_not_addresses_of_the_site(written):
    assert alias_url(written) is None


def test_redirect_page_sends_on_without_script():
    html = redirect_page("plans/2021/cu/", "plans/2021/moi/", site_url="https://loa.example/sub/")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../../../plans/2021/moi/"
    assert soup.find("link", rel="canonical")["href"] == "https://loa.example/sub/plans/2021/moi/"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.a["href"] == "../../../plans/2021/moi/"
    assert soup.find("script") is None
    top = BeautifulSoup(
        redirect_page("tin-cu.html", "tin-bai/moi/", site_url="https://loa.example/"), "html.parser"
    )
    assert top.a["href"] == "tin-bai/moi/"


def test_nginx_sees_every_spelling_of_an_old_directory():
    assert nginx_redirects({"plans/cu/": "plans/moi/", "tin.html": "tin-bai/tin/"}) == {
        "/plans/cu": "/plans/moi/",
        "/plans/cu/": "/plans/moi/",
        "/plans/cu/index.html": "/plans/moi/",
        "/tin.html": "/tin-bai/tin/",
    }
