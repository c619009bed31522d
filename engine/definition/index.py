"""The flat, ordered index of a questionnaire's items, with derived identifiers.

Identifiers come from the official numbering: ``3`` → ``3``, ``3 (a)`` → ``3.a``,
``3 (a) (i)`` → ``3.a.i``; the n-th unlabelled dash item under a question gets the
position ``n`` (``75.1``, ``75.2``).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING

from engine.definition.model import SCALE_VALUES, AnswerKind, Item, Option, Part, Section
from engine.strict_yaml import Mark

if TYPE_CHECKING:
    from engine.conditions.resolve import Condition


DASHES = ("–", "-")


@dataclass(slots=True)
class Entry:
    """One item of a questionnaire, placed: its id, position and resolved options."""

    id: str
    number: str
    """The number as printed in full: ``3 (a) (i)``; a dash item reads ``75 –1``."""
    item: Item
    part: Part
    section: Section
    parent: Entry | None
    order: int
    depth: int
    options: tuple[Option, ...] = ()
    condition: Condition | None = None
    mark: Mark | None = None
    when_mark: Mark | None = None
    children: list[Entry] = field(default_factory=list)
    kind: AnswerKind = field(init=False, compare=False)
    values: tuple[str, ...] = field(init=False, compare=False)
    """The codes an answer may take: scale codes or option codes; empty for text."""
    is_answerable: bool = field(init=False, compare=False)
    voluntary: bool = field(init=False, compare=False)
    specify: frozenset[str] = field(init=False, compare=False)
    """Codes of the options that ask the State to specify (``other``, …)."""
    expects_answer: bool = field(init=False, compare=False)
    """Answerable, not voluntary, and not left to the State by a note: unanswered, it is reported."""

    def __post_init__(self) -> None:
        # Derived once: validating a batch reads these for every answer of every file.
        self.kind = self.item.answer
        self.values = SCALE_VALUES[self.kind] if self.kind in SCALE_VALUES else tuple(option.code for option in self.options)
        self.is_answerable = self.kind is not AnswerKind.none
        self.voluntary = self.item.voluntary
        self.specify = frozenset(option.code for option in self.options if option.specify)
        self.expects_answer = self.is_answerable and not self.voluntary and not self.item.condition_note

    def option(self, code: str) -> Option | None:
        for option in self.options:
            if option.code == code:
                return option
        return None


def child_id(parent_id: str | None, number: str, dash_position: int) -> str:
    """The identifier of an item from its parent's id and its printed label."""
    if parent_id is None:
        return number
    label = str(dash_position) if number in DASHES else number.strip("()")
    return f"{parent_id}.{label}"


def child_number(parent_number: str | None, number: str, dash_position: int) -> str:
    """The printed number in full: ``3 (a) (i)``; dash items read ``75 –1``."""
    if parent_number is None:
        return number
    if number in DASHES:
        return f"{parent_number} –{dash_position}"
    return f"{parent_number} {number}"


def _columns(char: str) -> int:
    """Terminal columns a character takes: two for wide (Chinese) characters, else one."""
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def excerpt(text: str, limit: int = 60) -> str:
    """A short excerpt of a question's text, at most ``limit`` columns (a Chinese character takes two).

    The cut falls on a word boundary; text written without spaces (Chinese) is cut
    where the limit falls rather than at a distant space.
    """
    flat = " ".join(text.split())
    widths = list(accumulate(_columns(char) for char in flat))
    if not widths or widths[-1] <= limit:
        return flat
    cut = flat[: bisect_right(widths, limit)]
    words = cut.rsplit(" ", 1)[0]
    if sum(_columns(char) for char in words) * 2 >= limit:
        cut = words
    return cut.rstrip(",;:，；：、") + "…"
