"""A fillable form's layout as plain data: lines of text and fields, in the blank questionnaire's order.

The Word writer (:mod:`engine.export.docx_fillable`) lays these lines out with content controls;
the importer (:mod:`engine.imports.form`) builds the same layout again to know which fields the
form had and which text was printed around them. Every field is named by a *tag*:

- ``untoc:form:1:cluster2:en:routing`` — the form itself (version, questionnaire, language, routing);
- ``untoc:questions`` — the questions in the form (``all``, or a list such as ``1-4, 12.a``);
- ``untoc:state``, ``untoc:language``, ``untoc:party:trafficking`` …, ``untoc:uncac``, ``untoc:contributor``;
- ``untoc:ID:option:CODE`` — a box per answer code (``yes``, ``partly`` … or an option's code);
- ``untoc:ID:answer`` — a text answer; ``untoc:ID:other``, ``untoc:ID:details:CODE`` — a text of
  an option that asks to be specified; ``untoc:ID:legislation``, ``untoc:ID:links``, ``untoc:ID:comment``.

Each field also has a title (``3 (a) · Legislation``), in the form's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.conditions.applicability import applicability
from engine.conditions.describe import instrument_name, scale_label, value_label
from engine.consultation.selection import describe, select
from engine.definition.index import excerpt
from engine.definition.loaded import Definition
from engine.definition.model import SCALE_VALUES, AnswerKind
from engine.export import chrome
from engine.export.document import DEFAULT_LANGUAGE, Document, ItemBlock, Note, build, marker_segments
from engine.i18n import _, use
from engine.responses.model import PROTOCOLS
from engine.responses.writer import Document as Answers
from engine.responses.writer import Record

PREFIX = "untoc:"
FORM_VERSION = "1"
QUESTIONS_TAG = "untoc:questions"
HEADER_TAGS = ("state", "language", "contributor", "uncac")
CHECK, TEXT, LOCKED = "check", "text", "locked"


def form_tag(questionnaire: str, lang: str, routing: bool) -> str:
    return f"{PREFIX}form:{FORM_VERSION}:{questionnaire}:{lang}:{'routing' if routing else 'no-routing'}"


def parse_form_tag(tag: str) -> tuple[str, str, bool] | None:
    """``(questionnaire, language, routing)`` of a form tag of this version, else ``None``."""
    pieces = tag.strip().split(":")
    if len(pieces) != 6 or pieces[:3] != ["untoc", "form", FORM_VERSION]:
        return None
    return pieces[3], pieces[4], pieces[5] == "routing"


def item_tag(item: str, name: str, code: str | None = None) -> str:
    return f"{PREFIX}{item}:{name}" + (f":{code}" if code else "")


@dataclass(frozen=True, slots=True)
class Field:
    """A content control: a box, a text, or a locked text; ``item`` is the question it belongs to."""

    tag: str
    title: str
    kind: str
    item: str | None = None
    text: str = ""
    checked: bool = False


@dataclass(frozen=True, slots=True)
class Run:
    """Printed text; ``marker`` puts ``[EN]`` first when ``text`` is English fallback; ``notes`` become footnotes."""

    text: object
    bold: bool = False
    italic: bool = False
    marker: bool = False
    notes: tuple[Note, ...] = ()

    @property
    def printed(self) -> str:
        """The text as it appears in the document (footnote markers aside)."""
        flag = chrome.EN_MARKER + " " if self.marker and getattr(self.text, "fallback", False) else ""
        return flag + str(self.text)


@dataclass(slots=True)
class Line:
    """A paragraph: its style (``Title``, ``Heading 1`` …), indentation, pieces, and the question it is about."""

    pieces: list[Run | Field]
    style: str | None = None
    indent: int = 0
    item: str | None = None
    keep_with_next: bool = False

    @property
    def printed(self) -> str:
        """The text printed outside the fields."""
        return "".join(p.printed for p in self.pieces if isinstance(p, Run))

    @property
    def fields(self) -> list[Field]:
        return [p for p in self.pieces if isinstance(p, Field)]


@dataclass(slots=True)
class Form:
    """A fillable questionnaire: the cover (label and value lines), then the text, in one language."""

    definition: Definition
    lang: str
    rtl: bool
    routing: bool
    scope: list[str]
    cover: list[tuple[Line, list[Line]]] = field(default_factory=list)
    """The cover table's rows: a label, and the lines of the value."""
    lines: list[Line] = field(default_factory=list)
    fallback_count: int = 0

    def all_lines(self) -> list[Line]:
        """Every paragraph in document order: the title lines, the cover's cells row by row, the rest."""
        head = self.lines[: self.cover_at]
        cells = [line for label, values in self.cover for line in (label, *values)]
        return [*head, *cells, *self.lines[self.cover_at :]]

    cover_at: int = 0
    """Index in ``lines`` before which the cover table comes."""

    def fields(self) -> list[Field]:
        return [f for line in self.all_lines() for f in line.fields]

    def footnote_numbers(self) -> list[int]:
        """The numbers of the footnotes the form's text refers to, in order (each becomes a Word footnote)."""
        numbers = []
        for line in self.lines:
            for piece in line.pieces:
                if isinstance(piece, Run) and piece.notes:
                    known = {n.number for n in piece.notes}
                    numbers += [number for _text, number in marker_segments(str(piece.text), known) if number is not None]
        return numbers


