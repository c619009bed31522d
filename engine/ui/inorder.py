"""Keys handled in the order they were typed, even when they arrive all at once.

Textual hands each key to the focused widget's queue as soon as it reads it, but runs a widget's
(non-priority) *bindings* only once the key has bubbled back up to the application. Under a
burst — a paste, a slow remote connection, a fast typist — a Backspace could then act after the
letter typed after it, or an Enter that moves the focus after the next key was already given to
the old widget. So in ``untoc fill``:

- a widget with :class:`KeysInOrder` runs its own bindings' actions itself, as each key reaches it;
- keys that move the focus (Tab, Enter in the outline, Esc, ctrl+…) are the screen's *priority*
  bindings, which first wait until the focused widget has handled the keys typed before them
  (``MainScreen.settle``), then move the focus at once (``Screen.set_focus``).
"""

from __future__ import annotations

import functools

from textual import events
from textual.binding import Binding
from textual.widget import Widget


@functools.cache
def _actions(cls: type) -> dict[str, str]:
    """The class's non-priority bindings, key → action, as Textual merges them (a subclass's win)."""
    actions: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        for binding in klass.__dict__.get("BINDINGS", ()):
            binding = binding if isinstance(binding, Binding) else Binding(*binding)
            if not binding.priority:
                for key in binding.key.split(","):
                    actions[key.strip()] = binding.action
    return actions


class KeysInOrder:
    """Run this widget's bindings when their key reaches it (a mixin, first among the bases: ``class X(KeysInOrder, TextArea)``)."""

    async def on_key(self, event: events.Key) -> None:
        if not isinstance(self, Widget):
            return
        action = _actions(type(self)).get(event.key)
        if action is None:
            return
        event.stop()
        event.prevent_default()
        await self.run_action(action)
