"""The application as its screens see it: a typed accessor, so that no screen imports the app (which imports them)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.dom import DOMNode

from engine.ui.session import Session


@runtime_checkable
class Filling(Protocol):
    """What the ``untoc fill`` application offers its screens."""

    session: Session | None
    save_error: str | None
    """Why the last save failed, or ``None``."""

    def schedule_save(self) -> None:
        """Save soon (within a second of the first unsaved change)."""

    def save_now(self) -> bool:
        """Save at once; ``False`` when the file could not be written (the screen says why)."""

    def save_state(self) -> None:
        """Remember the current question and language beside the file."""

    def take_over(self) -> None:
        """Read the file again and edit it (the instance that held its lock has ended)."""


def filling(node: DOMNode) -> Filling:
    """The running ``untoc fill`` application of ``node``."""
    app = node.app
    if not isinstance(app, Filling):
        raise TypeError(f"{type(app).__name__} is not the untoc fill application")
    return app
