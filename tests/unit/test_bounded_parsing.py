"""Bounded parsing: hostile YAML in front matter and in data/ is refused quickly, with a Vietnamese diagnostic.

Alias bombs, deep nesting, huge keys and values, control characters written as YAML escapes, values out of their
bounds and paths that leave the content roots; then a fuzzer that mutates a valid plan and checks that loading never
raises and that every file either validates or is described by a diagnostic.
"""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

import pytest
import yaml

from loa.core.loading.catalog import Layout, load_catalog
from loa.core.safety.trust import is_external
from tests.conftest import PLAN_FIELDS, REPO, plan_text, write_files

# Nine levels of nine aliases: about 400 bytes that a composer expands into 9⁹ (387 million) strings.
BOMB = "".join(
    ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n']
    + [f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)]
)
TASK = "Nội dung thử nghiệm."
CHANNELS = "kenh-thu:\n  name: Kênh thử\n  platform: website\n"
ARTICLE = {
    "kind": "article",
    "id": "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427",
    "category": "tin",
    "title": "Tin",
    "summary": "Tóm tắt.",
    "author": "thi-uy-sa-pa",
    "channels": ["kenh-thu"],
    "status": "draft",
    "publish_at": "2025-01-08T08:00:00+07:00",
    "access": "public",
}


def _project(root: Path, files: dict[str, str | bytes]) -> Path:
    for folder in ("content", "plans", "data"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for name in ("issuers.yml", "external.yml"):
        shutil.copy(REPO / "data" / name, root / "data" / name)
    (root / "content" / "index.md").write_text("---\nkind: index\n---\n\n# Trang chủ\n", encoding="utf-8")
    write_files(root, files)
    return root


def _load(root: Path):
    return load_catalog(Layout(root, root / "content", root / "plans", root / "data"))


def _timed_load(root: Path):
    started = time.monotonic()
    catalog = _load(root)
    elapsed = time.monotonic() - started
    assert elapsed < 2, f"loading took {elapsed:.1f} s"
    return catalog


def _codes(catalog, path: str) -> set[str]:
    return {d.code for d in catalog.diagnostics if d.path == path}


def _front(text: str) -> str:
    return f"---\n{text}---\n\n{TASK}\n"


def test_the_bomb_is_small():
    assert 300 < len(BOMB) < 450


@pytest.mark.parametrize(
    ("yaml_text", "codes"),
    [
        (BOMB, {"yaml.anchor", "yaml.alias"}),
        ("place: " + "[" * 10_000 + "]" * 10_000 + "\n", {"yaml.too-deep"}),
        ("place: " + "{a: " * 5_000 + "}" * 5_000 + "\n", {"yaml.too-deep"}),
        ("".join(" " * (2 * i) + f"k{i}:\n" for i in range(200)) + " " * 400 + "v\n", {"yaml.too-deep"}),
        ("? " + "k" * 100_000 + "\n: 1\n", {"yaml.too-long"}),
        ("k" * 5_000 + ": 1\n", {"yaml.syntax"}),
        ("place: '" + "x" * 150_000 + "'\n", {"yaml.too-long"}),
        ("place: " + "9" * 5_000 + "\n", {"yaml.value"}),
        ("place: [" + ", ".join(["0"] * 60_000) + "]\n", {"yaml.too-many"}),
        ("# " + "x" * 300_000 + "\n", {"yaml.too-large"}),
    ],
)
def test_hostile_front_matter_is_refused_quickly(tmp_path, yaml_text, codes):
    root = _project(tmp_path, {"plans/a.md": _front(yaml_text)})
    catalog = _timed_load(root)
    assert not catalog.documents[1:], "the plan is not loaded"
    assert [d.path for d in catalog.documents] == ["content/index.md"]
    assert _codes(catalog, "plans/a.md") == codes
    assert all(not d.message.isascii() and d.line >= 2 for d in catalog.diagnostics)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("!!bool peut-être", "yaml.value"),
        ("!!int mười", "yaml.value"),
        ("!!float 1,5", "yaml.value"),
        ("!!python/object/apply:os.system [echo]", "meta.type"),
        ("!!python/name:os.system x", None),
        ("!!binary aGk=", None),
        ("1e999", None),
        ("0x" + "f" * 38, None),
        ("1:2:3:4:5:6", None),
    ],
)
def test_explicit_tags_never_construct_objects(tmp_path, value, code):
    root = _project(tmp_path, {"plans/a.md": plan_text().replace("place: Sa Pa", f"place: {value}")})
    catalog = _timed_load(root)
    assert [d.code for d in catalog.diagnostics] == ([code] if code else []), [
        d.format() for d in catalog.diagnostics
    ]
    if not code:
        (plan,) = [d for d in catalog.documents if d.path == "plans/a.md"]
        assert isinstance(plan.place, str)


