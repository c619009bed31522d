"""The fonts of the exports: the families every format names, and the font files that come with untoc.

HTML and DOCX name the families; the PDF embeds them from the files installed with untoc
(Python packages, see the README's "Dependencies and why"), loaded by WeasyPrint through
``@font-face`` rules, so that no PDF depends on the fonts of the machine that writes it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

LATIN = "Noto Sans"
"""Latin, Cyrillic and Greek (English, French, Spanish, Russian)."""
ARABIC = "Noto Naskh Arabic"
CHINESE = "Noto Sans SC"
SYMBOLS = "untoc Symbols"
"""The few symbols that the text faces lack (☐ ☒ ↳): a subset shipped in ``engine/export/fonts/``."""

FIRST_FAMILY = {"ar": ARABIC, "zh": CHINESE}
"""The family that comes first in a document of that language (its punctuation and digits too)."""
BROWSER_FALLBACKS = ('"Noto Sans CJK SC"', '"DejaVu Sans"', "sans-serif")
"""For the HTML export opened in a browser: names of the same faces as installed by some systems, then any font."""
SYMBOL_FALLBACKS = ('"DejaVu Sans"', '"Segoe UI Symbol"', "sans-serif")
_FOLDER = Path(__file__).resolve().parent / "fonts"


@dataclass(frozen=True, slots=True)
class Face:
    """One font file of a family (variable fonts hold every weight)."""

    family: str
    path: Path
    style: str = "normal"
    weight: str = "100 900"
    """The weights the file serves: all of them for a variable font, ``normal`` or ``bold`` for a static one."""


def families(lang: str) -> tuple[str, ...]:
    """The families of a document in ``lang``, its own script's first, the symbols last."""
    first = FIRST_FAMILY.get(lang, LATIN)
    return (first, *(f for f in (LATIN, ARABIC, CHINESE) if f != first), SYMBOLS)


def css_stack(lang: str) -> str:
    """The CSS ``font-family`` value of a document in ``lang``."""
    return ", ".join([*(f'"{family}"' for family in families(lang)), *BROWSER_FALLBACKS])


def symbol_stack() -> str:
    """The CSS ``font-family`` value of the checkboxes."""
    return ", ".join([f'"{SYMBOLS}"', *SYMBOL_FALLBACKS])


@functools.cache
def faces() -> tuple[Face, ...]:
    """The font files installed with untoc, one or two a family (upright and italic)."""
    import fontpkg
    import pylopdf_fonts_zh_cn

    return (
        Face(LATIN, fontpkg.path(LATIN)),
        Face(LATIN, fontpkg.path(LATIN, style="italic"), "italic"),
        # Static Noto Naskh Arabic 2.004 (package data): the 2.0xx variable releases draw the dots of
        # ت ث ن ي … as glyphs of their own on a shared skeleton, so the text copied or read aloud from a
        # PDF came out as other letters (اسةبيان for استبيان).
        Face(ARABIC, _FOLDER / "NotoNaskhArabic-Regular.ttf", weight="normal"),
        Face(ARABIC, _FOLDER / "NotoNaskhArabic-Bold.ttf", weight="bold"),
        Face(CHINESE, pylopdf_fonts_zh_cn.sans_path()),
        Face(SYMBOLS, _FOLDER / "untoc-symbols.ttf"),
    )


def font_face_css() -> str:
    """``@font-face`` rules that give each family its installed file (``file:`` URLs)."""
    return "\n".join(
        f'@font-face {{ font-family: "{face.family}"; font-style: {face.style}; font-weight: {face.weight}; src: url("{face.path.as_uri()}"); }}'
        for face in faces()
    )


@functools.cache
def coverage(path: Path) -> frozenset[int]:
    """The code points that the font file at ``path`` has a glyph for (its ``cmap``)."""
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())
