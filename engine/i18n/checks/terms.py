"""The official terms of ``locales/terminology.yaml`` and the check that translations use them.

Each entry gives an English term and, per language, the official form with its
status and source; ``match`` lists the patterns that count as the term being used
(default: the form itself). Patterns tolerate what the grammar does to a term:

- ``*`` ends a word that may take any ending: ``организованн* преступн* групп*``;
- ``…`` stands for up to six words (Chinese: up to twelve characters) in between;
- French and Spanish words may take up to three more letters (plurals, agreement);
  Arabic words may carry the conjunctions و ف, the prepositions ب ل ك and the
  article ال in front and up to three letters behind (pronouns, dual, plural), and
  a final ة may become ت or ه; English words may take a plural s;
- the first letter of a form is matched in either case, every other letter as
  written (so « États parties » does not pass for « États Parties »); English is
  matched in any case;
- spaces of every kind, apostrophes, Arabic vowel marks, hamza carriers and
  Russian ё are normalized on both sides (:func:`~engine.i18n.checks.text.normalize`);
- footnote markers (¹, ⁷ …) are left out on both sides: “Firearms Protocol⁷” is the term.

Where the English has a term, the longest one wins (``Firearms Protocol`` is not
also ``firearms``), and the translation must match one of the term's patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from engine.i18n import _
from engine.i18n.checks.catalog import Unit
from engine.i18n.checks.context import Context, Problem
from engine.i18n.checks.markup import FOOTNOTE
from engine.i18n.checks.text import normalize

STATUSES = ("verified", "treaty-text", "un-usage", "candidate", "project")
"""Where a form comes from: seen in a UN text; the authentic treaty text as the author knows it;
UN documents' usage as the author knows it; a likely form not yet confirmed; a decision of this project."""
LANGUAGES = ("ar", "es", "fr", "ru", "zh")
_ARABIC_PREFIX = "(?:[وف])?(?:لل|[بكل]?(?:ال)?)"
_ARABIC_LETTER = "[\u0621-\u064a]"
_ELISION = "(?: (?:[dDlLjJmMnNsStT]’|[qQ]u’)?)"
"""Between two French words: a space, and an elided article or pronoun (pièces et d’éléments)."""


class TerminologyError(Exception):
    """``locales/terminology.yaml`` is missing or malformed (the message says where)."""


@dataclass(frozen=True, slots=True)
class Form:
    """A term in one language: the form to write, the patterns that count as it, and its origin."""

    term: str
    patterns: tuple[re.Pattern[str], ...]
    status: str
    source: str
    checked: bool


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    english: str
    english_patterns: tuple[re.Pattern[str], ...]
    forms: dict[str, Form]
    checked: bool


@dataclass(frozen=True, slots=True)
class Terminology:
    terms: tuple[Term, ...]
    keep_as_is: tuple[str, ...] = ()
    """Names and codes that stay in English in every language (SHERLOC, *mutatis mutandis* …)."""
    by_id: dict[str, Term] = field(default_factory=dict)
    _found: dict[str, list[Term]] = field(default_factory=dict, repr=False, compare=False)

    def in_english(self, text: str) -> list[Term]:
        """The checked terms an English text uses, longest first, none inside another (remembered per text)."""
        if text not in self._found:
            self._found[text] = self._search(text)
        return self._found[text]

    def _search(self, text: str) -> list[Term]:
        normalized = FOOTNOTE.sub("", normalize(text, "en"))
        spans = []
        for term in self.terms:
            if not term.checked:
                continue  # a reference entry must not hide the checked terms inside it
            for pattern in term.english_patterns:
                spans += [(match.start(), match.end(), term) for match in pattern.finditer(normalized)]
        spans.sort(key=lambda span: (span[0] - span[1], span[0]))
        taken: list[tuple[int, int]] = []
        found: dict[str, Term] = {}
        for start, end, term in spans:
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
                found.setdefault(term.id, term)
        return list(found.values())


def _first_letter_either_case(regex: str, pattern: str) -> str:
    """``regex`` with the first letter of ``pattern`` matched in either case."""
    for index, char in enumerate(regex):
        if char.isalpha():
            if char.lower() != char.upper():
                return regex[:index] + f"[{char.lower()}{char.upper()}]" + regex[index + 1 :]
            return regex
    return regex


