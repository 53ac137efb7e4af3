"""``loa check``: one minimal bad project per diagnostic code, and a guard that every code the core emits has one.

Each case triggers its code and nothing else (save a companion that cannot be avoided), and the JSON output must name
the file and the line. Errors make the command fail; warnings only with ``--strict``.
"""

from __future__ import annotations

import ast
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from loa.cli import main
from tests.conftest import MINIMAL_MKDOCS, REPO, plan_text

ISSUERS = (REPO / "data" / "issuers.yml").read_text(encoding="utf-8")
EXTERNAL = (REPO / "data" / "external.yml").read_text(encoding="utf-8")
CHANNELS = "kenh-thu:\n  name: Kênh thử\n  platform: website\n"
ARTICLE_FIELDS = {
    "kind": "article",
    "id": "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427",
    "category": "tin",
    "title": "Tin thử nghiệm",
    "summary": "Tóm tắt tin thử nghiệm.",
    "author": "thi-uy-sa-pa",
    "channels": ["kenh-thu"],
    "status": "published",
    "approved_by": "Ban biên tập",
    "publish_at": "2025-01-08T08:00:00+07:00",
    "access": "public",
}
PNG = b"\x89PNG\r\n\x1a\n"


def article_text(body: str = "Nội dung tin.\n", **fields: object) -> str:
    """An article: the default valid front matter updated with ``fields`` (None removes a field)."""
    merged = {k: v for k, v in {**ARTICLE_FIELDS, **fields}.items() if v is not None}
    return f"---\n{yaml.safe_dump(merged, allow_unicode=True, sort_keys=False)}---\n\n{body}"


def line_of(text: str, needle: str, start: int = 1) -> int:
    """1-based number of the first line at or after ``start`` that contains ``needle``."""
    return next(i for i, line in enumerate(text.split("\n"), 1) if i >= start and needle in line)


@dataclass(frozen=True)
class Case:
    """A project that triggers ``code`` once, at ``path``:``line``."""

    code: str
    files: dict[str, str | bytes]
    path: str
    line: int
    warning: bool = False
    also: tuple[str, ...] = ()
    mkdocs: str = MINIMAL_MKDOCS
    setup: Callable[[Path], None] | None = field(default=None, compare=False)


def _remove(*names: str) -> Callable[[Path], None]:
    def remove(root: Path) -> None:
        for name in names:
            (root / name).unlink()

    return remove


def _symlink(root: Path) -> None:
    os.symlink(root / "plans" / "a.md", root / "plans" / "b.md")


def _plugin(options: str) -> str:
    return MINIMAL_MKDOCS.replace("  - loa\n", f"  - loa:\n{options}")