@pytest.mark.parametrize("blank", [" ", "\\u00a0", "\\t \\u3000"])
def test_a_required_field_of_spaces_is_missing(tmp_path, blank):
    article = f"---\n{yaml.safe_dump(ARTICLE, allow_unicode=True)}---\n\nTin.\n".replace(
        "title: Tin", f'title: "{blank}"'
    )
    root = _project(tmp_path, {"data/channels.yml": CHANNELS, "content/tin-bai/a.md": article})
    catalog = _timed_load(root)
    assert [(d.code, d.field) for d in catalog.diagnostics] == [("meta.required", "title")]


@pytest.mark.parametrize(
    ("name", "extra", "code"),
    [
        ("issuers.yml", "\nmoi:\n  name: {a: 1}\n  level: xa\n", "registry.type"),
        ("issuers.yml", "\nmoi:\n  name: Mới\n  level: xa\n  valid_until: 9999-12-31\n", "registry.date"),
        ("issuers.yml", "\nmoi:\n  name: Mới\n  level: xa\n  valid_from: 0001-01-01\n", "registry.date"),
        ("external.yml", "- number: 1-KH/TU\n  issuer: {a: 1}\n", "registry.type"),
        ("external.yml", "- number: 1-KH/TU\n  date: 2021-99-99\n", "registry.date"),
        ("external.yml", "- number: 1-KH/TU\n  date: 0000\n", "registry.date"),
        ("external.yml", "- number: 1-KH/TU\n  date: 99999999999999999999999-01\n", "registry.date"),
        ("external.yml", "- number: 1-KH/TU\n  implements: [[a]]\n", "registry.type"),
        ("channels.yml", "kenh-hai:\n  name: Hai\n  platform: website\n  owner: {a: 1}\n", "registry.entry"),
    ],
)
def test_registry_values_of_the_wrong_shape_are_refused(tmp_path, name, extra, code):
    root = _project(tmp_path, {"data/channels.yml": CHANNELS})
    path = root / "data" / name
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    catalog = _timed_load(root)
    assert [(d.path, d.code) for d in catalog.diagnostics] == [(f"data/{name}", code)]
    assert not catalog.diagnostics[0].message.isascii()


@pytest.mark.parametrize("name", ["issuers.yml", "external.yml", "channels.yml"])
@pytest.mark.parametrize(
    ("extra", "code"),
    [
        (BOMB, "yaml.anchor"),
        ("zz: " + "[" * 10_000 + "]" * 10_000 + "\n", "yaml.too-deep"),
        ("? " + "k" * 100_000 + "\n: 1\n", "yaml.too-long"),
    ],
)
def test_hostile_data_files_are_refused_quickly(tmp_path, name, extra, code):
    root = _project(tmp_path, {})
    path = root / "data" / name
    base = path.read_text(encoding="utf-8") if path.exists() else ""
    if name == "external.yml":
        extra = "- " + extra.replace("\n", "\n  ").rstrip() + "\n"
    path.write_text(base + extra, encoding="utf-8")
    catalog = _timed_load(root)
    assert code in _codes(catalog, f"data/{name}")


