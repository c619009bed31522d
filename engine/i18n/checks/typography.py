"""Typography (spaces and punctuation as each language writes them) and length against the English.

- French: a narrow no-break space (U+202F) before ``; : ? !`` and inside « »; ’ for the apostrophe.
- Spanish: a question or exclamation opens with ¿ or ¡.
- Arabic: the Arabic comma, semicolon and question mark ``، ؛ ؟``.
- Chinese: full-width punctuation ``，；：？！。（）`` next to Chinese text.
- Every language: no space before a comma or full stop, no double space, no spaced hyphen for a dash,
  and leading or trailing spaces only where the English has them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from engine.i18n import _
from engine.i18n.checks.catalog import Unit
from engine.i18n.checks.context import Context, Problem
from engine.i18n.checks.style import CJK_NUMERALS

NARROW = "\u202f"
_WRONG_SPACES = frozenset(" \u00a0\u2009")
_URL = re.compile(r"https?://\S+|www\.\S+")
_CJK_CHAR = r"[\u3400-\u9fff\uf900-\ufaff]"
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}


def _without_urls(text: str) -> str:
    return _URL.sub(lambda m: "x" * len(m[0]), text)


def _french(text: str) -> Iterator[Problem]:
    for match in re.finditer(r"[;:?!]", text):
        index = match.start()
        before = text[index - 1] if index else ""
        if match[0] == ":" and index + 1 < len(text) and text[index - 1 : index].isdigit() and text[index + 1].isdigit():
            continue
        if before == NARROW or (before and before in "?!" and match[0] in "?!"):
            continue
        context = text[max(0, index - 12) : index].lstrip()
        if before in _WRONG_SPACES:
            message = _("the space before “{mark}” (after “{context}”) must be a narrow no-break space (U+202F)")
        else:
            message = _("put a narrow no-break space (U+202F) before “{mark}” (after “{context}”)")
        yield Problem("typography", message.format(mark=match[0], context=context))
    for match in re.finditer(r"«(.?)|(.?)»", text):
        inner = match[1] if match[0].startswith("«") else match[2]
        if inner != NARROW:
            yield Problem("typography", _("« and » take a narrow no-break space (U+202F) inside: « text »"))
            break
    if "'" in text:
        yield Problem("typography", _("use the apostrophe ’ instead of '"))


def _spanish(text: str) -> Iterator[Problem]:
    for opening, closing in (("¿", "?"), ("¡", "!")):
        if text.count(opening) != text.count(closing):
            yield Problem(
                "typography", _("{closing} without its {opening} (or the reverse): “¿…?”, “¡…!”").format(opening=opening, closing=closing)
            )


def _arabic(text: str) -> Iterator[Problem]:
    for latin, arabic in ((",", "،"), (";", "؛"), ("?", "؟")):
        for match in re.finditer(re.escape(latin), text):
            if (
                latin == ","
                and 0 < match.start() < len(text) - 1
                and text[match.start() - 1].isdigit()
                and text[match.start() + 1].isdigit()
            ):
                continue
            yield Problem("typography", _("write {arabic} instead of {latin}").format(arabic=arabic, latin=latin))
            break


def _chinese(text: str) -> Iterator[Problem]:
    for latin, full in _FULL_WIDTH.items():
        if latin == ".":
            pattern = rf"(?<={_CJK_CHAR})\.(?=$|{_CJK_CHAR})"
        else:
            pattern = rf"(?<={_CJK_CHAR}){re.escape(latin)}|{re.escape(latin)}(?={_CJK_CHAR})"
        if re.search(pattern, text):
            yield Problem("typography", _("write the full-width {full} instead of {latin} in Chinese text").format(full=full, latin=latin))
    unlabelled = re.sub(rf"\([{CJK_NUMERALS}]\)", "", text)  # (一) for an item (i) is a reference, not text in parentheses
    if re.search(rf"\((?={_CJK_CHAR})|(?<={_CJK_CHAR})\)", unlabelled):
        yield Problem("typography", _("parentheses around Chinese text are full-width: （…）"))


_RULES = {"fr": _french, "es": _spanish, "ar": _arabic, "zh": _chinese}


def _common(unit: Unit) -> Iterator[Problem]:
    text = unit.translation
    if re.search(r"[ \u00a0\u202f]{2,}", text):
        yield Problem("typography", _("double space"))
    if re.search(r"\S[ \u00a0\u202f]+[,.،。，](?!\d)", _without_urls(text)):
        yield Problem("typography", _("space before a comma or full stop"))
    if re.search(r"\s-\s", text):
        yield Problem("typography", _("a hyphen between spaces: write the dash –"))
    if text[:1].isspace() != unit.source[:1].isspace():
        yield Problem("typography", _("the translation and the English differ in leading spaces"))
    if text[-1:].isspace() != unit.source[-1:].isspace():
        yield Problem("typography", _("the translation and the English differ in trailing spaces"))


def check(unit: Unit, context: Context) -> Iterator[Problem]:
    yield from _common(unit)
    rule = _RULES.get(context.lang)
    if rule:
        yield from rule(_without_urls(unit.translation))
    yield from _length(unit, context)


def _length(unit: Unit, context: Context) -> Iterator[Problem]:
    low, high = context.style.length
    english, translated = len(unit.source), len(unit.translation)
    shortest, longest = max(0, int(low * english) - context.style.slack), int(high * english) + context.style.slack
    if translated < shortest:
        yield Problem(
            "length",
            _("{found} characters for {english} in the English: something is missing?").format(found=translated, english=english),
        )
    elif translated > longest:
        yield Problem(
            "length",
            _("{found} characters for {english} in the English: something is repeated or added?").format(found=translated, english=english),
        )