def _cases() -> list[Case]:
    plan = plan_text()
    cases: list[Case] = []

    def add(code: str, files: dict[str, str | bytes], path: str, line: int, **options: Any) -> None:
        cases.append(Case(code, files, path, line, **options))

    def plan_case(code: str, text: str, needle: str, *, line: int | None = None, **options: Any) -> None:
        add(code, {"plans/a.md": text}, "plans/a.md", line or line_of(text, needle), **options)

    def article_case(code: str, text: str, needle: str, **options: Any) -> None:
        files: dict[str, str | bytes] = {"content/tin-bai/a.md": text, "data/channels.yml": CHANNELS}
        add(
            code,
            {**files, **options.pop("files", {})},
            "content/tin-bai/a.md",
            line_of(text, needle),
            **options,
        )

    def registry_case(code: str, name: str, base: str, extra: str, needle: str, **options: Any) -> None:
        text = base + extra
        add(
            code,
            {f"data/{name}": text},
            f"data/{name}",
            line_of(text, needle, base.count("\n") + 1),
            **options,
        )

    # Files
    add("file.missing-root", {}, "van-ban", 0, mkdocs=_plugin("      plans_dir: van-ban\n"))
    add("file.symlink", {"plans/a.md": plan}, "plans/b.md", 0, setup=_symlink)
    add("file.too-large", {"plans/a.md": plan}, "plans/a.md", 0, mkdocs=_plugin("      max_file_size: 300\n"))
    add(
        "file.encoding",
        {"plans/a.md": plan.encode().replace("Nội".encode(), b"N\xf4i")},
        "plans/a.md",
        line_of(plan, "Nội dung"),
    )
    plan_case("text.control-char", plan_text("Nội dung\x07 thử.\n"), "Nội dung")
    # YAML
    add("yaml.unclosed", {"plans/a.md": "---\ntitle: thử\n\nNội dung.\n"}, "plans/a.md", 1)
    plan_case("yaml.tab", plan.replace("place: Sa Pa", "place:\tSa Pa"), "place:")
    plan_case("yaml.syntax", plan.replace("place: Sa Pa", "place: Sa Pa: Lào Cai"), "place:")
    add("yaml.not-mapping", {"plans/a.md": "---\n- một\n- hai\n---\n\nNội dung.\n"}, "plans/a.md", 2)
    plan_case("yaml.key", plan.replace("place: Sa Pa", "place: Sa Pa\n[a, b]: 1"), "[a, b]")
    plan_case("yaml.anchor", plan.replace("place: Sa Pa", "place: &noi Sa Pa"), "place:")
    plan_case(
        "yaml.alias",
        plan.replace("place: Sa Pa", "place: &noi Sa Pa\ndescription: *noi"),
        "description:",
        also=("yaml.anchor",),
    )
    plan_case(
        "yaml.duplicate-key", plan.replace("place: Sa Pa", "place: Sa Pa\nplace: Lào Cai"), "place: Lào Cai"
    )
    # Front matter
    add("meta.missing", {"plans/a.md": "# Kế hoạch không có thông tin đầu\n"}, "plans/a.md", 1)
    plan_case("meta.choice", plan_text(status="publised"), "status:")
    plan_case("meta.unknown-key", plan_text(colour="đỏ"), "colour:")
    plan_case("meta.required", plan_text(title=None), "---")
    plan_case("meta.issuer", plan_text(issuer="thi-uy-sapa"), "issuer:")
    plan_case("meta.type", plan_text(signer="Nguyễn Văn A"), "signer:")
    plan_case("meta.too-long", plan_text(place="Sa Pa " * 20), "place:")
    plan_case("meta.date", plan_text(date="2021-13-01"), "date:")
    plan_case("meta.datetime", plan_text(publish_at="sáng mai"), "publish_at:")
    plan_case(
        "meta.issuer-period",
        plan_text(date="2025-09-01", publish_at="2025-09-02T08:00:00+07:00"),
        "date:",
        warning=True,
    )
    plan_case("meta.number-type", plan_text(number="12-NQ/TU"), "number:", warning=True)
    article_case("meta.id", article_text(id="abc"), "id:")
    article_case("meta.approval", article_text(approved_by=None), "status:")
    article_case(
        "meta.cover-alt",
        article_text(cover={"src": "images/a.png"}),
        "cover:",
        files={"content/images/a.png": PNG},
    )
    article_case("meta.cover", article_text(cover={"src": "images/khong-co.png", "alt": "Ảnh"}), "cover:")
    article_case("meta.topic", article_text(topics=["khong-co"]), "- khong-co")
    article_case("meta.channel", article_text(channels=["kenh-khac"]), "- kenh-khac")
    article_case("meta.related", article_text(related_plans=["plans/khong-co.md"]), "- plans/khong-co.md")
    plan_case("meta.amends", plan_text(amends=["plans/khong-co.md"]), "- plans/khong-co.md")
    # Tasks and budget
    task = "Nội dung thử nghiệm."
    plan_case("task.field", plan_text(tasks=[{"task": task, "owner": "ai"}]), "owner:")
    plan_case("task.quote", plan_text(tasks=[{"task": "Một câu văn bản không có."}]), "- task:")
    plan_case(
        "task.unit",
        plan_text(tasks=[{"task": task, "lead": ["ban-tuyen-giao-thi-uy"]}]),
        "- ban-tuyen-giao-thi-uy",
    )
    plan_case("task.deadline", plan_text(tasks=[{"task": task, "deadline": "2022-02-30"}]), "deadline:")
    plan_case("task.quarter", plan_text(tasks=[{"task": task, "deadline": "2023-Q1"}]), "deadline:")
    plan_case(
        "task.target",
        plan_text(tasks=[{"task": task, "targets": [{"count": "năm", "unit": "hội nghị"}]}]),
        "- count:",
    )
    twice = plan_text(tasks=[{"task": task}, {"task": task}])
    plan_case(
        "task.duplicate", twice, "- task:", line=line_of(twice, "- task:", line_of(twice, "- task:") + 1)
    )
    plan_case("task.period", plan_text(period="2022-2025"), "period:")
    plan_case("budget.field", plan_text(budget={"total": "6.505.490.000đ"}), "total:")
    plan_case(
        "budget.total",
        plan_text(
            budget={
                "total": 100,
                "lines": [{"source": "Ngân sách", "amount": 60}, {"source": "Xã hội hóa", "amount": 30}],
            }
        ),
        "total:",
    )
    plan_case("budget.year", plan_text(budget={"total": 100, "years": {2023: 50}}), "2023:")
    second = article_text(title="Tin thứ hai")
    add(
        "meta.duplicate-id",
        {
            "content/tin-bai/a.md": article_text(),
            "content/tin-bai/b.md": second,
            "data/channels.yml": CHANNELS,
        },
        "content/tin-bai/b.md",
        line_of(second, "id:"),
    )
    copy = plan_text(title="về việc thử nghiệm lần hai")
    add(
        "doc.duplicate-number",
        {"plans/a.md": plan, "plans/b.md": copy},
        "plans/b.md",
        line_of(copy, "number:"),
    )
    plan_case("meta.alias", plan_text(aliases=["https://loa.example/cu/"]), "- https://")
    moved = plan_text(title="về việc thử nghiệm lần hai", number="13-KH/TU", aliases=["plans/a.md"])
    add(
        "doc.alias-conflict",
        {"plans/a.md": plan, "plans/b.md": moved},
        "plans/b.md",
        line_of(moved, "- plans/a.md"),
    )
    # Scheduling
    plan_case(
        "schedule.before-issue",
        plan_text(publish_at="2022-03-01T08:00:00+07:00"),
        "publish_at:",
        warning=True,
    )
    plan_case(
        "schedule.updated-before-publish",
        plan_text(updated="2022-03-10T08:00:00+07:00"),
        "updated:",
        warning=True,
    )
    draft = plan_text(number="13-KH/TU", title="về việc chưa duyệt", status="draft")
    linking = plan_text("Xem [kế hoạch chưa duyệt](b.md).\n")
    add(
        "link.withheld",
        {"plans/a.md": linking, "plans/b.md": draft},
        "plans/a.md",
        line_of(linking, "Xem"),
        warning=True,
    )
    # Citations
    unresolved = plan_text("Thực hiện Kế hoạch số 99-KH/TU, ngày 02/02/2021 của Ban Thường vụ Thị ủy.\n")
    plan_case("xref.unresolved", unresolved, "Thực hiện", warning=True)
    ambiguous = plan_text("Tiếp tục quán triệt Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương.\n")
    plan_case("xref.ambiguous", ambiguous, "Tiếp tục", warning=True)
    # Links and images
    page = (
        "---\ntitle: Giới thiệu\n---\n\nXem [văn bản](khong-co.md).\n\n![Ảnh hội nghị](images/hoi-nghi.jpg)\n"
    )
    add(
        "link.missing",
        {
            "content/gioi-thieu.md": page.replace("images/hoi-nghi.jpg", "images/a.png"),
            "content/images/a.png": PNG,
        },
        "content/gioi-thieu.md",
        5,
    )
    add(
        "image.missing",
        {"content/gioi-thieu.md": page.replace("khong-co.md", "index.md")},
        "content/gioi-thieu.md",
        7,
    )
    add(
        "image.alt",
        {
            "content/gioi-thieu.md": page.replace("khong-co.md", "index.md")
            .replace("Ảnh hội nghị", "")
            .replace("hoi-nghi.jpg", "a.png"),
            "content/images/a.png": PNG,
        },
        "content/gioi-thieu.md",
        7,
        warning=True,
    )
    add(
        "link.absolute",
        {"content/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\n\n[Trang chủ](/index.md)\n"},
        "content/gioi-thieu.md",
        5,
        warning=True,
    )
    add(
        "nav.missing",
        {},
        "mkdocs.yml",
        line_of(MINIMAL_MKDOCS, "nav:") + 2,
        mkdocs=MINIMAL_MKDOCS.replace(
            "  - Trang chủ: index.md\n", "  - Trang chủ: index.md\n  - Giới thiệu: gt.md\n"
        ),
    )
    # Registries
    add("registry.missing", {}, "data/issuers.yml", 0, setup=_remove("data/issuers.yml", "data/external.yml"))
    registry_case("registry.entry", "issuers.yml", ISSUERS, "\nmoi: một chuỗi\n", "moi:")
    registry_case("registry.required", "issuers.yml", ISSUERS, "\nmoi:\n  level: xa\n", "moi:")
    registry_case(
        "registry.unknown-key",
        "issuers.yml",
        ISSUERS,
        "\nmoi:\n  name: Mới\n  level: xa\n  mau: đỏ\n",
        "mau:",
    )
    registry_case(
        "registry.level", "issuers.yml", ISSUERS, "\nmoi:\n  name: Mới\n  level: quan\n", "level: quan"
    )
    registry_case(
        "registry.date",
        "issuers.yml",
        ISSUERS,
        "\nmoi:\n  name: Mới\n  level: xa\n  valid_from: 2020-13-01\n",
        "valid_from:",
    )
    registry_case(
        "registry.type",
        "issuers.yml",
        ISSUERS,
        "\nmoi:\n  name: Mới\n  level: xa\n  symbols: TU\n",
        "symbols: TU",
    )
    registry_case(
        "registry.successor",
        "issuers.yml",
        ISSUERS,
        "\nmoi:\n  name: Mới\n  level: xa\n  successor: khong-co\n",
        "successor:",
    )
    registry_case(
        "registry.channel", "channels.yml", CHANNELS, "kenh-hai:\n  name: Hai\n  platform: fax\n", "kenh-hai:"
    )
    registry_case("registry.entry", "channels.yml", CHANNELS, "kenh-hai: Hai\n", "kenh-hai:")
    registry_case(
        "registry.system",
        "issuers.yml",
        ISSUERS,
        "\nmoi:\n  name: Mới\n  level: xa\n  system: tu-nhan\n",
        "system:",
    )
    registry_case(
        "registry.editor-email", "editors.yml", "", "Ban biên tập: Ban Tuyên giáo\n", "Ban biên tập:"
    )
    registry_case("registry.editor-name", "editors.yml", "", "btg@sapa.example: ''\n", "btg@sapa.example:")
    registry_case("registry.entry", "external.yml", EXTERNAL, "- một chuỗi\n", "- một chuỗi")
    registry_case(
        "registry.required", "external.yml", EXTERNAL, "- type: Kế hoạch\n  title: không số\n", "- type:"
    )
    registry_case(
        "registry.unknown-key", "external.yml", EXTERNAL, "- number: 1-KH/TU\n  mau: đỏ\n", "- number:"
    )
    registry_case(
        "registry.type", "external.yml", EXTERNAL, "- number: 1-SL/TU\n  type: Sắc lệnh\n", "- number:"
    )
    registry_case(
        "registry.issuer", "external.yml", EXTERNAL, "- number: 1-KH/TU\n  issuer: khong-co\n", "- number:"
    )
    registry_case(
        "registry.date", "external.yml", EXTERNAL, "- number: 1-KH/TU\n  date: 2021-ba\n", "- number:"
    )
    registry_case(
        "registry.duplicate",
        "external.yml",
        EXTERNAL,
        "- number: 85-KH/TU\n  type: Kế hoạch\n  date: 2021-12-15\n",
        "- number:",
    )
    # Trust boundary: output escaping, URLs, bodies, invisible characters
    plan_case("text.invisible-char", plan_text(title="về việc thử \u202enghiệm"), "title:")
    article_case(
        "meta.url", article_text(cover={"src": "https://evil.example/a.png", "alt": "Ảnh"}), "src: https"
    )
    registry_case(
        "registry.url", "external.yml", EXTERNAL, "- number: 1-KH/TU\n  url: javascript:alert(1)\n", "url:"
    )
    plan_case(
        "body.external", plan_text('Đoạn một.\n\n<img src="https://evil.example/t.gif" alt="">\n'), "<img"
    )
    plan_case("body.link-scheme", plan_text("Đoạn một.\n\n[Bấm vào đây](javascript:alert(1))\n"), "[Bấm")
    cases.extend([])

    # Trust boundary: attachments, file names, sources outside docs_dir
    add("file.type", {"content/tin-bai/tep.js": "alert(document.cookie)\n"}, "content/tin-bai/tep.js", 0)
    add(
        "file.content-mismatch",
        {"content/images/anh.png": "<script>alert(1)</script>\n"},
        "content/images/anh.png",
        0,
    )
    add(
        "file.reserved-path",
        {"content/assets/stylesheets/loa.css": "body{}\n"},
        "content/assets/stylesheets/loa.css",
        0,
    )
    add("file.name", {"plans/2022/Kế hoạch 12.md": plan}, "plans/2022/Kế hoạch 12.md", 0)
    add(
        "file.name-conflict",
        {"plans/a.md": plan, "plans/A.md": plan_text(number="13-KH/TU")},
        "plans/A.md",
        0,
    )
    cases.extend([])

    # Trust boundary: bounded parsing
    place = "place: Sa Pa"
    plan_case("yaml.too-large", plan.replace(place, place + "\n# chú thích dài" * 15_000), "---", line=2)
    plan_case("yaml.too-deep", plan.replace(place, "place: " + "[" * 10_000 + "]" * 10_000), "place:")
    plan_case("yaml.too-many", plan.replace(place, "place: [" + ", ".join(["1"] * 20_001) + "]"), "place:")
    plan_case("yaml.too-long", plan.replace(place, place + "\n? " + "k" * 300 + "\n: 1"), "? kkk")
    plan_case("yaml.value", plan.replace(place, "place: " + "9" * 50), "place:")
    plan_case("yaml.control-char", plan.replace(place, 'place: "Sa\\x01 Pa"'), "place:")
    plan_case("meta.range", plan_text(date="1900-01-01"), "date:")
    plan_case("meta.too-many", plan_text(recipients=["Các chi bộ"] * 201), "recipients:")
    article_case("meta.path", article_text(cover={"src": "../mkdocs.yml", "alt": "Ảnh"}), "src: ../")
    plan_case("task.period", plan_text(period="0000"), "period:")
    plan_case("task.period", plan_text(period="1000/9999"), "period:")
    cases.extend([])

    # Trust boundary: output folder, builds, serving
    cases.extend([])

    # Trust boundary: cache and history
    cases.extend([])

    return cases


