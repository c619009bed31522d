"""The same English translated the same way everywhere.

Two kinds of repetition are compared across the catalog:

- messages whose English differs only in quotation marks, apostrophes or spaces
  (``If the answer is "Yes"`` and ``If the answer is “Yes”`` are separate messages
  of the source, but one text);
- sentences: where a message and its translation have as many sentences, the
  sentences are paired, and an English sentence found in several messages must be
  translated alike in all of them.

The most frequent translation is taken as the reference; the others are reported.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from engine.i18n import _
from engine.i18n.checks.catalog import Unit
from engine.i18n.checks.context import Context, Problem
from engine.i18n.checks.text import normalize, shorten

_ENGLISH_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[A-Z“\"(])")
_SENTENCE = {
    "ar": re.compile(r"(?<=[.؟!])\s+"),
    "zh": re.compile(r"(?<=[。？！])"),
}
_LATIN_SENTENCE = re.compile(r"(?<=[.?!…])[\s\u00a0\u202f]+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ«“¿¡(])")


def _key(text: str) -> str:
    """The English with quotation marks, apostrophes and spaces unified."""
    return normalize(text, "en").replace("“", '"').replace("”", '"').strip()


def sentences(text: str, lang: str) -> list[str]:
    pattern = _ENGLISH_SENTENCE if lang == "en" else _SENTENCE.get(lang, _LATIN_SENTENCE)
    return [part for part in pattern.split(text.strip()) if part.strip()]


def _deviations(pairs: list[tuple[Unit, str, str]], lang: str, skip: set[int]) -> Iterator[tuple[Unit, Problem]]:
    """Report the pairs ``(unit, english, translation)`` whose translation is not the most frequent one."""
    counts = Counter(normalize(translation, lang) for _unit, _english, translation in pairs)
    if len(counts) < 2:
        return
    reference = max(counts, key=lambda text: (counts[text], -min(u.line for u, _e, t in pairs if normalize(t, lang) == text)))
    first = min((unit for unit, _english, translation in pairs if normalize(translation, lang) == reference), key=lambda unit: unit.line)
    for unit, english, translation in pairs:
        if normalize(translation, lang) != reference and unit.line not in skip:
            skip.add(unit.line)
            yield (
                unit,
                Problem(
                    "consistency",
                    _("“{english}” is translated “{here}” here but “{there}” at line {line} [{tag}]").format(
                        english=shorten(english), here=shorten(translation), there=shorten(reference), line=first.line, tag=first.tag
                    ),
                ),
            )


def _proportionate(english: str, translation: str, context: Context) -> bool:
    """Whether a translated sentence is about as long as the English one (else the pairing is doubtful)."""
    low, high = context.style.length
    return low * len(english) - context.style.slack <= len(translation) <= high * len(english) + context.style.slack


def check_all(units: list[Unit], context: Context) -> Iterator[tuple[Unit, Problem]]:
    """Problems of consistency across the messages of one catalog, each with the message it is about."""
    reported: set[int] = set()
    whole: dict[str, list[tuple[Unit, str, str]]] = defaultdict(list)
    for unit in units:
        whole[_key(unit.source)].append((unit, unit.source, unit.translation))
    for pairs in whole.values():
        yield from _deviations(pairs, context.lang, reported)
    parts: dict[str, list[tuple[Unit, str, str]]] = defaultdict(list)
    for unit in units:
        english, translated = sentences(unit.source, "en"), sentences(unit.translation, context.lang)
        if len(english) == len(translated) and all(_proportionate(e, t, context) for e, t in zip(english, translated, strict=True)):
            for sentence, translation in zip(english, translated, strict=True):
                if len(sentence.split()) > 1:
                    parts[_key(sentence)].append((unit, sentence, translation))
    for pairs in parts.values():
        if len({_key(unit.source) for unit, _english, _translation in pairs}) > 1:
            yield from _deviations(pairs, context.lang, reported)
