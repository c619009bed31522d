"""Answer editors: each widget edits one field of an answer, and knows which.

Every editor has

- ``field``: the record field it edits (``value``, ``legislation``, ``links``, ``comment``,
  ``other`` or ``details``);
- ``load(record)``: show that field of the record of the item being shown;
- ``changes(record)``: the record fields its content sets, as keyword arguments for
  :meth:`Session.update` — ``{}`` while its content is what it loaded.

An editor posts :class:`Edited` when the user changes it; the question pane then writes its
``changes`` to the session. That is the whole way an answer is saved: this module says how each
field is read from a widget.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList, TextArea
from textual.widgets.option_list import Option

from engine.responses.writer import Record
from engine.ui.display import Shaped, prose
from engine.ui.inorder import KeysInOrder


class Edited(Message):
    """An editor's content was changed by the user."""

    def __init__(self, editor: Editor) -> None:
        super().__init__()
        self.editor = editor


class Editor:
    """What every answer editor has (a mixin: the widget class comes after it)."""

    field: str = "value"

    def load(self, record: Record) -> None:
        raise NotImplementedError

    def changes(self, record: Record) -> dict[str, object]:
        raise NotImplementedError


# -- texts -----------------------------------------------------------------------------


class TextEditor(Editor, KeysInOrder, TextArea):
    """A text area that remembers what it loaded, so that it knows whether the user changed it."""

    def __init__(self, *, disabled: bool = False, classes: str = "", id: str | None = None) -> None:
        super().__init__(soft_wrap=True, show_line_numbers=False, disabled=disabled, classes=classes, id=id)
        self.loaded = ""

    def set_text(self, text: str) -> None:
        """Show ``text``, cursor at its end (the undo history is cleared: no undoing into another item)."""
        self.loaded = text
        if self.text != text:  # refilled with the same text (most often: empty), it keeps its cursor
            self.load_text(text)
            self.move_cursor(self.document.end)

    @property
    def edited(self) -> bool:
        return self.text != self.loaded

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.edited:
            self.post_message(Edited(self))


class TextAnswer(TextEditor):
    """The answer to a free-text question."""

    field = "value"

    def load(self, record: Record) -> None:
        self.set_text(record.value if isinstance(record.value, str) else "")  # a list here is kept until the user answers

    def changes(self, record: Record) -> dict[str, object]:
        if not self.edited:
            return {}
        value = self.text if self.text.strip() else None
        return {"value": value} if value != record.value else {}


class ListEditor(TextEditor):
    """Legislation or links: one entry a line."""

    def __init__(self, field: str, *, disabled: bool = False, id: str | None = None) -> None:
        super().__init__(disabled=disabled, classes="field", id=id)
        self.field = field

    def load(self, record: Record) -> None:
        self.set_text("\n".join(getattr(record, self.field)))

    def changes(self, record: Record) -> dict[str, object]:
        if not self.edited:
            return {}
        entries = [line.strip() for line in self.text.splitlines() if line.strip()]
        return {self.field: entries} if entries != getattr(record, self.field) else {}


class CommentEditor(TextEditor):
    """The comment of an answer."""

    field = "comment"

    def load(self, record: Record) -> None:
        self.set_text(record.comment or "")

    def changes(self, record: Record) -> dict[str, object]:
        if not self.edited:
            return {}
        comment = self.text if self.text.strip() else None
        return {"comment": comment} if comment != record.comment else {}


