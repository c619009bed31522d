"""Modal dialogs: search, the language picker, the general guidance, help, taking over a file."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from engine.definition.index import excerpt
from engine.export.chrome import unofficial
from engine.i18n import DEFAULT_LANGUAGE, _, questionnaire_text
from engine.i18n.display import has_rtl
from engine.ui.display import is_shaped, prose, shown
from engine.ui.keys import MAIN_KEYS, SHOWN_IN_HELP, moving_keys
from engine.ui.labels import LANGUAGE_NAMES, marked, marks
from engine.ui.session import Session

CLOSE: list[Binding] = [Binding("escape", "close", show=False)]


class Dialog(ModalScreen[str | None]):
    """A dialog that Esc closes, returning ``None``."""

    BINDINGS: ClassVar[list[Binding]] = CLOSE

    def action_close(self) -> None:
        self.dismiss(None)


def paragraph(text: Text | str, classes: str = "") -> Static:
    """A static paragraph that wraps (and, in shaped mode, reads right to left)."""
    return Static(prose(text), classes=classes)


class SearchScreen(Dialog):
    """Find a question by number (``28 a``, ``28 (a)``, ``28.a``) or by words; returns its id."""

    def __init__(self, session: Session, lang: str) -> None:
        super().__init__()
        self.session = session
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield paragraph(_("Search by number (28 a, 28 (a), 28.a) or by words; Enter opens, Esc closes"), classes="hint")
            yield Input(placeholder=shown(_("number or words")), id="query")
            yield OptionList(id="results")

    def on_input_changed(self, event: Input.Changed) -> None:
        results = self.query_one("#results", OptionList)
        results.clear_options()
        entries = self.session.definition.entries
        for item_id in self.session.search(event.value)[:50]:
            entry = entries[item_id]
            row = Text(entry.number + " ", style="bold")
            row.append(excerpt(questionnaire_text(entry.item.text, self.lang), 70))
            results.add_option(Option(prose(row), id=item_id))
        if results.option_count:
            results.highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        results = self.query_one("#results", OptionList)
        if results.option_count:
            self.dismiss(results.get_option_at_index(results.highlighted or 0).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_key(self, event: events.Key) -> None:
        """↑ ↓ move through the results while typing."""
        if event.key in ("down", "up") and self.query_one("#query", Input).has_focus:
            results = self.query_one("#results", OptionList)
            if results.option_count:
                results.action_cursor_down() if event.key == "down" else results.action_cursor_up()
                event.stop()


class LanguageScreen(Dialog):
    """Choose the interface language; returns its code."""

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield paragraph(_("Language of the interface and of the questionnaire"))
            yield OptionList(*[Option(shown(f"{name}  ({code})"), id=code) for code, name in LANGUAGE_NAMES.items()], id="languages")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = list(LANGUAGE_NAMES).index(self.current) if self.current in LANGUAGE_NAMES else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class Reading(Dialog):
    """A page to read: it scrolls with the keys, Esc or Enter closes it."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape,enter", "close", show=False)]

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()


class GuidanceScreen(Reading):
    """The questionnaire's general guidance for replying."""

    def __init__(self, session: Session, lang: str) -> None:
        super().__init__()
        self.session = session
        self.lang = lang

    def compose(self) -> ComposeResult:
        guidance = self.session.definition.questionnaire.guidance
        with VerticalScroll(classes="dialog"):
            yield paragraph(marked(guidance.heading, self.lang, "bold"), classes="paragraph")
            if self.lang != DEFAULT_LANGUAGE:
                yield Static(prose(Text(unofficial(), style="italic")), id="unofficial", classes="paragraph")
            for text in guidance.paragraphs:
                yield paragraph(marked(text, self.lang), classes="paragraph")
            yield paragraph(_("Esc closes"), classes="hint")


class HelpScreen(Reading):
    """Every key, and what the marks of the outline mean, in the interface language."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help"):
            yield paragraph(Text(_("Keys"), style="bold"))
            rows = [(key.display, key.help()) for key in MAIN_KEYS if key.in_bar or key.keys in SHOWN_IN_HELP]
            yield Static(_table(rows), classes="paragraph")
            yield Static(_table(moving_keys()), classes="paragraph")
            yield paragraph(Text(_("Marks in the outline"), style="bold"))
            yield Static(_table(marks()), classes="paragraph")
            yield paragraph(
                _(
                    "Every change is saved within a second (and on quit), in the file's own layout: its comments are kept. "
                    "Questions that depend on an answer not given yet count as still to be answered."
                ),
                classes="paragraph",
            )
            yield paragraph(_("Esc closes"), classes="hint")


def _table(rows: list[tuple[str, str]]) -> Table:
    """Two columns: a key (or mark) and what it does, wrapped under itself (right to left when the interface is)."""
    rtl = is_shaped() and any(has_rtl(text) for _key, text in rows)
    table = Table.grid(padding=(0, 2), expand=True)
    if rtl:
        table.add_column(ratio=1)
        table.add_column(no_wrap=True, style="bold", justify="right")
    else:
        table.add_column(no_wrap=True, style="bold")
        table.add_column(ratio=1)
    for key, text in rows:
        cells = (prose(text), shown(key)) if rtl else (shown(key), prose(text))
        table.add_row(*cells)
    return table


class TakeOverScreen(Dialog):
    """The other ``untoc fill`` of this file has ended: take over editing it?"""

    AUTO_FOCUS = ""  # no widget to focus: the keys are the dialog's

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("y,enter", "take", show=False),
        Binding("n,escape", "close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield paragraph(
                _(
                    "The other untoc fill that had this file open has ended. Take over editing it here? (the file is read again) — y: yes, n: no"
                )
            )

    def action_take(self) -> None:
        self.dismiss("take")
