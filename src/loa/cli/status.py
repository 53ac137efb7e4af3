"""``loa status``: the editor-in-chief's view of what is waiting, what is live, and what needs a person."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from loa.cli.build import build_time
from loa.cli.project import find_layout, read_plugin_options
from loa.core.base.settings import BOUNDS
from loa.core.loading.catalog import load_catalog, topics_by_id
from loa.core.model.document import TIMEZONE, Document
from loa.core.model.registry import Channel
from loa.core.outputs.deploy import read_state
from loa.core.outputs.feeds import plan_feeds
from loa.core.references.xref import build_reference_graph
from loa.core.selection.publication import parse_build_time

__all__ = ["register", "report"]

SECTIONS = {
    "draft": "Bản nháp",
    "review": "Chờ duyệt",
    "scheduled": "Hẹn giờ đăng",
    "internal": "Chỉ trong bản nội bộ",
}


def register(commands: Any) -> None:
    """Add the ``status`` command."""
    parser = commands.add_parser(
        "status", help="tình hình: tài liệu đang chờ, lần triển khai gần nhất, cảnh báo"
    )
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="tệp mkdocs.yml")
    parser.add_argument("--at", metavar="THỜI_ĐIỂM", help="xét như tại thời điểm này (mặc định: bây giờ)")
    parser.add_argument("--web-root", type=Path, metavar="THƯ_MỤC", help="thư mục web, để xem lần triển khai")
    parser.add_argument("--json", action="store_true", help="in dạng JSON cho chương trình khác đọc")
    parser.set_defaults(run=run)


def when(moment: dt.datetime) -> str:
    """``ngày 15/12/2021 lúc 08:00``, in Vietnam's time."""
    local = moment.astimezone(TIMEZONE)
    return f"ngày {local:%d/%m/%Y} lúc {local:%H:%M}"


def _state_of(document: Document, at: dt.datetime) -> str | None:
    if document.status in ("draft", "review"):
        return document.status
    if document.publish_at is not None and document.publish_at > at:
        return "scheduled"
    if document.access != "public":
        return "internal"
    return None


def _entry(document: Document) -> dict[str, Any]:
    return {
        "path": document.path,
        "title": document.title,
        "publish_at": document.publish_at.isoformat() if document.publish_at else None,
        "approved_by": document.approved_by,
    }


def report(config_file: Path, at: dt.datetime, web_root: Path | None) -> dict[str, Any] | None:
    """What ``loa status`` shows, as data; None when the project cannot be read."""
    layout, found = find_layout(config_file), read_plugin_options(config_file)
    if layout is None or found is None:
        return None
    limit = int(found[1].get("feed_items", BOUNDS["feed_items"].default))
    catalog = load_catalog(layout, at=at)
    waiting: dict[str, list[dict[str, Any]]] = {key: [] for key in SECTIONS}
    live: list[Document] = []
    for document in catalog.documents:
        section = _state_of(document, at)
        if section is None:
            live.append(document)
        else:
            waiting[section].append(_entry(document))
    waiting["scheduled"].sort(key=lambda e: (e["publish_at"], e["path"]))
    warnings = _feedless(live, catalog.channels, limit)
    graph = build_reference_graph(
        catalog.documents,
        catalog.external,
        catalog.issuers,
        bodies={d.src_uri: d.body for d in catalog.documents},
    )
    warnings += [
        {"path": d.path, "line": d.line, "message": d.message, "code": d.code} for d in graph.diagnostics
    ]
    warnings += [
        {"path": d.path, "line": d.line, "message": d.message, "code": d.code}
        for d in catalog.diagnostics
        if d.severity.value == "error"
    ]
    state = read_state(web_root) if web_root else {}
    deployed: dict[str, Any] | None = None
    if state:
        deployed = {k: state.get(k) for k in ("release", "commit", "deployed_at", "next_change", "held")}
        deployed["published"] = len(state.get("published") or [])
    return {
        "at": at.isoformat(),
        "waiting": waiting,
        "live": len(live),
        "last_deploy": deployed,
        "warnings": warnings,
    }


def _feedless(live: list[Document], channels: dict[str, Channel], limit: int) -> list[dict[str, Any]]:
    """Published plans and articles that no feed carries: dated before the newest ``limit`` of every feed."""
    specs = plan_feeds(
        live, topics=topics_by_id(live), channels={k: c.name for k, c in channels.items()}, limit=limit
    )
    carried = {d.path for spec in specs for d in spec.documents}
    return [
        {
            "path": d.path,
            "message": f"đã đăng nhưng không có trong nguồn tin (RSS) nào: ngày đăng cũ hơn cả {limit} mục mới nhất "
            "của mọi nguồn tin, người theo dõi sẽ không thấy; hãy ghi publish_at là lúc đăng thật",
        }
        for d in live
        if d.kind in ("plan", "article") and d.path not in carried
    ]


def run(args: argparse.Namespace) -> int:
    """Print the status; exit 0 (1 if the project cannot be read)."""
    at = build_time(args.at)
    data = report(args.config_file, at, args.web_root) if at else None
    if at is None or data is None:
        return 1
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"Tình hình tính đến {when(at)}: {data['live']} tài liệu đang hiện trên trang công khai.")
    for key, title in SECTIONS.items():
        entries = data["waiting"][key]
        print(f"\n{title} ({len(entries)}):")
        for entry in entries:
            print(f"  - {entry['path']}: {entry['title']}{_detail(key, entry)}")
    deployed = data["last_deploy"]
    print("\nLần triển khai gần nhất:", end=" ")
    if deployed is None:
        print("chưa có (hoặc không chỉ định --web-root)." if args.web_root is None else "chưa có.")
    else:
        print(f"bản {deployed['release']}, {when(parse_build_time(deployed['deployed_at']))}, ", end="")
        print(f"đăng {deployed['published']} tài liệu.")
        if deployed.get("held"):
            print("  Đang giữ bản đã quay về (loa rollback): chỉ dựng lại khi có commit mới.")
        if deployed.get("next_change"):
            print(f"  Lần tự thay đổi tiếp theo: {when(parse_build_time(deployed['next_change']))}.")
    print(f"\nCần người xử lý ({len(data['warnings'])}):")
    for warning in data["warnings"]:
        where = f"{warning['path']}:{warning['line']}" if warning.get("line") else warning["path"]
        print(f"  - {where}: {warning['message']}")
    return 0


def _detail(key: str, entry: dict[str, Any]) -> str:
    if key == "scheduled" and entry["publish_at"]:
        return f" (đăng {when(parse_build_time(entry['publish_at']))})"
    if key == "review":
        who = entry["approved_by"]
        return f" (người duyệt: {who})" if who else " (chưa ghi người duyệt: trường approved_by)"
    return ""
