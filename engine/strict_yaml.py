"""Strict, located YAML reading for questionnaire and response files.

Files are parsed event by event (LibYAML when available) into a small tree of
nodes that remember their line and column. Nothing is ever resolved the YAML 1.1
way: every scalar stays a string (``on``, ``no`` and ``0777`` are text), so the
reader of the tree decides what a value means. Anchors, aliases and tags are
refused before any object is built, duplicate keys are refused with both lines,
and oversized, binary or non-UTF-8 content is refused before parsing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

import yaml

from engine.i18n import _, current_language

try:  # LibYAML's parser is several times faster; fall back to pure Python.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2 * 1024 * 1024
"""Largest file accepted (2 MiB): a full response file is well under 200 KiB."""


@dataclass(slots=True, unsafe_hash=True)
class Mark:
    """A 1-based position in a file (not frozen: a frozen dataclass is twice as slow to create, and
    one is made for every node of every file validated)."""

    line: int
    column: int


@dataclass(slots=True)
class Scalar:
    value: str
    mark: Mark
    plain: bool
    """True for an unquoted scalar (``yes``), False for a quoted or block one."""


@dataclass(slots=True)
class Sequence:
    items: list[Node]
    mark: Mark


@dataclass(slots=True)
class Mapping:
    pairs: list[tuple[Scalar, Node]]
    mark: Mark
    _index: dict[str, int] = field(default_factory=dict, repr=False)

    def get(self, key: str) -> Node | None:
        position = self._index.get(key)
        return None if position is None else self.pairs[position][1]

    def key_node(self, key: str) -> Scalar | None:
        position = self._index.get(key)
        return None if position is None else self.pairs[position][0]


Node = Union[Scalar, Sequence, Mapping]


class YamlError(Exception):
    """A file that cannot be read as strict YAML, with the position of the problem."""

    def __init__(self, message: str, mark: Mark | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark or Mark(1, 1)


def _mark(event: yaml.Event) -> Mark:
    start = event.start_mark
    return Mark(start.line + 1, start.column + 1)


def decode(data: bytes) -> str:
    """Check size and encoding of raw file content and return its text."""
    if len(data) > MAX_BYTES:
        from babel.numbers import format_decimal

        lang = current_language()
        raise YamlError(
            _("file is too large ({size} bytes; the limit is {limit} bytes)").format(
                size=format_decimal(len(data), locale=lang), limit=format_decimal(MAX_BYTES, locale=lang)
            )
        )
    if b"\x00" in data:
        raise YamlError(_("file is binary (it contains NUL bytes), not YAML text"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise YamlError(_("file is not valid UTF-8 text"), Mark(line, column)) from None
    return text.removeprefix("\ufeff")


DuplicateHandler = Callable[[str, Mark, Mark], None]
"""Called with (key, first mark, second mark) for a repeated key; the first value is kept."""


def parse_text(text: str, on_duplicate: DuplicateHandler | None = None) -> Node | None:
    """Parse one YAML document into located nodes; ``None`` for an empty file.

    A repeated key raises :class:`YamlError`, unless ``on_duplicate`` is given: then
    it is told about the key and parsing goes on (the second value is dropped).
    This loop is the hot path of validating many files: it dispatches on the
    event's class and builds nodes inline.
    """
    root: Node | None = None
    documents = 0
    # The enclosing containers, and the key each was waiting a value for.
    containers: list[Sequence | Mapping] = []
    keys: list[Scalar | None] = []
    container: Sequence | Mapping | None = None
    key: Scalar | None = None
    loader = _Loader(text)
    next_event = loader.get_event  # called directly: yaml.parse() adds a generator and a check per event
    try:
        while True:
            event = next_event()
            kind = type(event)
            if kind is _STREAM_END or event is None:
                break
            if kind is _SCALAR or kind is _SEQUENCE_START or kind is _MAPPING_START:
                start = event.start_mark
                mark = Mark(start.line + 1, start.column + 1)
                if event.anchor is not None:
                    raise YamlError(_("YAML anchors (&{name}) are not allowed").format(name=event.anchor), mark)
                tag = event.tag
                if kind is _SCALAR:
                    if tag is not None and tag != "!":
                        raise YamlError(_("YAML tags ({tag}) are not allowed").format(tag=tag), mark)
                    node: Node = Scalar(event.value, mark, event.implicit[0])
                elif tag is not None:
                    raise YamlError(_("YAML tags ({tag}) are not allowed").format(tag=tag), mark)
                elif kind is _SEQUENCE_START:
                    node = Sequence([], mark)
                else:
                    node = Mapping([], mark)
                if container is None:
                    root = node
                elif type(container) is Sequence:
                    container.items.append(node)
                elif key is None:
                    if kind is not _SCALAR:
                        raise YamlError(_("a mapping key must be plain text"), mark)
                    previous = container._index.get(node.value)
                    if previous is not None:
                        first = container.pairs[previous][0].mark
                        if on_duplicate is None:
                            raise YamlError(
                                _("duplicate key {key!r}: first at line {first}, again at line {again}").format(
                                    key=node.value, first=first.line, again=mark.line
                                ),
                                mark,
                            )
                        on_duplicate(node.value, first, mark)
                        node = Scalar(_DROPPED, mark, False)
                    key = node
                else:
                    if key.value is not _DROPPED:
                        container._index[key.value] = len(container.pairs)
                        container.pairs.append((key, node))
                    key = None
                if kind is not _SCALAR:
                    containers.append(container)  # type: ignore[arg-type]
                    keys.append(key)
                    container, key = node, None  # type: ignore[assignment]
            elif kind is _SEQUENCE_END or kind is _MAPPING_END:
                container, key = containers.pop(), keys.pop()
            elif kind is _ALIAS:
                raise YamlError(_("YAML aliases (*name) are not allowed"), _mark(event))
            elif kind is _DOCUMENT_START:
                documents += 1
                if documents > 1:
                    raise YamlError(_("a file holds a single YAML document"), _mark(event))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = Mark(mark.line + 1, mark.column + 1) if mark else None
        problem = error.problem or error.context or "malformed YAML"
        raise YamlError(_("malformed YAML: {problem}").format(problem=problem), position) from None
    except yaml.YAMLError as error:  # pragma: no cover - defensive
        raise YamlError(_("malformed YAML: {problem}").format(problem=error)) from None
    finally:
        loader.dispose()
    return root


_DROPPED = "\x00dropped"
_SCALAR = yaml.ScalarEvent
_SEQUENCE_START = yaml.SequenceStartEvent
_MAPPING_START = yaml.MappingStartEvent
_SEQUENCE_END = yaml.SequenceEndEvent
_MAPPING_END = yaml.MappingEndEvent
_ALIAS = yaml.AliasEvent
_DOCUMENT_START = yaml.DocumentStartEvent
_STREAM_END = yaml.StreamEndEvent


def load_path(path: Path, on_duplicate: DuplicateHandler | None = None) -> Node | None:
    """Read and parse a file, refusing what is not strict, modest-sized UTF-8 YAML."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise YamlError(_("is a directory, not a file")) from None
    except FileNotFoundError:
        raise YamlError(_("no such file")) from None
    except PermissionError:
        raise YamlError(_("permission denied")) from None
    except OSError as error:
        raise YamlError(_("cannot be read: {reason}").format(reason=error.strerror or error)) from None
    return parse_text(decode(data), on_duplicate)


def to_python(node: Node | None) -> object:
    """Plain Python data (dicts, lists, strings) of a node tree."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Sequence):
        return [to_python(item) for item in node.items]
    return {key.value: to_python(value) for key, value in node.pairs}


def locate(node: Node | None, path: tuple[str | int, ...]) -> Mark | None:
    """The mark of the deepest node reached by following ``path``.

    Steps that do not match the tree (such as the union-member names pydantic puts
    in its error locations) are skipped.
    """
    best = node.mark if node is not None else None
    for step in path:
        if isinstance(node, Mapping) and isinstance(step, str) and node.get(step) is not None:
            node = node.get(step)
        elif isinstance(node, Sequence) and isinstance(step, int) and 0 <= step < len(node.items):
            node = node.items[step]
        else:
            continue
        best = node.mark
    return best
