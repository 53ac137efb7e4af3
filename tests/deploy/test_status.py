"""``loa status``: one document in each state, the last deploy, and the warnings that need a person."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import BUILD_TIME, MINIMAL_MKDOCS, REPO, run_loa, write_files
from tests.deploy.conftest import plan

ARTICLE = """\
---
kind: article
id: "urn:uuid:0c0a7d4e-1c7b-4d0f-9a43-2f1f5c7b6a99"
category: tin
title: Tin chờ duyệt
summary: Tóm tắt.
author: ban-bien-tap
channels: [cong-thong-tin-thi-xa]
status: review
approved_by: Đồng chí Trưởng ban
publish_at: 2022-01-06T08:00:00+07:00
access: public
---

Nội dung.
"""

FILES = {
    "data/channels.yml": (REPO / "data" / "channels.yml").read_text(encoding="utf-8"),
    "plans/2022/nhap.md": plan("1-KH/TU", "về bản nháp", status="draft"),
    "plans/2022/cho-duyet.md": plan("2-KH/TU", "về văn bản chờ duyệt", status="review"),
    "content/tin-bai/cho-duyet.md": ARTICLE,
    "plans/2022/hen-gio.md": plan("3-KH/TU", "về văn bản hẹn giờ", publish_at="2026-12-15T08:00:00+07:00"),
    "plans/2022/noi-bo.md": plan("4-KH/TU", "về văn bản nội bộ", access="internal"),
    "plans/2022/moi.md": plan("5-KH/TU", "về văn bản mới", publish_at="2026-11-20T08:00:00+07:00"),
    # Older than the newest item of every feed (feed_items: 1): no subscriber will see it.
    "plans/2022/cu.md": plan("6-KH/TU", "về văn bản cũ"),
}
# A citation of a document nobody has: a warning, which fails a (strict) deploy, so it comes after the deploy.
UNRESOLVED = "Thực hiện Kế hoạch số 99-KH/TU, ngày 02/02/2021 của Ban Thường vụ Thị ủy.\n"


def test_status_lists_each_state_and_warnings(project: Callable[..., Path], tmp_path: Path) -> None:
    root = project(FILES, mkdocs=MINIMAL_MKDOCS.replace("  - loa\n", "  - loa:\n      feed_items: 1\n"))
    web = tmp_path / "web"
    deployed = run_loa("deploy", "--web-root", str(web), "--at", BUILD_TIME, cwd=root)
    assert deployed.returncode == 0, deployed.stderr
    write_files(root, {"plans/2022/cu.md": plan("6-KH/TU", "về văn bản cũ", body=UNRESOLVED)})

    result = run_loa("status", "--at", BUILD_TIME, "--web-root", str(web), "--json", cwd=root)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    waiting = {key: [e["path"] for e in entries] for key, entries in data["waiting"].items()}
    assert waiting == {
        "draft": ["plans/2022/nhap.md"],
        "review": ["content/tin-bai/cho-duyet.md", "plans/2022/cho-duyet.md"],
        "scheduled": ["plans/2022/hen-gio.md"],
        "internal": ["plans/2022/noi-bo.md"],
    }
    assert data["last_deploy"]["release"] and data["last_deploy"]["published"] == data["live"] == 3
    assert data["last_deploy"]["next_change"] == "2026-12-15T08:00:00+07:00"
    warned = {(w["path"], w.get("code")) for w in data["warnings"]}
    assert warned == {("plans/2022/cu.md", None), ("plans/2022/cu.md", "xref.unresolved")}

    text = run_loa("status", "--at", BUILD_TIME, "--web-root", str(web), cwd=root)
    assert text.returncode == 0, text.stderr
    out = text.stdout
    assert "Tình hình tính đến ngày 22/11/2026 lúc 12:00: 3 tài liệu" in out
    assert "Bản nháp (1):\n  - plans/2022/nhap.md: về bản nháp\n" in out
    assert "content/tin-bai/cho-duyet.md: Tin chờ duyệt (người duyệt: Đồng chí Trưởng ban)" in out
    assert "plans/2022/cho-duyet.md: về văn bản chờ duyệt (chưa ghi người duyệt" in out
    assert "plans/2022/hen-gio.md: về văn bản hẹn giờ (đăng ngày 15/12/2026 lúc 08:00)" in out
    assert "Chỉ trong bản nội bộ (1):\n  - plans/2022/noi-bo.md" in out
    assert "Lần tự thay đổi tiếp theo: ngày 15/12/2026 lúc 08:00." in out
    assert "Cần người xử lý (2):" in out and "không có trong nguồn tin (RSS) nào" in out
