"""Prose of the synthetic documents: titles and bodies with the heading hierarchy of official documents."""

from __future__ import annotations

import datetime as dt
import random

from loa.bench.vocabulary import OUTLINES, TOPICS, TYPES, WORDS, Doc, fill_places

__all__ = ["capitalize", "generate_title", "render_body"]


def generate_title(rng: random.Random, doc: Doc, subject: str) -> str:
    """Return a trích yếu of 8–25 words suited to the document type."""
    lead = {
        "Công văn": "về việc",
        "Báo cáo": "kết quả thực hiện",
        "Nghị quyết": "về",
        "Quyết định": "ban hành quy chế phối hợp thực hiện",
        "Thông báo": "kết luận của Thường trực về",
    }
    while True:
        head = lead.get(doc.type) or rng.choice(("thực hiện", "triển khai", "tổ chức", "về tăng cường"))
        tail = rng.choice(
            (
                "",
                f" năm {doc.date.year}",
                " giai đoạn 2021 - 2025",
                " trên địa bàn {area}",
                f" đến năm {doc.date.year + rng.randint(1, 5)}",
                " trong tình hình mới",
            )
        )
        title = fill_places(f"{head} {subject.removeprefix('việc ')}{tail}", doc)
        if 8 <= len(title.split()) <= 25:
            return title


