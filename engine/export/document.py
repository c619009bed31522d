"""The printable structure of a questionnaire, shared by every export format.

Builds an ordered list of blocks (headings, questions, answer boxes, options,
footnotes) in the source's order, in one language; templates and writers only
lay them out. Questionnaire text without a translation falls back to English as
a :class:`Tr` whose ``fallback`` is true, so that every format can mark it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from engine.conditions.describe import describe, scale_label
from engine.definition.index import DASHES, Entry
from engine.definition.loaded import Definition
from engine.definition.model import SCALE_VALUES, AnswerKind
from engine.export.text import direction
from engine.i18n import DEFAULT_LANGUAGE, _, is_translated, questionnaire_text, use

SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
RTL_LANGUAGES = frozenset({"ar"})
DATE_LOCALES = {"en": "en_GB"}
"""The locale whose CLDR date patterns a language's documents use: English as UN documents write it (26 November 2026)."""
_MARKER = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_FROM_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def superscript(number: int) -> str:
    return str(number).translate(SUPERSCRIPT_DIGITS)


def format_long_date(day: datetime.date, lang: str) -> str:
    """``day`` in the language's CLDR long form, the month in words: “26 November 2026”, “26 novembre 2026”."""
    from babel.dates import format_date

    return format_date(day, format="long", locale=DATE_LOCALES.get(lang, lang))


class Tr(str):
    """Questionnaire text in the document's language; ``fallback`` when it is the English source instead."""

    __slots__ = ("fallback",)
    fallback: bool

    def __new__(cls, text: str, lang: str = DEFAULT_LANGUAGE) -> Tr:
        value = super().__new__(cls, questionnaire_text(text, lang))
        value.fallback = lang != DEFAULT_LANGUAGE and not is_translated(text, lang)
        return value


def marker_segments(text: str, numbers: set[int]) -> Iterator[tuple[str, int | None]]:
    """``text`` cut at the superscript markers of the footnotes ``numbers``: ``(piece, None)`` or ``(marker, number)``."""
    position = 0
    for match in _MARKER.finditer(text):
        number = int(match.group().translate(_FROM_SUPERSCRIPT))
        if number in numbers:
            if match.start() > position:
                yield text[position : match.start()], None
            yield match.group(), number
            position = match.end()
    if position < len(text):
        yield text[position:], None


def like(value: str, text: object) -> object:
    """``value`` (a piece of ``text``) carrying ``text``'s English-fallback flag."""
    if isinstance(text, Tr):
        piece = str.__new__(Tr, value)
        piece.fallback = text.fallback
        return piece
    return value


def without_markers(text: object) -> object:
    """``text`` without its footnote markers (for a table of contents)."""
    return like(_MARKER.sub("", str(text)), text)


@dataclass(slots=True)
class Note:
    """A footnote of the source: its number and text."""

    number: int
    text: Tr

    @property
    def marker(self) -> str:
        return superscript(self.number)


@dataclass(slots=True)
class ItemBlock:
    """One item as printed: label, text, answer boxes or options, routing sentence, footnotes, children."""

    entry: Entry
    label: str
    text: Tr
    scale: list[str] = field(default_factory=list)
    options: list[Tr] = field(default_factory=list)
    after_options: Tr | None = None
    routing: str | None = None
    """The condition as a sentence: “Answer only if the answer to 3 is “Yes”.”"""
    condition_note: Tr | None = None
    voluntary: bool = False
    footnotes: list[Note] = field(default_factory=list)
    children: list[ItemBlock] = field(default_factory=list)
    specify: list[bool] = field(default_factory=list)
    """For each option, whether it asks the State to specify (a line to write on follows it)."""

    @property
    def asks_text(self) -> bool:
        """The question is answered in words: a printed form leaves room to write."""
        return self.entry.kind is AnswerKind.text

    @property
    def option_rows(self) -> list[tuple[Tr, bool]]:
        """``(option, asks to specify)`` in order."""
        return list(zip(self.options, self.specify, strict=True))

    @property
    def fallback(self) -> bool:
        """Some of the item's own text is the English source."""
        texts = [self.text, *self.options, self.after_options, *(n.text for n in self.footnotes)]
        return any(getattr(t, "fallback", False) for t in texts)

    def walk(self) -> Iterator[ItemBlock]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(slots=True)
class SectionBlock:
    heading: Tr
    notes: list[Tr]
    footnotes: list[Note]
    routing: str | None
    items: list[ItemBlock]
    anchor: str = ""
    """The section's id in the document (``s1-2``): links and bookmarks point to it."""

    def all_footnotes(self) -> list[Note]:
        """The heading's footnotes and every item's, in order: printed at the end of the section."""
        return [*self.footnotes, *(n for block in self.items for b in block.walk() for n in b.footnotes)]


@dataclass(slots=True)
class PartBlock:
    instrument: str
    title: Tr
    heading: Tr
    routing: str | None
    sections: list[SectionBlock]