@pytest.mark.parametrize(
    "escape",
    [
        "\\x01",
        "\\0",
        "\\e",
        "\\x7f",
        "\\u0085",
        "\\x9b",
        "\\u2028",
        "\\uFEFF",
        "\\uFFFE",
        "\\N",
        "\\L",
        "\\P",
    ],
)
@pytest.mark.parametrize("where", ["value", "key", "list", "data"])
def test_control_characters_written_as_escapes_are_refused(tmp_path, escape, where):
    if where == "data":
        issuers = (REPO / "data" / "issuers.yml").read_text(encoding="utf-8")
        root = _project(tmp_path, {"plans/a.md": plan_text()})
        (root / "data" / "issuers.yml").write_text(
            issuers + f'\nmoi:\n  name: "Đơn vị{escape} mới"\n  level: xa\n', encoding="utf-8"
        )
        path, line = "data/issuers.yml", issuers.count("\n") + 3
    else:
        text = {
            "value": f'place: "Sa{escape} Pa"',
            "key": f'"place{escape}": Sa Pa',
            "list": f'place: Sa Pa\nrecipients: ["Các chi bộ", "Chi bộ{escape}"]',
        }[where]
        plan = plan_text(recipients=None).replace("place: Sa Pa", text)
        root = _project(tmp_path, {"plans/a.md": plan})
        path, line = "plans/a.md", 7 if where == "list" else 6
    catalog = _timed_load(root)
    found = [d for d in catalog.diagnostics if d.code == "yaml.control-char"]
    assert [(d.path, d.line) for d in found] == [(path, line)], [d.format() for d in catalog.diagnostics]
    assert "U+" in found[0].message and "ký tự điều khiển" in found[0].message
    assert catalog.errors
    character = yaml.safe_load(f'"{escape}"')
    assert all(character not in repr(document) for document in catalog.documents), (
        "nothing downstream meets it"
    )


def test_a_lone_surrogate_escape_is_a_syntax_error(tmp_path):
    root = _project(tmp_path, {"plans/a.md": plan_text().replace("place: Sa Pa", 'place: "Sa\\ud800 Pa"')})
    catalog = _timed_load(root)
    (found,) = [d for d in catalog.diagnostics if d.path == "plans/a.md"]
    assert (found.code, found.line) == ("yaml.syntax", 6) and "\\u" in found.message


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"period": "0000"}, "task.period", "period"),
        ({"period": "1000/9999"}, "task.period", "period"),
        ({"period": "2000/2030"}, "task.period", "period"),
        ({"period": 99999}, "task.period", "period"),
        ({"date": "0001-01-01"}, "meta.range", "date"),
        ({"date": "2101"}, "meta.range", "date"),
        ({"publish_at": "9999-12-31T23:59:59-12:00"}, "meta.range", "publish_at"),
        ({"publish_at": "0001-01-01T00:00:00+14:00"}, "meta.range", "publish_at"),
        ({"updated": "0001-01-01"}, "meta.range", "updated"),
        ({"tasks": [{"task": TASK, "deadline": "0000-Q1"}]}, "task.deadline", "tasks.0.deadline"),
        (
            {"tasks": [{"task": TASK, "deadline": "1000-01-01/9999-12-31"}]},
            "task.deadline",
            "tasks.0.deadline",
        ),
        (
            {"tasks": [{"task": TASK, "deadline": "2022-01-01/2099-12-31"}]},
            "task.deadline",
            "tasks.0.deadline",
        ),
        (
            {"tasks": [{"task": TASK, "targets": [{"count": 10**12, "unit": "hội nghị"}]}]},
            "task.target",
            "tasks.0.targets.0",
        ),
        (
            {"tasks": [{"task": TASK, "targets": [{"count": float("nan"), "unit": "hội nghị"}]}]},
            "task.target",
            "tasks.0.targets.0",
        ),
        (
            {"tasks": [{"task": TASK, "targets": [{"count": 1, "unit": "x"} for _ in range(21)]}]},
            "meta.too-many",
            "tasks.0.targets",
        ),
        ({"tasks": [{"task": TASK, "lead": ["thi-uy-sa-pa"] * 51}]}, "meta.too-many", "tasks.0.lead"),
        ({"tasks": [{"task": TASK, "id": str(i)} for i in range(301)]}, "meta.too-many", "tasks"),
        ({"tasks": [{"task": "x" * 6000}]}, "meta.too-long", "tasks.0"),
        ({"budget": {"total": 10**16}}, "budget.field", "budget.total"),
        (
            {"budget": {"total": 10, "lines": [{"source": "x", "amount": 1} for _ in range(51)]}},
            "meta.too-many",
            "budget.lines",
        ),
        ({"budget": {"total": 10, "years": [2022]}}, "budget.field", "budget"),
        ({"budget": {"total": 10, "lines": 5}}, "budget.field", "budget"),
        ({"recipients": ["Chi bộ"] * 201}, "meta.too-many", "recipients"),
        ({"topics": ["a"] * 21}, "meta.too-many", "topics"),
        ({"aliases": ["plans/cu.md"] * 51}, "meta.too-many", "aliases"),
        ({"title": "về việc " * 200}, "meta.too-long", "title"),
    ],
)
def test_every_value_has_a_bound(tmp_path, fields, code, field):
    text = plan_text(**fields)
    root = _project(tmp_path, {"plans/a.md": text})
    catalog = _timed_load(root)
    found = [d for d in catalog.diagnostics if d.path == "plans/a.md"]
    assert [(d.code, d.field) for d in found] == [(code, field)], [d.format() for d in found]
    assert found[0].line >= next(
        i for i, line in enumerate(text.split("\n"), 1) if line.startswith(field.split(".")[0] + ":")
    )
    assert not found[0].message.isascii()
    assert [d.path for d in catalog.documents] == ["content/index.md"]


