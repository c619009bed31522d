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

try:  # LibYAML's parser is several times faster; fall back to pure Python.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2 * 1024 * 1024
"""Largest file accepted (2 MiB): a full response file is well under 200 KiB."""


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based position in a file."""

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
        raise YamlError(f"file is too large ({len(data):,} bytes; the limit is {MAX_BYTES:,} bytes)")
    if b"\x00" in data:
        raise YamlError("file is binary (it contains NUL bytes), not YAML text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise YamlError("file is not valid UTF-8 text", Mark(line, column)) from None
    return text.removeprefix("\ufeff")


DuplicateHandler = Callable[[str, Mark, Mark], None]
"""Called with (key, first mark, second mark) for a repeated key; the first value is kept."""


def parse_text(text: str, on_duplicate: DuplicateHandler | None = None) -> Node | None:
    """Parse one YAML document into located nodes; ``None`` for an empty file.

    A repeated key raises :class:`YamlError`, unless ``on_duplicate`` is given: then
    it is told about the key and parsing goes on (the second value is dropped).
    """
    stack: list[list] = []  # frames: [container, pending key]
    root: Node | None = None
    documents = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise YamlError("YAML aliases (*name) are not allowed", _mark(event))
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlError("a file holds a single YAML document", _mark(event))
                continue
            if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if event.anchor is not None:
                    raise YamlError(f"YAML anchors (&{event.anchor}) are not allowed", _mark(event))
                if event.tag is not None and not isinstance(event, yaml.ScalarEvent):
                    raise YamlError(f"YAML tags ({event.tag}) are not allowed", _mark(event))
                if isinstance(event, yaml.ScalarEvent):
                    if event.tag is not None and event.tag != "!":
                        raise YamlError(f"YAML tags ({event.tag}) are not allowed", _mark(event))
                    node: Node = Scalar(event.value, _mark(event), bool(event.implicit[0]))
                elif isinstance(event, yaml.SequenceStartEvent):
                    node = Sequence([], _mark(event))
                else:
                    node = Mapping([], _mark(event))
                _attach(stack, node, on_duplicate)
                if root is None:
                    root = node
                if not isinstance(node, Scalar):
                    stack.append([node, None])
                continue
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                stack.pop()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = Mark(mark.line + 1, mark.column + 1) if mark else None
        problem = error.problem or error.context or "malformed YAML"
        raise YamlError(f"malformed YAML: {problem}", position) from None
    except yaml.YAMLError as error:  # pragma: no cover - defensive
        raise YamlError(f"malformed YAML: {error}") from None
    return root


_DROPPED = "\x00dropped"


def _attach(stack: list[list], node: Node, on_duplicate: DuplicateHandler | None) -> None:
    if not stack:
        return
    frame = stack[-1]
    container = frame[0]
    if isinstance(container, Sequence):
        container.items.append(node)
        return
    if frame[1] is None:
        if not isinstance(node, Scalar):
            raise YamlError("a mapping key must be plain text", node.mark)
        previous = container._index.get(node.value)
        if previous is not None:
            first = container.pairs[previous][0].mark
            if on_duplicate is None:
                raise YamlError(
                    f"duplicate key {node.value!r}: first at line {first.line}, again at line {node.mark.line}",
                    node.mark,
                )
            on_duplicate(node.value, first, node.mark)
            node = Scalar(_DROPPED, node.mark, False)
        frame[1] = node
        return
    key: Scalar = frame[1]
    if key.value != _DROPPED:
        container._index[key.value] = len(container.pairs)
        container.pairs.append((key, node))
    frame[1] = None


def load_path(path: Path, on_duplicate: DuplicateHandler | None = None) -> Node | None:
    """Read and parse a file, refusing what is not strict, modest-sized UTF-8 YAML."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise YamlError("is a directory, not a file") from None
    except FileNotFoundError:
        raise YamlError("no such file") from None
    except PermissionError:
        raise YamlError("permission denied") from None
    except OSError as error:
        raise YamlError(f"cannot be read: {error.strerror or error}") from None
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
