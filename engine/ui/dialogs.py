"""Modal dialogs: search, the language picker, the general guidance."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from engine.definition.index import excerpt
from engine.export.chrome import unofficial
from engine.i18n import _, questionnaire_text
from engine.ui.labels import LANGUAGE_NAMES, marked, shown
from engine.ui.session import Session


class SearchScreen(ModalScreen[str | None]):
    """Find a question by number (``28 a``, ``28 (a)``, ``28.a``) or by words; returns its id."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "dismiss_none", "Close", show=False)]

    def __init__(self, session: Session, lang: str) -> None:
        super().__init__()
        self.session = session
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_("Search by number (28 a, 28 (a), 28.a) or by words; Enter opens, Esc closes"))
            yield Input(placeholder=_("number or words"), id="query")
            yield OptionList(id="results")

    def on_input_changed(self, event: Input.Changed) -> None:
        results = self.query_one("#results", OptionList)
        results.clear_options()
        entries = self.session.definition.entries
        for item_id in self.session.search(event.value)[:50]:
            entry = entries[item_id]
            line = Text(entry.number + " ", style="bold")
            line.append(excerpt(shown(questionnaire_text(entry.item.text, self.lang)), 70))
            results.add_option(Option(line, id=item_id))
        if results.option_count:
            results.highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        results = self.query_one("#results", OptionList)
        if results.option_count:
            option = results.get_option_at_index(results.highlighted or 0)
            self.dismiss(option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        if key in ("down", "up") and self.query_one("#query", Input).has_focus:
            results = self.query_one("#results", OptionList)
            if results.option_count:
                results.action_cursor_down() if key == "down" else results.action_cursor_up()
                getattr(event, "stop", lambda: None)()

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class LanguageScreen(ModalScreen[str | None]):
    """Choose the interface language; returns its code."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "dismiss_none", "Close", show=False)]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield Label(_("Language of the interface and of the questionnaire"))
            options = OptionList(*[Option(f"{name}  ({code})", id=code) for code, name in LANGUAGE_NAMES.items()], id="languages")
            yield options

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = list(LANGUAGE_NAMES).index(self.current) if self.current in LANGUAGE_NAMES else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class GuidanceScreen(ModalScreen[None]):
    """The questionnaire's general guidance for replying."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape,enter", "close", "Close", show=False)]

    def __init__(self, session: Session, lang: str) -> None:
        super().__init__()
        self.session = session
        self.lang = lang

    def compose(self) -> ComposeResult:
        guidance = self.session.definition.questionnaire.guidance
        with VerticalScroll(classes="dialog"):
            yield Static(marked(guidance.heading, self.lang, "bold"))
            if self.lang != "en":
                yield Static(Text(unofficial(), style="italic"), classes="paragraph", id="unofficial")
            for paragraph in guidance.paragraphs:
                yield Static(marked(paragraph, self.lang), classes="paragraph")
            yield Label(_("Esc closes"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
