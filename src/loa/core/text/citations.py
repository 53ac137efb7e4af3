"""Detection of citations of other documents in Vietnamese official text.

Detection runs on a *skeleton* of the text: every character lower-cased and stripped of its diacritics (đ→d), one
character for one, so that spans found in the skeleton are spans of the original. This makes detection blind to
NFD input (the text is NFC-normalised first), to tone-mark placement ("khóa"/"khoá") and to case, while the
original text is what gets reported and linked.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from loa.core.text.document_numbers import canonical_number
from loa.core.text.normalize import nfc

__all__ = [
    "SYMBOL_TYPES",
    "TYPE_WORDS",
    "Citation",
    "IssuerNames",
    "canonical_number",
    "detect_citations",
    "skeleton",
]

TYPE_WORDS: dict[str, str] = {
    "ke hoach": "Kế hoạch",
    "de an": "Đề án",
    "huong dan": "Hướng dẫn",
    "chuong trinh": "Chương trình",
    "nghi quyet": "Nghị quyết",
    "chi thi": "Chỉ thị",
    "ket luan": "Kết luận",
    "quy dinh": "Quy định",
    "quyet dinh": "Quyết định",
    "thong bao ket luan": "Thông báo",
    "thong bao": "Thông báo",
    "bao cao": "Báo cáo",
    "cong van": "Công văn",
    "quy che": "Quy chế",
    "nghi dinh": "Nghị định",
    "thong tu": "Thông tư",
    "luat": "Luật",
    "to trinh": "Tờ trình",
    "cong dien": "Công điện",
    "thong tri": "Thông tri",
}
"""Type words as they appear in running text (skeleton form) and the type they name."""

SYMBOL_TYPES: dict[str, str] = {
    "kh": "Kế hoạch",
    "da": "Đề án",
    "hd": "Hướng dẫn",
    "ctr": "Chương trình",
    "nq": "Nghị quyết",
    "ct": "Chỉ thị",
    "kl": "Kết luận",
    "qdi": "Quy định",
    "qd": "Quyết định",
    "tb": "Thông báo",
    "bc": "Báo cáo",
    "cv": "Công văn",
    "qc": "Quy chế",
    "nd": "Nghị định",
    "tt": "Thông tư",
    "ttr": "Tờ trình",
    "cd": "Công điện",
}
"""Abbreviations used in document symbols (skeleton form) and the type they stand for."""

_TYPE = "|".join(sorted(TYPE_WORDS, key=len, reverse=True)).replace(" ", r"\s+")
_ABBR = "|".join(sorted(SYMBOL_TYPES, key=len, reverse=True))
# Party style: 85-KH/TU, 72 - KH/TU, 06- QC/TU, 09-NQ HU, 298 KH/HĐTN, KH/TWĐTN-ĐKT. State style: 01/KH-BTCKN,
# 30/2020/NĐ-CP. The symbol letters must be upper case in the original (checked after matching).
_PARTY = rf"(?P<pn>\d{{1,4}})(?:\s*[-‐‑–—]\s*|\s+)(?P<pa>{_ABBR})(?:\s*/\s*|\s+)(?P<pi>[a-z]{{1,10}}(?:[-‐‑–][a-z]{{1,10}})*)"
_STATE = rf"(?P<sn>\d{{1,5}})(?:\s*/\s*(?P<sy>\d{{4}}))?\s*/\s*(?P<sa>{_ABBR})\s*[-‐‑–]\s*(?P<si>[a-z]{{1,12}}(?:[-‐‑–][a-z0-9]{{1,12}})*)"
# A number without symbol counts only after "số" or before "của" ("Đề án số 11", "Đề án 11 của Thị ủy").
_BARE = r"(?P<bn>(?<=so\s)\d{1,4}|\d{1,4}(?=\s+cua\b))(?![\d/.,-]*\d)(?!\s*[-‐‑–/]\s*[a-z])"
_DATE = (
    r"(?:\s*,?\s*(?:ngay|ban\s+hanh\s+ngay)\s*|\s*,\s*|\s+)"
    r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{2} ?\d{2})(?!\d)"
    r"|(?P<ld>\d{1,2})\s+thang\s+(?P<lm>\d{1,2})\s+nam\s+(?P<ly>\d{4}))"
)
# The number comes first in the pattern (a digit is cheap to look for); the type word before it is matched on a
# short window behind the number.
# Công văn and other State papers without a type abbreviation: 123/UBND-VP (only after a type word).
_GENERIC = r"(?P<gn>\d{1,5})\s*/\s*(?P<gs>[a-z]{2,10}(?:[-‐‑–][a-z0-9]{1,10})+)"
_NUMBERED = re.compile(rf"(?=\d)(?<![\w/.-])(?:{_PARTY}|{_STATE}|{_GENERIC}|{_BARE})(?:{_DATE})?")
_BEFORE = re.compile(rf"(?:(?P<type>{_TYPE})\s+(?:so\s+)?|(?<![\w/-])so\s+)$")
_OF = re.compile(r"\s*,?\s*(?:\(\s*khoa\s+[ivxl]+\s*\)\s*)?cua\s+")
_KHOA = re.compile(r"\s*,?\s*\(?\s*khoa\s+(?P<term>[ivxl]+)\b\s*\)?")
_ALIAS = re.compile(r"\(\s*(?:sau\s+day\s+)?(?:goi|viet)\s+tat\s+la\s+(?P<alias>[^)]{2,60}?)\s*\)")
_NAMED = re.compile(
    r"nghi\s+quyet\s+(?:hoi\s+nghi\s+)?(?:lan\s+thu\s+(?P<ord>[a-z]+)\s*,?\s*(?:ban\s+chap\s+hanh\s+)?|"
    r"(?:ban\s+chap\s+hanh\s+)?)trung\s+uong\s*(?:dang\s+)?(?P<num>\d{1,2})?\s*\(?\s*khoa\s+(?P<term>[ivxl]+)\b"
    r"(?:\s*,\s*(?P<term2>[ivxl]+)\b)?"
    r"|nghi\s+quyet\s+dai\s+hoi\s+(?:dai\s+bieu\s+toan\s+quoc\s+lan\s+thu\s+)?(?P<congress>[ivxl]+)\b(?!\s*cua\s+dang\s+bo)"
    r"(?:\s*,\s*(?P<congress2>[ivxl]+)\b)?"
    r"|nghi\s+quyet\s+dai\s+hoi\s+(?:dai\s+bieu\s+)?dang\s+bo\s+(?P<local>(?:tinh|thi\s+xa|huyen|thanh\s+pho|xa|phuong)"
    r"(?:\s+[a-z]+){1,3}?)\s+lan\s+thu\s+(?P<local_term>[ivxl]+)\b"
    r"|hien\s+phap\s+nam\s+(?P<constitution>\d{4})"
)
_ORDINALS = {
    "nhat": 1,
    "hai": 2,
    "ba": 3,
    "tu": 4,
    "nam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
    "muoi": 10,
}


@dataclass(frozen=True)
class Citation:
    """One mention of another document.

    Attributes:
        start: Offset of the mention in the (NFC) text.
        end: Offset just after it.
        as_written: The mention exactly as written.
        type: Document type (Vietnamese name), from the symbol when the symbol and the type word disagree.
        number: Canonical number (``85-KH/TU``, ``01/KH-BTCKN``, ``11``), or None for a named citation.
        date: Date of the cited document, when the mention gives it.
        issuer_text: The issuing body as the mention names it after "của", or None.
        term: Party term (khóa) given with the mention, as a Roman numeral.
        name: For named citations, a canonical designation such as ``NQ-TW4-XII`` or ``NQ-DH-XIII``.
        issuer: Registry id of the issuer named in the mention, when recognised.
        line: 1-based line of the mention.
    """

    start: int
    end: int
    as_written: str
    type: str | None
    number: str | None
    date: dt.date | None = None
    issuer_text: str | None = None
    term: str | None = None
    name: str | None = None
    issuer: str | None = None
    line: int = 1

    @property
    def key(self) -> str:
        """A key identifying the cited document as far as the mention allows (aliases keep their own key)."""
        if self.name and self.name.startswith("alias:"):
            return self.name
        return self.number or self.name or self.as_written


def skeleton(text: str) -> str:
    """Return ``text`` lower-cased without diacritics, with exactly one character per input character."""
    # Fast path, all in C: decompose, drop the combining marks. It keeps one character per character for NFC
    # Vietnamese; anything else (Hangul, special casings) takes the table.
    fast = _MARKS.sub("", unicodedata.normalize("NFD", text)).lower().replace("đ", "d")
    return fast if len(fast) == len(text) else text.translate(_SKELETON)


def _skeleton_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    if ord(char) < 128:
        return char.lower()
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if len(base) == 1 else char


# Latin letters with diacritics live below U+0250 and in Latin Extended Additional (U+1E00–U+1EFF).
_SKELETON = {
    code: mapped
    for code in (*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00))
    if (mapped := _skeleton_char(chr(code))) != chr(code)
}
_MARKS = re.compile("[\u0300-\u036f]")
_HINT = re.compile(r"\d|nghi\s+quyet|hien\s+phap")


def detect_citations(
    text: str, *, own_number: str | None = None, names: IssuerNames | None = None
) -> list[Citation]:
    """Find every citation of another document in ``text``.

    Arguments:
        text: Document text (Markdown or plain); normalised to NFC first.
        own_number: The document's own number, never reported as a citation of another document.
        names: The registry's issuer names, to recognise "của <body>".

    Returns:
        Citations in order of appearance.
    """
    text = nfc(text)
    skel = skeleton(text)
    if not _HINT.search(skel):
        return []
    own = canonical_number(own_number).casefold() if own_number else None
    found = [
        c
        for c in _numbered(text, skel, names or _NO_NAMES)
        if not (own and c.number and c.number.casefold() == own)
    ]
    found += _named(text, skel, found)
    found += _aliases(text, skel, found)
    found.sort(key=lambda c: c.start)
    return found


def _numbered(text: str, skel: str, names: IssuerNames) -> Iterator[Citation]:
    for match in _NUMBERED.finditer(skel):
        number = _number_of(match, text)
        if number is None:
            continue
        window = max(0, match.start() - 40)
        before = _BEFORE.search(skel, window, match.start())
        type_word = before["type"] if before else None
        # A number without symbol ("Đề án số 11") needs a type word and "số" or "của" to be a citation.
        if (match["bn"] or match["gn"]) and not type_word:
            continue
        start = before.start() if before else match.start()
        symbol_type = SYMBOL_TYPES.get((match["pa"] or match["sa"] or "").lower())
        word_type = TYPE_WORDS.get(" ".join(type_word.split())) if type_word else None
        doc_type = _reconcile_type(word_type, symbol_type)
        end = match.end()
        date = _date_of(match)
        term = None
        khoa = _KHOA.match(skel, end)
        if khoa and not _OF.match(skel, end):
            term, end = khoa["term"].upper(), khoa.end()
        issuer, issuer_id, end = _issuer_after(text, skel, end, names)
        if issuer and not term:
            khoa = _KHOA.match(skel, end)
            if khoa:
                term = khoa["term"].upper()
        yield Citation(
            start,
            end,
            text[start:end],
            doc_type,
            number,
            date,
            issuer,
            term,
            issuer=issuer_id,
            line=text.count("\n", 0, start) + 1,
        )


def _number_of(match: re.Match[str], text: str) -> str | None:
    """Return the canonical number of a match, or None when the symbol is not written in capitals."""
    if match["pn"]:
        abbr = text[match.start("pa") : match.end("pa")]
        issuer = text[match.start("pi") : match.end("pi")]
        if not _is_symbol(abbr) or not issuer.replace("-", "").replace("‐", "").isupper():
            return None
        return canonical_number(f"{match['pn']}-{abbr}/{issuer}")
    if match["sn"]:
        abbr = text[match.start("sa") : match.end("sa")]
        issuer = text[match.start("si") : match.end("si")]
        if not _is_symbol(abbr) or not any(c.isupper() for c in issuer):
            return None
        year = f"/{match['sy']}" if match["sy"] else ""
        return canonical_number(f"{match['sn']}{year}/{abbr}-{issuer}")
    if match["gn"]:
        symbol = text[match.start("gs") : match.end("gs")]
        return canonical_number(f"{match['gn']}/{symbol}") if symbol.replace("-", "").isupper() else None
    return match["bn"]


def _is_symbol(abbr: str) -> bool:
    """Symbols are capitals, except the lower-case tails of QĐi and CTr."""
    return abbr[0].isupper() and (abbr.isupper() or (abbr[-1] in "ir" and abbr[:-1].isupper()))


def _reconcile_type(word_type: str | None, symbol_type: str | None) -> str | None:
    # QĐ is Quyết định in today's rules but older Party rules wrote Quy định with QĐ too: the word decides.
    if symbol_type == "Quyết định" and word_type == "Quy định":
        return word_type
    return symbol_type or word_type


def _date_of(match: re.Match[str]) -> dt.date | None:
    day, month, year = match["d"] or match["ld"], match["m"] or match["lm"], match["y"] or match["ly"]
    if not day:
        return None
    try:
        return dt.date(int(year.replace(" ", "")), int(month), int(day))
    except ValueError:
        return None


class IssuerNames:
    """Recognises issuing bodies named after "của", from the registry's names and aliases.

    Arguments:
        names: (name or alias as written, issuer id) pairs.
    """

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        by_skeleton: dict[str, str] = {}
        for name, issuer in names:
            by_skeleton.setdefault(" ".join(skeleton(nfc(name)).split()), issuer)
        alternatives = sorted(by_skeleton, key=len, reverse=True)
        self._ids = by_skeleton
        body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alternatives) or r"(?!x)x"
        self._pattern = re.compile(rf"(?:{body})(?![\w])")

    def match(self, skel: str, position: int) -> tuple[str, int] | None:
        """Return (issuer id, end) of the longest name starting at ``position``."""
        found = self._pattern.match(skel, position)
        if not found:
            return None
        return self._ids[" ".join(found.group().split())], found.end()


_NO_NAMES = IssuerNames(())
# A plenum ("Hội nghị Trung ương 7 (khóa XII)", "Hội nghị lần thứ Tư, Ban Chấp hành Trung ương Đảng khóa XIII")
# issues in the name of the Central Committee.
_PLENUM = re.compile(
    r"hoi\s+nghi\s+(?:lan\s+thu\s+[a-z]+|trung\s+uong\s+(?:\d{1,2}|lan\s+thu\s+[a-z]+))\s*,?\s*"
)
_BODY_WORDS = frozenset(
    {
        "an",
        "ban",
        "bi",
        "binh",
        "bo",
        "chap",
        "chi",
        "chien",
        "chinh",
        "chuc",
        "cong",
        "cuu",
        "dan",
        "dang",
        "dao",
        "doan",
        "dong",
        "du",
        "duc",
        "giao",
        "hanh",
        "hiep",
        "ho",
        "hoa",
        "hoc",
        "hoi",
        "huyen",
        "khoa",
        "kiem",
        "lao",
        "lich",
        "lien",
        "mat",
        "minh",
        "nghe",
        "nhan",
        "nien",
        "noi",
        "nong",
        "nu",
        "phap",
        "pho",
        "phong",
        "phu",
        "phuong",
        "quan",
        "quoc",
        "san",
        "so",
        "su",
        "tai",
        "tao",
        "te",
        "thanh",
        "the",
        "thi",
        "thong",
        "thu",
        "thuong",
        "tin",
        "tinh",
        "to",
        "toa",
        "tra",
        "tran",
        "tri",
        "truc",
        "trung",
        "truyen",
        "tu",
        "tuong",
        "tuyen",
        "uong",
        "uy",
        "van",
        "vien",
        "vu",
        "xa",
        "y",
    }
)
_CAPITALISED = re.compile(r"\s*[^\s,;:(“\"”.*]+")


def _issuer_after(text: str, skel: str, end: int, names: IssuerNames) -> tuple[str | None, str | None, int]:
    """Return (issuer as written, issuer id, end of mention) for "của <body>" right behind a citation."""
    of = _OF.match(skel, end)
    if not of:
        # "…, ngày 01/11/2012, Hội nghị Trung ương 6 khóa XI": a plenum named without "của".
        of = re.compile(r"\s*,\s*(?=hoi\s+nghi\s+)").match(skel, end)
        if not of or not _PLENUM.match(skel, of.end()):
            return None, None, end
    start = position = of.end()
    plenum = _PLENUM.match(skel, position)
    if plenum:
        position = plenum.end()
        khoa = _KHOA.match(skel, position)
        if khoa:
            position = khoa.end()
            position += len(skel[position:]) - len(skel[position:].lstrip(" ,"))
    issuer_id: str | None
    named = names.match(skel, position)
    following = _CAPITALISED.match(text, named[1]) if named else None
    if named and following and following.group().strip()[0].isupper():
        # "Tỉnh ủy Yên Bái" is not the registry's "Tỉnh ủy": the name goes on, so the body is another one.
        named = None
    if named:
        issuer_id, position = named
    elif plenum:
        # "Hội nghị Trung ương 7" alone: the registry lists "Hội nghị Trung ương" as a name of the committee.
        hit = names.match(skel, start)
        issuer_id, position = (hit[0] if hit else None), plenum.end()
    else:
        # Unknown body: take its name, capitalised words and the words bodies are named with ("Ủy ban nhân dân
        # huyện Bảo Thắng", "Ban Thường vụ Huyện ủy", "Bộ Nội vụ"), up to the first other word or punctuation.
        issuer_id = None
        capitals = 0  # capitalised words in a row just before this one
        for _ in range(12):
            word = _CAPITALISED.match(text, position)
            if not word:
                break
            token = word.group().strip()
            if skeleton(token) == "va":
                # "Sở Văn hóa và Thể thao", "Bộ Thông tin và Truyền thông": "và" inside a name, before a capital.
                following = _CAPITALISED.match(text, word.end())
                if not following or not following.group().strip()[0].isupper():
                    break
            elif not (token[0].isupper() or skeleton(token) in _BODY_WORDS or capitals == 1):
                # A lower-case word goes on a name only as the second syllable of a single capitalised one
                # ("Thể thao", "Giám đốc"), never after a place name ("Sa Pa về …").
                break
            capitals = capitals + 1 if token[0].isupper() else 0
            position = word.end()
    issuer = text[start:position].strip().rstrip(",")
    return (issuer or None), issuer_id, (start + len(text[start:position].rstrip(" ,")) if issuer else end)


def _named(text: str, skel: str, numbered: list[Citation]) -> list[Citation]:
    taken = [(c.start, c.end) for c in numbered]
    found = []
    for match in _NAMED.finditer(skel):
        if any(s <= match.start() < e for s, e in taken):
            continue
        line = text.count("\n", 0, match.start()) + 1
        as_written = text[match.start() : match.end()]
        if match["constitution"]:
            found.append(
                Citation(
                    match.start(),
                    match.end(),
                    as_written,
                    "Hiến pháp",
                    None,
                    name=f"HP-{match['constitution']}",
                    line=line,
                )
            )
            continue
        if match["local"]:
            place = "-".join(match["local"].split()).upper()
            found.append(
                Citation(
                    match.start(),
                    match.end(),
                    as_written,
                    "Nghị quyết",
                    None,
                    term=match["local_term"].upper(),
                    name=f"NQ-DH-{place}-{match['local_term'].upper()}",
                    line=line,
                )
            )
            continue
        if match["congress"]:
            name = f"NQ-DH-{match['congress'].upper()}"
            if match["congress2"]:
                found.append(
                    Citation(
                        match.start(),
                        match.end(),
                        as_written,
                        "Nghị quyết",
                        None,
                        term=match["congress2"].upper(),
                        name=f"NQ-DH-{match['congress2'].upper()}",
                        line=line,
                    )
                )
        else:
            plenum = match["num"] or str(_ORDINALS.get(match["ord"] or "", "")) or None
            if plenum is None:
                continue
            name = f"NQ-TW{plenum}-{match['term'].upper()}"
            if match["term2"]:
                # "Nghị quyết Trung ương 4 khóa XI, XII" names two resolutions.
                found.append(
                    Citation(
                        match.start(),
                        match.end(),
                        as_written,
                        "Nghị quyết",
                        None,
                        term=match["term2"].upper(),
                        name=f"NQ-TW{plenum}-{match['term2'].upper()}",
                        line=line,
                    )
                )
        found.append(
            Citation(
                match.start(),
                match.end(),
                as_written,
                "Nghị quyết",
                None,
                term=(match["term"] or match["congress"]).upper(),
                name=name,
                line=line,
            )
        )
    return found


def _aliases(text: str, skel: str, cited: list[Citation]) -> list[Citation]:
    """Bind "(gọi tắt là Đề án 11)" to the citation before it, then find the alias's later uses."""
    found = []
    for definition in _ALIAS.finditer(skel):
        before = [c for c in cited if c.end <= definition.start() and c.number]
        if not before:
            continue
        target = before[-1]
        alias = skel[definition.start("alias") : definition.end("alias")].strip()
        first = definition.start("alias")
        found.append(
            Citation(
                first,
                first + len(alias),
                text[first : first + len(alias)],
                target.type,
                target.number,
                target.date,
                target.issuer_text,
                target.term,
                name=f"alias:{alias}",
                issuer=target.issuer,
                line=text.count("\n", 0, first) + 1,
            )
        )
        pattern = re.compile(r"(?<!\w)" + re.escape(alias).replace(r"\ ", r"\s+") + r"(?![\w-])")
        for use in pattern.finditer(skel, definition.end()):
            if any(c.start <= use.start() < c.end for c in cited):
                continue
            found.append(
                Citation(
                    use.start(),
                    use.end(),
                    text[use.start() : use.end()],
                    target.type,
                    target.number,
                    target.date,
                    target.issuer_text,
                    target.term,
                    name=f"alias:{alias}",
                    issuer=target.issuer,
                    line=text.count("\n", 0, use.start()) + 1,
                )
            )
    return found