class OptionText(TextEditor):
    """The text that goes with one option: ``other`` for the option ``other``, else ``details`` for its code.

    It counts only while its option is chosen: unchoosing the option takes the text out of the
    answer (the widget keeps it, and gives it back if the option is chosen again).
    """

    def __init__(self, code: str, *, disabled: bool = False) -> None:
        super().__init__(disabled=disabled, classes="specify")
        self.code = code
        self.field = "other" if code == "other" else "details"
        self.active = False
        self.loaded_active = False

    def stored(self, record: Record) -> str | None:
        """This option's text in ``record``."""
        return record.other if self.code == "other" else record.details.get(self.code)

    def load(self, record: Record, chosen: bool = False, set_aside: str | None = None) -> None:
        """Show the option's text; one that was set aside when the option was unchosen comes back with it."""
        stored = self.stored(record)
        self.set_text(stored or "")
        if not stored and set_aside:
            self.load_text(set_aside)
        self.active = self.loaded_active = chosen
        self.display = chosen or bool(stored)  # a text in the file whose option is not chosen is shown, to be seen and fixed

    def choose(self, chosen: bool) -> None:
        """Its option was chosen or unchosen."""
        self.active = chosen
        self.display = chosen

    def changes(self, record: Record) -> dict[str, object]:
        if not self.edited and self.active == self.loaded_active:
            return {}
        text = self.text if self.active and self.text.strip() else None
        if text == self.stored(record):
            return {}
        if self.field == "other":
            return {"other": text}
        details = dict(record.details)
        if text is None:
            details.pop(self.code, None)
        else:
            details[self.code] = text
        return {"details": details}


# -- options ---------------------------------------------------------------------------


class ChoiceEditor(Editor, KeysInOrder, OptionList):
    """The options of a question, one or several to choose: Space or Enter chooses the highlighted one, Delete clears.

    Codes the questionnaire does not know (from a file) are kept in the answer, unseen, until the
    user chooses something else in a single-choice question.
    """

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("space,enter", "choose", show=False),  # at once, not through a message: the keys that follow see the choice
        Binding("delete,backspace", "clear", show=False),
    ]

    field = "value"

    def __init__(self, options: list[tuple[str, Text]], multiple: bool, *, disabled: bool = False) -> None:
        self.codes = [code for code, _label in options]
        self.labels = [label for _code, label in options]
        self.multiple = multiple
        self.chosen: list[str] = []
        self.raw: object = None
        self.touched = False
        super().__init__(*[Option(self._prompt(i), id=code) for i, code in enumerate(self.codes)], disabled=disabled, classes="answer")

    def _prompt(self, index: int) -> Text | Shaped:
        chosen = self.codes[index] in self.chosen
        box = ("[x] " if chosen else "[ ] ") if self.multiple else ("(•) " if chosen else "( ) ")
        prompt = Text(box, style="bold" if chosen else "")
        prompt.append_text(self.labels[index])
        return prose(prompt)

    def _show_marks(self) -> None:
        """Show which options are chosen (all prompts at once: one refresh, not one per option)."""
        highlighted = self.highlighted
        self.set_options(Option(self._prompt(i), id=code) for i, code in enumerate(self.codes))
        self.highlighted = highlighted

    def load(self, record: Record) -> None:
        value = record.value
        given = [value] if isinstance(value, str) else [str(v) for v in value] if isinstance(value, list) else []
        self.chosen = [code for code in self.codes if code in given]
        self.raw = value
        self.touched = False
        self._show_marks()
        self.highlighted = self.codes.index(self.chosen[0]) if self.chosen else 0

    def value(self) -> object:
        """The answer now: a code (or ``None``), or the chosen codes followed by unknown ones kept from the file."""
        if not self.touched:
            return self.raw
        if not self.multiple:
            return self.chosen[0] if self.chosen else None
        raw = self.raw
        unknown = [str(c) for c in ([raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []) if c not in self.codes]
        return (self.chosen + unknown) or None

    def changes(self, record: Record) -> dict[str, object]:
        value = self.value()
        return {"value": value} if self.touched and value != record.value else {}

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click on an option."""
        event.stop()
        self.choose(event.option.id)

    def action_choose(self) -> None:
        option = self.highlighted_option
        if option is not None:
            self.choose(option.id)

    def choose(self, code: str | None) -> None:
        """Choose ``code`` (or, in a multiple choice, unchoose it if it was chosen)."""
        if code is None or self.disabled:
            return
        if self.multiple:
            self.chosen = [c for c in self.codes if (c in self.chosen) != (c == code)]
        else:
            self.chosen = [code]  # as a radio button: Delete clears
        self._changed()

    def action_clear(self) -> None:
        if not self.disabled:
            self.chosen = []
            self._changed()

    def _changed(self) -> None:
        self.touched = True
        self._show_marks()
        self.post_message(Edited(self))

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if self.has_focus:
            self.scroll_visible(animate=False)  # the question pane shows the list while the user moves in it
