"""Findings: what ``untoc validate`` would report now (``--complete`` for the submission check); Enter opens a question.

The count of questions still to be answered is the validator's, the same as the header's (one
definition, :mod:`engine.conditions.completeness`); messages name the fields as the UI shows them.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from engine.i18n import _, ngettext
from engine.ui.display import prose, shown
from engine.ui.inorder import KeysInOrder
from engine.ui.session import Session
from engine.validation.findings import Finding, Severity
from engine.validation.terms import Terms


class FindingsList(KeysInOrder, OptionList):
    """One line per error or warning (and, for the submission check, per question still to be answered)."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "close", show=False)]

    class Jump(Message):
        """Open the question of a finding."""

        def __init__(self, item_id: str) -> None:
            super().__init__()
            self.item_id = item_id

    class Close(Message):
        """Hide the findings."""

    def __init__(self, session: Session, terms: Terms, complete: bool = False, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.terms = terms
        self.complete = complete

    def findings(self) -> list[Finding]:
        return self.session.findings(self.terms, complete=self.complete)

    def refresh_findings(self) -> None:
        findings = self.findings()
        listed = [f for f in findings if f.severity in (Severity.error, Severity.warning)]
        unanswered = [f for f in findings if f.code == "unanswered" and f.severity is Severity.info]
        options: list[Option] = []
        for index, finding in enumerate(listed):
            line = Text(
                _("error") if finding.severity is Severity.error else _("warning"),
                style="bold red" if finding.severity is Severity.error else "yellow",
            )
            line.append(f" [{finding.number or finding.item or '-'}] ", style="bold")
            line.append(finding.message)
            options.append(Option(prose(line), id=f"f{index}:{finding.item or ''}"))
        if unanswered:
            count = len(unanswered)
            text = ngettext("{count} question is still to be answered", "{count} questions are still to be answered", count)
            options.append(Option(prose(Text(text.format(count=count), style="dim")), id=f"u:{unanswered[0].item or ''}"))
        if not options:
            options.append(Option(prose(Text(_("No findings: the file is complete and valid."), style="green")), id="none:"))
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(options)
        if options:
            self.highlighted = min(highlighted or 0, len(options) - 1)
        errors = sum(f.severity is Severity.error for f in listed)
        warnings = sum(f.severity is Severity.warning for f in listed)
        self.border_title = shown(
            _("Findings ({errors}, {warnings})").format(
                errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
                warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
            )
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item_id = (event.option.id or "").split(":", 1)[1]
        if item_id in self.session.definition.entries:
            self.post_message(self.Jump(item_id))

    def action_close(self) -> None:
        self.post_message(self.Close())
