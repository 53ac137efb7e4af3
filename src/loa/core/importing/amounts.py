"""Numbers and sums of money as Vietnamese plans write them ("1.500.000 đồng", "2,5 tỷ", "năm mươi"), and the
"KINH PHÍ" section they add up to.
"""

from __future__ import annotations

import re
from typing import Any

from loa.core.importing.blocks import Block
from loa.core.text.normalize import nfc
from loa.core.text.skeleton import skeleton

__all__ = ["WORD_DIGITS", "parse_amount", "parse_vietnamese_number", "read_budget"]


WORD_DIGITS = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
_SCALES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
_CURRENCY = {"đ", "đồng", "vnđ", "vnd"}
_NUMERAL = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?|(\d+)\.(\d{1,2})")


def parse_vietnamese_number(text: str) -> int | float | None:
    """Decode a number as Vietnamese writes it: "5.200" → 5200, "1,5" → 1.5, "05" → 5, "1,5 tỷ" → 1500000000,
    "hai mươi lăm" → 25; a trailing "%" or currency word is ignored. None when ``text`` is not a number."""
    total, group, last, seen = 0.0, 0.0, 0.0, False
    for word in nfc(text).lower().replace("%", " ").split():
        word = word.strip(",;:()")
        numeral = _NUMERAL.fullmatch(word.removesuffix("đ"))
        if numeral:
            whole, frac, whole2, frac2 = numeral.groups()
            value = float(f"{(whole or whole2).replace('.', '')}.{frac or frac2 or 0}")
            group, last, seen = group + value, value, True
        elif word in WORD_DIGITS:
            group, last, seen = group + WORD_DIGITS[word], WORD_DIGITS[word] % 10, True
        elif word in ("mươi", "trăm"):
            group, last = group - last + last * (10 if word == "mươi" else 100), 0
        elif word in _SCALES:
            total, group, last = total + (group or 1) * _SCALES[word], 0, 0
        elif word not in ("linh", "lẻ", "chẵn") and word not in _CURRENCY and word:
            return None
    value = total + group
    return None if not seen else int(value) if value == int(value) else round(value, 6)


def parse_amount(text: str) -> int | None:
    """Decode a sum of money: "6.505.490.000đ", "360.000.000 đồng", "1,5 tỷ đồng", "200 triệu"."""
    value = parse_vietnamese_number(re.sub(r"\([^)]*\)", " ", text))
    return round(value) if value is not None else None


_MONEY = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?\s*(?:ty|trieu|nghin|ngan)\b)"
    r"(?:\s*(?:ty|trieu|nghin|ngan)\b)?(?:\s*(?:dong|vnd|d)\b|d(?=\W|$))?"
)
_SOURCE = re.compile(r"ngan\s+sach|xa\s+hoi\s+hoa|nguon|\bvon\b|huy\s+dong|tai\s+tro|dong\s+gop|ung\s+ho")


def read_budget(blocks: list[Block]) -> dict[str, Any]:
    budget: dict[str, Any] = {"total": None, "lines": [], "years": {}}
    for block in blocks:
        previous = block.prefix
        for money in _MONEY.finditer(block.skel):
            cut = max(block.skel.rfind(mark, previous, money.start()) for mark in ",;(")
            parts = block.text[max(cut + 1, previous) : money.start()].strip(" -–").rsplit(":", 1)
            label = parts[-1].strip() or parts[0].strip()
            amount, skel, previous = (
                parse_amount(block.text[money.start() : money.end()]),
                skeleton(label),
                money.end(),
            )
            year = re.search(r"\bnam\s+(\d{4})\b", skel)
            if amount is None or block.text.count("(", 0, money.start()) > block.text.count(
                ")", 0, money.start()
            ):
                continue
            if re.search(r"\btong\b", block.skel[: money.start()]) and budget["total"] is None:
                budget["total"] = amount
            elif year or _SOURCE.search(skel):
                budget["years"].update({year[1]: amount}) if year else budget["lines"].append(
                    {"source": label, "amount": amount}
                )
    return budget