@pytest.mark.parametrize(
    "value",
    [
        "../mkdocs.yml",
        "../../etc/passwd",
        "images/../../mkdocs.yml",
        "..%2fmkdocs.yml",
        "%2e%2e/mkdocs.yml",
        "images\\..\\..\\mkdocs.yml",
        "C:\\Windows\\win.ini",
        "//evil.example/a.png",
        "~/a.png",
        "images/..",
        "..",
    ],
)
@pytest.mark.parametrize("field", ["cover.src", "related_plans", "aliases", "amends", "replaces"])
def test_paths_cannot_leave_the_content_roots(tmp_path, field, value):
    files: dict[str, str | bytes] = {"data/channels.yml": CHANNELS}
    if field in ("cover.src", "related_plans"):
        fields = {**ARTICLE, "status": "draft"}
        fields |= {"cover": {"src": value, "alt": "Ảnh"}} if field == "cover.src" else {field: [value]}
        path = "content/tin-bai/a.md"
        files[path] = f"---\n{yaml.safe_dump(fields, allow_unicode=True)}---\n\nTin.\n"
    else:
        path = "plans/a.md"
        files[path] = plan_text(**{field: [value]})
    root = _project(tmp_path, files)
    catalog = _timed_load(root)
    found = [d for d in catalog.diagnostics if d.path == path]
    # A cover that a browser would fetch from elsewhere gets the address message (meta.url) instead.
    expected = "meta.url" if field == "cover.src" and is_external(value) else "meta.path"
    assert [d.code for d in found] == [expected], [d.format() for d in found]
    assert found[0].field == (field if field == "cover.src" else f"{field}.0")
    lines = str(files[path]).split("\n")
    start = next(i for i, line in enumerate(lines, 1) if line.startswith(field.split(".")[0] + ":"))
    assert found[0].line == next(
        i for i, line in enumerate(lines, 1) if i > start and line.lstrip().startswith(("src:", "- "))
    )


def test_a_cover_behind_a_symlinked_folder_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    article = {**ARTICLE, "cover": {"src": "images/a.png", "alt": "Ảnh"}}
    root = _project(
        tmp_path / "p",
        {
            "data/channels.yml": CHANNELS,
            "content/tin-bai/a.md": f"---\n{yaml.safe_dump(article, allow_unicode=True)}---\n\nTin.\n",
        },
    )
    (root / "content" / "images").symlink_to(outside)
    catalog = _timed_load(root)
    assert {d.code for d in catalog.diagnostics} == {"file.symlink", "meta.path"}


