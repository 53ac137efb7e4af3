"""Names of issuing bodies as Vietnamese administrative texts write them, from headers in capitals."""

from __future__ import annotations

import re
from collections.abc import Iterable

from loa.core.text.normalize import canonical_tones
from loa.core.text.skeleton import skeleton

__all__ = ["COMMITTEES", "UNITS", "compose_issuer", "org_name"]

UNITS = ("thi xa", "thanh pho", "thi tran", "tinh", "huyen", "xa", "phuong", "quan")
COMMITTEES = ("tinh uy", "huyen uy", "thi uy", "thanh uy", "dang uy", "quan uy")
_HEADS = (
    "van phong",
    "trung tam",
    "uy ban",
    "hoi dong",
    "chi cuc",
    "mat tran",
    "ban chi dao",
    "ban",
    "so",
    "phong",
    "bo",
    "cuc",
    "hoi",
    "doan",
    "dai",
    "bao",
    "truong",
    "vien",
    "toa an",
    "chi bo",
    "dang bo",
)
_PEOPLES = ("uy ban", "hoi dong", "toa an", "vien kiem sat")
_EXPANSIONS = {
    "ubnd": "ỦY BAN NHÂN DÂN",
    "hdnd": "HỘI ĐỒNG NHÂN DÂN",
    "mttq": "MẶT TRẬN TỔ QUỐC",
    "ubmttq": "ỦY BAN MẶT TRẬN TỔ QUỐC",
    "btg": "BAN TUYÊN GIÁO",
    "bch": "BAN CHẤP HÀNH",
    "lhpn": "LIÊN HIỆP PHỤ NỮ",
}
_SPECIAL = {
    "viet nam": "Việt Nam",
    "to quoc": "Tổ quốc",
    "nhan dan": "nhân dân",
    "lien hiep phu nu": "Liên hiệp Phụ nữ",
}


def org_name(text: str) -> str:
    """Write the name of a body the way Vietnamese administrative texts do, from any casing.

    The first syllable of the name and of each field it covers is capitalised, unit words (tỉnh, huyện, xã…) are
    not, and place names are capitalised throughout.

    Examples:
        >>> org_name("HUYỆN ỦY BẢO THẮNG")
        'Huyện ủy Bảo Thắng'
        >>> org_name("UBND HUYỆN BẢO THẮNG")
        'Ủy ban nhân dân huyện Bảo Thắng'
        >>> org_name("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH LÀO CAI")
        'Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai'
        >>> org_name("BAN TUYÊN GIÁO HUYỆN ỦY")
        'Ban Tuyên giáo Huyện ủy'
    """
    words: list[str] = []
    for word in canonical_tones(" ".join(text.replace(",", " , ").replace(" - ", " - ").split())).split():
        words.extend(_EXPANSIONS.get(skeleton(word), word).split())
    lower = [w.lower() for w in words]
    skel = [skeleton(w) for w in words]
    out: list[str] = []
    i = 0
    start_field = True
    place = False

    def at(phrases: Iterable[str]) -> str | None:
        for phrase in phrases:
            parts = phrase.split()
            if skel[i : i + len(parts)] == parts:
                return phrase
        return None

    while i < len(words):
        if place:
            out.append(lower[i] if skel[i] in (",", "-") else lower[i].capitalize())
            i += 1
            continue
        committee = at(COMMITTEES)
        if committee:
            # "Huyện ủy Bảo Thắng", "Đảng ủy xã Tả Phìn": the unit word, if any, then the place name.
            out.extend((lower[i].capitalize(), lower[i + 1]))
            i += 2
        unit = at(UNITS)
        if committee or unit:
            size = len(unit.split()) if unit else 0
            out.extend(lower[i : i + size])
            i += size
            place = True
            continue
        special = at(_SPECIAL)
        if special and out:
            size = len(special.split())
            out.append(_SPECIAL[special])
            i += size
            start_field = False
            continue
        head = at(_HEADS) if start_field or not out else None
        if head:
            size = len(head.split())
            phrase = " ".join(lower[i : i + size])
            out.append(phrase[0].upper() + phrase[1:] if not out or start_field else phrase)
            i += size
            if head in _PEOPLES and skel[i : i + 2] == ["nhan", "dan"]:
                out.extend(lower[i : i + 2])
                i += 2
                start_field = False
            else:
                start_field = True
            continue
        if skel[i] in ("va", ",", "-", "&"):
            out.append(lower[i])
            start_field = True
        else:
            out.append(lower[i].capitalize() if start_field else lower[i])
            start_field = False
        i += 1
    return re.sub(r"\s+,", ",", " ".join(out))


