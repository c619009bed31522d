"""Quitting while answers are not saved: retry, save them elsewhere, or quit without them — the user decides."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from engine.i18n import _
from engine.ui.access import filling
from engine.ui.dialogs import Dialog, paragraph
from engine.ui.display import prose, shown
from engine.ui.session import Session
from engine.validation.sanitize import clean

RETRIED, SAVED_ELSEWHERE, DISCARD = "retried", "saved-elsewhere", "discard"


class UnsavedScreen(Dialog):
    """The answers could not be saved: r retries, e saves them in another file, d quits without them, Esc goes back."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("escape", "close", show=False),
        Binding("r", "retry", show=False),
        Binding("e", "elsewhere", show=False),
        Binding("d", "discard", show=False),
    ]

    AUTO_FOCUS = ""  # the keys are the dialog's own; the file name field takes the focus when asked for

    def __init__(self, session: Session, reason: str) -> None:
        super().__init__()
        self.session = session
        self.reason = reason

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield paragraph(
                Text(_("Your latest answers are not saved: {reason}").format(reason=self.reason), style="bold red"), classes="paragraph"
            )
            yield paragraph(
                _("r: try again · e: save them in another file · d: quit without saving them (they are lost) · Esc: go back"),
                classes="paragraph",
            )
            elsewhere = Input(str(Path.home() / self.session.path.name), id="elsewhere")
            elsewhere.border_title = shown(_("Save in this file (Enter)"))
            elsewhere.display = False
            yield elsewhere
            yield Static(id="unsaved-status")

    def action_retry(self) -> None:
        app = filling(self)
        if app.save_now():
            self.dismiss(RETRIED)
        else:
            self._status(_("still not saved: {reason}").format(reason=app.save_error or self.reason))

    def action_elsewhere(self) -> None:
        field = self.query_one("#elsewhere", Input)
        field.display = True
        field.focus()

    def action_discard(self) -> None:
        self.dismiss(DISCARD)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = Path(event.value.strip()).expanduser()
        try:
            self.session.save_as(path)
        except OSError as error:
            self._status(_("cannot save {path}: {reason}").format(path=clean(str(path)), reason=error.strerror or error))
            return
        self.dismiss(SAVED_ELSEWHERE)

    def _status(self, text: str) -> None:
        self.query_one("#unsaved-status", Static).update(prose(Text(text, style="bold red")))
