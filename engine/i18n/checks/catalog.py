"""The translated messages of a questionnaire catalog, each with its line and the item it belongs to."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_QUESTION = re.compile(r"question (\d+(?: \([a-z]+\)| –\d+)*)")
_OPTION = re.compile(r"option '([^']*)' of (?:question (\d+(?: \([a-z]+\)| –\d+)*)|the option list '([^']*)')")
_FOOTNOTE = re.compile(r"footnote (\S+), attached to (?:question (\d+(?: \([a-z]+\)| –\d+)*)|the section heading)")
_PLACES = {
    "the questionnaire's annex": "annex",
    "the questionnaire's title": "title",
    "the questionnaire's short title": "short title",
    "heading of the general guidance": "guidance",
    "paragraph of the general guidance": "guidance",
    "title of a part": "part",
    "scope line of a part": "scope",
    "section heading": "heading",
    "note under a section heading": "note",
}
_TAGS = (
    (_FOOTNOTE, lambda m: f"{item_id(m[2])} fn {m[1]}" if m[2] else f"fn {m[1]}"),
    (_OPTION, lambda m: f"{item_id(m[2])}/{m[1]}" if m[2] else f"{m[3]}/{m[1]}"),
    (_QUESTION, lambda m: item_id(m[1])),
)
_ALLOW = re.compile(r"^\s*untoc-allow:\s*(.*)$")


@dataclass(frozen=True, slots=True)
class Unit:
    """One translated message: English source, translation, where it is and what it is."""

    source: str
    translation: str
    line: int
    """The line of its ``msgstr`` in the catalog (what a translator edits)."""
    tag: str
    """The item it belongs to: ``3.a``, ``28.a/other``, ``69.a.ii fn 5``, ``heading`` …"""
    places: tuple[str, ...]
    """The questionnaire files it comes from (``cluster1.yaml`` …)."""
    allowed: frozenset[str] = frozenset()
    """Codes a translator comment ``# untoc-allow: CODE …`` waives for this message."""


def item_id(number: str) -> str:
    """The item id of a printed number: ``3 (a) (i)`` → ``3.a.i``, ``75 –1`` → ``75.1``."""
    return ".".join(part.strip("()–") for part in number.split())


def tag_of(comments: Iterable[str]) -> str:
    """A short name of the item from the extractor's comments (the first place it is used)."""
    text = " ".join(comments)
    found = []
    for pattern, build in _TAGS:
        match = pattern.search(text)
        if match:
            found.append((match.start(), build(match)))
    if found:
        return min(found)[1]
    for comment, tag in _PLACES.items():
        if text.startswith(comment):
            return tag
    return "-"


def allowed_codes(comments: Iterable[str], known: Iterable[str]) -> frozenset[str]:
    """The codes waived by translator comments ``untoc-allow: CODE[, CODE] — reason`` (the codes come first)."""
    names = set(known)
    waived: set[str] = set()
    for comment in comments:
        match = _ALLOW.match(comment)
        if match:
            for word in re.split(r"[\s,]+", match[1].strip()):
                if word not in names:
                    break  # the reason begins
                waived.add(word)
    return frozenset(waived)


def _msgstr_lines(path: Path) -> dict[int, int]:
    """For each ``msgid`` line, the line of the ``msgstr`` that follows it."""
    lines: dict[int, int] = {}
    pending: int | None = None
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if line.startswith("msgid "):
                pending = number
            elif line.startswith("msgstr") and pending is not None:
                lines[pending] = number
                pending = None
    return lines


def read_units(path: Path, known_codes: Iterable[str]) -> tuple[list[Unit], int]:
    """The translated, not fuzzy messages of the catalog at ``path``, and how many messages it has."""
    from babel.messages.pofile import read_po

    with open(path, "rb") as handle:
        catalog = read_po(handle)
    msgstr_line = _msgstr_lines(path)
    units: list[Unit] = []
    total = 0
    for message in catalog:
        if not message.id:
            continue
        total += 1
        source = message.id if isinstance(message.id, str) else message.id[0]
        translation = message.string if isinstance(message.string, str) else (message.string[0] if message.string else "")
        if message.fuzzy or not translation:
            continue
        units.append(
            Unit(
                source=source,
                translation=translation,
                line=msgstr_line.get(message.lineno, message.lineno),
                tag=tag_of(message.auto_comments),
                places=tuple(sorted({Path(location).name for location, _line in message.locations})),
                allowed=allowed_codes(message.user_comments, known_codes),
            )
        )
    return units, total