# Fuzzing: a valid plan with tasks and a budget, mutated at random (fixed seed, bounded in time).
FUZZ_PLAN = {
    **PLAN_FIELDS,
    "period": "2022/2023",
    "tasks": [
        {
            "task": TASK,
            "lead": ["thi-uy-sa-pa"],
            "deadline": "2022-Q2",
            "targets": [{"count": 5, "unit": "hội nghị"}],
        }
    ],
    "budget": {"total": 100, "lines": [{"source": "Ngân sách", "amount": 100}], "years": {2022: 50}},
}
WEIRD = [
    None,
    True,
    False,
    0,
    -1,
    -(10**6),
    10**30,
    1.5,
    -0.5,
    float("nan"),
    float("inf"),
    float("-inf"),
    "",
    " ",
    "\u00a0",
    "x" * 3000,
    [],
    {},
    [[[]]],
    {"a": {"b": [1]}},
    "2022-02-30",
    "0000-01-01",
    "99999-01-01",
    "2022-13",
    "0000",
    "1000/9999",
    "2022/2021",
    "R/P1M",
    "2022-Q5",
    "../mkdocs.yml",
    "/etc/passwd",
    "..%2f",
    "C:\\x",
    "\x01",
    "\x1b[31m",
    "\u0085",
    "\u202e",
    "\ufeff",
    "Kế hoạch",
    "thi-uy-sa-pa",
    "published",
    "2022-03-15",
    "2022-03-16T08:00:00+07:00",
    "9999-12-31T23:59:59-12:00",
    "<script>alert(1)</script>",
    "*a",
    "&a",
    "{",
    "[",
]
RAW = [
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\t",
    b"\r",
    b"'",
    b'"',
    b":",
    b"- ",
    b"&a ",
    b"*a ",
    b"!!python/object ",
    b"%",
    b"{",
    b"[",
    b"!!bool ",
    b"!!int ",
    b"!!float ",
    b"!!str ",
    b"\n---\n",
    b"\n  ",
    b"\\",
    b'"\\x01"',
    b'"\\ud800"',
    b"? ",
    b"|\n",
    b"\xe2\x80\xae",
]


def _mutate_value(rng: random.Random, data: object, depth: int = 0) -> object:
    """Replace one value somewhere in ``data`` (a key, a field or an item) with a weird one."""
    if isinstance(data, dict) and data and depth < 4:
        key = rng.choice(list(data))
        if rng.random() < 0.1:
            return {
                **{k: v for k, v in data.items() if k != key},
                rng.choice(["", "x" * 300, 7, "kind"]): data[key],
            }
        return {**data, key: _mutate_value(rng, data[key], depth + 1)}
    if isinstance(data, list) and data and depth < 4:
        index = rng.randrange(len(data))
        return [*data[:index], _mutate_value(rng, data[index], depth + 1), *data[index + 1 :]]
    return rng.choice(WEIRD)


def _fuzzed_file(rng: random.Random, index: int) -> bytes:
    data: object = {**FUZZ_PLAN, "number": f"{index + 1}-KH/TU"}
    for _ in range(rng.randint(1, 3)):
        data = _mutate_value(rng, data)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    raw = f"---\n{text}---\n\n{TASK}\n".encode()
    for _ in range(rng.randint(0, 2)):
        where = rng.randrange(len(raw))
        choice = rng.random()
        if choice < 0.15:
            raw = raw[:where]
        elif choice < 0.3:
            raw = raw[:where] + raw[where + rng.randint(1, 20) :]
        elif choice < 0.4:
            raw = raw[:where] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 4))) + raw[where:]
        else:
            raw = raw[:where] + rng.choice(RAW) + raw[where:]
    return raw


def fuzz_corpus(seed: int, count: int) -> dict[str, bytes]:
    """``count`` mutated plans, as files of a project."""
    rng = random.Random(seed)
    return {f"plans/f{index:03d}.md": _fuzzed_file(rng, index) for index in range(count)}


def test_fuzzed_plans_never_crash_the_loader(tmp_path):
    started = time.monotonic()
    outcomes = {"valid": 0, "refused": 0}
    for seed in range(100):
        if time.monotonic() - started > 3 and seed >= 3:
            break
        files = fuzz_corpus(seed, 40)
        root = _project(tmp_path / str(seed), files)
        catalog = _load(root)
        loaded = {d.path for d in catalog.documents}
        for path in files:
            mine = [d for d in catalog.diagnostics if d.path == path]
            assert path in loaded or mine, f"{path} is neither loaded nor described: {files[path]!r}"
            outcomes["valid" if path in loaded else "refused"] += 1
            for diagnostic in mine:
                assert diagnostic.line >= 0 and diagnostic.code
                assert not diagnostic.message.isascii(), diagnostic.format()
                assert "Traceback" not in diagnostic.message
    assert outcomes["refused"] > 0 and outcomes["valid"] > 0, outcomes


