"""Deterministic synthetic corpora of Vietnamese Party documents for the build benchmark.

A corpus of size N is drawn from seeds derived from N alone: the same N gives byte-identical documents in every
layout, ``loa`` (content/, plans/, data/issuers.yml), ``plain`` (everything under docs/) and ``hugo`` (the same
bodies under content/, with Hugo's front matter).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import unicodedata
from pathlib import Path
from typing import Literal

import yaml

from loa.bench.hugosite import write_hugo_project
from loa.bench.links import choose_citations, draw_tasks, tasks_front_matter, with_citations_and_tasks
from loa.bench.prose import generate_title, render_body
from loa.bench.revisions import Document, amend_revisions, commit_history
from loa.bench.vocabulary import (
    COMMITTEE_ONLY,
    FIRST_DAY,
    ISSUER_FIELDS,
    ISSUERS,
    LAST_DAY,
    SIGNERS,
    TOPICS,
    TYPES,
    TZ,
    WEIGHTS,
    WORDS,
    Doc,
    fill_places,
)
from loa.core.text.normalize import slugify

__all__ = ["SITE_NAME", "THEME_DIR", "Document", "Layout", "draw_documents", "generate_corpus"]

Layout = Literal["loa", "plain", "hugo"]
SITE_NAME = "Văn bản Đảng bộ thị xã Sa Pa"
THEME_DIR = Path(__file__).resolve().parents[3] / "theme"
"""Loa's theme overrides in the repository (``src/loa/bench`` → repository root); omitted when absent."""


def generate_corpus(dest: Path, n: int, *, layout: Layout, history: bool = False) -> None:
    """Write a complete project holding ``n`` synthetic documents.

    Every layout holds the same documents, byte for byte in the body: plans with tasks (deadlines, targets and
    lead units, quoted from the body), citations of earlier documents of the corpus by number and date, and
    amendments (the final text of some documents differs from the first by a revision or two).

    Arguments:
        dest: Project directory; created if missing, and it must be empty.
        n: Number of documents; also the random seed.
        layout: ``loa`` (content/, plans/, data/issuers.yml, ``plugins: [loa]``), ``plain`` (docs/ with the
            documents under docs/plans/, ``plugins: [search]``) or ``hugo`` (a Hugo site, see
            `loa.bench.hugosite`).
        history: For ``loa``, make ``dest`` a git repository whose commits are the documents' revisions
            (first texts, then each amendment), so the build writes revision pages; otherwise only the final
            texts are written.

    Raises:
        FileExistsError: If ``dest`` exists and is not empty.
        ValueError: If ``n`` is not positive or ``layout`` is unknown.
    """
    if n < 1 or layout not in ("loa", "plain", "hugo"):
        raise ValueError(f"invalid corpus request: n={n}, layout={layout!r}")
    if dest.exists() and any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty")
    documents = draw_documents(n)
    if layout == "hugo":
        write_hugo_project(dest, n, documents, site_name=SITE_NAME, write=_write_text)
        return
    _write_project_files(dest, n, layout)
    plans_dir = dest / "plans" if layout == "loa" else dest / "docs" / "plans"
    if layout == "loa" and history:
        commit_history(dest, plans_dir, documents, write=_write_text)
        return
    for document in documents:
        _write_text(plans_dir / document.path, document.texts[-1])


def draw_documents(n: int) -> list[Document]:
    """Return the ``n`` documents of corpus ``n`` (path under plans/, texts of each revision), in a fixed order."""
    rng = random.Random(n)
    people = {
        i["id"]: [
            " ".join(rng.choice(WORDS[part]) for part in ("surnames", "middles", "given")) for _ in range(3)
        ]
        for i in ISSUERS
    }
    metadata = _generate_metadata(rng, n)
    cited = choose_citations(random.Random(f"citations-{n}"), metadata)
    extras = random.Random(f"tasks-{n}")
    documents = []
    for index, doc in enumerate(metadata):
        path = f"{doc.date.year}/{TYPES[doc.type][1]}-{doc.number}-{doc.issuer['id']}.md"
        text = _render_document(rng, extras, doc, people[doc.issuer["id"]], cited.get(index, []))
        documents.append(Document(path, amend_revisions(text, index)))
    return documents


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(unicodedata.normalize("NFC", text), encoding="utf-8", newline="\n")


def _write_project_files(dest: Path, n: int, layout: Layout) -> None:
    """Write mkdocs.yml, the home page and, for Loa, the registry of issuers."""
    docs_dir = "content" if layout == "loa" else "docs"  # where the documents go
    theme = {"name": "material", "language": "vi"}
    if layout == "loa" and THEME_DIR.is_dir():
        theme["custom_dir"] = str(THEME_DIR)
    # The synthetic citations name documents no registry knows: resolve them all, report them quietly.
    quiet = {"loa": {"xref": {"unresolved": "info", "ambiguous": "info"}}}
    plugins: list[object] = [quiet] if layout == "loa" else ["search"]
    # Loa's documents sit outside MkDocs' docs_dir, which holds only a notice for builds that bypass the plugin.
    config = {
        "site_name": SITE_NAME,
        "theme": theme,
        "docs_dir": "site-root" if layout == "loa" else docs_dir,
        "nav": [{"Trang chủ": "index.md"}],
        "plugins": plugins,
    }
    if layout == "loa":
        config["markdown_extensions"] = ["loa.core.outputs.headings"]  # as the shipped mkdocs.yml
    _write_text(dest / "mkdocs.yml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    _write_text(
        dest / docs_dir / "index.md",
        (
            f"---\nkind: index\ntitle: Trang chủ\n---\n\n# {SITE_NAME}\n\nTrang thông tin đăng tải các kế hoạch, "
            f"đề án, hướng dẫn và văn bản chỉ đạo của Đảng bộ thị xã Sa Pa. Bộ dữ liệu thử nghiệm có {n} văn "
            "bản sinh tự động để đo thời gian xây dựng trang.\n\n## Hướng dẫn tra cứu\n\n- Tìm văn bản theo số, "
            "ký hiệu hoặc trích yếu bằng ô tìm kiếm.\n- Duyệt văn bản theo năm và theo cơ quan ban hành.\n"
        ),
    )
    if layout == "loa":
        _write_text(dest / "site-root" / "index.md", "# Trang này cần được dựng bằng Loa\n")
        for topic in TOPICS:
            _write_text(
                dest / docs_dir / "chuyen-de" / f"{slugify(topic)}.md",
                f"---\nkind: topic\ntitle: {json.dumps(topic, ensure_ascii=False)}\n---\n\nChuyên đề {topic}.\n",
            )
        registry = {
            i["id"]: {
                k: dt.date.fromisoformat(i[k]) if k.startswith("valid_") else i[k] or None
                for k in ISSUER_FIELDS[:6]
            }
            for i in ISSUERS
        }
        _write_text(dest / "data/issuers.yml", yaml.safe_dump(registry, allow_unicode=True, sort_keys=False))


