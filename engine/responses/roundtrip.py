"""Write changed answers back into a response file's own text, keeping everything else.

A skeleton from ``untoc new`` carries a comment before each question; a hand-written file has
comments, blank lines, quoting and an order of its own. Saving rewrites only the answers that
changed — and, in an answer written as a block mapping, only the fields that changed; every other
line stays as it was. An answer's lines run from its key to its last line of content: the comment
and blank lines after it, at the key's indentation or less, belong to what follows and are kept.
A new answer goes after the nearest earlier answer in questionnaire order (before the first
answer when there is none), at the indentation of the file's answers.

:func:`rewrite` gives up (``None``) on layouts it does not edit — the header changed, answers in
flow style, a text that does not read back as the intended answers — and the caller then writes
the whole file in the documented order (:func:`engine.responses.writer.dump`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from engine.responses.model import Unreadable, read_text
from engine.responses.writer import ANSWER_FIELDS, Document, Record, answer_lines, field_lines, from_response, normalized, shifted
from engine.strict_yaml import Mapping, Node, Scalar, YamlError, parse_text


@dataclass(frozen=True, slots=True)
class _Edit:
    """Replace lines ``start`` to ``end`` (0-based, end excluded) by ``lines``; an insertion has ``start == end``."""

    start: int
    end: int
    lines: list[str]


_Span = tuple[Scalar, Node, int, int]
"""A pair of a mapping and its lines: key, value, first line, line after the last (0-based)."""


class _Layout(Exception):
    """The file is laid out in a way this module does not edit."""


def rewrite(text: str, before: Document, after: Document, order: Sequence[str]) -> str | None:
    """``text`` (a file holding ``before``) changed to hold ``after``; ``None`` when it cannot be done in place."""
    if _header(before) != _header(after):
        return None
    changed = [i for i in {**before.answers, **after.answers} if _content(before, i) != _content(after, i)]
    if not changed:
        return text
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    if any("\r" in line for line in lines):
        return None
    try:
        root = parse_text(text)
        if not isinstance(root, Mapping):
            return None
        edits = _answer_edits(lines, root, changed, before, after, order)
    except (YamlError, _Layout):
        return None
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        lines[edit.start : edit.end] = edit.lines
    result = newline.join(lines)
    return result if _holds(result, after) else None


def _header(document: Document) -> tuple[object, ...]:
    return (document.questionnaire, document.state, document.language, tuple(document.parties), document.uncac_party)


def _content(document: Document, item_id: str) -> Record | None:
    return normalized(document.answers.get(item_id))


def _holds(text: str, document: Document) -> bool:
    """Whether ``text`` reads back, without problems, as exactly ``document``'s header and answers."""
    try:
        response = read_text(text, Path("-"))
    except Unreadable:
        return False
    if response.problems:
        return False
    again = from_response(response)
    return _header(again) == _header(document) and _answers(again) == _answers(document)


def _answers(document: Document) -> dict[str, Record]:
    return {i: r for i, r in ((i, normalized(r)) for i, r in document.answers.items()) if r is not None}


# -- the answers mapping -------------------------------------------------------------


def _answer_edits(
    lines: list[str], root: Mapping, changed: list[str], before: Document, after: Document, order: Sequence[str]
) -> list[_Edit]:
    rank = {item_id: i for i, item_id in enumerate(order)}

    def sort_key(item_id: str) -> int:
        return rank.get(item_id, len(rank))

    key = root.key_node("answers")
    node = root.get("answers")
    if key is None:  # no answers yet: append them
        new = [line for i in sorted(changed, key=sort_key) for line in _whole(i, after, "  ")]
        end = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
        return [_Edit(end, end, ["answers:", *new])]
    end = _region_end(lines, root, key)
    if isinstance(node, Scalar) and node.plain and node.value == "" and _only_key_on(lines, key):
        new = [line for i in sorted(changed, key=sort_key) if _content(after, i) for line in _whole(i, after, "  ")]
        return [_Edit(key.line, key.line, new)]
    if not isinstance(node, Mapping):
        raise _Layout
    return _mapping_edits(lines, node, key, end, changed, sort_key, lambda i, indent, old: _answer(lines, i, before, after, indent, old))