def test_front_matter_of_comments_only_is_read_as_empty(tmp_path):
    root = _project(tmp_path, {"plans/a.md": "---\n# chỉ có chú thích\n---\n\nNội dung.\n"})
    catalog = _timed_load(root)
    assert {d.code for d in catalog.diagnostics} == {"meta.required"}


SWAPS = [
    None,
    True,
    False,
    0,
    -1,
    10**30,
    -0.5,
    float("nan"),
    float("inf"),
    "",
    "2022-02-30",
    "0000-01-01",
    "99999-01-01",
    [],
    {},
    [None],
    {"a": None},
    "x" * 2000,
]


def _every_swap(fields: dict[str, object]) -> list[dict[str, object]]:
    """``fields`` with one value (top-level or one level down) replaced by each of `SWAPS` in turn."""
    variants = []
    for key, value in fields.items():
        inner = list(value) if isinstance(value, dict) else [None]
        for sub in inner:
            for swap in SWAPS:
                if sub is None:
                    variants.append({**fields, key: swap})
                else:
                    assert isinstance(value, dict)
                    variants.append({**fields, key: {**value, sub: swap}})
    return variants


def test_a_type_swap_in_every_field_is_loaded_or_described(tmp_path):
    article = {**ARTICLE, "cover": {"src": "images/a.png", "alt": "Ảnh"}, "topics": ["chu-de"]}
    files: dict[str, str | bytes] = {
        "data/channels.yml": CHANNELS,
        "content/images/a.png": b"\x89PNG\r\n\x1a\n",
        "content/chuyen-de/chu-de.md": "---\nkind: topic\ntitle: Chủ đề\n---\n\nChủ đề.\n",
    }
    for index, fields in enumerate(_every_swap({**FUZZ_PLAN, "number": "1-KH/TU"})):
        fields = {**fields, "number": f"{index + 1}-KH/TU"} if fields.get("number") == "1-KH/TU" else fields
        files[f"plans/p{index:04d}.md"] = f"---\n{yaml.safe_dump(fields, allow_unicode=True)}---\n\n{TASK}\n"
    for index, fields in enumerate(_every_swap(article)):
        fields = (
            {**fields, "id": f"urn:uuid:1b4e28ba-2fa1-11d2-883f-{index:012d}"} if fields.get("id") else fields
        )
        files[f"content/tin-bai/t{index:04d}.md"] = (
            f"---\n{yaml.safe_dump(fields, allow_unicode=True)}---\n\nTin.\n"
        )
    root = _project(tmp_path, files)
    catalog = _timed_load(root)
    loaded = {d.path for d in catalog.documents}
    described = {d.path for d in catalog.diagnostics}
    documents = [name for name in files if name.endswith(".md")]
    assert len(documents) > 500
    assert [name for name in documents if name not in loaded | described] == []
    assert all(not d.message.isascii() and d.line >= 0 for d in catalog.diagnostics)


@pytest.mark.parametrize("name", ["issuers.yml", "external.yml", "channels.yml"])
@pytest.mark.parametrize(
    ("tail", "code", "line"),
    [(b"\nmoi: \xff\n", "file.encoding", -1), (b"\n#" + b"x" * 900_000 + b"\n", "yaml.too-large", 0)],
)
def test_data_files_that_cannot_be_read_are_described(tmp_path, name, tail, code, line):
    root = _project(tmp_path, {"data/channels.yml": CHANNELS})
    path = root / "data" / name
    text = path.read_bytes()
    path.write_bytes(text + tail)
    catalog = _timed_load(root)
    found = [d for d in catalog.diagnostics if d.path == f"data/{name}"]
    assert [(d.code, d.line) for d in found] == [(code, text.count(b"\n") + 2 if line < 0 else line)]
