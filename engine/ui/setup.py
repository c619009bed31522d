"""The set-up screen: what a new response file is about; it creates the file, or says why it cannot."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import ClassVar, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, Static

from engine.definition import registry
from engine.i18n import _
from engine.ui.display import prose, shown
from engine.ui.keybar import KeyBar
from engine.ui.keys import Key
from engine.ui.labels import LANGUAGE_NAMES, PROTOCOL_ORDER, protocol_label
from engine.ui.session import Session, folder_problem
from engine.validation.sanitize import clean

SETUP_KEYS: tuple[Key, ...] = (
    Key("ctrl+s", "create", "^s", lambda: _("Create"), lambda: _("create the file and start")),
    Key("ctrl+q", "quit", "^q", lambda: _("Quit"), lambda: _("quit without creating a file"), target="app"),
)


def protocols_of(questionnaire: str) -> list[str]:
    """The Protocols that have a part in a cluster (Cluster III has no Firearms part)."""
    parts = registry.load(questionnaire).questionnaire.parts
    return [p.instrument.value for p in parts if p.instrument.value != "convention"]


W = TypeVar("W", bound=Widget)


def titled(widget: W, title: str) -> W:
    """``widget`` with ``title`` in its top border (a label that takes no line of its own)."""
    widget.border_title = shown(title)
    widget.add_class("titled")
    return widget


def default_name(questionnaire: str, state: str) -> str:
    """``cluster1-россия.yaml``: the State's name kept in its own script (letters and digits), words joined by hyphens."""
    name = unicodedata.normalize("NFC", state).casefold()
    slug = "-".join(re.findall(r"[^\W_]+", name))[:60].strip("-") or "state"
    return f"{questionnaire}-{slug}.yaml"


class SetupScreen(Screen[Session | None]):
    """Cluster, State, language of the answers, Protocols, UNCAC, file; then Create."""

    BINDINGS: ClassVar[list[BindingType]] = [key.binding() for key in SETUP_KEYS if key.target == "screen"]

    def __init__(self, path: Path | None, lang: str) -> None:
        super().__init__()
        self.path = path
        self.lang = lang

    def compose(self) -> ComposeResult:
        # Each field is titled in its own border, so that the whole form fits in 80×24 without scrolling.
        with VerticalScroll(id="setup"):
            yield Static(prose(Text(_("New response file"), style="bold")), classes="title")
            with Horizontal(classes="row"):
                with titled(RadioSet(id="cluster", classes="inline"), _("Cluster")):
                    for index, questionnaire in enumerate(registry.available()):
                        model = registry.load(questionnaire).questionnaire
                        yield RadioButton(f"{model.cluster}", value=index == 0, name=questionnaire)
                yield titled(Input(placeholder=shown(_("name of the State party")), id="state"), _("State"))
            with titled(RadioSet(id="language", classes="inline"), _("Language of the answers")):
                for code, name in LANGUAGE_NAMES.items():
                    yield RadioButton(shown(name), value=code == "en", name=code)
            with titled(Vertical(id="protocols", classes="checks"), _("Protocols the State is party to")):
                for code in PROTOCOL_ORDER:
                    yield Checkbox(shown(protocol_label(code)), id=f"party-{code}")
            yield Checkbox(shown(_("Party to the United Nations Convention against Corruption")), id="uncac")
            with Horizontal(classes="row"):
                placeholder = shown(_("file name (default: cluster and State)"))
                yield titled(Input(str(self.path) if self.path else "", placeholder=placeholder, id="file"), _("File"))
                yield Button(shown(_("Create and start")), id="create", variant="primary")
            yield Static(id="target")
            yield Static("", id="error")
        yield KeyBar(SETUP_KEYS)

    def on_mount(self) -> None:
        self.query_one("#state", Input).focus()
        self._sync_protocols()
        self._show_target()

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

    def target(self) -> Path:
        """The file to create: the one named, or one named after the cluster and the State."""
        state = self.query_one("#state", Input).value.strip()
        name = self.query_one("#file", Input).value.strip() or default_name(self._questionnaire(), state)
        return Path(name).expanduser()

    def _show_target(self) -> None:
        text = _("Will be created as: {path}").format(path=clean(str(self.target().absolute())))
        self.query_one("#target", Static).update(prose(Text(text, style="dim")))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id == "cluster":
            self._sync_protocols()
        self._show_target()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show_target()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_create()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_create()

    def _error(self, message: str, focus: str | None = None) -> None:
        error = self.query_one("#error", Static)
        error.display = True
        error.update(prose(Text(message, style="bold")))
        if focus is not None:
            self.query_one(focus).focus()

    def action_create(self) -> None:
        """Create the file and start; or say, on this screen, why it cannot be created."""
        state = self.query_one("#state", Input).value.strip()
        if not state:
            self._error(_("Please name the State."), "#state")
            return
        path = self.target()
        name = clean(str(path))
        if path.exists():
            self._error(_("{path} already exists; choose another name").format(path=name), "#file")
            return
        problem = folder_problem(path)
        if problem is not None:
            self._error(_("{problem}: choose another file name or folder").format(problem=problem), "#file")
            return
        language = self.query_one("#language", RadioSet).pressed_button
        parties = [code for code in PROTOCOL_ORDER if self.query_one(f"#party-{code}", Checkbox).value]
        uncac = self.query_one("#uncac", Checkbox).value
        try:
            session = Session.create(path, self._questionnaire(), state, (language.name if language else None) or "en", parties, uncac)
        except OSError as error:
            self._error(_("cannot create {path}: {reason}").format(path=name, reason=error.strerror or error), "#file")
            return
        if session.read_only is not None:  # another untoc fill created it meanwhile
            self._error(session.read_only, "#file")
            return
        self.dismiss(session)
