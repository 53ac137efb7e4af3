"""Share cards: the 1200×630 image social networks show for a page that has no cover of its own.

The font (Roboto, from the ``font-roboto`` package) has every Vietnamese letter, so the title renders with its
diacritics. The same title gives the same PNG bytes.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import font_roboto
from PIL import Image, ImageDraw, ImageFont

__all__ = ["CARD_SIZE", "render_card"]

CARD_SIZE = (1200, 630)
_FONTS = Path(font_roboto.__file__).resolve().parent / "files"
_BACKGROUND = (139, 26, 26)
_BAND = (196, 160, 52)
_TEXT = (255, 255, 255)
_MUTED = (246, 226, 200)
_MARGIN = 72


@lru_cache(maxsize=8)
def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(_FONTS / f"Roboto-{weight}.ttf"), size)


def render_card(title: str, *, kicker: str, site_name: str) -> bytes:
    """Return a PNG share card.

    Arguments:
        title: The page's (short) title, wrapped over up to five lines.
        kicker: A line above the title, e.g. the category.
        site_name: The site's name, at the bottom.

    Returns:
        PNG bytes, 1200×630.
    """
    image = Image.new("RGB", CARD_SIZE, _BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, CARD_SIZE[1] - 18, CARD_SIZE[0], CARD_SIZE[1]), fill=_BAND)
    draw.text((_MARGIN, 64), kicker.upper(), font=_font("Medium", 34), fill=_MUTED)
    width = CARD_SIZE[0] - 2 * _MARGIN
    for size in (64, 56, 48, 42):
        font = _font("Bold", size)
        lines = _wrap(title, font, width)
        if len(lines) <= 5:
            break
    lines = lines[:5]
    y = 140
    for line in lines:
        draw.text((_MARGIN, y), line, font=font, fill=_TEXT)
        y += int(size * 1.25)
    draw.text((_MARGIN, CARD_SIZE[1] - 92), site_name, font=_font("Regular", 32), fill=_MUTED)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > 5:
        lines = lines[:5]
        lines[-1] = lines[-1].rstrip(",;:") + " …"
    return lines
