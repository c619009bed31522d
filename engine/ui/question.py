"""The question pane: one item's text, notes and answer widgets, writing edits to the session."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, RadioButton, RadioSet, SelectionList, Static, TextArea

from engine.conditions.describe import scale_label
from engine.definition.index import Entry
from engine.definition.model import SCALE_VALUES, AnswerKind
from engine.i18n import _
from engine.ui.labels import ANSWERED, NOT_APPLICABLE, UNANSWERED, marked, qtext, shown
from engine.ui.session import Session
from engine.validation.findings import Severity


class QuestionPane(VerticalScroll):
    """Shows one item; its widgets' ids name the answer field they edit."""

    class Edited(Message):
        """An answer changed in the session."""

    def __init__(self, session: Session, lang: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.session = session
        self.lang = lang
        self.item_id: str | None = None

    async def show(self, item_id: str, force: bool = False) -> None:
        """Replace the content by item ``item_id``'s."""
        if item_id == self.item_id and not force:
            return
        self.item_id = item_id
        self.session.last = item_id
        entry = self.session.definition.entries[item_id]
        widgets = self._widgets(entry)
        for widget in widgets:
            widget.untoc_item = item_id  # type: ignore[attr-defined]  (edits go to this item, even if they arrive late)
        with self.app.batch_update():
            await self.remove_children()
            await self.mount_all(widgets)
        self.scroll_home(animate=False)

    def refresh_status(self) -> None:
        """Update the applicability notice and the findings of the shown item."""
        if self.item_id is None:
            return
        entry = self.session.definition.entries[self.item_id]
        for widget in self.query("#status"):
            widget.update(self._status(entry))  # type: ignore[attr-defined]
        for widget in self.query("#children"):
            widget.update(self._children(entry))  # type: ignore[attr-defined]

    # -- building ----------------------------------------------------------------

    def _widgets(self, entry: Entry) -> list[Widget]:
        lang = self.lang
        out: list[Widget] = [Static(marked(entry.section.heading, lang, "dim"), classes="heading")]
        title = Text(entry.number, style="bold")
        if entry.voluntary:
            title.append("  ")
            title.append(_("Voluntary"), style="italic reverse")
        out.append(Static(title, classes="number"))
        out.append(Static(marked(entry.item.text, lang), classes="text"))
        out.append(Static(self._status(entry), id="status", classes="status"))
        if entry.item.condition_note:
            out.append(Static(marked(entry.item.condition_note, lang, "italic"), classes="note"))
        for footnote in entry.item.footnotes:
            note = Text(f"{footnote.number} ", style="dim")
            note.append_text(marked(footnote.text, lang, "dim"))
            out.append(Static(note, classes="footnote"))
        if not entry.is_answerable:
            out.append(Static(self._children(entry), id="children", classes="children"))
            return out
        out.extend(self._answer_widgets(entry))
        if entry.item.after_options:
            out.append(Static(marked(entry.item.after_options, lang, "italic"), classes="note"))
        record = self.session.record(entry.id)
        read_only = self.session.read_only is not None
        for field, label, text in (
            ("legislation", _("Legislation (one citation a line)"), "\n".join(record.legislation)),
            ("links", _("Links (one http(s) address a line)"), "\n".join(record.links)),
            ("comment", _("Comment"), record.comment or ""),
        ):
            out.append(Label(label, classes="field-label"))
            area = TextArea(text, id=f"field-{field}", classes="field", soft_wrap=True, show_line_numbers=False)
            area.disabled = read_only
            out.append(area)
        if entry.children:
            out.append(Static(self._children(entry), id="children", classes="children"))
        return out

    def _answer_widgets(self, entry: Entry) -> list[Widget]:
        record = self.session.record(entry.id)
        value = record.value
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
                buttons.append(RadioButton(label, value=value == code, name=code))
            radio = RadioSet(*buttons, id="answer", classes="answer")
            radio.disabled = read_only
            out.append(radio)
        elif entry.kind is AnswerKind.choices:
            chosen = set(value if isinstance(value, list) else [value] if isinstance(value, str) else [])
            selection: SelectionList[str] = SelectionList(
                *[(marked(o.label, self.lang), o.code, o.code in chosen) for o in entry.options], id="answer", classes="answer"
            )
            selection.disabled = read_only
            out.append(selection)
        else:
            area = TextArea(value if isinstance(value, str) else "", id="answer", classes="answer text-answer", soft_wrap=True)
            area.disabled = read_only
            out.append(Label(_("Answer"), classes="field-label"))
            out.append(area)
        for option in entry.options:
            if option.specify:
                text = record.other if option.code == "other" else record.details.get(option.code)
                label_text, english = qtext(option.label, self.lang)
                out.append(Label(_("Text for “{option}”").format(option=label_text) + (" [EN]" if english else ""), classes="field-label"))
                field = Input(text or "", id=f"specify-{option.code}", classes="specify")
                field.disabled = read_only
                out.append(field)
        return out

    def _status(self, entry: Entry) -> Text:
        out = Text()
        session = self.session
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

    # -- edits -------------------------------------------------------------------

    def _edit(self, widget: Widget, **changes: object) -> None:
        item_id = getattr(widget, "untoc_item", None)
        if item_id is not None and self.session.update(item_id, **changes):
            self.post_message(self.Edited())

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.pressed.name:
            self._edit(event.radio_set, value=event.pressed.name)

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        item_id = getattr(event.selection_list, "untoc_item", None)
        if item_id is None:
            return
        entry = self.session.definition.entries[item_id]
        old = self.session.record(item_id).value
        unknown = [c for c in (old if isinstance(old, list) else [old] if isinstance(old, str) else []) if c not in entry.values]
        selected = set(event.selection_list.selected)
        codes = [c for c in entry.values if c in selected] + unknown  # option order; unknown codes kept
        self._edit(event.selection_list, value=codes or None)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        field = event.text_area.id or ""
        text = event.text_area.text
        if field == "answer":
            self._edit(event.text_area, value=text if text.strip() else None)
        elif field in ("field-legislation", "field-links"):
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            self._edit(event.text_area, **{field.removeprefix("field-"): lines})
        elif field == "field-comment":
            self._edit(event.text_area, comment=text if text.strip() else None)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        field = event.input.id or ""
        item_id = getattr(event.input, "untoc_item", None)
        if not field.startswith("specify-") or item_id is None:
            return
        code = field.removeprefix("specify-")
        text = event.value if event.value.strip() else None
        if code == "other":
            self._edit(event.input, other=text)
        else:
            details = dict(self.session.record(item_id).details)
            if text is None:
                details.pop(code, None)
            else:
                details[code] = text
            self._edit(event.input, details=details)
