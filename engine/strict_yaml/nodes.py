"""Located YAML nodes: what both readers build, and the error they raise."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, Union


@dataclass(slots=True, unsafe_hash=True)
class Mark:
    """A 1-based position in a file."""

    line: int
    column: int


class Position(Protocol):
    """Anything with a 1-based line and column: a :class:`Mark`, or a node itself."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


class _Placed:
    """What every node has: a line and a column, kept as plain numbers, and a Mark made only when
    asked. Most positions of a valid file are never reported, and one object less per node is a
    tenth of the time of validating a batch; a node can stand for its own position wherever a
    :class:`Position` will do."""

    __slots__ = ()
    line: int
    column: int

    @property
    def mark(self) -> Mark:
        return Mark(self.line, self.column)


@dataclass(slots=True)
class Scalar(_Placed):
    """A text value, located."""

    value: str
    line: int
    column: int
    plain: bool
    """True for an unquoted scalar (``yes``), False for a quoted or block one."""


@dataclass(slots=True)
class Sequence(_Placed):
    """A list, located at its first item (block) or its bracket (flow)."""

    items: list[Node]
    line: int
    column: int


@dataclass(slots=True)
class Mapping(_Placed):
    """Keys and values in file order, located at the first key; ``get`` looks a key up."""

    pairs: list[tuple[Scalar, Node]]
    line: int
    column: int
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


DuplicateHandler = Callable[[str, Position, Position], None]
"""Called with (key, first mark, second mark) for a repeated key; the first value is kept."""
