"""Numbers and references: the same digits, Roman numerals and letters, in the language's own style.

The English source writes treaty references ``art. 5, para. 1 (a) (i)`` and
question numbers ``question 3 (a)``. Question numbers are the questionnaire's own
labels and stay ``3 (a)`` in every language; the letters and items of treaty
references take the language's form (see :mod:`.style`). A letter in parentheses
is taken as part of a question number when it follows ``question(s) N`` (and the
list that continues it: ``questions 1 (a), (c) and (d)``); ``(i)``, ``(v)`` and
``(x)`` are items (Roman) after another letter or in running text, letters after
a paragraph number (``paragraph 3 (i)``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from engine.i18n import _
from engine.i18n.checks.catalog import Unit
from engine.i18n.checks.context import Context, Problem
from engine.i18n.checks.style import ABJAD_LETTERS, ARABIC_ORDINALS, CJK_NUMERALS, CJK_ROMANS, ROMANS, Style
from engine.i18n.checks.text import digits, normalize

_ROMAN = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
_ENGLISH = re.compile(
    r"(?P<label>(?<![A-Za-z])\((?P<value>[a-z]|[ivx]{2,5})\))"
    r"|(?P<number>\d+)"
    rf"|(?P<roman>(?<![\w.]){_ROMAN}(?!\w))"
    r"|(?P<word>[A-Za-z][A-Za-z’'-]*\.?)"
    r"|(?P<other>\S)"
)
_CONNECTORS = {"and", "or", "to", ",", "–", "-", "—"}
_QUESTION_WORDS = {"question", "questions"}
_REFERENCE_WORDS = {"para.", "paras.", "paragraph", "paragraphs", "art.", "arts.", "article", "articles", "subparagraph", "subparagraphs"}
_ROMAN_TOKEN = re.compile(rf"(?<![\w.]){_ROMAN}(?!\w)")
_NUMBER = re.compile(r"\d+")
_PREMIER = re.compile(r"\barticle premier\b", re.IGNORECASE)
_CJK_ORDINAL = re.compile(rf"第([{CJK_NUMERALS}]+)(?=[条款项目])")
_QUOTED_DIGITS = re.compile(r"['‘’](\d+)['‘’]")
_ENGLISH_ABBREVIATION = re.compile(r"\bparas?\.\s*[\d(]")
_CYRILLIC_LABEL = re.compile(r"(?<![\w])\(?([а-яё])\)")


@dataclass(frozen=True, slots=True)
class Reference:
    """A letter of the English: ``question`` (part of a question number) or ``provision``; ``roman`` or not."""

    role: str
    value: str
    roman: bool


def english_references(text: str) -> list[Reference]:
    """The letters in parentheses of an English text, each classified."""
    found: list[Reference] = []
    in_question = False
    previous = ""
    for match in _ENGLISH.finditer(text):
        if match["label"]:
            value = match["value"]
            if len(value) > 1:
                roman = True
            elif value in "ivx":
                roman = previous in ("label", "word")
            else:
                roman = False
            found.append(Reference("question" if in_question else "provision", value, roman))
            previous = "label"
        elif match["number"] or match["roman"]:
            previous = "number"
        else:
            token = (match["word"] or match["other"]).lower()
            if token in _CONNECTORS:
                continue
            if token in _QUESTION_WORDS:
                in_question, previous = True, "word"
            else:
                in_question = False
                previous = "reference" if token in _REFERENCE_WORDS else "word"
    return found


def _roman_number(value: str) -> int:
    return ROMANS.index(value) + 1 if value in ROMANS else 0


def expected_keys(references: list[Reference], style: Style) -> Counter[tuple[str, str]]:
    """What the translation must contain, as comparable keys (see :func:`found_keys`)."""
    keys: Counter[tuple[str, str]] = Counter()
    for reference in references:
        if reference.role == "question" or style.provision_letters == "paren":
            keys[("x" if style.provision_letters in ("paren", "latin") else "q", reference.value)] += 1
        elif reference.roman and style.provision_romans in ("quoted", "cjk"):
            keys[("r", str(_roman_number(reference.value)))] += 1
        else:
            keys[("x" if style.provision_letters == "latin" else "p", reference.value)] += 1
    return keys


def _latin_labels(text: str) -> list[str]:
    return [m[1] for m in re.finditer(r"(?<![A-Za-z])[(（]([a-z]|[ivx]{2,5})[)）]", text)]


def _close_labels(text: str) -> list[str]:
    return [m[1] for m in re.finditer(r"(?<![\w(’'])([a-z]|[ivx]{2,5})\)", text)]


def found_keys(text: str, style: Style) -> Counter[tuple[str, str]]:
    """The letters of a translation, as keys comparable with :func:`expected_keys`."""
    keys: Counter[tuple[str, str]] = Counter()
    if style.provision_letters == "paren":
        keys.update(("x", v) for v in _latin_labels(text) + _close_labels(text))
        return keys
    if style.provision_letters == "latin":
        keys.update(("x", v) for v in _latin_labels(text))
    else:
        keys.update(("q", v) for v in _latin_labels(text))
    if style.provision_letters == "close":
        keys.update(("p", v) for v in _close_labels(text))
    elif style.provision_letters == "abjad":
        for match in re.finditer(r"\((هـ|[أابجدهوزحطيكلمنسعفصقرشتثخذض])\)", text):
            letter = "أ" if match[1] == "ا" else ("هـ" if match[1] == "ه" else match[1])
            keys[("p", chr(ord("a") + ABJAD_LETTERS.index(letter)))] += 1
    if style.provision_romans == "quoted":
        keys.update(("r", m[1]) for m in _QUOTED_DIGITS.finditer(digits(text)))
    elif style.provision_romans == "cjk":
        keys.update(("r", str(CJK_ROMANS.index(ch) + 1)) for ch in text if ch in CJK_ROMANS)
        keys.update(("r", str(CJK_NUMERALS.index(m[1]) + 1)) for m in re.finditer(rf"[(（]([{CJK_NUMERALS}])[)）]", text))
    return keys


def render(key: tuple[str, str], style: Style) -> str:
    """How a key is written in the language: ``a)``, ``(أ)``, ``'2'``, ``㈡`` …"""
    kind, value = key
    if kind == "p" and style.provision_letters == "abjad":
        return f"({ABJAD_LETTERS[ord(value) - ord('a')]})"
    if kind == "p":
        return f"{value})"
    if kind == "r" and style.provision_romans == "quoted":
        return f"'{value}'"
    if kind == "r":
        return CJK_ROMANS[int(value) - 1] if 0 < int(value) <= len(CJK_ROMANS) else f"({value})"
    return f"({value})"


def _cjk_number(numeral: str) -> int:
    """一 → 1, 十五 → 15, 二十三 → 23 (enough for article numbers)."""
    if "十" not in numeral:
        return CJK_NUMERALS.index(numeral[0]) + 1 if len(numeral) == 1 else 0
    tens, _sep, units = numeral.partition("十")
    return (CJK_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (CJK_NUMERALS.index(units) + 1 if units else 0)


def numbers(text: str, lang: str) -> Counter[int]:
    """The numbers written in ``text`` (digits; French ``article premier``; Chinese 第五条)."""
    text = digits(text)
    if lang == "ar":
        text = _QUOTED_DIGITS.sub(" ", text)
    found = Counter(int(n) for n in _NUMBER.findall(text))
    if lang == "fr":
        found[1] += len(_PREMIER.findall(text))
    elif lang == "zh":
        found.update(_cjk_number(m[1]) for m in _CJK_ORDINAL.finditer(text))
    return found


def _romans_missing(source: str, target: str, style: Style) -> tuple[list[str], list[str]]:
    """English Roman numerals absent from the translation, and Roman numerals added by it."""
    expected, found = Counter(_ROMAN_TOKEN.findall(source)), Counter(_ROMAN_TOKEN.findall(target))
    if style.roman_numerals == "latin":
        return sorted((expected - found).elements()), sorted((found - expected).elements())
    missing = []
    plain = normalize(target, style.lang)
    for numeral in expected:
        value = ROMANS.index(numeral.lower()) + 1
        if numeral in found:
            continue
        if style.roman_numerals == "arabic":
            alternatives = [normalize(word, "ar") for word in ARABIC_ORDINALS.get(value, ())]
        else:
            alternatives = [CJK_NUMERALS[value - 1]] if value <= len(CJK_NUMERALS) else []
        if not any(word in plain for word in alternatives):
            missing.append(numeral)
    return missing, sorted((found - expected).elements())


def check(unit: Unit, context: Context) -> Iterator[Problem]:
    style = context.style
    yield from _check_numbers(unit, style)
    yield from _check_letters(unit, style)


def _check_numbers(unit: Unit, style: Style) -> Iterator[Problem]:
    expected, found = numbers(unit.source, "en"), numbers(unit.translation, style.lang)
    missing, extra = expected - found, found - expected
    romans_missing, romans_extra = _romans_missing(unit.source, unit.translation, style)
    if missing or romans_missing:
        items = [str(n) for n in sorted(missing.elements())] + romans_missing
        yield Problem("number", _("numbers of the English missing here: {numbers}").format(numbers=", ".join(items)))
    if extra or romans_extra:
        items = [str(n) for n in sorted(extra.elements())] + romans_extra
        yield Problem("number", _("numbers not in the English: {numbers}").format(numbers=", ".join(items)))


def _check_letters(unit: Unit, style: Style) -> Iterator[Problem]:
    expected = expected_keys(english_references(unit.source), style)
    found = found_keys(unit.translation, style)
    missing, extra = expected - found, found - expected
    for key in sorted(missing):
        kind, value = key
        misplaced = ("q", value) if kind == "p" else None
        if misplaced and extra[misplaced]:
            extra[misplaced] -= 1
            yield Problem(
                "reference",
                _(
                    "write the treaty reference letter ({value}) as {form} in this language; ({value}) is kept only in question numbers"
                ).format(value=value, form=render(key, style)),
            )
        else:
            forms = ", ".join([render(key, style)] * missing[key])
            yield Problem("reference", _("reference letters of the English missing here: {forms}").format(forms=forms))
    extra = +extra
    if extra:
        forms = ", ".join(render(key, style) for key in sorted(extra.elements()))
        yield Problem("reference", _("reference letters not in the English: {forms}").format(forms=forms))
    if style.provision_letters == "paren":
        for match in _CYRILLIC_LABEL.finditer(unit.translation):
            yield Problem(
                "reference", _("“{label}” is written with a Cyrillic letter: references use Latin letters").format(label=match[0])
            )
    if style.latin_script and _ENGLISH_ABBREVIATION.search(unit.translation):
        yield Problem("reference", _("English abbreviation para. or paras. in a reference: use the language's own"))