def _word(word: str, lang: str) -> str:
    parts = []
    for piece in word.split("-"):
        base, star, punctuation = re.fullmatch(r"(.*?)(\*?)([,;:.]*)", piece).groups()  # type: ignore[union-attr]
        if lang == "ar":
            if base.startswith("ال") and len(base) > 4:
                base = base[2:]  # the article is optional, as are the prepositions before it
            base = normalize(base, lang)
            regex = re.escape(base)
            if base.endswith("ة"):
                regex = regex[:-1] + "[ةته]"
            suffix = r"\w*" if star else f"{_ARABIC_LETTER}{{0,3}}"
            parts.append(_ARABIC_PREFIX + regex + suffix + re.escape(punctuation))
            continue
        regex = re.escape(base)
        if star:
            regex += r"\w*"
        elif base[-1:].isalpha():
            regex += {"fr": r"\w{0,3}", "es": r"\w{0,3}", "en": "(?:e?s)?"}.get(lang, "")
        parts.append(regex + re.escape(punctuation))
    return "-".join(parts)


def compile_pattern(pattern: str, lang: str) -> re.Pattern[str]:
    """The regular expression of a terminology pattern in ``lang`` (see the module's docstring)."""
    text = (pattern if lang == "ar" else normalize(pattern, lang)).strip()  # Arabic: the article is read before normalizing
    if lang == "zh":
        return re.compile(".{0,12}?".join(re.escape(piece.replace(" ", "")) for piece in text.split("…")))
    space = _ELISION if lang == "fr" else " "
    pieces = []
    for word in text.split(" "):
        pieces.append(r"(?:\S+ ){0,6}" if word == "…" else _word(word, lang) + "\x00")
    regex = "".join(pieces).rstrip("\x00").replace("\x00", space)
    boundary = "(?<![\\w\u0600-\u06ff])" if lang == "ar" else r"(?<!\w)"
    if lang == "en":
        return re.compile(boundary + regex + r"(?!\w)", re.IGNORECASE)
    return re.compile(boundary + _first_letter_either_case(regex, text) + r"(?!\w)")


def _strings(value: object, where: str) -> list[str]:
    values = value if isinstance(value, list) else [value]
    if not values or not all(isinstance(v, str) and v.strip() for v in values):
        raise TerminologyError(_("{where}: expected text or a list of texts").format(where=where))
    return values


def _form(lang: str, data: object, where: str) -> Form | None:
    if data is None or data == "":
        return None
    if not isinstance(data, dict) or not isinstance(data.get("term"), str):
        raise TerminologyError(_("{where}: a language needs at least “term:”").format(where=where))
    status = data.get("status", "")
    if status not in STATUSES:
        raise TerminologyError(_("{where}: status must be one of {statuses}").format(where=where, statuses=", ".join(STATUSES)))
    try:
        patterns = tuple(compile_pattern(p, lang) for p in _strings(data.get("match", data["term"]), where))
    except re.error as error:
        raise TerminologyError(_("{where}: a pattern cannot be read: {reason}").format(where=where, reason=error)) from None
    return Form(data["term"], patterns, status, str(data.get("source", "")), str(data.get("check", "true")).lower() != "false")


def load_terminology(path: Path) -> Terminology:
    """Read and compile ``locales/terminology.yaml``."""
    from engine.strict_yaml import YamlError, load_path, to_python

    try:
        data = to_python(load_path(path))
    except YamlError as error:
        raise TerminologyError(f"{path}:{error.mark.line}:{error.mark.column}: {error.message}") from None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise TerminologyError(_("{path}: expected a mapping with a list “terms:”").format(path=path))
    terms = []
    for index, entry in enumerate(data["terms"], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not isinstance(entry.get("en"), str):
            raise TerminologyError(_("{path}: term {index} needs “id:” and “en:”").format(path=path, index=index))
        where = f"{path}: {entry['id']}"
        english = tuple(compile_pattern(p, "en") for p in _strings(entry.get("en_match", entry["en"]), where))
        forms = {lang: form for lang in LANGUAGES if (form := _form(lang, entry.get(lang), f"{where}: {lang}")) is not None}
        terms.append(Term(entry["id"], entry["en"], english, forms, str(entry.get("check", "true")).lower() != "false"))
    keep = tuple(_strings(data.get("keep_as_is") or ["SHERLOC"], f"{path}: keep_as_is"))
    return Terminology(tuple(terms), keep, {term.id: term for term in terms})


def check(unit: Unit, context: Context) -> Iterator[Problem]:
    translation = FOOTNOTE.sub("", normalize(unit.translation, context.lang))  # “Firearms Protocol⁷” ends at the marker
    for term in context.terminology.in_english(unit.source):
        form = term.forms.get(context.lang)
        if not term.checked or form is None or not form.checked:
            continue
        if not any(pattern.search(translation) for pattern in form.patterns):
            yield Problem(
                "terminology",
                _("the English has the term “{english}”: use {term} (locales/terminology.yaml: {id})").format(
                    english=term.english, term=_("“{text}”").format(text=form.term), id=term.id
                ),
            )
