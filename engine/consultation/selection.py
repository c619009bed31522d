"""Lists of questions, as a focal point writes them: ``1-4, 12.a, 23``, ``trafficking``, ``all``.

A question selects itself and all its sub-items; ``N-M`` selects the questions N to M (siblings:
``1-4`` or ``3.a-3.c``); a part is named by its instrument (``convention``, ``trafficking``,
``smuggling``, ``firearms``). Numbers may be written as printed: ``12 (a)`` is ``12.a``.
:func:`describe` writes a selection back in that language, as compactly as it can.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from engine.definition.index import Entry
from engine.definition.loaded import Definition
from engine.i18n import _

ALL = "all"
_SEPARATORS = re.compile(r"[,;\n]")
_RANGE = re.compile(r"^(.+?)\s*[-–—]\s*(.+)$")


class SelectionError(ValueError):
    """A list of questions that names something the questionnaire does not have."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def item_id(token: str) -> str:
    """``12 (a)``, ``12(a)``, ``12.a`` → ``12.a``."""
    text = token.strip().lower().replace("(", " ").replace(")", " ").replace(".", " ")
    return ".".join(text.split())


def subtree(entry: Entry) -> Iterator[Entry]:
    """``entry`` and all its sub-items, in order."""
    yield entry
    for child in entry.children:
        yield from subtree(child)


def select(definition: Definition, text: str) -> list[str]:
    """The ids a list selects, in questionnaire order; :class:`SelectionError` if it names an unknown question."""
    chosen: set[str] = set()
    for token in _SEPARATORS.split(text):
        if token.strip():
            chosen.update(_token(definition, token.strip()))
    if not chosen:
        raise SelectionError(_("no question is named (write for example: 1-4, 12.a, trafficking)"))
    return [i for i in definition.entries if i in chosen]


def _token(definition: Definition, token: str) -> set[str]:
    entries = definition.entries
    lowered = token.lower()
    if lowered == ALL:
        return set(entries)
    parts = {part.instrument.value: part for part in definition.questionnaire.parts}
    if lowered in parts:
        return {e.id for e in definition.part_entries(parts[lowered])}
    if item_id(token) in entries:
        return {e.id for e in subtree(entries[item_id(token)])}
    match = _RANGE.match(token)
    if match:
        return _range(definition, token, item_id(match.group(1)), item_id(match.group(2)))
    raise SelectionError(_unknown(definition, token))


def _range(definition: Definition, token: str, first_id: str, last_id: str) -> set[str]:
    entries = definition.entries
    for end in (first_id, last_id):
        if end not in entries:
            raise SelectionError(_unknown(definition, end))
    first, last = entries[first_id], entries[last_id]
    siblings = list(definition.top_level()) if first.parent is None else first.parent.children
    if first.parent is not last.parent or siblings.index(first) > siblings.index(last):
        raise SelectionError(
            _("{range}: a range goes from a question to a later one at the same level, such as 1-4 or 3.a-3.c").format(range=token)
        )
    return {e.id for sibling in siblings[siblings.index(first) : siblings.index(last) + 1] for e in subtree(sibling)}


def _unknown(definition: Definition, token: str) -> str:
    import difflib

    parts = [part.instrument.value for part in definition.questionnaire.parts]
    close = difflib.get_close_matches(item_id(token), [*definition.entries, *parts], n=1)
    hint = _("; did you mean {suggestion}?").format(suggestion=close[0]) if close else ""
    return _("{questionnaire} has no question or part '{value}'{hint}").format(questionnaire=definition.id, value=token, hint=hint)


def describe(definition: Definition, ids: Iterable[str]) -> str:
    """A selection written back as a list (``1-4, 12.a, 23``), or ``all``; :func:`select` reads it back."""
    chosen = set(ids)
    if chosen >= set(definition.entries):
        return ALL
    pieces: list[str] = []
    run: list[Entry] = []

    def flush() -> None:
        if run:
            pieces.append(run[0].id if len(run) == 1 else f"{run[0].id}-{run[-1].id}")
            run.clear()

    def whole(entry: Entry) -> bool:
        return all(e.id in chosen for e in subtree(entry))

    def covered(entry: Entry) -> Iterator[str]:
        if whole(entry):
            yield entry.id
        else:
            for child in entry.children:
                yield from covered(child)

    for top in definition.top_level():
        if whole(top):
            run.append(top)
            continue
        flush()
        pieces.extend(covered(top))
    flush()
    return ", ".join(pieces)
