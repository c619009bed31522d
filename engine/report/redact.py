"""Anonymity: labels instead of State names, and State names removed from quoted texts."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable


def state_key(name: str) -> str:
    """What makes two spellings the same State: case and spacing do not count."""
    return " ".join(name.split()).casefold()


def anonymous_labels(keys: Iterable[str], rng: random.Random | None = None) -> dict[str, str]:
    """``S001``, ``S002``… for each State, in a random order: a label says nothing of the name, not
    even its place in the alphabet, and differs from one report to the next."""
    shuffled = sorted(set(keys))
    (rng or random.SystemRandom()).shuffle(shuffled)
    width = max(3, len(str(len(shuffled))))
    return {key: f"S{number:0{width}d}" for number, key in enumerate(shuffled, start=1)}


def _is_wide(char: str) -> bool:
    """Scripts written without spaces between words (Chinese, Japanese): no word boundary to look for."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _pattern(name: str) -> str:
    words = name.split()
    body = r"\s+".join(re.escape(word) for word in words)
    start = "" if _is_wide(name[0]) or not name[0].isalnum() else r"(?<!\w)"
    end = "" if _is_wide(name[-1]) or not name[-1].isalnum() else r"(?!\w)"
    return start + body + end


class Redactor:
    """Replaces every State name given (in any case, however spaced) by ``marker``."""

    def __init__(self, names: Iterable[str], marker: str) -> None:
        unique = sorted({" ".join(n.split()) for n in names if n.strip()}, key=len, reverse=True)
        self.marker = marker
        self._pattern = re.compile("|".join(_pattern(n) for n in unique), flags=re.IGNORECASE) if unique else None

    def __call__(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(self.marker.replace("\\", "\\\\"), text)