class Localized:
    """What a document's language decides: direction and whether the text is official."""

    __slots__ = ()
    lang: str

    @property
    def rtl(self) -> bool:
        return self.lang in RTL_LANGUAGES

    @property
    def official(self) -> bool:
        """English is the source; every other language is an unofficial translation."""
        return self.lang == DEFAULT_LANGUAGE

    @property
    def dir(self) -> str:
        """The document's direction: ``rtl`` or ``ltr``."""
        return "rtl" if self.rtl else "ltr"

    def dir_of(self, text: object) -> str:
        """A paragraph's direction, from its first strong character (the document's when it has none)."""
        return direction(str(text)) or self.dir


@dataclass(slots=True)
class Document(Localized):
    id: str
    annex: Tr
    title: Tr
    guidance_heading: Tr
    guidance: list[Tr]
    parts: list[PartBlock]
    lang: str = DEFAULT_LANGUAGE
    cluster: str = ""

    def contents(self) -> list[tuple[int, str, Tr]]:
        """The table of contents: ``(level, anchor, heading)`` of the guidance, the parts and their sections."""
        entries: list[tuple[int, str, Tr]] = [(1, "guidance", self.guidance_heading)]
        for part in self.parts:
            entries.append((1, f"part-{part.instrument}", part.title))
            entries.extend((2, section.anchor, section.heading) for section in part.sections)
        return entries

    def texts(self) -> Iterator[Tr]:
        yield from (self.annex, self.title, self.guidance_heading, *self.guidance)
        for part in self.parts:
            yield from (part.title, part.heading)
            for section in part.sections:
                yield from (section.heading, *section.notes, *(n.text for n in section.footnotes))
                for block in (b for top in section.items for b in top.walk()):
                    yield from (block.text, *block.options, *(n.text for n in block.footnotes))
                    yield from (t for t in (block.after_options, block.condition_note) if t is not None)

    @property
    def fallback_count(self) -> int:
        """How many pieces of questionnaire text are shown in English for want of a translation."""
        return sum(1 for t in self.texts() if t.fallback)


def notes_of(footnotes: object, lang: str) -> list[Note]:
    """The source's footnotes of a heading or item, in ``lang``."""
    return [Note(f.number, Tr(f.text, lang)) for f in footnotes]  # type: ignore[attr-defined]


def section_anchor(part: int, section: int) -> str:
    """The id of a section in a document, from its place: ``s1-2`` (both counted from 1)."""
    return f"s{part + 1}-{section + 1}"


def answer_only_if(condition: str) -> str:
    return _("Answer only if {condition}.").format(condition=condition)


def only_if(condition: str) -> str:
    return _("Only if {condition}.").format(condition=condition)


def build(definition: Definition, lang: str = DEFAULT_LANGUAGE) -> Document:
    """The printable document of a questionnaire in ``lang`` (English, the source, by default)."""
    with use(lang):
        return _build(definition, lang)


def _build(definition: Definition, lang: str) -> Document:
    entries = definition.entries
    model = definition.questionnaire

    def tr(text: str) -> Tr:
        return Tr(text, lang)

    def notes(footnotes: object) -> list[Note]:
        return notes_of(footnotes, lang)

    def item_block(entry: Entry) -> ItemBlock:
        item = entry.item
        label = item.number if item.number in DASHES else (f"{item.number}." if entry.parent is None else item.number)
        return ItemBlock(
            entry=entry,
            label=label,
            text=tr(item.text),
            scale=[scale_label(c) for c in SCALE_VALUES.get(entry.kind, ())],
            options=[tr(o.label) for o in entry.options],
            specify=[o.specify for o in entry.options],
            after_options=tr(item.after_options) if item.after_options else None,
            routing=answer_only_if(describe(entry.condition, entries, printed=True)) if entry.condition else None,
            condition_note=tr(item.condition_note) if item.condition_note else None,
            voluntary=item.voluntary,
            footnotes=notes(item.footnotes),
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
                    heading=tr(section.heading),
                    notes=[tr(n) for n in section.notes],
                    footnotes=notes(section.footnotes),
                    routing=only_if(describe(condition, entries, printed=True)) if condition else None,
                    items=[item_block(e) for e in tops],
                    anchor=section_anchor(p_index, s_index),
                )
            )
        condition = definition.part_conditions.get(p_index)
        parts.append(
            PartBlock(
                instrument=part.instrument.value,
                title=tr(part.title),
                heading=tr(part.heading),
                routing=only_if(describe(condition, entries, printed=True)) if condition else None,
                sections=sections,
            )
        )
    return Document(
        id=model.id,
        annex=tr(model.annex),
        title=tr(model.title),
        guidance_heading=tr(model.guidance.heading),
        guidance=[tr(p) for p in model.guidance.paragraphs],
        parts=parts,
        lang=lang,
        cluster=model.cluster,
    )