def _answer(lines: list[str], item_id: str, before: Document, after: Document, indent: str, old: _Span | None) -> list[str]:
    """The new lines of one answer: only its changed fields when it was written as a block mapping."""
    if old is not None:
        key, value, start, end = old
        if isinstance(value, Mapping) and _is_block(lines, value, key):  # stays a mapping: comments inside are kept
            was, record = before.answers.get(item_id) or Record(), after.answers.get(item_id) or Record()
            fields = [name for name in ANSWER_FIELDS if field_lines(name, was) != field_lines(name, record)]
            edits = _mapping_edits(
                lines, value, key, end, fields, ANSWER_FIELDS.index, lambda name, at, _old: shifted(field_lines(name, record), at)
            )
            block = list(lines[start:end])
            for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
                block[edit.start - start : edit.end - start] = edit.lines
            return block
    return _whole(item_id, after, indent)


def _whole(item_id: str, after: Document, indent: str) -> list[str]:
    return answer_lines(item_id, after.answers.get(item_id) or Record(), indent)


# -- editing a block mapping -----------------------------------------------------------


def _mapping_edits(
    lines: list[str],
    node: Mapping,
    parent: Scalar,
    region_end: int,
    keys: Sequence[str],
    sort_key: Callable[[str], int],
    render: Callable[[str, str, _Span | None], list[str]],
) -> list[_Edit]:
    """Edits that give ``keys`` of a block mapping their new lines (``render``: key, indentation, old span)."""
    if not node.pairs or not _is_block(lines, node, parent):
        raise _Layout
    indent = " " * (node.pairs[0][0].column - 1)
    spans = _spans(lines, node, region_end)
    present = {key.value: (key, value, start, end) for (key, value), (start, end) in zip(node.pairs, spans, strict=True)}
    edits: list[_Edit] = []
    for name in keys:
        old = present.get(name)
        new = render(name, indent, old)
        if old is not None:
            _key, _value, start, end = old
            if new != lines[start:end]:
                edits.append(_Edit(start, end, new))
        elif new:
            at = _insertion(name, present, parent, sort_key)
            edits.append(_Edit(at, at, new))
    return edits


def _insertion(name: str, present: dict[str, _Span], parent: Scalar, sort_key: Callable[[str], int]) -> int:
    """Where a new key goes: after the last present key that sorts before it, else right below the parent key."""
    earlier = [(sort_key(key), end) for key, (_key, _value, _start, end) in present.items() if sort_key(key) <= sort_key(name)]
    return max(earlier)[1] if earlier else parent.line


def _spans(lines: list[str], node: Mapping, region_end: int) -> list[tuple[int, int]]:
    """Each pair's lines: from its key to its last line of content (0-based, end excluded)."""
    starts = [key.line - 1 for key, _value in node.pairs]
    column = node.pairs[0][0].column
    spans = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else region_end
        while end - 1 > start and _belongs_to_next(lines[end - 1], column):
            end -= 1
        spans.append((start, end))
    return spans


def _belongs_to_next(line: str, column: int) -> bool:
    """A blank line, or a comment no deeper than the keys: it goes with what follows."""
    stripped = line.lstrip(" ")
    return not stripped or (stripped.startswith("#") and len(line) - len(stripped) < column)


def _is_block(lines: list[str], node: Mapping, parent: Scalar) -> bool:
    """Whether a mapping is written in block style below ``parent``: each key first on its own line, all at one column."""
    column = node.pairs[0][0].column
    return all(
        key.column == column and key.line > parent.line and column > parent.column and not lines[key.line - 1][: column - 1].strip()
        for key, _value in node.pairs
    )


def _only_key_on(lines: list[str], key: Scalar) -> bool:
    """Whether ``key:`` stands alone on its line (a comment may follow)."""
    rest = lines[key.line - 1][key.column - 1 :].split(":", 1)[-1].strip()
    return not rest or rest.startswith("#")


def _region_end(lines: list[str], root: Mapping, key: Scalar) -> int:
    """The line after the last one of ``key``'s value: the next top-level key, or the end of the file."""
    later = [k.line - 1 for k, _value in root.pairs if k.line > key.line]
    return min(later) if later else (len(lines) - 1 if lines and lines[-1] == "" else len(lines))
