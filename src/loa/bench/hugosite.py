"""The synthetic corpus as a Hugo site: the same bodies, Hugo's front matter, and a minimal theme of our own.

The site has what the MkDocs and Loa builds list: a page per document (with its task table), a section per year,
the topics, issuers and types as taxonomies with a page per term, lists paginated by 50 as Loa's, RSS feeds and a
sitemap (Hugo's defaults). Hugo does not resolve citations or read history: those are the work Loa adds.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from loa.bench.revisions import Document
from loa.bench.vocabulary import ISSUERS, TOPICS, TYPES
from loa.core.text.normalize import slugify

__all__ = ["hugo_page_path", "write_hugo_project"]

_ISSUER_NAMES = {i["id"]: i["name"] for i in ISSUERS}
_LAYOUTS = {
    "baseof.html": """<!doctype html>
<html lang="{{ site.Language.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} – {{ end }}{{ site.Title }}</title>
<style>body{font-family:sans-serif;max-width:48rem;margin:auto;padding:1rem}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.2rem .4rem}</style>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}
{{ range slice "topics" "issuers" "types" }}{{ with site.GetPage . }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}{{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "single.html": """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p>{{ with .Params.number }}Số {{ . }} · {{ end }}{{ .Params.issuer_name }} · {{ .Date.Format "02/01/2006" }}</p>
{{ .Content }}
{{ with .Params.tasks }}<table><tr><th>Nhiệm vụ</th><th>Chủ trì</th><th>Thời hạn</th></tr>
{{ range . }}<tr><td>{{ .task }}</td><td>{{ delimit .lead ", " }}</td><td>{{ .deadline }}</td></tr>{{ end }}
</table>{{ end }}
<p>{{ range .GetTerms "topics" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
</article>
{{ end }}
""",
    "list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = where site.RegularPages "Section" "plans" }}{{ end }}
{{ $pager := .Paginate $pages.ByDate.Reverse }}
<ul>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "02/01/2006" }}</li>{{ end }}</ul>
{{ with $pager.Next }}<a href="{{ .URL }}">Trang sau</a>{{ end }}
{{ end }}
""",
}


def hugo_page_path(document_path: str) -> str:
    """The address of a document's page in the Hugo site, from its path under plans/."""
    return "/plans/" + document_path.removesuffix(".md") + "/"


def write_hugo_project(
    dest: Path,
    n: int,
    documents: Sequence[Document],
    *,
    site_name: str,
    write: Callable[[Path, str], None],
) -> None:
    """Write hugo.yaml, the layouts and content/ holding the final text of every document."""
    config = {
        "baseURL": "/",
        "languageCode": "vi",
        "defaultContentLanguage": "vi",
        "title": site_name,
        "taxonomies": {"topic": "topics", "issuer": "issuers", "type": "types"},
        "pagination": {"pagerSize": 50},
        "disableKinds": [],
        "enableGitInfo": False,
    }
    write(dest / "hugo.yaml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    for name, text in _LAYOUTS.items():
        write(dest / "layouts" / name, text)
    write(
        dest / "content" / "_index.md",
        f"---\ntitle: Trang chủ\n---\n\nTrang thông tin đăng tải các kế hoạch, đề án, hướng dẫn và văn bản chỉ "
        f"đạo của Đảng bộ thị xã Sa Pa. Bộ dữ liệu thử nghiệm có {n} văn bản sinh tự động.\n",
    )
    write(dest / "content" / "plans" / "_index.md", "---\ntitle: Văn bản\n---\n")
    for taxonomy, title in (
        ("topics", "Chuyên đề"),
        ("issuers", "Cơ quan ban hành"),
        ("types", "Loại văn bản"),
    ):
        write(dest / "content" / taxonomy / "_index.md", f"---\ntitle: {title}\n---\n")
    for topic in TOPICS:  # terms named as readers read them, as Loa's topic pages are
        write(
            dest / "content" / "topics" / slugify(topic) / "_index.md",
            f"---\ntitle: {json.dumps(topic, ensure_ascii=False)}\n---\n",
        )
    for name, spec in TYPES.items():
        write(dest / "content" / "types" / spec[1] / "_index.md", f"---\ntitle: {name}\n---\n")
    for issuer in ISSUERS:
        write(
            dest / "content" / "issuers" / issuer["id"] / "_index.md", f"---\ntitle: {issuer['name']}\n---\n"
        )
    years = sorted({document.path.split("/", 1)[0] for document in documents})
    for year in years:
        write(dest / "content" / "plans" / year / "_index.md", f"---\ntitle: Năm {year}\n---\n")
    for document in documents:
        write(dest / "content" / "plans" / document.path, _to_hugo(document.texts[-1]))


def _to_hugo(text: str) -> str:
    """Return the document with Hugo's front matter (title, dates, taxonomies, params) and the same body."""
    _, front_text, body = text.split("---\n", 2)
    front: dict[str, Any] = yaml.safe_load(front_text)
    date = str(front["date"])
    published = dt.datetime.fromisoformat(str(front["publish_at"]))
    hugo: dict[str, Any] = {
        "title": f"{front['type']} {front['title']}",
        "date": (date if len(date) == 10 else f"{date}-01") + "T00:00:00+07:00",
        "publishDate": published.isoformat(),
        "topics": front["topics"],
        "issuers": [front["issuer"]],
        "types": [TYPES[front["type"]][1]],
        "number": front.get("number"),
        "issuer_name": _ISSUER_NAMES[front["issuer"]],
        "signer": front["signer"],
        "recipients": front["recipients"],
    }
    if "tasks" in front:
        hugo["tasks"] = front["tasks"]
    return "---\n" + yaml.safe_dump(hugo, allow_unicode=True, sort_keys=False) + "---\n" + body
