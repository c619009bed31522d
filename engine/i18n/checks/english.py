"""English left in a translation: Latin-script words in Russian, Arabic and Chinese; English words
and copied runs of the English in French and Spanish. Names and codes on the allow-list
(``keep_as_is`` in ``locales/terminology.yaml``), URLs, e-mail addresses, document symbols,
Roman numerals and reference letters are not English left over.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from engine.i18n import _
from engine.i18n.checks.catalog import Unit
from engine.i18n.checks.context import Context, Problem
from engine.i18n.checks.text import normalize

_URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+")
_SYMBOL = re.compile(r"\b[A-Z][A-Za-z.]*(?:/[\w.()-]+)+")
_LABEL = re.compile(r"(?<!\w)[(（]?(?:[a-z]|[ivx]{2,5})[)）]")
_ROMAN = re.compile(r"(?<![\w.])(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?!\w)")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*[A-Za-z]|[A-Za-z]")
_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
_LOWER_WORD = re.compile(r"[a-z’'-]+")
RUN = 4
"""Consecutive words of the English found unchanged in a French or Spanish translation that count as English left."""


def _without_allowed(text: str, context: Context) -> str:
    for phrase in sorted(context.terminology.keep_as_is, key=len, reverse=True):
        text = text.replace(phrase, " ")
    for pattern in (_URL, _SYMBOL, _LABEL, _ROMAN):
        text = pattern.sub(" ", text)
    return text


def _copied_run(source: str, translation: str) -> str | None:
    """A run of :data:`RUN` or more English words found unchanged in the translation."""
    words = [w.casefold() for w in _WORD.findall(source)]
    target = " " + " ".join(w.casefold() for w in _WORD.findall(translation)) + " "
    for start in range(len(words) - RUN + 1):
        run = words[start : start + RUN]
        if all(_LOWER_WORD.fullmatch(w) for w in run) and f" {' '.join(run)} " in target:
            return " ".join(_WORD.findall(source)[start : start + RUN])
    return None


def check(unit: Unit, context: Context) -> Iterator[Problem]:
    translation = _without_allowed(normalize(unit.translation, context.lang), context)
    if not context.style.latin_script:
        words = list(dict.fromkeys(_LATIN_WORD.findall(translation)))
        words = [w for w in words if len(w) > 1]
        if words:
            yield Problem(
                "english",
                _(
                    "Latin-script words left in the translation: {words} (only the names and codes of keep_as_is in "
                    "locales/terminology.yaml stay as they are)"
                ).format(words=", ".join(words[:8])),
            )
        return
    source = _without_allowed(normalize(unit.source, "en"), context)
    markers = [w for w in dict.fromkeys(_WORD.findall(translation)) if w.casefold() in context.style.markers and w.isascii()]
    if markers:
        yield Problem("english", _("English words in the translation: {words}").format(words=", ".join(markers[:8])))
    run = _copied_run(source, translation)
    if run and not markers:
        yield Problem("english", _("English copied unchanged: “{run}”").format(run=run))
    elif not markers and len(_LATIN_WORD.findall(source)) > 1 and " ".join(source.split()) == " ".join(translation.split()):
        yield Problem("english", _("the translation is the English text"))
