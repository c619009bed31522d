"""The ``untoc fill`` application: set-up (for a new file), then the main screen."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

from engine.i18n import _
from engine.i18n.catalogs import set_language
from engine.ui.main_screen import MainScreen, bindings
from engine.ui.session import Session
from engine.ui.setup import Setup, SetupScreen

SAVE_DELAY = 0.5
"""Seconds between the first unsaved change and its saving (at most one second, as promised)."""


class FillApp(App[None]):
    """Fill one response file; every change is saved within a second, and on quit."""

    CSS_PATH = "fill.tcss"
    TITLE = "untoc fill"
    BINDINGS: ClassVar[list[Binding]] = [Binding("ctrl+q", "quit", "Quit", key_display="^q", priority=True)]

    def __init__(self, session: Session | None = None, path: Path | None = None, lang: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.new_path = path
        self.lang = (session.ui_language if session else None) or lang or (session.document.language if session else None) or "en"
        self._save_timer: Timer | None = None
        self.save_error: str | None = None

    def on_mount(self) -> None:
        set_language(self.lang)
        if self.session is None:
            self.push_screen(SetupScreen(self.new_path, self.lang), self._created)
        else:
            self.push_screen(MainScreen(self.session, self.lang))

    def _created(self, setup: Setup | None) -> None:
        if setup is None:
            self.exit()
            return
        self.session = Session.create(setup.path, setup.questionnaire, setup.state, setup.language, setup.parties, setup.uncac_party)
        self.push_screen(MainScreen(self.session, self.lang))

    # -- saving ------------------------------------------------------------------

    def schedule_save(self) -> None:
        """Save soon: the timer starts at the first unsaved change, so no change waits more than SAVE_DELAY."""
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_DELAY, self.save_now)

    def save_now(self) -> None:
        self._save_timer = None
        if self.session is None:
            return
        try:
            self.session.save()
            self.save_error = None
        except OSError as error:
            self.save_error = _("cannot save {path}: {reason}").format(path=self.session.path, reason=error.strerror or error)
            self.notify(self.save_error, severity="error", timeout=10)
            self._save_timer = self.set_timer(2.0, self.save_now)  # try again
        screen = self.screen
        if isinstance(screen, MainScreen):
            screen.update_progress()

    def save_state(self) -> None:
        if self.session is not None:
            self.lang = self.session.ui_language or self.lang
            self.session.save_state()

    async def action_quit(self) -> None:
        self.close_session()
        self.exit()

    def close_session(self) -> None:
        """Save everything and release the lock (also called when the app stops)."""
        if self.session is not None:
            screen = self.screen if self.screen_stack else None
            if isinstance(screen, MainScreen):
                self.session.ui_language = screen.lang
            try:
                self.session.close()
            except OSError as error:
                self.save_error = str(error)

    def on_unmount(self) -> None:
        self.close_session()

    # -- command palette -----------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the main screen is also a command of the palette (ctrl+p)."""
        if isinstance(screen, MainScreen):
            for binding in bindings():
                action = getattr(screen, f"action_{binding.action}")
                yield SystemCommand(binding.description, _("key: {key}").format(key=binding.key), action)
        yield SystemCommand(_("Quit"), _("save and quit (key: ctrl+q)"), self.action_quit)
        yield from (c for c in super().get_system_commands(screen) if c.title not in ("Quit",))
