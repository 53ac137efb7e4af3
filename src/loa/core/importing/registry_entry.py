"""The ``data/issuers.yml`` entry ``loa import`` proposes for an issuer the registry does not know: its id, name,
short name, level, the aliases running text uses and the symbols read from the document's number."""

from __future__ import annotations

import re

from loa.core.text.citation import SYMBOL_TYPES
from loa.core.text.normalize import slugify
from loa.core.text.skeleton import skeleton

__all__ = ["issuer_level", "proposed_entry", "symbols_of"]

# Cities run by the centre are provinces.
_CENTRAL_CITIES = ("ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue")
_BEFORE_PLACE = ("tinh", "pho", "xa", "huyen", "quan", "phuong", "tran", "uy")


def issuer_level(name: str) -> str:
    """trung-uong, tinh, huyen, xa or co-so, from the words of a body's name."""
    skel = " ".join(skeleton(name).split())
    if "trung uong" in skel or skel.startswith(("bo ", "chinh phu", "quoc hoi")):
        return "trung-uong"
    if re.search(r"\b(?:xa|phuong|thi tran)\b(?! hoi)", skel) and not re.search(r"\bthi xa\b", skel):
        return "xa"
    if any(f"thanh pho {city}" in skel or f"thanh uy {city}" in skel for city in _CENTRAL_CITIES):
        return "tinh"
    if re.search(r"\bdang uy khoi\b", skel):
        return "tinh"
    if re.search(r"\b(?:huyen|(?<!co )quan|thi xa|thanh pho|thi uy|thanh uy)\b", skel):
        return "huyen"
    if re.search(r"\b(?:tinh|so|khoi)\b", skel):
        return "tinh"
    return "co-so"


def symbols_of(number: str | None) -> list[str]:
    """The issuer part of a number: HU in 12-KH/HU, UBND in 115/KH-UBND and in 210/UBND-VX."""
    if not number:
        return []
    party = re.fullmatch(r"\d+-[^\W\d_]+/(?P<iss>.+)", number)
    if party:
        return [party["iss"]]
    state = re.fullmatch(r"\d+/(?:\d{4}/)?(?P<a>[^\W\d_]\w*)-(?P<b>.+)", number)
    if state:
        return [state["b"] if skeleton(state["a"]) in SYMBOL_TYPES else state["a"]]
    return []


def _short_name(name: str) -> str | None:
    """ "Huyện ủy Bảo Thắng" → "Huyện ủy", "Ủy ban nhân dân huyện Văn Bàn" → "Ủy ban nhân dân huyện"."""
    words = name.split()
    end = len(words)
    while end > 1 and words[end - 1][:1].isupper() and words[end - 1][1:].islower():
        end -= 1
    if end == len(words) or end < 1 or skeleton(words[end - 1]) not in _BEFORE_PLACE:
        return None
    return " ".join(words[:end])


def _quoted(value: str) -> str:
    return f'"{value}"' if re.search(r"[:#\[\]{},&*!|>'\"%@`]", value) or value != value.strip() else value


def proposed_entry(name: str, number: str | None) -> str:
    """The YAML of a new registry entry for ``name``, to paste into ``data/issuers.yml``."""
    short = _short_name(name)
    lines = [f"{slugify(name)}:", f"  name: {_quoted(name)}"]
    if short:
        lines.append(f"  short_name: {_quoted(short)}")
    lines.append(f"  level: {issuer_level(name)}")
    committee = re.match(r"(?:Tỉnh|Huyện|Thị|Thành|Quận) ủy|Đảng ủy", name)
    if short and committee:
        lines.append(f"  aliases: [{_quoted(short)}, {_quoted('Ban Thường vụ ' + short)}]")
    elif short:
        lines.append(f"  aliases: [{_quoted(short)}]")
    symbols = symbols_of(number)
    if symbols:
        lines.append(f"  symbols: [{', '.join(_quoted(s) for s in symbols)}]")
    return "\n".join(lines)