def _generate_metadata(rng: random.Random, n: int) -> list[Doc]:
    """Draw date, issuer and type of each document, then number them per (issuer, type, year) by date."""
    span = (LAST_DAY - FIRST_DAY).days
    types, type_weights = list(TYPES), [spec[2] for spec in TYPES.values()]
    docs = []
    for _ in range(n):
        date = FIRST_DAY + dt.timedelta(days=rng.randint(0, span))
        active = [i for i in ISSUERS if i["valid_from"] <= date.isoformat() <= i["valid_until"]]
        issuer = rng.choices(active, weights=[WEIGHTS[i["kind"]] for i in active])[0]
        kind = rng.choices(types, weights=type_weights)[0]
        if issuer["kind"] != "committee" and kind in COMMITTEE_ONLY:
            kind = "Kế hoạch"
        docs.append(Doc(date, issuer, kind, rng.random() < 0.05, rng.random() >= 0.05))
    counters: dict[tuple[str, str, int], int] = {}
    for doc in sorted(docs, key=lambda d: d.date):
        key = (doc.issuer["id"], doc.type, doc.date.year)
        doc.number = counters[key] = counters.get(key, rng.randint(0, 12)) + rng.randint(1, 3)
    return docs


def _render_document(
    rng: random.Random, extras: random.Random, doc: Doc, people: list[str], cited: list[Doc]
) -> str:
    """Return the file text: front matter in the fixed key order, then the body with its citations and tasks.

    ``extras`` draws the tasks, so that the rest of the text depends on ``rng`` alone."""
    topics = rng.sample(list(TOPICS), rng.randint(1, 3))
    title = generate_title(rng, doc, rng.choice(TOPICS[topics[0]]))
    authority, role, person = _choose_signer(rng, doc.issuer, people)
    published = dt.datetime.combine(
        doc.date + dt.timedelta(days=rng.randint(0, 9)),
        dt.time(rng.randint(7, 16), rng.choice((0, 15, 30, 45))),
        TZ,
    )
    lines = ["---", "kind: plan", f"type: {doc.type}"]
    if doc.has_number:
        lines.append(f"number: {doc.number}-{TYPES[doc.type][0]}/{doc.issuer['code']}")
    place = doc.issuer["name"].removeprefix("Đảng ủy xã ") if " xã " in doc.issuer["name"] else "Sa Pa"
    lines += [
        f"issuer: {doc.issuer['id']}",
        f"place: {place}",
        f"date: {doc.date.isoformat()[:7] if doc.partial_date else doc.date.isoformat()}",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        "signer:",
        f"  authority: {authority}",
        f"  role: {role}",
        f"  name: {person}",
        "recipients:",
    ]
    lines += [f"  - {r}" for r in _choose_recipients(rng, doc)]
    lines += [
        f"topics: {json.dumps([slugify(t) for t in topics], ensure_ascii=False)}",
    ]
    body = fill_places(render_body(rng, doc, title, topics), doc)
    tasks = draw_tasks(extras, doc, topics) if TYPES[doc.type][3] == "plan" else []
    lines += tasks_front_matter(tasks, doc)
    lines += [
        "status: published",
        f"publish_at: {published.isoformat()}",
        "access: public",
        "---",
        "",
    ]
    return "\n".join(lines) + "\n" + with_citations_and_tasks(body, cited, tasks) + "\n"


def _choose_signer(rng: random.Random, issuer: dict[str, str], people: list[str]) -> tuple[str, str, str]:
    options = SIGNERS[issuer["kind"]]
    index = rng.choices(range(len(options)), weights=(2, 5, 2)[: len(options)])[0]
    authority, role = options[index].replace("{board}", issuer["short_name"].upper()).split(" ; ")
    return authority, role, people[index]


def _choose_recipients(rng: random.Random, doc: Doc) -> list[str]:
    kind = doc.issuer["kind"]
    pool = WORDS["recipients_grassroots" if kind == "grassroots" else "recipients"]
    chosen = sorted(rng.sample(pool, rng.randint(2, len(pool) - 1)), key=pool.index)
    archive = {"committee": "Lưu Văn phòng {org}", "board": "Lưu " + doc.issuer["short_name"]}
    return [fill_places(r, doc) for r in (*chosen, archive.get(kind, "Lưu Văn phòng Đảng ủy"))]
