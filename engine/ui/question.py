"""The question pane: one item's text, notes and answer widgets, writing edits to the session.

The pane's widgets are made once and refilled for each item shown: moving from question to question
mounts nothing, except the answer widget when the new item needs a different one (another answer
kind or other options). Each editable widget remembers the content it was filled with; an edit is
written to the session when the content differs from that, and pending edits are written before the
pane is refilled, so a keystroke is never attributed to the wrong item nor lost.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, RadioButton, RadioSet, SelectionList, Static, TextArea

from engine.conditions.describe import scale_label
from engine.definition.index import Entry
from engine.definition.model import SCALE_VALUES, AnswerKind
from engine.i18n import _
from engine.responses.writer import Record
from engine.ui.labels import ANSWERED, NOT_APPLICABLE, UNANSWERED, marked, qtext, shown
from engine.ui.session import Session
from engine.validation.findings import Severity
from engine.validation.sanitize import clean

FIELDS = ("legislation", "links", "comment")
KEPT_SHAPES = 12  # answer widgets kept mounted (hidden) for reuse: moving between questions mounts nothing
EDITS = (TextArea.Changed, Input.Changed, SelectionList.SelectedChanged, RadioSet.Changed, RadioButton.Changed)


class AnswerRadios(RadioSet):
    """A radio set whose pressed button can be set by the program."""

    def press(self, code: str | None) -> None:
        """Press the button named ``code`` (none for ``None``) without posting change messages."""
        with self.prevent(RadioButton.Changed, RadioSet.Changed):
            for button in self.query(RadioButton):
                button.value = button.name == code
        # RadioSet tracks the pressed button from its buttons' change messages, prevented here.
        self._pressed_button = next((b for b in self.query(RadioButton) if b.value), None)


def content(widget: Widget) -> object:
    """What an editable widget holds now, in a form comparable with what it was filled with."""
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, SelectionList):
        return tuple(sorted(widget.selected))
    if isinstance(widget, RadioSet):
        pressed = widget.pressed_button
        return pressed.name if pressed is not None else None
    raise TypeError(widget)


def load(area: TextArea, text: str) -> None:
    """Fill a text area, with the cursor at the end (load_text also clears the undo history: no undoing into another item)."""
    area.load_text(text)
    area.move_cursor(area.document.end)


class QuestionPane(VerticalScroll):
    """Shows one item; an editable widget's ``untoc_field`` names the record field it edits (none: the answer)."""

    class Edited(Message):
        """An answer changed in the session."""

    def __init__(self, session: Session, lang: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.session = session
        self.lang = lang
        self.item_id: str | None = None
        self._kept: dict[tuple[object, ...], list[Widget]] = {}  # answer widgets by shape, least recently used first
        self._parts: list[Widget] = []  # the shown item's answer widgets: the answer, then any "please specify" fields

    def compose(self) -> ComposeResult:
        # Few widgets, refilled for each item: heading, number and text in one; labels as border titles.
        yield Static(classes="text", id="text")
        yield Static(id="status", classes="status")
        yield Static(classes="note", id="notes")  # the condition note and the footnotes
        yield Static(classes="note", id="after-options")
        read_only = self.session.read_only is not None
        for field in FIELDS:
            area = TextArea(id=f"field-{field}", classes="field", soft_wrap=True, show_line_numbers=False, disabled=read_only)
            area.untoc_field = field  # type: ignore[attr-defined]
            yield area
        yield Static(id="children", classes="children")

    async def show(self, item_id: str, force: bool = False) -> None:
        """Fill the pane with item ``item_id``."""
        if item_id == self.item_id and not force:
            return
        self.commit()
        self.item_id = item_id
        self.session.last = item_id
        entry = self.session.definition.entries[item_id]
        record = self.session.record(item_id)
        answerable = entry.is_answerable
        with self.app.batch_update():
            if force:
                await self._forget_answer_widgets()
            parts = await self._answer_widgets_for(entry) if answerable else []
            with self.prevent(*EDITS):
                for widget in self._parts:
                    widget.display = False
                self._parts = parts
                self._fill_text(entry)
                for widget in [*parts, *self.query(".field")]:
                    widget.display = answerable
                if answerable:
                    self._fill_answer(entry, record)
                    self._fill_fields(record)
        self.scroll_home(animate=False)

    @property
    def answer_widget(self) -> Widget | None:
        """The widget holding the shown item's answer (none for an item without one)."""
        return self._parts[0] if self._parts else None

    @property
    def specify_fields(self) -> dict[str, Input]:
        """The shown item's "please specify" fields by option code."""
        return {w.untoc_field.removeprefix("specify:"): w for w in self._parts[1:] if isinstance(w, Input)}

    def refresh_status(self) -> None:
        """Update the applicability notice and the findings of the shown item."""
        if self.item_id is None:
            return
        entry = self.session.definition.entries[self.item_id]
        self.query_one("#status", Static).update(self._status(entry))
        self._set("#children", self._children(entry) if entry.children else None)

    # -- filling ---------------------------------------------------------------------

    def _set(self, selector: str, text: Text | None) -> None:
        """Show ``text`` in a static, or hide the static when there is none."""
        widget = self.query_one(selector, Static)
        widget.display = text is not None
        if text is not None:
            widget.update(text)

    def _fill_text(self, entry: Entry) -> None:
        lang = self.lang
        text = Text()
        text.append_text(marked(entry.section.heading, lang, "dim"))
        text.append("\n\n")
        text.append(entry.number, style="bold")
        if entry.voluntary:
            text.append("  ")
            text.append(_("Voluntary"), style="italic reverse")
        text.append("\n")
        text.append_text(marked(entry.item.text, lang))
        self._set("#text", text)
        notes = [marked(entry.item.condition_note, lang, "italic")] if entry.item.condition_note else []
        for footnote in entry.item.footnotes:
            note = Text(f"{footnote.number} ", style="dim")
            note.append_text(marked(footnote.text, lang, "dim"))
            notes.append(note)
        self._set("#notes", Text("\n\n").join(notes) if notes else None)
        after = entry.item.after_options if entry.is_answerable else None
        self._set("#after-options", marked(after, lang, "italic") if after else None)
        self.refresh_status()

    def _fill_answer(self, entry: Entry, record: Record) -> None:
        value = record.value
        widget = self._parts[0]
        if isinstance(widget, AnswerRadios):
            widget.press(value if isinstance(value, str) else None)
        elif isinstance(widget, SelectionList):
            chosen = set(value if isinstance(value, list) else [value] if isinstance(value, str) else [])
            widget.deselect_all()
            for code in entry.values:
                if code in chosen:
                    widget.select(code)
        elif isinstance(widget, TextArea):
            load(widget, value if isinstance(value, str) else "")
        self._loaded(widget)
        for code, field in self.specify_fields.items():
            field.value = (record.other if code == "other" else record.details.get(code)) or ""
            self._loaded(field)

    def _fill_fields(self, record: Record) -> None:
        texts = {"legislation": "\n".join(record.legislation), "links": "\n".join(record.links), "comment": record.comment or ""}
        labels = {
            "legislation": _("Legislation (one citation a line)"),
            "links": _("Links (one http(s) address a line)"),
            "comment": _("Comment"),
        }
        for field in FIELDS:
            area = self.query_one(f"#field-{field}", TextArea)
            area.border_title = labels[field]
            load(area, texts[field])
            self._loaded(area)

    @staticmethod
    def _loaded(widget: Widget) -> None:
        widget.untoc_loaded = content(widget)  # type: ignore[attr-defined]

    # -- building the answer widgets ---------------------------------------------------

    async def _answer_widgets_for(self, entry: Entry) -> list[Widget]:
        """Answer widgets for ``entry``: kept ones of the same shape, or new ones mounted (hidden)."""
        shape = self._answer_shape(entry)
        widgets = self._kept.pop(shape, None)
        if widgets is None:
            widgets = self._answer_widgets(entry)
            for widget in widgets:
                widget.display = False
            await self.mount_all(widgets, before="#after-options")
            if len(self._kept) >= KEPT_SHAPES:
                oldest = self._kept.pop(next(iter(self._kept)))
                await self.remove_children(oldest)
        self._kept[shape] = widgets
        return widgets

    async def _forget_answer_widgets(self) -> None:
        """Remove every kept answer widget (the language changed; edits were committed by ``show``)."""
        await self.remove_children([widget for widgets in self._kept.values() for widget in widgets])
        self._kept.clear()
        self._parts = []

    def _answer_shape(self, entry: Entry) -> tuple[object, ...]:
        """Two items with the same shape can share answer widgets."""
        kind = entry.kind
        options = () if kind in SCALE_VALUES or kind is AnswerKind.text else tuple(o.label for o in entry.options)
        specify = tuple(o.code for o in entry.options if o.specify)
        return (kind, tuple(entry.values), options, specify, self.lang, self.session.read_only is None)

    def _answer_widgets(self, entry: Entry) -> list[Widget]:
        read_only = self.session.read_only is not None
        out: list[Widget] = []
        if entry.kind in SCALE_VALUES or entry.kind is AnswerKind.choice:
            codes = SCALE_VALUES.get(entry.kind) or entry.values
            buttons = []
            for code in codes:
                if entry.kind in SCALE_VALUES:
                    label: Text | str = scale_label(code)
                else:
                    option = entry.option(code)
                    label = marked(option.label, self.lang) if option else code
                buttons.append(RadioButton(label, name=code))
            out.append(AnswerRadios(*buttons, classes="answer", disabled=read_only))
        elif entry.kind is AnswerKind.choices:
            options = [(marked(o.label, self.lang), o.code) for o in entry.options]
            out.append(SelectionList(*options, classes="answer", disabled=read_only))
        else:
            area = TextArea(classes="answer text-answer", soft_wrap=True, disabled=read_only)
            area.border_title = _("Answer")
            out.append(area)
        for option in entry.options:
            if option.specify:
                label_text, english = qtext(option.label, self.lang)
                field = Input(classes="specify", disabled=read_only)
                field.untoc_field = f"specify:{option.code}"  # type: ignore[attr-defined]
                field.border_title = _("Text for “{option}”").format(option=label_text) + (" [EN]" if english else "")
                out.append(field)
        return out

    def _status(self, entry: Entry) -> Text:
        out = Text()
        session = self.session
        contributor = session.record(entry.id).contributor
        if contributor:
            out.append(shown(_("Contributor: {name}").format(name=clean(contributor))), style="dim")
        if not session.status(entry.id).applies:
            out.append(
                shown(_("Does not apply: {reason}. An answer is kept in the file but not reviewed.").format(reason=session.why_not(entry))),
                style="bold yellow",
            )
        for finding in session.findings():
            if finding.item == entry.id and finding.severity in (Severity.error, Severity.warning) and finding.code != "not-applicable":
                if out:
                    out.append("\n")
                style = "bold red" if finding.severity is Severity.error else "yellow"
                out.append(shown(f"⚠ {finding.message}"), style=style)
        return out

    def _children(self, entry: Entry) -> Text:
        out = Text(_("Sub-items:"), style="bold")
        for child in entry.children:
            applies = self.session.status(child.id).applies
            mark = (
                NOT_APPLICABLE
                if not applies
                else ANSWERED
                if self.session.answered(child.id)
                else UNANSWERED
                if child.is_answerable
                else " "
            )
            line = Text(f"\n{mark} {child.number} ")
            line.append_text(marked(child.item.text, self.lang))
            if not applies:
                line.stylize("dim")
            out.append_text(line)
        return out

    # -- edits -------------------------------------------------------------------------

    def _editable(self) -> Iterator[Widget]:
        if self.item_id is None or not self.session.definition.entries[self.item_id].is_answerable:
            return
        yield from self._parts
        for field in FIELDS:
            yield self.query_one(f"#field-{field}")

    def commit(self) -> None:
        """Write every edit not yet written to the session (before the pane is refilled)."""
        for widget in list(self._editable()):
            self._commit(widget)

    def _commit(self, widget: Widget) -> None:
        """Write ``widget``'s content to the shown item, if it changed since it was filled or last written."""
        item_id = self.item_id
        if item_id is None or (widget not in self._parts and not widget.has_class("field")):
            return  # a late message from a widget of another shape, hidden since (its edits were committed)
        now = content(widget)
        if now == getattr(widget, "untoc_loaded", None):
            return
        widget.untoc_loaded = now  # type: ignore[attr-defined]
        if self.session.update(item_id, **self._changes(item_id, widget)):
            self.post_message(self.Edited())

    def _changes(self, item_id: str, widget: Widget) -> dict[str, object]:
        """The record fields ``widget``'s content sets."""
        field: str = getattr(widget, "untoc_field", "")
        record = self.session.record(item_id)
        if isinstance(widget, RadioSet):
            return {"value": content(widget)}
        if isinstance(widget, SelectionList):
            entry = self.session.definition.entries[item_id]
            old = record.value
            unknown = [c for c in (old if isinstance(old, list) else [old] if isinstance(old, str) else []) if c not in entry.values]
            selected = set(widget.selected)
            codes = [c for c in entry.values if c in selected] + unknown  # option order; unknown codes kept
            return {"value": codes or None}
        if isinstance(widget, Input):
            code = field.removeprefix("specify:")
            text = widget.value if widget.value.strip() else None
            if code == "other":
                return {"other": text}
            details = dict(record.details)
            if text is None:
                details.pop(code, None)
            else:
                details[code] = text
            return {"details": details}
        text = widget.text  # type: ignore[attr-defined]
        if field in ("legislation", "links"):
            return {field: [line.strip() for line in text.splitlines() if line.strip()]}
        if field == "comment":
            return {"comment": text if text.strip() else None}
        return {"value": text if text.strip() else None}

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self._commit(event.radio_set)

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        self._commit(event.selection_list)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._commit(event.text_area)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._commit(event.input)
