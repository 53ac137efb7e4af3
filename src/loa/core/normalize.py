"""Vietnamese text normalisation shared by every part of Loa.

One place decides how Vietnamese text is compared: NFC, look-alike letters, accent folding (đ→d included) and
URL slugs. The search issue extends this module; the browser side must follow the same rules.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "nfc", "slugify"]

# Letters that look like Đ/đ but are other code points (Icelandic eth, African D), as pasted from Word or PDFs.
_LOOKALIKES = str.maketrans({"Ð": "Đ", "Ɖ": "Đ", "ð": "đ", "ɖ": "đ"})
_LOOKALIKE_CHARS = re.compile("[ÐƉðɖ]")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    """Return ``text`` in NFC with look-alike letters replaced by the Vietnamese ones."""
    text = unicodedata.normalize("NFC", text)
    return text.translate(_LOOKALIKES) if _LOOKALIKE_CHARS.search(text) else text


def fold(text: str) -> str:
    """Return ``text`` lower-cased without diacritics, with đ folded to d.

    Examples:
        >>> fold("Nghị quyết Đại hội")
        'nghi quyet dai hoi'
    """
    decomposed = unicodedata.normalize("NFD", nfc(text).casefold().replace("đ", "d"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def slugify(text: str) -> str:
    """Return an ASCII URL slug for Vietnamese ``text``.

    Examples:
        >>> slugify("Thị ủy Sa Pa")
        'thi-uy-sa-pa'
    """
    return _NON_SLUG.sub("-", fold(text)).strip("-")