CASES = _cases()


def _run_check(
    root: Path, capsys: pytest.CaptureFixture[str], *options: str
) -> tuple[int, dict[str, object]]:
    status = main(["check", "-f", str(root / "mkdocs.yml"), "--format", "json", *options])
    return status, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.code}@{case.path}")
def test_each_diagnostic(case: Case, project, capsys):
    root = project(case.files, mkdocs=case.mkdocs)
    if case.setup:
        case.setup(root)
    status, payload = _run_check(root, capsys)
    diagnostics = payload["diagnostics"]
    assert isinstance(diagnostics, list)
    assert {d["code"] for d in diagnostics} == {case.code, *case.also}, diagnostics
    (found,) = [d for d in diagnostics if d["code"] == case.code]
    assert (found["path"], found["line"]) == (case.path, case.line), found
    assert found["severity"] == ("warning" if case.warning else "error")
    assert found["message"].strip() and not found["message"].isascii(), "messages are Vietnamese"
    assert status == (0 if case.warning else 1)
    assert payload["ok"] is case.warning
    if case.warning:
        assert _run_check(root, capsys, "--strict")[0] == 1


_CODE = re.compile(r"[a-z]+\.(?!(?:html|md|yml|json|xml|txt)$)[a-z]+(?:-[a-z]+)*")


def _emitted_codes() -> set[str]:
    """Every diagnostic code written in the core: string literals shaped like ``family.name`` passed to a call."""
    codes = set()
    for path in (REPO / "src" / "loa" / "core").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                codes.update(
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and _CODE.fullmatch(arg.value)
                )
    return codes


def test_every_code_of_the_core_has_a_case():
    emitted = _emitted_codes()
    assert len(emitted) > 40, "the scan of the core found the codes"
    covered = {case.code for case in CASES}
    assert emitted - covered == set(), "add a case above for each new diagnostic code"
    assert covered - emitted == set(), "a case names a code the core no longer emits"
