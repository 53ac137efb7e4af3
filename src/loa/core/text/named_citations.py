"""Citations by name rather than number ("Nghị quyết Trung ương 4 khóa XII", "Nghị quyết Đại hội XIII", "Hiến pháp
năm 2013") and aliases a text defines ("(gọi tắt là Đề án 11)") with their later uses.
"""

from __future__ import annotations

import re

from loa.core.text.citation import Citation

__all__ = ["find_aliases", "find_named"]

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


def find_named(text: str, skel: str, numbered: list[Citation]) -> list[Citation]:
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


def find_aliases(text: str, skel: str, cited: list[Citation]) -> list[Citation]:
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