def render_body(rng: random.Random, doc: Doc, title: str, topics: list[str]) -> str:
    """Return a body of 600–3000 words with the heading hierarchy of an official document."""
    objects = [o for t in topics for o in TOPICS[t]]
    authority, kind = rng.choice(WORDS["authorities"]), rng.choice(("Nghị quyết", "Kết luận", "Chỉ thị"))
    actor = ("" if doc.issuer["kind"] == "board" else "Ban Thường vụ ") + doc.issuer["short_name"]
    earlier = doc.date - dt.timedelta(days=rng.randint(20, 700))
    basis = (
        f"{kind} số {rng.randint(2, 150)}-{TYPES[kind][0]}/{'TU' if 'Lào' in authority else 'TW'}, "
        f"ngày {earlier:%d/%m/%Y} của {authority} về {rng.choice(objects)}"
    )
    intro = f"Thực hiện {basis}; căn cứ thực tế, {actor} ban hành {doc.type.lower()} {title} như sau:"
    target = int(rng.triangular(620, 2600, 1050))
    sections = OUTLINES.get(TYPES[doc.type][3], ())
    room = max(target // 110 // max(len(sections), 1), 1)
    slots: list[list[str]] = []  # each slot: a heading chunk (or opening text), then the blocks under it
    for index, heading in enumerate(sections):
        if heading == "MỤC ĐÍCH, YÊU CẦU":
            chunks = ["### 1. Mục đích", "### 2. Yêu cầu"]
        elif heading == "KINH PHÍ THỰC HIỆN":
            chunks = [f"{_generate_sentences(rng, objects, 2)}\n\n{_render_budget_table(rng)}"]
        else:
            chunks = _generate_subsections(rng, objects, room, units=heading == "TỔ CHỨC THỰC HIỆN")
        chunks[0] = f"## {('I', 'II', 'III', 'IV')[index]}. {heading}\n\n{chunks[0]}"
        slots += [[chunk] for chunk in chunks]
    slots += [
        [f"**{number}.** {_generate_sentences(rng, objects, rng.randint(2, 4))}"]
        for number in range(1, 1 if sections else rng.randint(4, 7))
    ]
    total, filled = _count_words("\n".join([intro, *(slot[0] for slot in slots)])), 0
    while filled < len(slots) or total < target:
        block = _generate_block(rng, objects)
        (slots[filled] if filled < len(slots) else rng.choice(slots)).append(block)
        total, filled = total + _count_words(block), filled + 1
    closing = (
        "kính báo cáo cấp ủy cấp trên theo dõi, chỉ đạo"
        if doc.type == "Báo cáo"
        else "đề nghị các "
        "cấp ủy, tổ chức đảng và các cơ quan, đơn vị liên quan nghiêm túc triển khai thực hiện"
    )
    body = [intro, *(block for slot in slots for block in slot)]
    return "\n\n".join([*body, f"Trên đây là {doc.type.lower()} của {actor}, {closing}./."])


def _generate_subsections(rng: random.Random, objects: list[str], room: int, *, units: bool) -> list[str]:
    """Return the heading chunks of one section, about ``room`` of them; each will be followed by text."""
    count = min(rng.randint(2, 5), max(room, 2))
    names = (
        rng.sample(WORDS["units"], count)
        if units
        else [capitalize(f"{rng.choice(WORDS['verbs'])} {rng.choice(objects)}") for _ in range(count)]
    )
    spare, chunks = room - count, []
    for number, name in enumerate(names, start=1):
        leaves = min(rng.randint(2, 4), spare + 1) if not units and rng.random() < 0.5 else 0
        heads = [f"#### {number}.{leaf}. {capitalize(rng.choice(objects))}" for leaf in range(1, leaves + 1)]
        if len(heads) < 2:
            chunks.append(f"### {number}. {name}")
            continue
        spare -= len(heads) - 1
        chunks += [f"### {number}. {name}\n\n{heads[0]}", *heads[1:]]
    return chunks


def _generate_block(rng: random.Random, objects: list[str]) -> str:
    """Return one paragraph, list, emphasised line or (rarely) table."""
    roll = rng.random()
    if roll < 0.5:
        return _generate_sentences(rng, objects, rng.randint(2, 5))
    if roll < 0.8:
        return _render_list(rng, objects)
    if roll < 0.97:
        label = rng.choice(("Thời gian thực hiện", "Cơ quan chủ trì", "Hình thức", "Lưu ý"))
        return f"**{label}:** {_generate_sentences(rng, objects, 1)}"
    return _render_budget_table(rng)


def _generate_sentences(rng: random.Random, objects: list[str], count: int) -> str:
    """Return ``count`` sentences, each built on one of six official-style patterns."""
    w, sentences = WORDS, []
    for _ in range(count):
        obj = rng.choice(objects) if rng.random() < 0.6 else rng.choice(rng.choice(list(TOPICS.values())))
        verb, complement, subject = (rng.choice(w[key]) for key in ("verbs", "manner", "subjects"))
        form, number = rng.randrange(6), rng.randint(2, 99)
        if form == 0:
            sentence = f"{capitalize(subject)} {verb} {obj}, {complement}."
        elif form == 1:
            sentence = f"Phấn đấu đến năm {2025 + number % 6}, {60 + number % 40}% {rng.choice(w['goals'])}."
        elif form == 2:
            sentence = (
                f"Trong kỳ, {subject} đã tổ chức {number} "
                f"{rng.choice(w['events'])} về {obj}, thu hút {number * 45} lượt người tham gia."
            )
        elif form == 3:
            sentence = f"Tuy nhiên, {rng.choice(w['issues'])}; cần {verb} {obj}, {complement}."
        elif form == 4:
            sentence = f"Tiếp tục {verb} {obj}; **{complement}**."
        else:
            sentence = f"{capitalize(verb)} {obj}, *{complement}*."
        sentences.append(sentence)
    return " ".join(sentences)


def _render_list(rng: random.Random, objects: list[str]) -> str:
    items = []
    for _ in range(rng.randint(2, 6)):
        items.append(
            f"- {capitalize(rng.choice(WORDS['verbs']))} {rng.choice(objects)}; "
            f"{rng.choice(WORDS['manner'])}."
        )
        if rng.random() < 0.3:
            items += [f"    + {capitalize(c)}." for c in rng.sample(WORDS["manner"], rng.randint(2, 3))]
    return "\n".join(items)


def _render_budget_table(rng: random.Random) -> str:
    items = rng.sample(WORDS["budget"], rng.randint(3, 7))
    amounts = [rng.randint(5, 120) * 500_000 for _ in items]
    money = [f"{amount:,}".replace(",", ".") for amount in (*amounts, sum(amounts))]
    rows = [f"| {i} | {item} | {money[i - 1]} |" for i, item in enumerate(items, start=1)]
    return "\n".join(
        [
            "| STT | Nội dung | Kinh phí (đồng) |",
            "|:---:|---|---:|",
            *rows,
            f"| | **Tổng cộng** | **{money[-1]}** |",
        ]
    )


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _count_words(text: str) -> int:
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))
