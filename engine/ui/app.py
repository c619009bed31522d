"""The ``untoc fill`` application: set-up (for a new file), then the main screen; saving, quitting, signals.

Every change is saved within a second (``SAVE_DELAY``) and on quit. A save that fails (a folder
made read-only, a full disk) is retried every few seconds under one persistent banner, and quitting
then asks what to do: retry, save the answers in another file, or quit without them (exit status 1).
SIGTERM and SIGHUP (the terminal closed) are a quit: the keys already typed are handled, the
answers saved, the position remembered and the lock released.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from rich.console import Console
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer

from engine.i18n import _, current_language
from engine.i18n.catalogs import set_language
from engine.ui.crash import CrashLog
from engine.ui.display import shown
from engine.ui.keys import MAIN_KEYS
from engine.ui.main_screen import MainScreen
from engine.ui.saving import DISCARD, UnsavedScreen
from engine.ui.session import Session
from engine.ui.setup import SetupScreen
from engine.validation.sanitize import clean

SAVE_DELAY = 0.5
"""Seconds between the first unsaved change and its saving (at most one second, as promised)."""
RETRY_DELAY = 3.0
"""Seconds between attempts when saving fails."""
EXIT_UNSAVED = 1
"""Exit status when the user quit without saving answers that could not be saved."""


def _terminal_gone() -> bool:
    """Whether the terminal was hung up (reading its settings then fails)."""
    import termios

    try:
        termios.tcgetattr(sys.__stdin__.fileno() if sys.__stdin__ else 0)
    except (termios.error, OSError, ValueError):
        return True
    return False


class FillApp(App[None]):
    """Fill one response file."""

    CSS_PATH = "fill.tcss"
    TITLE = "untoc fill"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", show=False, priority=True)]

    def __init__(self, session: Session | None = None, path: Path | None = None, lang: str | None = None) -> None:
        """``lang`` (``--lang``) wins over the language remembered for the file, which wins over the file's own."""
        super().__init__()
        self.session = session
        self.new_path = path
        remembered = session.ui_language if session else None
        self.lang = lang or remembered or (session.document.language if session else None) or current_language()
        self.save_error: str | None = None
        self.unsaved = False
        self._save_timer: Timer | None = None
        self.crash_log = CrashLog()
        self.error_console = Console(file=self.crash_log, markup=False, highlight=False, color_system=None, width=120)

    def on_mount(self) -> None:
        set_language(self.lang)
        self._catch_signals()
        if self.session is None:
            self.push_screen(SetupScreen(self.new_path, self.lang), self._created)
        else:
            self.push_screen(MainScreen(self.session, self.lang))

    def _created(self, session: Session | None) -> None:
        if session is None:
            self.exit()
            return
        self.session = session
        self.push_screen(MainScreen(session, self.lang))
        self.notify(shown(_("Created {path}").format(path=clean(str(session.path.resolve())))), timeout=6)

    def main_screen(self) -> MainScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)

    # -- saving ------------------------------------------------------------------

    def schedule_save(self) -> None:
        """Save soon: the timer starts at the first unsaved change, so no change waits more than SAVE_DELAY."""
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_DELAY, self._autosave)

    def _autosave(self) -> None:
        self._save_timer = None
        self.save_now()

    def save_now(self) -> bool:
        """Save at once; on failure, say so in the banner and try again in a few seconds."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.session is None:
            return True
        try:
            self.session.save()
            self.save_error = None
        except OSError as error:
            self.save_error = _("cannot save {path}: {reason}").format(path=clean(str(self.session.path)), reason=error.strerror or error)
            self._save_timer = self.set_timer(RETRY_DELAY, self._autosave)
        main = self.main_screen()
        if main is not None:
            main.saving_failed(self.save_error)
        return self.save_error is None

    def save_state(self) -> None:
        if self.session is not None:
            self.session.save_state()

    def _commit(self) -> None:
        """Write what the question pane holds to the session, and remember the language."""
        main = self.main_screen()
        if main is not None and self.session is not None:
            main.pane.commit()
            self.session.ui_language = main.lang

    # -- quitting ------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Save and quit; if the answers cannot be saved, ask what to do with them."""
        main = self.main_screen()
        if main is not None:
            await main.settle()
        self._commit()
        session = self.session
        if session is not None and session.read_only is None and session.dirty and not self.save_now():
            self.push_screen(UnsavedScreen(session, self.save_error or ""), self._unsaved_choice)
            return
        self.finish()

    def _unsaved_choice(self, choice: str | None) -> None:
        if choice is None:
            return  # back to the answers
        if choice == DISCARD:
            self.unsaved = True
        self.finish()

    def finish(self) -> None:
        self.close_session()
        self.exit(return_code=EXIT_UNSAVED if self.unsaved else 0)

    def close_session(self) -> None:
        """Save (unless the user chose not to), remember the position, release the lock; never raises."""
        session = self.session
        if session is None:
            return
        if self.unsaved:
            session.release()  # the user chose to quit without the answers that could not be saved
            return
        try:
            session.close()
        except OSError as error:
            self.save_error = str(error.strerror or error)
            self.unsaved = True

    def on_unmount(self) -> None:
        self._commit()
        self.close_session()

    # -- signals -------------------------------------------------------------------

    def _catch_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no such signal
                loop.add_signal_handler(signum, self._on_signal, signum)

    def _on_signal(self, signum: int) -> None:
        """Save at once what the screen shows; then quit once the keys already received are handled.

        When the terminal is gone (SIGHUP after a hang-up), nothing can be drawn any more and Textual
        would wait for ever to write to it: the answers saved and the lock released, the process ends.
        """
        self._commit()
        if self.session is not None:
            with contextlib.suppress(OSError):
                self.session.save()
                self.session.save_state()
        if signum == signal.SIGHUP and _terminal_gone():
            self.close_session()
            os._exit(128 + signum)
        self.call_later(self._terminate, signum)

    async def _terminate(self, signum: int) -> None:
        main = self.main_screen()
        if main is not None:
            await main.settle()
        self._commit()
        self.close_session()
        self.exit(return_code=128 + signum)

    def take_over(self) -> None:
        """The instance that held the lock has ended: read the file again and edit it here, at the same question."""
        old = self.session
        main = self.main_screen()
        if old is None or main is None:
            return
        try:
            session = Session.open(old.path)
        except Exception as error:  # the file may have become anything meanwhile
            self.notify(shown(str(getattr(error, "message", error))), severity="error")
            return
        if session.read_only is not None:
            self.notify(shown(session.read_only), severity="warning")
            session.close()
            return
        session.last = main.pane.item_id or session.last
        self.session = session
        self.switch_screen(MainScreen(session, main.lang))

    # -- command palette -----------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every key of the main screen is a command of the palette (ctrl+p); Textual's own commands are left out."""
        if isinstance(screen, MainScreen):
            for key in MAIN_KEYS:
                if key.in_bar and key.label is not None:
                    target = self if key.target == "app" else screen
                    yield SystemCommand(shown(key.label()), shown(f"{key.display} · {key.help()}"), getattr(target, f"action_{key.action}"))
        else:
            yield SystemCommand(shown(_("Quit")), shown(_("save and quit (key: ctrl+q)")), self.action_quit)