def compose_issuer(lines: list[str]) -> str | None:
    """The issuing body from the organisation lines of a header, top-down ("ĐẢNG BỘ TỈNH…", "HUYỆN ỦY…")."""
    if not lines:
        return None
    names = [org_name(line) for line in lines]
    skels = [" ".join(skeleton(n).split()) for n in names]
    last, last_skel = names[-1], skels[-1]
    parent = names[-2] if len(names) > 1 else None
    parent_skel = skels[-2] if len(names) > 1 else ""
    if (
        parent
        and any(last_skel.startswith(u + " ") for u in UNITS)
        and not any(last_skel.startswith(c) for c in COMMITTEES)
    ):
        # "ỦY BAN NHÂN DÂN" over "HUYỆN BẢO THẮNG".
        return f"{parent} {last[0].lower()}{last[1:]}"
    without_committees = re.sub("|".join(rf"\b{c}\b" for c in COMMITTEES), " ", last_skel)
    has_place = any(f" {u} " in f" {without_committees} " for u in UNITS) or any(
        re.search(rf"\b{c}\s+\w", last_skel) for c in COMMITTEES
    )
    if has_place or parent is None:
        return last
    if any(last_skel.endswith(" " + c) for c in COMMITTEES):
        # "BAN TUYÊN GIÁO TỈNH ỦY" under "ĐẢNG BỘ TỈNH LÀO CAI": the place comes from the parent.
        return f"{last} {_place_of(parent, parent_skel)}".strip()
    if parent_skel.startswith("dang bo "):
        return f"{last} {_committee_of(parent_skel, parent)}".strip()
    if any(parent_skel.startswith(c) for c in COMMITTEES):
        return f"{last} {parent}"
    # "SỞ VĂN HÓA VÀ THỂ THAO" under "UBND TỈNH LÀO CAI": the parent's unit and place.
    span = _unit_span(parent_skel)
    return f"{last} {' '.join(parent.split()[span[0] :])}" if span else last


def _unit_span(skel: str) -> tuple[int, int] | None:
    """(index of the unit word, index of the place name) in the words of a name, for its first unit word."""
    for unit in UNITS:
        found = re.search(rf"(?:^|\s){unit}\s", skel + " ")
        if found:
            return len(skel[: found.start()].split()), len(skel[: found.end()].split())
    return None


def _place_of(name: str, skel: str) -> str:
    span = _unit_span(skel)
    return " ".join(name.split()[span[1] :]) if span else ""


def _committee_of(skel: str, name: str) -> str:
    """ "Đảng bộ tỉnh Lào Cai" → "Tỉnh ủy Lào Cai": the committee that leads a Party organisation."""
    units = {
        "tinh": "Tỉnh ủy",
        "huyen": "Huyện ủy",
        "thi xa": "Thị ủy",
        "thanh pho": "Thành ủy",
        "xa": "Đảng ủy xã",
        "phuong": "Đảng ủy phường",
        "thi tran": "Đảng ủy thị trấn",
    }
    rest = skel[len("dang bo ") :]
    for unit, committee in units.items():
        if rest.startswith(unit + " "):
            return f"{committee} {_place_of(name, skel)}"
    return name


def org_style(name: str) -> str:
    """A body's name as written in running text, with UBND and HĐND spelled out and tone marks placed as today.

    Examples:
        >>> org_style("UBND tỉnh Lào Cai")
        'Ủy ban nhân dân tỉnh Lào Cai'
        >>> org_style("Tỉnh uỷ Lào Cai")
        'Tỉnh ủy Lào Cai'
    """
    spelled = {
        "ubnd": "Ủy ban nhân dân",
        "hdnd": "Hội đồng nhân dân",
        "lhpn": "Liên hiệp Phụ nữ",
        "mttq": "Mặt trận Tổ quốc",
    }
    words = [spelled.get(skeleton(word), word) for word in canonical_tones(name).split()]
    return " ".join(words)
