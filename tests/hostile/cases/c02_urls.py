"""Class 2: URLs from data files and front matter: only https:, http: or a site-relative path."""

from __future__ import annotations

from tests.hostile.cases.base import ARTICLES, REFUSED, Case, article_text, plan


def _external(id: str, url_yaml: str, what: str) -> Case:
    """A registry entry (data/external.yml) whose url is ``url_yaml`` (YAML source text of the value)."""
    return Case(
        id=id,
        cls=2,
        outcome=REFUSED,
        what=what,
        path=("data/external.yml",),
        needles=("  url:",),
        appends={
            "data/external.yml": "- number: 996-KH/TU\n  type: Kế hoạch\n  issuer: tinh-uy-lao-cai\n"
            f"  date: 2021-01-01\n  title: về việc thử đường dẫn\n  url: {url_yaml}\n"
        },
        files={
            "plans/2022/p-url.md": plan(
                "Thực hiện Kế hoạch số 996-KH/TU ngày 01/01/2021 của Tỉnh ủy Lào Cai.\n"
            )
        },
    )


def _cover(id: str, src: str, what: str) -> Case:
    return Case(
        id=id,
        cls=2,
        outcome=REFUSED,
        what=what,
        path=(f"{ARTICLES}/a-cover.md",),
        needles=("cover:", "src:"),
        files={f"{ARTICLES}/a-cover.md": article_text(title="Tin ảnh bìa", cover={"src": src, "alt": "Ảnh"})},
    )


CASES = [
    _external("c2-external-javascript", "\"javascript:window.__pwned='hxc2z'\"", "javascript: url"),
    _external("c2-external-javascript-mixed-case", '"  JaVaScRiPt:alert(1)"', "leading spaces, mixed case"),
    _external(
        "c2-external-javascript-tab", '"java\\tscript:alert(1)"', "tab inside the scheme (YAML escape)"
    ),
    _external("c2-external-javascript-newline", '"java\\nscript:alert(1)"', "newline inside the scheme"),
    _external("c2-external-entity", '"&#106;avascript:alert(1)"', "entity-encoded scheme"),
    _external(
        "c2-external-data", '"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="', "data: url"
    ),
    _external("c2-external-vbscript", '"vbscript:msgbox(1)"', "vbscript: url"),
    _external("c2-external-file", '"file:///etc/passwd"', "file: url"),
    _external(
        "c2-external-protocol-relative", '"//evil.example/x"', "protocol-relative url (another origin)"
    ),
    _external("c2-external-backslash", '"/\\\\evil.example/x"', "/\\host: browsers read it as //host"),
    Case(
        id="c2-channel-javascript",
        cls=2,
        outcome=REFUSED,
        what="channel url javascript:",
        path=("data/channels.yml",),
        needles=("  url:",),
        appends={
            "data/channels.yml": "hx-kenh-url:\n  name: Kênh thử\n  platform: website\n"
            '  url: "javascript:alert(1)"\n'
        },
    ),
    _cover("c2-cover-javascript", "javascript:alert(1)", "cover src javascript:"),
    _cover("c2-cover-external", "https://evil.example/anh.png", "cover src on another origin"),
    _cover("c2-cover-data-svg", "data:image/svg+xml,<svg onload=alert(1)>", "cover src data: SVG"),
    Case(
        id="c2-alias-nginx-injection",
        cls=2,
        outcome=REFUSED,
        what="alias carrying nginx directives",
        path=("plans/2022/p-alias.md",),
        needles=("aliases:", "return 302"),
        files={"plans/2022/p-alias.md": plan(aliases=["/cu/; return 302 https://evil.example/; #"])},
    ),
    Case(
        id="c2-alias-javascript",
        cls=2,
        outcome=REFUSED,
        what="alias javascript:",
        path=("plans/2022/p-alias.md",),
        needles=("aliases:", "javascript"),
        files={"plans/2022/p-alias.md": plan(aliases=["javascript:alert(1)"])},
    ),
    Case(
        id="c2-related-plans-url",
        cls=2,
        outcome=REFUSED,
        what="related_plans pointing to another origin",
        path=(f"{ARTICLES}/a-related.md",),
        needles=("related_plans:", "evil.example"),
        files={
            f"{ARTICLES}/a-related.md": article_text(
                title="Tin liên quan", related_plans=["https://evil.example/x.md"]
            )
        },
    ),
]
