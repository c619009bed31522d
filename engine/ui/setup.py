"""The set-up screen: what a new response file is about, before it is created."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Footer, Input, RadioButton, RadioSet, Static

from engine.definition import registry
from engine.i18n import _
from engine.ui.labels import LANGUAGE_NAMES, PROTOCOL_ORDER, protocol_label


@dataclass(frozen=True, slots=True)
class Setup:
    """The choices made on the set-up screen."""

    path: Path
    questionnaire: str
    state: str
    language: str
    parties: list[str]
    uncac_party: bool


def protocols_of(questionnaire: str) -> list[str]:
    """The Protocols that have a part in a cluster (Cluster III has no Firearms part)."""
    parts = registry.load(questionnaire).questionnaire.parts
    return [p.instrument.value for p in parts if p.instrument.value != "convention"]


W = TypeVar("W", bound=Widget)


def titled(widget: W, title: str) -> W:
    """``widget`` with ``title`` in its top border (a label that takes no line of its own)."""
    widget.border_title = title
    widget.add_class("titled")
    return widget


def default_name(questionnaire: str, state: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", state.lower()).strip("-") or "state"
    return f"{questionnaire}-{slug}.yaml"


class SetupScreen(Screen[Setup]):
    """Cluster, State, language of the answers, Protocols, UNCAC; then Create."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("ctrl+s", "create", "Create", key_display="^s", priority=True)]

    def __init__(self, path: Path | None, lang: str) -> None:
        super().__init__()
        self.path = path
        self.lang = lang

    def compose(self) -> ComposeResult:
        # Each field is titled in its own border, so that the whole form fits in 80×24 without scrolling.
        with VerticalScroll(id="setup"):
            yield Static(_("New response file"), classes="title")
            with Horizontal(classes="row"):
                with titled(RadioSet(id="cluster", classes="inline"), _("Cluster")):
                    for index, questionnaire in enumerate(registry.available()):
                        model = registry.load(questionnaire).questionnaire
                        yield RadioButton(f"{model.cluster}", value=index == 0, name=questionnaire)
                yield titled(Input(placeholder=_("name of the State party"), id="state"), _("State"))
            with titled(RadioSet(id="language", classes="inline"), _("Language of the answers")):
                for code, name in LANGUAGE_NAMES.items():
                    yield RadioButton(name, value=code == "en", name=code)
            with titled(Vertical(id="protocols", classes="checks"), _("Protocols the State is party to")):
                for code in PROTOCOL_ORDER:
                    yield Checkbox(protocol_label(code), id=f"party-{code}")
            yield Checkbox(_("Party to the United Nations Convention against Corruption"), id="uncac")
            with Horizontal(classes="row"):
                yield titled(Input(str(self.path) if self.path else "", placeholder=_("file name (default: cluster and State)"), id="file"), _("File"))
                yield Button(_("Create and start"), id="create", variant="primary")
            yield Static("", id="error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#state", Input).focus()
        self._sync_protocols()

    def _questionnaire(self) -> str:
        pressed = self.query_one("#cluster", RadioSet).pressed_button
        return (pressed.name if pressed else None) or registry.available()[0]

    def _sync_protocols(self) -> None:
        available = protocols_of(self._questionnaire())
        for code in PROTOCOL_ORDER:
            box = self.query_one(f"#party-{code}", Checkbox)
            box.disabled = code not in available
            if box.disabled:
                box.value = False

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id == "cluster":
            self._sync_protocols()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_create()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_create()

    def action_create(self) -> None:
        state = self.query_one("#state", Input).value.strip()
        error = self.query_one("#error", Static)
        error.display = True
        if not state:
            error.update(_("Please name the State."))
            self.query_one("#state", Input).focus()
            return
        questionnaire = self._questionnaire()
        language = self.query_one("#language", RadioSet).pressed_button
        name = self.query_one("#file", Input).value.strip() or default_name(questionnaire, state)
        path = Path(name).expanduser()
        if path.exists():
            error.update(_("{path} already exists; choose another name").format(path=name))
            return
        if not path.parent.is_dir():
            error.update(_("the folder {folder} does not exist").format(folder=path.parent))
            return
        parties = [code for code in PROTOCOL_ORDER if self.query_one(f"#party-{code}", Checkbox).value]
        uncac = self.query_one("#uncac", Checkbox).value
        self.dismiss(Setup(path, questionnaire, state, (language.name if language else None) or "en", parties, uncac))
