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


def _is_arabic(char: str) -> bool:
    """Arabic script, where prepositions and conjunctions join the next word ("بالإمارات")."""
    return "\u0600" <= char <= "\u06ff"


def _pattern(name: str) -> str:
    words = name.split()
    body = r"\s+".join(re.escape(word) for word in words)
    start = "" if _is_wide(name[0]) or _is_arabic(name[0]) or not name[0].isalnum() else r"(?<!\w)"
    end = "" if _is_wide(name[-1]) or not name[-1].isalnum() else r"(?!\w)"
    return start + body + end


_GENERIC = """republic république república республика جمهورية kingdom royaume reino королевство المملكة united unis unidos
    соединенное соединенные объединенные المتحدة democratic démocratique democrática демократическая الديمقراطية
    people's peoples populaire popular народная الشعبية federal fédérale federation fédération federación федерация
    федеративная الاتحادية islamic islamique islámica исламская الإسلامية state states état états estado estados
    государство штаты دولة plurinational plurinacional bolivarian bolivariana commonwealth union unión союз اتحاد
    islands îles islas острова جزر saint sainte santa arab arabe árabe арабские العربية north nord norte северная
    south sud sur южная east este восточный west ouest oeste central centrale centro new nouvelle
    nueva great socialist socialiste socialista cooperative independent principality principauté principado
    grand duchy grand-duché sultanate emirate former"""
GENERIC_WORDS = frozenset(_GENERIC.split())
"""Words of official State names that name no State by themselves: not removed alone from quoted texts."""
_WORD_SPLIT = re.compile(r"[\s,()\-–/]+")


def name_terms(name: str) -> set[str]:
    """What removes a State from a text: its name, and each distinctive word of it (four letters or
    more, not a word like "Republic" or "United"), so that "Examplestan" goes with "Republic of
    Examplestan". A name in a script without spaces (Chinese) is taken whole."""
    whole = " ".join(name.split())
    terms = {whole} if whole else set()
    for word in _WORD_SPLIT.split(whole):
        word = word.strip(".'’")
        if len(word) >= 4 and word.casefold() not in GENERIC_WORDS and not _is_wide(word[0]):
            terms.add(word)
    return terms


class Redactor:
    """Replaces every State name given, and each distinctive word of it (see :func:`name_terms`), in
    any case and however spaced, by ``marker``."""

    def __init__(self, names: Iterable[str], marker: str) -> None:
        unique = sorted({term for n in names for term in name_terms(n)}, key=len, reverse=True)
        self.marker = marker
        self._pattern = re.compile("|".join(_pattern(n) for n in unique), flags=re.IGNORECASE) if unique else None

    def __call__(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(self.marker.replace("\\", "\\\\"), text)
