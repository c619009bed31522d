"""The printable structure of a questionnaire, shared by every export format.

Builds an ordered list of blocks (headings, questions, answer boxes, options,
footnotes) in the source's order; templates only lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.conditions.describe import describe
from engine.definition.index import DASHES, Entry
from engine.definition.loader import Definition
from engine.definition.model import SCALE_LABELS, SCALE_VALUES, Footnote

SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(number: int) -> str:
    return str(number).translate(SUPERSCRIPT_DIGITS)


@dataclass(slots=True)
class ItemBlock:
    """One item as printed: label, text, answer boxes or options, footnotes, children."""

    entry: Entry
    label: str
    text: str
    scale: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    after_options: str | None = None
    routing: str | None = None
    voluntary: bool = False
    footnotes: list[Footnote] = field(default_factory=list)
    children: list[ItemBlock] = field(default_factory=list)


@dataclass(slots=True)
class SectionBlock:
    heading: str
    notes: list[str]
    footnotes: list[Footnote]
    routing: str | None
    items: list[ItemBlock]


@dataclass(slots=True)
class PartBlock:
    instrument: str
    title: str
    heading: str
    routing: str | None
    sections: list[SectionBlock]


@dataclass(slots=True)
class Document:
    id: str
    annex: str
    title: str
    guidance_heading: str
    guidance: list[str]
    parts: list[PartBlock]


def build(definition: Definition) -> Document:
    """The printable document of a questionnaire, in English (the source language)."""
    entries = definition.entries
    model = definition.questionnaire

    def item_block(entry: Entry) -> ItemBlock:
        item = entry.item
        label = item.number if item.number in DASHES else (f"{item.number}." if entry.parent is None else item.number)
        return ItemBlock(
            entry=entry,
            label=label,
            text=item.text,
            scale=[SCALE_LABELS[c] for c in SCALE_VALUES.get(entry.kind, ())],
            options=[o.label for o in entry.options],
            after_options=item.after_options,
            routing=describe(entry.condition, entries) if entry.condition else None,
            voluntary=item.voluntary,
            footnotes=list(item.footnotes),
            children=[item_block(child) for child in entry.children],
        )

    parts = []
    for p_index, part in enumerate(model.parts):
        sections = []
        for s_index, section in enumerate(part.sections):
            condition = definition.section_conditions.get(p_index * 1000 + s_index)
            tops = [e for e in entries.values() if e.parent is None and e.section is section]
            sections.append(
                SectionBlock(
                    heading=section.heading,
                    notes=list(section.notes),
                    footnotes=list(section.footnotes),
                    routing=describe(condition, entries) if condition else None,
                    items=[item_block(e) for e in tops],
                )
            )
        condition = definition.part_conditions.get(p_index)
        parts.append(
            PartBlock(
                instrument=part.instrument.value,
                title=part.title,
                heading=part.heading,
                routing=describe(condition, entries) if condition else None,
                sections=sections,
            )
        )
    return Document(
        id=model.id,
        annex=model.annex,
        title=model.title,
        guidance_heading=model.guidance.heading,
        guidance=list(model.guidance.paragraphs),
        parts=parts,
    )
