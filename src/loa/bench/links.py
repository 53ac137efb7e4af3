"""What ties the synthetic documents together: citations of earlier documents and the tasks of plans.

Citations name earlier documents of the same corpus as an official text does ("Kế hoạch số 12-KH/TU, ngày
05/03/2021 của Thị ủy Sa Pa"), so the build resolves them into the reference graph. Tasks quote the plan's own
words and carry a lead unit, a canonical deadline and sometimes a target, so the build writes unit and calendar
pages.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence

from loa.bench.prose import capitalize
from loa.bench.vocabulary import TOPICS, TYPES, WORDS, Doc

__all__ = ["choose_citations", "draw_tasks", "tasks_front_matter", "with_citations_and_tasks"]

CITING_SHARE = 0.5
"""Share of documents that cite one or two earlier documents of the corpus."""
_WINDOW = 300
"""A document cites among the ``_WINDOW`` documents dated before it: drawing stays linear in the corpus size."""
_QUARTERS = ("I", "II", "III", "IV")
_TARGETS = (("hội nghị", "hội nghị quán triệt"), ("lớp", "lớp bồi dưỡng"), ("cuộc", "cuộc kiểm tra"))


def choose_citations(rng: random.Random, docs: Sequence[Doc]) -> dict[int, list[Doc]]:
    """Return, by index in ``docs``, the earlier numbered and fully dated documents each citing document names."""
    order = sorted(range(len(docs)), key=lambda i: (docs[i].date, i))
    citable: list[Doc] = []
    cited: dict[int, list[Doc]] = {}
    for index in order:
        doc = docs[index]
        earlier = [d for d in citable[-_WINDOW:] if d.date < doc.date]
        if earlier and rng.random() < CITING_SHARE:
            cited[index] = rng.sample(earlier, min(len(earlier), rng.randint(1, 2)))
        if doc.has_number and not doc.partial_date:
            citable.append(doc)
    return cited


def number_of(doc: Doc) -> str:
    """The document's number as written on it, e.g. ``12-KH/TU``."""
    return f"{doc.number}-{TYPES[doc.type][0]}/{doc.issuer['code']}"


def _citation(doc: Doc) -> str:
    return f"{doc.type} số {number_of(doc)}, ngày {doc.date:%d/%m/%Y} của {doc.issuer['name']}"


def draw_tasks(rng: random.Random, doc: Doc, topics: Sequence[str]) -> list[dict[str, object]]:
    """Return two to four tasks for a plan, each with the sentence the body will hold word for word."""
    objects = [o for t in topics for o in TOPICS[t]]
    year, tasks = doc.date.year, []
    for _ in range(rng.randint(2, 4)):
        verb, obj = rng.choice(WORDS["verbs"]), rng.choice(objects)
        roll = rng.random()
        if roll < 0.4:
            quarter = rng.randint((doc.date.month - 1) // 3 + 1, 4)
            deadline, when = f"{year}-Q{quarter}", f"hoàn thành trong quý {_QUARTERS[quarter - 1]} năm {year}"
        elif roll < 0.8:
            month = rng.randint(doc.date.month, 12)
            deadline, when = f"{year}-{month:02d}", f"hoàn thành trong tháng {month:02d}/{year}"
        else:
            deadline, when = "R/P3M", "báo cáo kết quả định kỳ hằng quý"
        task: dict[str, object] = {"lead": [doc.issuer["id"]], "deadline": deadline}
        if rng.random() < 0.5:
            count, (unit, event) = rng.randint(2, 12), rng.choice(_TARGETS)
            task["task"] = f"Tổ chức {count:02d} {event} về {obj}, {when}."
            task["targets"] = [{"count": count, "unit": unit}]
        else:
            task["task"] = f"{capitalize(verb)} {obj}, {when}."
        if any(earlier["task"] == task["task"] for earlier in tasks):
            continue  # the same sentence twice is one task twice, which Loa refuses (task.duplicate)
        tasks.append(task)
    return tasks


def tasks_front_matter(tasks: Sequence[dict[str, object]], doc: Doc) -> list[str]:
    """Return the front-matter lines of ``tasks`` (none when there are no tasks)."""
    if not tasks:
        return []
    lines = ["tasks:"]
    for task in tasks:
        lines.append(f"  - task: {json.dumps(task['task'], ensure_ascii=False)}")
        lines.append(f"    lead: {json.dumps(task['lead'], ensure_ascii=False)}")
        lines.append(f"    deadline: {json.dumps(task['deadline'])}")
        if "targets" in task:
            lines.append(f"    targets: {json.dumps(task['targets'], ensure_ascii=False)}")
    return lines


def with_citations_and_tasks(body: str, cited: Sequence[Doc], tasks: Sequence[dict[str, object]]) -> str:
    """Return ``body`` with a paragraph citing ``cited`` after its opening and the tasks before its closing."""
    intro, _, rest = body.partition("\n\n")
    main, _, closing = rest.rpartition("\n\n")
    parts = [intro]
    if cited:
        parts.append(f"Căn cứ {'; '.join(_citation(d) for d in cited)}.")
    parts.append(main)
    if tasks:
        items = "\n".join(f"- {task['task']}" for task in tasks)
        parts.append(f"**Nhiệm vụ trọng tâm:**\n\n{items}")
    parts.append(closing)
    return "\n\n".join(p for p in parts if p)
