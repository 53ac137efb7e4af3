"""The search index the core writes: what it holds, where each term lives, and that it is reproducible."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from loa.core.model.document import Document, PartialDate, doc_type_by_name
from loa.core.model.registry import Issuer
from loa.core.outputs.search import SearchEntry, SearchIndexWriter, _collapse, html_text, search_entries
from loa.core.outputs.search_process import SearchIndexError, SearchIndexProcess
from loa.core.text.normalize import tokens

ISSUERS = {"thi-uy-sa-pa": Issuer("thi-uy-sa-pa", "Thị ủy Sa Pa", "Thị ủy", "huyen")}


def _load(path: Path) -> object:
    text = path.read_text(encoding="utf-8")
    assert text.startswith('loaSearchData("') and text.endswith(");\n")
    return json.loads(text[text.index(",") + 1 : -3])


def _plan(number: str, day: int, title: str = "tuyên truyền") -> Document:
    return Document(
        path=f"plans/2022/{number}.md",
        src_uri=f"plans/2022/{number}.md",
        kind="plan",
        title=title,
        body="",
        doc_type=doc_type_by_name("Kế hoạch"),
        number=f"{number}-KH/TU",
        issuer="thi-uy-sa-pa",
        date=PartialDate(2022, 3, day),
        topics=("chuyen-de-a",),
    )


def _write(root: Path, texts: dict[int, str]) -> tuple[dict, list[dict[str, list[int]]]]:
    entries = [
        SearchEntry(src_uri=f"p{n}.md", url=f"p{n}/", title=f"Trang {n}", label="Trang")
        for n in range(len(texts))
    ]
    writer = SearchIndexWriter(root, entries)
    for number, text in texts.items():
        writer.add(f"p{number}.md", text)
    manifest = _load(writer.finish())
    shards = [_load(root / manifest["dir"] / "t" / f"{n}.js") for n in range(len(manifest["keys"]))]
    return manifest, shards


def test_html_text_keeps_blocks_apart_and_drops_permalinks():
    html = (
        '<h2 id="a">I. MỤC ĐÍCH<a class="headerlink" href="#a">¶</a></h2>\n<p>Một  hai\u00a0ba</p>'
        "<ul><li>a <b>b</b></li><li> c </li></ul><table><tr><td>x</td><td>y</td></tr></table>"
    )
    assert html_text(html) == "I. MỤC ĐÍCH\nMột hai ba\na b\nc\nx y"
    assert html_text("  ") == ""


def test_white_space_collapses_as_the_regular_expressions_say():
    spaces, breaks = re.compile(r"[ \t\r\f\v\u00a0]+"), re.compile(r" ?\n[ \n]*")
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(
            rng.choice([" ", "  ", "\n", "\t", "\r", "\u00a0", "\v", "\f", "a", "bc", "\u2003"])
            for _ in range(rng.randint(0, 20))
        )
        assert _collapse(text) == breaks.sub("\n", spaces.sub(" ", text)).strip(), repr(text)


def test_every_term_lives_in_the_shard_of_its_longest_key_prefix(tmp_path):
    rng = random.Random(7)
    syllables = [
        "tuyen",
        "truyen",
        "nghi",
        "quyet",
        "dai",
        "hoi",
        "dang",
        "vien",
        "khoa",
        "thuy",
        "hoa",
        "binh",
        "chinh",
        "tri",
        "tu",
        "tuong",
        "so",
        "ke",
        "hoach",
        "85",
        "2022",
    ]
    texts = {
        n: " ".join(rng.choice(syllables) + rng.choice(["", "a", "n", "ng", "nh"]) for _ in range(400))
        for n in range(300)
    }
    manifest, shards = _write(tmp_path, texts)
    keys = manifest["keys"]
    assert keys == sorted(keys) and "" in keys and len(keys) > 3, "big postings are split into several shards"
    for number, shard in enumerate(shards):
        for term in shard:
            longest = max((k for k in keys if term.startswith(k)), key=len)
            assert keys[number] == longest, term
    for number, shard in enumerate(shards):
        written = (tmp_path / manifest["dir"] / "t" / f"{number}.js").read_bytes()
        payload = json.dumps(shard, ensure_ascii=False, separators=(",", ":"))
        assert written == f'loaSearchData("t/{number}",{payload});\n'.encode(), "as json.dumps writes it"
        assert manifest["sizes"][number] == len(written)
    every = {term for shard in shards for term in shard}
    words = {w for text in texts.values() for w in tokens(text)}
    assert words <= every
    assert any(" " in term for term in every), "word pairs are terms too"


def test_postings_give_each_page_its_weight(tmp_path):
    manifest, shards = _write(tmp_path, {0: "nghị quyết đại hội", 1: "đại hội đại hội đại hội", 2: "khác"})
    terms = {term: postings for shard in shards for term, postings in shard.items()}

    def ids(postings):
        return [sum(postings[0 : i + 1 : 2]) for i in range(0, len(postings), 2)]

    assert ids(terms["dai"]) == [0, 1] and ids(terms["dai hoi"]) == [0, 1]
    weights = dict(zip(ids(terms["hoi"]), terms["hoi"][1::2], strict=True))
    assert weights[1] > weights[0] > 0, "three occurrences weigh more than one"
    assert "quyet dai" in terms and "hoi dai" in terms, "word pairs answer quoted phrases"
    assert manifest["docs"] == 3


def test_same_input_gives_the_same_bytes_and_directory(tmp_path):
    texts = {0: "Kế hoạch tuyên truyền", 1: "Đề án số 17-ĐA/TU"}
    first, _ = _write(tmp_path / "a", texts)
    second, _ = _write(tmp_path / "b", dict(reversed(texts.items())))  # pages arrive in another order
    assert first == second

    def files(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert not list((tmp_path / "a").glob(".staging-*"))


def test_entries_newest_first_with_number_keys_and_filters():
    entries = search_entries([_plan("5", 1), _plan("7", 20)], ISSUERS)
    assert [e.number for e in entries] == ["7-KH/TU", "5-KH/TU"]
    newest = entries[0]
    assert (
        newest.number_key == "7khtu" and newest.date == "ngày 20/03/2022" and newest.issuer == "Thị ủy Sa Pa"
    )
    assert dict(newest.facets)["loai"] == (("ke-hoach", "Kế hoạch"),)
    assert dict(newest.facets)["nam"] == (("2022", "2022"),)
    assert newest.shown() == {
        "u": "plans/2022/7/",
        "t": "Kế hoạch tuyên truyền",
        "l": "Kế hoạch",
        "n": "7-KH/TU",
        "i": "Thị ủy Sa Pa",
        "d": "ngày 20/03/2022",
    }


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_the_child_process_writes_what_the_writer_writes(tmp_path):
    pages = {0: "<h2>Kế hoạch</h2><p>tuyên truyền</p>", 1: "<p>Đề án <b>số</b> 17-ĐA/TU</p>", 2: ""}
    entries = [
        SearchEntry(src_uri=f"p{n}.md", url=f"p{n}/", title=f"Trang {n}", label="Trang") for n in pages
    ]
    writer = SearchIndexWriter(tmp_path / "a", entries)
    for number, html in pages.items():
        writer.add(f"p{number}.md", html_text(html))
    writer.finish()
    child = SearchIndexProcess(tmp_path / "b", entries)
    for number, html in pages.items():
        child.add(f"p{number}.md", html)
    child.finish()
    child.wait()
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_a_discarded_child_leaves_nothing(tmp_path):
    child = SearchIndexProcess(
        tmp_path, [SearchEntry(src_uri="p.md", url="p/", title="Trang", label="Trang")]
    )
    child.add("p.md", "<p>một trang</p>")
    child.discard()
    assert list(tmp_path.iterdir()) == []


def test_a_child_that_cannot_write_is_an_error(tmp_path):
    (tmp_path / "search").write_text("not a directory", encoding="utf-8")
    child = SearchIndexProcess(
        tmp_path / "search", [SearchEntry(src_uri="p.md", url="p/", title="T", label="T")]
    )
    child.add("p.md", "<p>một trang</p>")
    child.finish()
    with pytest.raises(SearchIndexError):
        child.wait()
