"""The keys of the main screen, in one table: bindings, the key bar, the help screen and the command palette read it.

Most keys are *priority* bindings, so that they work while typing in a text field too; ``?`` and
``escape`` are not (in a text field ``?`` is a character). Labels are functions, so that they
follow the interface language when it changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.binding import Binding

from engine.i18n import _


@dataclass(frozen=True, slots=True)
class Key:
    """One key of the main screen."""

    keys: str
    """Textual key names, comma-separated (``f1,question_mark``)."""
    action: str
    """The screen's action (``action_<name>``)."""
    display: str
    """How the key is written in the key bar and the help (``^n``)."""
    label: Callable[[], str] | None
    """A short label for the key bar (keys outside it have none)."""
    help: Callable[[], str]
    """What the key does, for the help screen and the command palette."""
    in_bar: bool = True
    priority: bool = True
    target: str = "screen"
    """Whose action it is: ``screen`` or ``app``."""

    def binding(self) -> Binding:
        return Binding(self.keys, self.action, show=False, priority=self.priority)


MAIN_KEYS: tuple[Key, ...] = (
    Key("ctrl+n", "next_unanswered", "^n", lambda: _("Next to do"), lambda: _("next question still to be answered")),
    Key("ctrl+b", "previous_unanswered", "^b", lambda: _("Prev. to do"), lambda: _("previous question still to be answered")),
    Key("ctrl+down", "next_question", "^↓", lambda: _("Next"), lambda: _("next question (any that applies)")),
    Key("ctrl+up", "previous_question", "^↑", lambda: _("Prev."), lambda: _("previous question (any that applies)")),
    Key("ctrl+f", "search", "^f", lambda: _("Search"), lambda: _("find a question by number (28 a, 28 (a), 28.a) or by words")),
    Key("ctrl+r", "toggle_findings", "^r", lambda: _("Findings"), lambda: _("show or hide the findings; Enter on one opens its question")),
    Key(
        "ctrl+t",
        "check",
        "^t",
        lambda: _("Check/export"),
        lambda: _("submission check (what untoc validate --complete says), and export of the filled questionnaire"),
    ),
    Key("ctrl+l", "language", "^l", lambda: _("Language"), lambda: _("language of the interface and of the questionnaire")),
    Key("ctrl+g", "guidance", "^g", lambda: _("Guidance"), lambda: _("the questionnaire's general guidance")),
    Key("ctrl+o", "toggle_outline", "^o", lambda: _("Outline"), lambda: _("move between the outline and the answer")),
    Key("ctrl+s", "save", "^s", lambda: _("Save"), lambda: _("save now (every change is saved within a second anyway)")),
    Key("ctrl+q", "quit", "^q", lambda: _("Quit"), lambda: _("save and quit"), target="app"),
    Key("f1", "help", "F1", lambda: _("Help"), lambda: _("this help (also ?, outside text fields)")),
    Key("question_mark", "help", "?", None, lambda: _("this help"), in_bar=False, priority=False),  # a character in text fields
    Key("pageup", "page_up", "PgUp", None, lambda: _("scroll the question up"), in_bar=False),
    Key("pagedown", "page_down", "PgDn", None, lambda: _("scroll the question down"), in_bar=False),
    Key("escape", "focus_outline", "Esc", None, lambda: _("back to the outline (or close the findings)"), in_bar=False),
    Key("tab", "next_field", "Tab", None, lambda: _("next field"), in_bar=False),
    Key("shift+tab", "previous_field", "⇧Tab", None, lambda: _("previous field"), in_bar=False),
    Key("enter", "open", "Enter", None, lambda: _("in the outline or the findings: answer that question"), in_bar=False),
)
"""Keys that move the focus are priority bindings: see :mod:`engine.ui.inorder`."""

SHOWN_IN_HELP = ("f1", "pageup", "pagedown", "escape")
"""Keys outside the key bar that the help lists with the others (Tab and Enter are among the moving keys)."""


def moving_keys() -> list[tuple[str, str]]:
    """Keys handled by the widgets themselves, for the help screen."""
    return [
        (_("Tab / Shift+Tab"), _("next / previous field: outline → answer → legislation → links → comment")),
        (_("↑ ↓ in the outline"), _("move through parts, articles and questions (greyed ones too); the question shows at once")),
        (_("Enter in the outline"), _("answer the question (focus goes to its answer); on a part or article, open or close it")),
        (_("↑ ↓ Space/Enter in options"), _("move through the options; Space or Enter chooses (or unchooses) the highlighted one")),
        (_("Delete in options"), _("clear the answer")),
        ("ctrl+p", _("all commands, by name")),
    ]
