"""An assignment file: who answers which questions.

A YAML mapping from each contributor (a ministry, a service, a person) to the questions assigned,
as a list or as one line in the language of :mod:`~engine.consultation.selection`::

    Ministry of Justice: 1-4, 23
    Ministry of the Interior: [5-22, trafficking]
    Ministry of Foreign Affairs:
      - 24-27
      - smuggling

Every problem is reported with its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from engine.consultation.selection import SelectionError, select
from engine.consultation.split import Share, slug, unique_names
from engine.definition.loaded import Definition
from engine.i18n import _
from engine.strict_yaml import Mapping, Mark, Position, Scalar, Sequence, YamlError, load_path


class AssignmentError(Exception):
    """An assignment file that cannot be used, located."""

    def __init__(self, message: str, mark: Position | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark or Mark(1, 1)


@dataclass(frozen=True, slots=True)
class Overlap:
    """An item assigned to more than one contributor."""

    item: str
    contributors: tuple[str, ...]


def read_assignment(path: Path, definition: Definition) -> list[Share]:
    """The shares an assignment file describes, one per contributor, in the file's order."""
    try:
        root = load_path(path)
    except YamlError as error:
        raise AssignmentError(error.message, error.mark) from None
    if not isinstance(root, Mapping) or not root.pairs:
        raise AssignmentError(
            _("an assignment file maps each contributor to questions, such as: Ministry of Justice: 1-4, 23"),
            root.mark if root is not None else None,
        )
    shares = []
    for key, value in root.pairs:
        name = key.value.strip()
        if not name:
            raise AssignmentError(_("a contributor's name is empty"), key.mark)
        texts = _lists(value, name)
        ids: set[str] = set()
        for text, mark in texts:
            try:
                ids.update(select(definition, text))
            except SelectionError as error:
                raise AssignmentError(error.message, mark) from None
        shares.append(Share(slug(name), [i for i in definition.entries if i in ids], name))
    unique_names(shares)
    return shares


def _lists(value: object, name: str) -> list[tuple[str, Position]]:
    if isinstance(value, Scalar) and value.value.strip():
        return [(value.value, value)]
    if isinstance(value, Sequence) and value.items and all(isinstance(v, Scalar) for v in value.items):
        return [(v.value, v) for v in value.items]  # type: ignore[union-attr]
    mark = value.mark if value is not None else None  # type: ignore[attr-defined]
    raise AssignmentError(_("{name}: give the questions as a list or a line, such as: 1-4, 23").format(name=name), mark)


def overlaps(shares: list[Share]) -> list[Overlap]:
    """Items assigned to several contributors (their answers may conflict when merged)."""
    owners: dict[str, list[str]] = {}
    for share in shares:
        for item_id in share.ids:
            owners.setdefault(item_id, []).append(share.contributor or share.name)
    return [Overlap(i, tuple(names)) for i, names in owners.items() if len(names) > 1]
