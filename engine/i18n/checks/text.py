"""Text normalization shared by the checks: what counts as the same letter, space or apostrophe."""

from __future__ import annotations

import re
import unicodedata

SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_APOSTROPHES = str.maketrans({"'": "’", "ʼ": "’", "`": "’"})
_HYPHENS = str.maketrans({"‐": "-", "‑": "-"})
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "ء", "ئ": "ء", "ى": "ي"})
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
ARABIC = re.compile(r"[\u0600-\u06ff]")


def normalize(text: str, lang: str) -> str:
    """``text`` with the variants a matcher should not care about unified.

    Spaces of every kind become one space, apostrophes become ’, hyphens -;
    Arabic loses its vowel marks and tatweel and writes hamza carriers and alef
    forms one way; Russian ё is е.
    """
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).translate(_HYPHENS)
    text = SPACES.sub(" ", text)
    if lang == "ar":
        text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)
    elif lang == "ru":
        text = text.replace("ё", "е").replace("Ё", "Е")
    return text


def digits(text: str) -> str:
    """``text`` with Arabic-Indic digits written as 0–9."""
    return text.translate(_ARABIC_DIGITS)


def shorten(text: str, limit: int = 60) -> str:
    """A one-line excerpt of ``text`` for a message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
