"""The signature block ("T/M BAN THƯỜNG VỤ / BÍ THƯ / (Đã ký) / Nguyễn Văn A") and the "Nơi nhận" list of a document."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from loa.core.importing.segments import is_upper
from loa.core.text.skeleton import skeleton

__all__ = [
    "AUTHORITY_PREFIX",
    "LIST_ITEM",
    "RECIPIENTS_LABEL",
    "SignerBlock",
    "read_recipients",
    "read_signer",
]


@dataclass(frozen=True)
class SignerBlock:
    """The signature block, each part as written (upper case kept), prefixes such as T/M and KT. removed."""

    on_behalf: str | None = None
    acting_for: str | None = None
    role: str | None = None
    name: str | None = None
    authority: str | None = None
    """The authority lines exactly as written, prefixes included ("T/M BAN THƯỜNG VỤ")."""


AUTHORITY_PREFIX = re.compile(
    r"^(?P<p>t\s*/\s*m|tm\.|tm(?=\s)|k\s*/\s*t|kt\.|kt(?=\s)|t\s*/\s*l|tl\.|tl(?=\s)|tuq\.?)\s*"
)
_STAMP = re.compile(r"^\(?\s*(?:da\s+ky|ky\s*,|ky\s+ten|ky\s+va|ky,?\s+ghi|da\s+ky\s+va|dau)[^)]*\)?$")
RECIPIENTS_LABEL = re.compile(r"^noi\s+nhan\s*:?\s*")
LIST_ITEM = re.compile(r"^\s*[-+•–]\s*")
# Specific enough not to match a name: "Trương" and "Trưởng" share a skeleton.
_ROLE_WORDS = re.compile(
    r"\b(?:bi\s+thu|chu\s+tich|giam\s+doc|truong\s+(?:ban|phong|khoa|doan|tram|cong\s+an)|"
    r"chanh\s+(?:van\s+phong|an|thanh\s+tra)|uy\s+vien|chu\s+nhiem|tong\s+bien\s+tap|"
    r"thu\s+truong|bo\s+truong|thuong\s+truc|hieu\s+truong|vien\s+truong)\b"
)


def read_signer(tail: list[str]) -> SignerBlock:
    """Read the signature block from the last segments of a document."""
    candidates = [
        part
        for s in tail
        if not LIST_ITEM.match(s) and not RECIPIENTS_LABEL.match(skeleton(s))
        for part in _unmerge(s)
    ]
    start = next((i for i, s in enumerate(candidates) if AUTHORITY_PREFIX.match(skeleton(s))), None)
    if start is None:
        start = next(
            (
                i
                for i, s in enumerate(candidates)
                if is_upper(s) and _ROLE_WORDS.search(skeleton(s)) and len(s) < 60
            ),
            None,
        )
    if start is None:
        return SignerBlock()
    block = candidates[start:]
    on_behalf = acting_for = role = name = None
    authority: list[str] = []
    rest: list[str] = []
    for segment in block:
        skel = skeleton(segment)
        prefix = AUTHORITY_PREFIX.match(skel)
        if prefix and not rest:
            authority.append(segment)
            body = segment[prefix.end() :].strip() or None
            if prefix["p"].startswith("t") and "m" in prefix["p"]:
                on_behalf = body
            else:
                acting_for = body
            continue
        if _STAMP.match(skel):
            continue
        rest.append(segment)
    for segment in rest:
        if role is None and is_upper(segment) and (_ROLE_WORDS.search(skeleton(segment)) or authority):
            role = segment
        elif _looks_like_name(re.sub(r"^(?:Đ/[Cc]|Đồng chí)\s+", "", segment)):
            name = re.sub(r"^(?:Đ/[Cc]|Đồng chí)\s+", "", segment)
    return SignerBlock(on_behalf, acting_for, role, name, "\n".join(authority) or None)


_STAMP_INSIDE = re.compile(r"\(\s*(?:da\s+ky|ky\b)[^)]*\)")
_INNER_PREFIX = re.compile(r"\s(?=(?:kt\.|k\s*/\s*t|tl\.|t\s*/\s*l|tuq\.)\s)")
_ROLE_AT_END = re.compile(
    r"(?:pho\s+)?(?:chu\s+tich|bi\s+thu(?:\s+thuong\s+truc)?|giam\s+doc|truong\s+ban|"
    r"truong\s+phong|chanh\s+van\s+phong|chu\s+nhiem|chanh\s+an|vien\s+truong)$"
)


def _unmerge(segment: str) -> list[str]:
    """Split a signature block that a merged table cell put on one line: authority, role, stamp, name."""
    pieces: list[str] = []
    skel = skeleton(segment)
    bounds = sorted(
        {
            0,
            len(segment),
            *(p for m in _STAMP_INSIDE.finditer(skel) for p in m.span()),
            *(m.start() for m in _INNER_PREFIX.finditer(skel)),
        }
    )
    for start, end in itertools.pairwise(bounds):
        piece = segment[start:end].strip()
        if piece:
            pieces.extend(_split_name(piece))
    out: list[str] = []
    for piece in pieces:
        prefix = AUTHORITY_PREFIX.match(skeleton(piece))
        role = _ROLE_AT_END.search(skeleton(piece))
        if prefix and role and role.start() > prefix.end():
            out.extend((piece[: role.start()].strip(), piece[role.start() :]))
        else:
            out.append(piece)
    return out


def _split_name(piece: str) -> list[str]:
    """ "ỦY BAN NHÂN DÂN CHỦ TỊCH Hà Đức Minh" → the capitals, then the name."""
    words = piece.split()
    for index in range(1, len(words)):
        if not is_upper(words[index - 1]):
            break
        if _looks_like_name(" ".join(words[index:])) and not is_upper(words[index]):
            return [" ".join(words[:index]), " ".join(words[index:])]
    return [piece]


def _looks_like_name(segment: str) -> bool:
    words = segment.split()
    return (
        1 < len(words) <= 6
        and all(w[0].isupper() and w.replace("-", "").isalpha() for w in words)
        and not _ROLE_WORDS.search(skeleton(segment))
    )


def read_recipients(segments: list[str]) -> list[str]:
    items: list[str] = []
    started = False
    for segment in segments:
        skel = skeleton(segment)
        label = RECIPIENTS_LABEL.match(skel)
        if label:
            started = True
            segment = segment[label.end() :].strip()
            skel = skel[label.end() :]
            if not segment:
                continue
        if not started:
            continue
        if LIST_ITEM.match(segment) or skel.startswith("luu") or label:
            # One merged cell may hold the whole list: "- Như trên; - TT Huyện ủy; - Lưu: VT."
            for part in re.split(r"(?<=[;,.])\s+(?=[-+•]\s)", segment):
                item = LIST_ITEM.sub("", part).strip()
                if item:
                    items.append(item)
        elif items and segment[:1].islower():
            items[-1] = f"{items[-1]} {segment.strip()}"
    return [item.rstrip(";,. ").strip() for item in items]
