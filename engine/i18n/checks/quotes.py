"""Quoted answer labels as the interface shows them, and the language's quotation marks.

``If the answer to question 3 is “Yes”`` quotes an answer: the translation quotes
the interface's label for it (``untoc.po``: “Yes” → « Oui », “Sí”, «Да», «نعم», “是”)
between the language's quotation marks, as many times as the English does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from engine.i18n import _
from engine.i18n.checks.catalog import Unit
from engine.i18n.checks.context import Context, Problem
from engine.i18n.checks.style import Style
from engine.i18n.checks.text import normalize

ENGLISH_LABELS = ("Yes", "Yes, in part", "Yes, under conditions", "No", "Not applicable")
"""The answer labels of the scales, in English (``engine.definition.model.SCALE_LABELS``)."""
_VARIANTS = {"yes in part": "Yes, in part"}
"""Source spellings that stand for a label (the source once writes “Yes in part”)."""
_ENGLISH_QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"")
_ANY_QUOTED = re.compile(r"«([^»]*)»|“([^”]*)”|\"([^\"]*)\"|„([^“”]*)[“”]|「([^」]*)」|‘([^’]*)’")
_QUOTE_CHARACTERS = frozenset('«»“”„"「」‘＂')
_EDGES = " \u00a0\u202f"
_QUOTED_ITEM = re.compile(r"['‘’]\d+['‘’]")
"""An Arabic item reference '1' (for (i)): not a quotation."""


def english_label(quoted: str) -> str | None:
    """The answer label an English quoted text stands for, if any."""
    key = " ".join(quoted.split()).casefold()
    for label in ENGLISH_LABELS:
        if label.casefold() == key:
            return label
    return _VARIANTS.get(key)


def quoted_texts(text: str, pattern: re.Pattern[str] = _ANY_QUOTED) -> list[str]:
    return [next(group for group in match.groups() if group is not None).strip(_EDGES) for match in pattern.finditer(text)]


def form(label: str, style: Style) -> str:
    """A label between the language's quotation marks: ``« Oui »`` (with U+202F in French)."""
    return f"{style.quotes[0]}{style.quote_space}{label}{style.quote_space}{style.quotes[1]}"


def check(unit: Unit, context: Context) -> Iterator[Problem]:
    yield from _check_labels(unit, context)
    yield from _check_marks(unit.translation, context.style)


def _check_labels(unit: Unit, context: Context) -> Iterator[Problem]:
    def key(text: str) -> str:
        return normalize(text, context.lang).casefold()

    local = {key(label): label for label in context.labels.values()}
    expected: Counter[str] = Counter()
    english: dict[str, str] = {}
    for quoted in quoted_texts(unit.source, _ENGLISH_QUOTED):
        label = english_label(quoted)
        if label and label in context.labels:
            expected[key(context.labels[label])] += 1
            english[key(context.labels[label])] = label
    found_texts = quoted_texts(unit.translation)
    found = Counter(key(text) for text in found_texts if key(text) in local)
    for missing in sorted(expected - found):
        message = _("the English quotes the answer “{english}”: write {form}, the interface's label").format(
            english=english[missing], form=form(local[missing], context.style)
        )
        others = [text for text in found_texts if key(text) not in local]
        if others:
            message += " " + _("(found: {found})").format(found=", ".join(form(text, context.style) for text in others))
        yield Problem("answer-label", message)
    for extra in sorted(found - expected):
        yield Problem(
            "answer-label", _("{form} is quoted here but the English quotes no such answer").format(form=form(local[extra], context.style))
        )


def _check_marks(text: str, style: Style) -> Iterator[Problem]:
    opening, closing = style.quotes
    text = _QUOTED_ITEM.sub(" ", text)
    if text.count(opening) != text.count(closing) or (opening == closing and text.count(opening) % 2):
        yield Problem("quotes", _("unbalanced quotation marks {opening} {closing}").format(opening=opening, closing=closing))
    inside = re.compile(re.escape(opening) + "[^" + re.escape(closing) + "]*" + re.escape(closing))
    allowed_inside = set(style.secondary_quotes)
    foreign = []
    for match in inside.finditer(text):
        foreign += [ch for ch in match[0][1:-1] if ch in _QUOTE_CHARACTERS and ch not in allowed_inside and ch not in style.quotes]
    outside = inside.sub(" ", text)
    foreign += [ch for ch in outside if ch in _QUOTE_CHARACTERS and ch not in style.quotes]
    if foreign:
        yield Problem(
            "quotes",
            _("quotation marks {found} are not this language's: use {opening}…{closing}").format(
                found=" ".join(dict.fromkeys(foreign)), opening=opening + style.quote_space, closing=style.quote_space + closing
            ),
        )
