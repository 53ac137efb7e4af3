"""Class 5: bodies. Active markup is removed (batch "body"); external resources and links with script schemes are
refused with a diagnostic; user ids cannot collide with the theme's globals. Every payload targets window.__pwned or
alert()."""

from __future__ import annotations

from tests.hostile.cases.base import EITHER, NEUTRALISED, REFUSED, Case, plan

P = "window.__pwned='{t}'"


def _b(id: str, body: str, what: str) -> Case:
    """A published plan whose body is ``body`` ({t}: the case token, {p}: a payload setting window.__pwned)."""
    probe = Case(id=id, cls=5, outcome=NEUTRALISED, what=what)
    t = probe.token
    text = body.replace("{p}", P).replace("{t}", t)
    return Case(
        id=id,
        cls=5,
        outcome=NEUTRALISED,
        what=what,
        batch="body",
        files={f"plans/2022/{id}.md": plan(f"Văn bản {t}.\n\n{text}\n", title=f"về việc {t}")},
    )


def _ext(id: str, body: str, what: str, outcome: str = REFUSED, needle: str = "evil.example") -> Case:
    """A plan whose body loads from elsewhere or links with a script scheme: refused at the line of ``needle``."""
    probe = Case(id=id, cls=5, outcome=outcome, what=what)
    t = probe.token
    body = body.replace("{p}", P)
    path = f"plans/2022/{id}.md"
    return Case(
        id=id,
        cls=5,
        outcome=outcome,
        what=what,
        path=(path,),
        needles=(needle,),
        files={path: plan(f"Văn bản {t}.\n\n{body.replace('{t}', t)}\n", title=f"về việc {t}")},
    )


