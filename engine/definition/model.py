"""Pydantic models of the questionnaire definition format (see docs/format.md).

These models describe what a questionnaire file may say. They hold the source's
wording verbatim and know nothing about response files or conditions' meaning:
conditions are kept as text here and compiled by :mod:`engine.definition.loader`.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Strict(BaseModel):
    """Base: unknown keys are errors, values are checked, models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Instrument(StrEnum):
    """The four instruments under review; the Protocols are keyed by short names."""

    convention = "convention"
    trafficking = "trafficking"
    smuggling = "smuggling"
    firearms = "firearms"


class AnswerKind(StrEnum):
    """How an item is answered."""

    yes_partly_no = "yes-partly-no"
    yes_no = "yes-no"
    yes_no_na = "yes-no-na"
    yes_conditions_no_na = "yes-conditions-no-na"
    yes_partly_no_na = "yes-partly-no-na"
    choice = "choice"
    """One option among the listed ones."""
    choices = "choices"
    """Any number of the listed options."""
    text = "text"
    """Free text."""
    none = "none"
    """No answer of its own: a stem whose answers are in its sub-items, or a topic line."""


SCALE_VALUES: dict[AnswerKind, tuple[str, ...]] = {
    AnswerKind.yes_partly_no: ("yes", "partly", "no"),
    AnswerKind.yes_no: ("yes", "no"),
    AnswerKind.yes_no_na: ("yes", "no", "na"),
    AnswerKind.yes_conditions_no_na: ("yes", "conditions", "no", "na"),
    AnswerKind.yes_partly_no_na: ("yes", "partly", "no", "na"),
}
"""Answer codes of each scale, in the order the source prints them."""

SCALE_LABELS: dict[str, str] = {
    "yes": "Yes",
    "partly": "Yes, in part",
    "conditions": "Yes, under conditions",
    "no": "No",
    "na": "Not applicable",
}
"""English labels of the scale codes, as printed in the source."""

CODE_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
NUMBER_PATTERN = re.compile(r"^(\d+|\([a-z]+\)|[–-])$")

Code = Annotated[str, Field(pattern=CODE_PATTERN, max_length=60)]
Text = Annotated[str, Field(min_length=1)]


class Footnote(Strict):
    """A footnote of the source, attached to the item or heading it belongs to."""

    number: int = Field(ge=1)
    text: Text


class Option(Strict):
    """One option of a list, with a stable code."""

    code: Code
    label: Text
    specify: bool = False
    """The option carries a text of its own ("Other (please specify)")."""


class OptionRef(Strict):
    """A shared list used as it is, or with some options replaced or reordered."""

    code: Code


class OptionList(Strict):
    """A named list of options, defined once and reused.

    ``base`` names another list; then each entry of ``options`` is either the code
    of one of the base's options (kept as it is) or a full option, which replaces
    the base's option of the same code or adds a new one. The difference from the
    base is thus written out, not hidden in a copy.
    """

    base: Code | None = None
    note: str | None = None
    options: list[Option | Code] = Field(min_length=1)


class Item(Strict):
    """A question, a sub-item or an unlabelled dash item."""

    number: str
    """The label as printed: ``3``, ``(a)``, ``(i)``, or ``–``/``-`` for a dash item."""
    text: Text
    answer: AnswerKind = AnswerKind.text
    options: list[Option] | Code | None = None
    """Inline options, or the name of a shared list (choice and choices only)."""
    when: str | None = None
    """Condition under which the item applies (see docs/format.md)."""
    condition_note: str | None = None
    """A condition of the source that no answer captures: kept, not evaluated."""
    voluntary: bool = False
    after_options: str | None = None
    """An instruction printed after the options ("Please explain, if needed.")."""
    footnotes: list[Footnote] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)

    @field_validator("number")
    @classmethod
    def _number_shape(cls, value: str) -> str:
        if not NUMBER_PATTERN.match(value):
            raise ValueError("a number is digits (3), a letter or roman numeral in parentheses ((a), (iv)), or a dash (–)")
        return value

    @model_validator(mode="after")
    def _options_match_kind(self) -> Item:
        has_options = self.options is not None
        if self.answer in (AnswerKind.choice, AnswerKind.choices) and not has_options:
            raise ValueError(f"an item answered by '{self.answer.value}' needs options")
        if has_options and self.answer not in (AnswerKind.choice, AnswerKind.choices):
            raise ValueError(f"options are only for 'choice' and 'choices' items, not '{self.answer.value}'")
        if self.after_options and not has_options:
            raise ValueError("after_options needs options")
        return self


class Section(Strict):
    """An article heading or another heading of a part, with its questions."""

    heading: Text
    kind: Literal["article", "other"] = "article"
    notes: list[Text] = Field(default_factory=list)
    """Paragraphs printed under the heading, such as an applicability note."""
    when: str | None = None
    footnotes: list[Footnote] = Field(default_factory=list)
    items: list[Item] = Field(min_length=1)


class Part(Strict):
    """The part of a cluster for one instrument."""

    instrument: Instrument
    title: Text
    """``I. United Nations Convention against Transnational Organized Crime``."""
    heading: Text
    """The scope line: ``Cluster I: criminalization and jurisdiction (arts. …)``."""
    when: str | None = None
    sections: list[Section] = Field(min_length=1)


class Guidance(Strict):
    heading: Text
    paragraphs: list[Text] = Field(min_length=1)


class SourceRef(Strict):
    document: Text
    lines: tuple[int, int]


class Questionnaire(Strict):
    """One cluster's self-assessment questionnaire."""

    id: Annotated[str, Field(pattern=r"^cluster[1-9]$")]
    cluster: Annotated[str, Field(pattern=r"^[IVX]+$")]
    annex: Text
    title: Text
    short_title: Text
    """Thematic name of the cluster, e.g. ``criminalization and jurisdiction``."""
    source: SourceRef | None = None
    guidance: Guidance
    lists: dict[Code, OptionList] = Field(default_factory=dict)
    parts: list[Part] = Field(min_length=1)


class ListsFile(Strict):
    """``questionnaires/lists.yaml``: option lists shared by several clusters."""

    lists: dict[Code, OptionList]


Item.model_rebuild()
