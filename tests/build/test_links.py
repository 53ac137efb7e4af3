"""Links and images: ``loa check`` and the build agree, and MkDocs accepts every link Loa accepts."""

from __future__ import annotations

import json

from tests.conftest import BUILD_TIME, plan_text, run_loa

VALID = (
    "[Văn bản](../plans/2022/a.md) [neo](../plans/2022/a.md#muc-1) [chính trang này](#muc) [ngoài](https://a.vn/)\n\n"
    "[Danh mục](../danh-muc/index.md) [năm 2022](../danh-muc/nam/2022/index.md) [Nguồn tin](../nguon-tin/index.md)\n\n"
    "![Ảnh](../images/a.png) ![Biểu đồ](../tai-nguyen/b.png) [Phụ lục](../plans/2022/phu-luc.pdf)\n\n"
    "[Trang chủ](../../) [Mục năm](../../danh-muc/nam/2022/) [thư](mailto:a@b.vn)\n\n"
    "`[mã](khong-co.md)`\n\n"
    "<div>\n[trong HTML](khong-co.md)\n</div>"
)
ASSETS: dict[str, str | bytes] = {
    "content/images/a.png": b"\x89PNG\r\n\x1a\n",
    "content/tai-nguyen/b.png": b"\x89PNG\r\n\x1a\n",
    "plans/2022/a.md": plan_text(),
    "plans/2022/phu-luc.pdf": b"%PDF-1.4\n",
}


def _page(body: str) -> str:
    return f"---\ntitle: Trang thử\n---\n\n{body}\n"


def test_links_loa_accepts_build_in_strict_mode(project, tmp_path):
    root = project({"content/gioi-thieu/trang.md": _page(VALID), **ASSETS})
    check = run_loa("check", "--strict", cwd=root)
    assert check.returncode == 0, check.stdout
    build = run_loa("build", "--site-dir", str(tmp_path / "site"), "--at", BUILD_TIME, cwd=root)
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "site" / "tai-nguyen" / "b.png").is_file()


def test_check_and_build_report_the_same_broken_links(project, tmp_path):
    root = project(
        {
            "content/gioi-thieu/trang.md": _page(
                "[Văn bản](../plans/2022/khong-co.md)\n\n![Ảnh](../images/khong-co.png)"
            ),
            **ASSETS,
        }
    )
    check = run_loa("check", "--format", "json", cwd=root)
    assert check.returncode == 1
    reported = [(d["path"], d["line"], d["code"]) for d in json.loads(check.stdout)["diagnostics"]]
    assert reported == [
        ("content/gioi-thieu/trang.md", 5, "link.missing"),
        ("content/gioi-thieu/trang.md", 7, "image.missing"),
    ]
    build = run_loa("build", "--site-dir", str(tmp_path / "site"), "--at", BUILD_TIME, cwd=root)
    assert build.returncode != 0
    for path, line, code in reported:
        assert f"{path}:{line}:" in build.stderr and f"[{code}]" in build.stderr, build.stderr
    assert not (tmp_path / "site").exists()
