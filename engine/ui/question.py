"""The question pane: one item's text, notes and answer editors, writing edits to the session.

The pane's widgets are made once and refilled for each item shown: moving from question to question
mounts nothing, except the answer editors when the new item needs different ones (another answer
kind or other options). How each editor reads and writes its field is in :mod:`engine.ui.editors`;
the pane loads them with the item's record, and writes an editor's ``changes`` to the session when
the user edits it — and every pending change before it shows another item, so a keystroke is never
attributed to the wrong item nor lost.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from engine.conditions.describe import scale_label
from engine.definition.index import Entry
from engine.definition.model import SCALE_VALUES, AnswerKind
from engine.i18n import _
from engine.ui.display import prose, shown
from engine.ui.editors import ChoiceEditor, CommentEditor, Edited, Editor, ListEditor, OptionText, TextAnswer
from engine.ui.labels import ANSWERED, BADGE, NOT_APPLICABLE, UNANSWERED, marked, qtext
from engine.ui.session import Session
from engine.validation.findings import Severity
from engine.validation.sanitize import clean
from engine.validation.terms import Terms

KEPT_SHAPES = 12  # answer editors kept mounted (hidden) for reuse: moving between questions mounts nothing


class QuestionPane(VerticalScroll, can_focus=False):
    """Shows one item and edits its answer."""

    class Changed(Message):
        """An answer changed in the session."""

    def __init__(self, session: Session, lang: str, terms: Terms, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.lang = lang
        self.terms = terms
        self.item_id: str | None = None
        self._kept: dict[tuple[object, ...], list[Editor]] = {}  # answer editors by shape, least recently used first
        self._answer: list[Editor] = []  # the shown item's answer editor, then its option texts

    def compose(self) -> ComposeResult:
        # Few widgets, refilled for each item: heading, number and text in one; labels as border titles.
        yield Static(classes="text", id="text")
        yield Static(id="status", classes="status")
        yield Static(classes="note", id="notes")  # the condition note and the footnotes
        yield Static(classes="note", id="after-options")
        read_only = self.session.read_only is not None
        yield ListEditor("legislation", disabled=read_only, id="field-legislation")
        yield ListEditor("links", disabled=read_only, id="field-links")
        yield CommentEditor(disabled=read_only, classes="field", id="field-comment")
        yield Static(id="children", classes="children")

    # -- what is shown -----------------------------------------------------------------

    @property
    def answer_editor(self) -> Editor | None:
        """The editor of the shown item's answer (none for an item without one)."""
        return self._answer[0] if self._answer else None

    @property
    def option_texts(self) -> dict[str, OptionText]:
        """The shown item's texts for options (``other`` and ``details``), by option code."""
        return {editor.code: editor for editor in self._answer if isinstance(editor, OptionText)}

    def fields(self) -> list[ListEditor | CommentEditor]:
        return [
            self.query_one("#field-legislation", ListEditor),
            self.query_one("#field-links", ListEditor),
            self.query_one("#field-comment", CommentEditor),
        ]

    def editors(self) -> list[Editor]:
        """The shown item's editors, in the order Tab visits them."""
        if self.item_id is None or not self.session.definition.entries[self.item_id].is_answerable:
            return []
        return [*self._answer, *self.fields()]

    def first_editor(self) -> Widget | None:
        """The widget to focus to answer the shown item."""
        for editor in self.editors():
            if isinstance(editor, Widget) and editor.display and editor.focusable:
                return editor
        return None

    # -- filling -----------------------------------------------------------------------

    async def show(self, item_id: str, force: bool = False) -> None:
        """Fill the pane with item ``item_id``, shown from its top."""
        if item_id == self.item_id and not force:
            return
        self.commit()
        self.item_id = item_id
        self.session.last = item_id
        entry = self.session.definition.entries[item_id]
        with self.app.batch_update():
            if force:
                await self._forget_answer_editors()
            for editor in self._answer:
                if isinstance(editor, Widget):
                    editor.display = False
            self._answer = await self._answer_editors_for(entry) if entry.is_answerable else []
            self._fill_text(entry)
            for editor in self.editors():
                if isinstance(editor, Widget):
                    editor.display = True
            for field in self.fields():
                field.display = entry.is_answerable
            if entry.is_answerable:
                self._load(entry)
        self.scroll_home(animate=False, immediate=True)

    def _load(self, entry: Entry) -> None:
        record = self.session.record(entry.id)
        editors = list(self.editors())
        answer = editors[0]
        answer.load(record)
        chosen = answer.chosen if isinstance(answer, ChoiceEditor) else []
        for code, text in self.option_texts.items():
            text.load(record, code in chosen, self.session.set_aside.get((entry.id, code)))
        for field in self.fields():
            field.load(record)
        self._title_fields()

    def _title_fields(self) -> None:
        titles = {
            "legislation": _("Legislation (one citation a line)"),
            "links": _("Links (one http(s) address a line)"),
            "comment": _("Comment"),
        }
        for field in self.fields():
            field.border_title = shown(titles[field.field])

    def refresh_status(self) -> None:
        """Update the applicability notice and the findings of the shown item."""
        if self.item_id is None:
            return
        entry = self.session.definition.entries[self.item_id]
        self._set("#status", self._status(entry))
        self._set("#children", self._children(entry) if entry.children else None)

    def _set(self, selector: str, text: Text | None) -> None:
        """Show ``text`` in a static, or hide the static when there is none."""
        widget = self.query_one(selector, Static)
        widget.display = bool(text)
        if text:
            widget.update(prose(text))

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

    def _status(self, entry: Entry) -> Text:
        out = Text()
        session = self.session
        status = session.status(entry.id)
        contributor = session.record(entry.id).contributor
        if contributor:
            out.append(_("Contributor: {name}").format(name=clean(contributor)) + "\n", style="dim")
        if not status.applies:
            out.append(
                _("Does not apply: {reason}. An answer is kept in the file but not reviewed.").format(reason=session.why_not(entry)),
                style="bold yellow",
            )
        elif status.pending:
            out.append(_("May apply: {reason}.").format(reason=session.why_not(entry)), style="yellow")
        if out.plain.endswith("\n"):
            out.right_crop(1)
        for finding in session.findings(self.terms):
            if finding.item == entry.id and finding.severity in (Severity.error, Severity.warning) and finding.code != "not-applicable":
                if out:
                    out.append("\n")
                style = "bold red" if finding.severity is Severity.error else "yellow"
                out.append(f"⚠ {finding.message}", style=style)
        return out

    def _children(self, entry: Entry) -> Text:
        out = Text(_("Sub-items:"), style="bold")
        for child in entry.children:
            applies = self.session.status(child.id).applies
            if not applies:
                mark = NOT_APPLICABLE
            elif not child.is_answerable:
                mark = " "
            else:
                mark = ANSWERED if self.session.answered(child.id) else UNANSWERED
            row = Text(f"\n{mark} {child.number} ")
            row.append_text(marked(child.item.text, self.lang))
            if not applies:
                row.stylize("dim")
            out.append_text(row)
        return out

    # -- the answer editors --------------------------------------------------------------

    async def _answer_editors_for(self, entry: Entry) -> list[Editor]:
        """Answer editors for ``entry``: kept ones of the same shape, or new ones mounted (hidden)."""
        shape = self._answer_shape(entry)
        editors = self._kept.pop(shape, None)
        if editors is None:
            editors = self._answer_editors(entry)
            widgets = [e for e in editors if isinstance(e, Widget)]
            for widget in widgets:
                widget.display = False
            await self.mount_all(widgets, before="#after-options")
            if len(self._kept) >= KEPT_SHAPES:
                oldest = self._kept.pop(next(iter(self._kept)))
                await self.remove_children([e for e in oldest if isinstance(e, Widget)])
        self._kept[shape] = editors
        return editors

    async def _forget_answer_editors(self) -> None:
        """Remove every kept answer editor (the language changed; edits were committed by ``show``)."""
        await self.remove_children([e for editors in self._kept.values() for e in editors if isinstance(e, Widget)])
        self._kept.clear()
        self._answer = []

    def _answer_shape(self, entry: Entry) -> tuple[object, ...]:
        """Two items with the same shape can share answer editors."""
        kind = entry.kind
        options = () if kind in SCALE_VALUES or kind is AnswerKind.text else tuple(o.label for o in entry.options)
        return (kind, tuple(entry.values), options, tuple(_text_codes(entry)), self.lang, self.session.read_only is None)

    def _answer_editors(self, entry: Entry) -> list[Editor]:
        read_only = self.session.read_only is not None
        out: list[Editor] = []
        if entry.kind is AnswerKind.text:
            answer = TextAnswer(disabled=read_only, classes="answer text-answer")
            answer.border_title = shown(_("Answer"))
            return [answer]
        if entry.kind in SCALE_VALUES:
            options = [(code, Text(scale_label(code))) for code in SCALE_VALUES[entry.kind]]
        else:
            options = [(o.code, marked(o.label, self.lang)) for o in entry.options]
        out.append(ChoiceEditor(options, multiple=entry.kind is AnswerKind.choices, disabled=read_only))
        specify = set(entry.specify)
        for code in _text_codes(entry):
            option = entry.option(code)
            label, english = qtext(option.label, self.lang) if option else (code, False)
            editor = OptionText(code, disabled=read_only)
            title = _("Text for “{option}”") if code in specify else _("Details for “{option}” (optional)")
            editor.border_title = shown(title.format(option=label) + (f" {BADGE}" if english else ""))
            out.append(editor)
        return out

    # -- edits -------------------------------------------------------------------------

    def commit(self) -> None:
        """Write every edit not yet written to the session (before the pane is refilled)."""
        for editor in self.editors():
            self._write(editor)

    def on_edited(self, event: Edited) -> None:
        event.stop()
        if event.editor in self.editors():  # else a late message from an editor of another shape, hidden since (committed)
            self._write(event.editor)

    def _write(self, editor: Editor) -> None:
        item_id = self.item_id
        if item_id is None:
            return
        session = self.session
        changed = session.update(item_id, **editor.changes(session.record(item_id)))
        if isinstance(editor, ChoiceEditor):
            for code, text in self.option_texts.items():  # the texts of the chosen options show, the others go (set aside)
                chosen = code in editor.chosen
                if text.active and not chosen and text.text.strip():
                    session.set_aside[(item_id, code)] = text.text
                text.choose(chosen)
                changed = session.update(item_id, **text.changes(session.record(item_id))) or changed
        if changed:
            self.post_message(self.Changed())


def _text_codes(entry: Entry) -> list[str]:
    """Options that carry a text: every option of a multiple-choice list (``details``), the options that ask for one elsewhere."""
    if entry.kind is AnswerKind.choices:
        return list(entry.values)
    return list(entry.specify)