CASES = [
    _b("c5-script", "<script>{p}</script>", "raw <script>"),
    _ext(
        "c5-script-uppercase",
        "<SCRIPT SRC=data:,window.__pwned='{t}'></SCRIPT>",
        "<SCRIPT SRC=data:>",
        REFUSED,
        needle="SCRIPT",
    ),
    _b("c5-img-onerror", '<img src="hx.png" onload="{p}" alt="{t}">', "img onload"),
    _b("c5-svg-onload", '<svg onload="{p}"><circle r="1"/></svg>', "<svg onload>"),
    _b("c5-svg-script", "<svg><script>{p}</script></svg>", "<script> inside <svg>"),
    _ext(
        "c5-svg-xlink",
        '<svg><a xlink:href="javascript:{p}"><text y="9">{t}</text></a></svg>',
        "svg xlink:href",
        REFUSED,
        needle="xlink",
    ),
    _b(
        "c5-svg-animate",
        '<svg><a><animate attributeName="href" values="javascript:{p}"/><text y="9">{t}</text></a></svg>',
        "svg animate setting href",
    ),
    _b("c5-math", '<math><mtext><table><mglyph><style><img src="hx.png" onload="{p}">', "<math> mXSS"),
    _b(
        "c5-noscript-mxss",
        '<noscript><p title="</noscript><img src=hx.png onload={p}>"></noscript>',
        "noscript parsing differential",
    ),
    _b(
        "c5-iframe-srcdoc",
        "<iframe srcdoc=\"&lt;script&gt;parent.__pwned='{t}'&lt;/script&gt;\"></iframe>",
        "iframe srcdoc",
    ),
    _ext(
        "c5-object-javascript",
        '<object data="javascript:{p}">{t}</object>',
        "object data javascript:",
        REFUSED,
        needle="object",
    ),
    _b(
        "c5-form",
        '<form action="https://evil.example/{t}"><input name="q" value="{t}"><button '
        'formaction="javascript:{p}">Gửi</button></form>',
        "form posting elsewhere, formaction javascript:",
    ),
    _b("c5-meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:{p}">', "meta refresh"),
    _ext(
        "c5-base-href",
        '<base href="https://evil.example/{t}/">',
        "<base href> re-rooting every link",
        REFUSED,
        needle="base",
    ),
    _b("c5-style-element", "<style>/*{t}*/ .md-header{display:none}</style>", "<style> element"),
    _b("c5-details-ontoggle", '<details open ontoggle="{p}"><summary>{t}</summary>x</details>', "ontoggle"),
    _b("c5-autofocus-onfocus", '<input autofocus onfocus="{p}" value="{t}">', "autofocus onfocus"),
    _b("c5-attr-list-handler", 'Đoạn văn {t}\n{: onmouseover="{p}" onclick="{p}" }', "attr_list handler"),
    _b(
        "c5-md-in-html-handler", '<div markdown="1" onclick="{p}">\n\n**{t}**\n\n</div>', "md_in_html handler"
    ),
    _b("c5-clobber-config", '<p id="__config">{t}</p>', "id=__config (theme config)"),
    _b("c5-clobber-attr-list", 'Đoạn {t}\n{: id="__config" }', "attr_list id=__config"),
    _b("c5-clobber-pwned", '<a id="__pwned" href="#{t}">{t}</a>', "id=__pwned (named access on window)"),
    _b("c5-clobber-drawer", '<input id="__drawer" type="checkbox"><span>{t}</span>', "theme id __drawer"),
    _b(
        "c5-clobber-name",
        '<img name="getElementById" src="hx.png" alt="{t}"><form name="__md_scope">{t}</form>',
        "name= clobbering document",
    ),
    _b(
        "c5-heading-toc", "## &lt;img src=x onerror={p}&gt; {t}\n\nĐoạn.", "escaped markup in a heading (TOC)"
    ),
    _ext(
        "c5-md-link-javascript",
        "[bấm {t}](javascript:{p})",
        "markdown link javascript:",
        REFUSED,
        needle="javascript",
    ),
    _ext(
        "c5-md-link-data",
        "[bấm {t}](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "link data:",
        REFUSED,
        needle="data:",
    ),
    _ext(
        "c5-md-reference-javascript",
        "[bấm {t}][r]\n\n[r]: javascript:{p}",
        "reference link javascript:",
        REFUSED,
        needle="javascript",
    ),
    _ext(
        "c5-html-link-spaces",
        '<a href=" &#x20;JaVaScRiPt:{p}">bấm {t}</a>',
        "spaces and case in href",
        REFUSED,
        needle="JaVaScRiPt",
    ),
    _b("c5-link-title-breakout", '[bấm {t}](https://example.org/ "x\\" onmouseover=\\"{p}")', "link title"),
    _b("c5-footnote", 'Câu[^1].\n\n[^1]: <img src="hx.png" onload="{p}"> {t}', "footnote"),
    _b(
        "c5-admonition-title", '!!! note "<img src=hx.png onload={p}> {t}"\n    Nội dung.', "admonition title"
    ),
    _b("c5-table-cell", '| A | B |\n|---|---|\n| {t} | <img src="hx.png" onload="{p}"> |', "table cell"),
    _b("c5-comment-breakout", "<!-- --><script>{p}</script><!-- {t} -->", "HTML comment"),
    _b(
        "c5-bidi-body-kept", "Nội dung \u202e{t}\u202c giữ nguyên ký tự của bản gốc.", "bidi in a body (kept)"
    ),
    _ext(
        "c5-md-link-encoded",
        "[bấm {t}](jav&#x09;ascript:window.__pwned=1)",
        "entity inside the scheme (a broken relative link, or an inert one)",
        EITHER,
        needle="ascript",
    ),
    _ext("c5-ext-img", '<img src="https://evil.example/{t}.png" alt="x">', "external <img> (tracking)"),
    _ext("c5-ext-img-markdown", "![ảnh](https://evil.example/{t}.png)", "external markdown image"),
    _ext("c5-ext-img-protocol-relative", '<img src="//evil.example/{t}.png" alt="x">', "//host image"),
    _ext(
        "c5-ext-img-uppercase",
        '<IMG SRC="HTTPS://EVIL.EXAMPLE/{t}.PNG" ALT="x">',
        "upper-case image",
        needle="EVIL.EXAMPLE",
    ),
    _ext("c5-ext-srcset", '<img src="hx.png" srcset="https://evil.example/{t}.png 2x" alt="x">', "srcset"),
    _ext(
        "c5-ext-picture",
        '<picture><source srcset="https://evil.example/{t}.png"><img src="hx.png" alt="x"></picture>',
        "picture source",
        EITHER,
    ),
    _ext(
        "c5-ext-style-url",
        '<p style="background:url(https://evil.example/{t}.png)">x</p>',
        "style url()",
        EITHER,
    ),
    _ext("c5-ext-iframe", '<iframe src="https://evil.example/{t}"></iframe>', "external iframe", EITHER),
    _ext(
        "c5-ext-video-poster", '<video poster="https://evil.example/{t}.png"></video>', "video poster", EITHER
    ),
    _ext(
        "c5-ext-stylesheet",
        '<link rel="stylesheet" href="https://evil.example/{t}.css">',
        "stylesheet",
        EITHER,
    ),
    _ext(
        "c5-ext-svg-image", '<svg><image href="https://evil.example/{t}.png"/></svg>', "svg <image>", EITHER
    ),
]