def placeholder() -> str:
    """The grey text of an empty field, in the current language."""
    return _("(type here)")


def build_form(
    definition: Definition,
    lang: str = DEFAULT_LANGUAGE,
    routing: bool = True,
    scope: list[str] | None = None,
    answers: Answers | None = None,
) -> Form:
    """The form of ``definition`` in ``lang`` for the items ``scope`` (default: all), filled with ``answers`` if given."""
    with use(lang):
        doc = build(definition, lang)
        return _Builder(definition, doc, routing, scope, answers).form


def filled_scope(definition: Definition, answers: Answers) -> list[str]:
    """The items of the parts and sections that apply to the State (the Protocols it is party to, UNCAC)."""
    status, _effective = applicability(definition, {}, frozenset(answers.parties), answers.uncac_party)
    return [i for i, s in status.items() if s.applies or s.scope == "item"]


class _Builder:
    def __init__(self, definition: Definition, doc: Document, routing: bool, scope: list[str] | None, answers: Answers | None) -> None:
        self.definition, self.doc, self.routing = definition, doc, routing
        self.scope = set(definition.entries) if scope is None else set(scope)
        self.answers = answers
        shown = {e.id for e in definition.entries.values() if e.id in self.scope}
        for item_id in list(shown):  # the ancestors of the items in the form are printed, as context
            entry = definition.entries[item_id].parent
            while entry is not None:
                shown.add(entry.id)
                entry = entry.parent
        self.shown = shown
        self.form = Form(definition, doc.lang, doc.rtl, routing, [i for i in definition.entries if i in self.scope])
        self.build()

    def add(self, *pieces: Run | Field, style: str | None = None, indent: int = 0, item: str | None = None, keep: bool = False) -> None:
        self.form.lines.append(Line(list(pieces), style, indent, item, keep))

    def build(self) -> None:
        doc = self.doc
        self.add(Run(doc.title, marker=True), style="Title")
        if not doc.official:
            self.add(Run(chrome.unofficial(), italic=True))
            if doc.fallback_count:
                self.add(Run(chrome.fallback_note(doc.fallback_count), italic=True))
        self.form.fallback_count = doc.fallback_count
        self.form.cover_at = len(self.form.lines)
        self.cover()
        self.add(Run(_("How to fill in this form")), style="Heading 2")
        self.add(
            Run(
                _(
                    "Tick the boxes and type each answer in its field (“(type here)”). Text typed outside the fields is not read. "
                    "Keep the document in Word format (.docx) and send it back: it is read with untoc import."
                )
            )
        )
        self.add(Run(doc.guidance_heading, marker=True), style="Heading 1")
        for paragraph in doc.guidance:
            self.add(Run(paragraph, marker=True), style="List Bullet")
        for part in doc.parts:
            sections = [s for s in part.sections if any(b.entry.id in self.shown for b in s.items)]
            if not sections:
                continue
            self.add(Run(part.title, marker=True), style="Heading 1")
            self.add(Run(part.heading, bold=True, marker=True))
            if self.routing and part.routing:
                self.add(Run(part.routing, italic=True))
            for section in sections:
                self.add(Run(section.heading, marker=True, notes=tuple(section.footnotes)), style="Heading 2")
                for note in section.notes:
                    self.add(Run(note, italic=True, marker=True))
                if self.routing and section.routing:
                    self.add(Run(section.routing, italic=True))
                for block in section.items:
                    self.item(block, 0)

    def cover(self) -> None:
        model = self.definition.questionnaire
        answers = self.answers
        form = self.form
        rows: list[tuple[str, list[Run | Field]]] = [
            (
                chrome.cluster(),
                [
                    Field(
                        form_tag(model.id, self.doc.lang, self.routing),
                        form_tag(model.id, self.doc.lang, self.routing),
                        LOCKED,
                        text=f"{model.cluster} ({model.id})",
                    )
                ],
            ),
            (chrome.state(), [Field("untoc:state", chrome.state(), TEXT, text=answers.state if answers else "")]),
            (
                _("Language of the answers (ar, en, es, fr, ru, zh)"),
                [Field("untoc:language", chrome.answers_language(), TEXT, text=answers.language if answers else self.doc.lang)],
            ),
        ]
        lines = [(label, [Line(pieces)]) for label, pieces in rows]
        parties = []
        for protocol in PROTOCOLS:
            checked = bool(answers and protocol in answers.parties)
            box = Field(f"untoc:party:{protocol}", instrument_name(protocol), CHECK, checked=checked)
            parties.append(Line([box, Run(" " + instrument_name(protocol))]))
        lines.append((chrome.protocols(), parties))
        uncac = Field("untoc:uncac", chrome.uncac(), CHECK, checked=bool(answers and answers.uncac_party))
        lines.append((chrome.uncac(), [Line([uncac, Run(" " + scale_label("yes"))])]))
        contributor = Field("untoc:contributor", _("Answered by"), TEXT, text=self._contributor())
        lines.append((_("Answered by (ministry, service or person)"), [Line([contributor])]))
        questions = Field(QUESTIONS_TAG, QUESTIONS_TAG, LOCKED, text=describe(self.definition, form.scope))
        lines.append((_("Questions in this form"), [Line([questions])]))
        form.cover = [(Line([Run(label, bold=True)]), values) for label, values in lines]

    def _contributor(self) -> str:
        """The contributor named on the form's answers, when they all name the same one."""
        if self.answers is None:
            return ""
        names = {r.contributor for i, r in self.answers.answers.items() if i in self.scope and r.contributor}
        return names.pop() if len(names) == 1 else ""

    def record(self, item_id: str) -> Record:
        return (self.answers.answers.get(item_id) if self.answers else None) or Record()

    def item(self, block: ItemBlock, depth: int) -> None:
        entry = block.entry
        if entry.id not in self.shown:
            return
        item = entry.id
        self.add(
            Run(block.label + " ", bold=True),
            Run(block.text, marker=True, notes=tuple(block.footnotes)),
            indent=depth,
            item=item,
            keep=True,
        )
        if self.routing and block.routing:
            self.add(Run("↳ " + block.routing, italic=True), indent=depth, item=item)
        if block.voluntary:
            self.add(Run(chrome.voluntary(), italic=True), indent=depth, item=item)
        if entry.is_answerable and item in self.scope:
            self.answer_fields(block, depth)
        elif block.after_options:
            self.add(Run(block.after_options, marker=True, notes=tuple(block.footnotes)), indent=depth, item=item)
        for child in block.children:
            self.item(child, depth + 1)

    def title(self, block: ItemBlock, name: str) -> str:
        return f"{block.entry.number} · {name}"

    def answer_fields(self, block: ItemBlock, depth: int) -> None:
        entry, record = block.entry, self.record(block.entry.id)
        item = entry.id
        chosen = set(record.value if isinstance(record.value, list) else [record.value] if record.value else [])
        if entry.kind in SCALE_VALUES:
            pieces: list[Run | Field] = []
            for code, label in zip(entry.values, block.scale, strict=True):
                if pieces:
                    pieces.append(Run("\u2003"))
                pieces += [
                    Field(item_tag(item, "option", code), self.title(block, label), CHECK, item, checked=code in chosen),
                    Run(" " + label),
                ]
            self.add(*pieces, indent=depth, item=item)
        elif entry.kind in (AnswerKind.choice, AnswerKind.choices):
            for option, label in zip(entry.options, block.options, strict=True):
                box = Field(
                    item_tag(item, "option", option.code),
                    self.title(block, value_label(entry, option.code)),
                    CHECK,
                    item,
                    checked=option.code in chosen,
                )
                self.add(box, Run(" "), Run(label, marker=True, notes=tuple(block.footnotes)), indent=depth + 1, item=item)
                if option.specify:
                    name, tag = (
                        ("other", item_tag(item, "other"))
                        if option.code == "other"
                        else ("details", item_tag(item, "details", option.code))
                    )
                    text = record.other if name == "other" else record.details.get(option.code)
                    title = self.title(block, _("Please specify: {option}").format(option=excerpt(value_label(entry, option.code), 40)))
                    specify = Field(tag, title, TEXT, item, text=text or "")
                    self.add(Run(chrome.label(_("Please specify"), "")), specify, indent=depth + 2, item=item)
        else:
            value = record.value if isinstance(record.value, str) else ""
            self.add(
                Run(chrome.label(_("Answer"), "")),
                Field(item_tag(item, "answer"), self.title(block, _("Answer")), TEXT, item, text=value),
                indent=depth + 1,
                item=item,
            )
        if block.after_options:
            self.add(Run(block.after_options, marker=True, notes=tuple(block.footnotes)), indent=depth, item=item)
        for name, label, text in (
            ("legislation", chrome.legislation(), "\n".join(record.legislation)),
            ("links", chrome.links(), "\n".join(record.links)),
            ("comment", chrome.comment(), record.comment or ""),
        ):
            self.add(
                Run(chrome.label(label, "")),
                Field(item_tag(item, name), self.title(block, label), TEXT, item, text=text),
                indent=depth + 1,
                item=item,
            )


def scope_of(definition: Definition, text: str) -> list[str]:
    """The items a form's ``untoc:questions`` field names (:class:`~engine.consultation.selection.SelectionError` if altered)."""
    return select(definition, text)
