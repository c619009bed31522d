"""A fill session: one response file, its questionnaire, the answers being edited.

No Textual here: the session opens (or creates) the file, takes its lock, derives
applicability, progress and findings from the in-memory answers, and saves.

Data that the editor does not understand is never dropped: answers to ids the
questionnaire does not know, and option codes it does not know, are kept as they
are and written back. A file whose reading reported problems (duplicate or unknown
keys, values of the wrong type) would lose those parts on saving, so it opens
read-only, saying why.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from engine.conditions.applicability import Applicability, applicability
from engine.conditions.evaluate import Facts
from engine.conditions.reason import explain
from engine.definition import registry
from engine.definition.index import Entry
from engine.definition.loaded import Definition
from engine.definition.model import SCALE_VALUES, AnswerKind
from engine.i18n import _, current_language, questionnaire_text
from engine.responses.model import Answer, Located, Response, Unreadable, read
from engine.responses.storage import write_atomic
from engine.responses.writer import Document, Record, dump, from_response
from engine.strict_yaml import Mark
from engine.ui.lock import Lock, acquire
from engine.validation.findings import Finding, Severity
from engine.validation.sanitize import clean
from engine.validation.validator import validate

_HERE = Mark(1, 1)


class OpenError(Exception):
    """The file cannot be edited at all: the message says where and why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def state_path(path: Path) -> Path:
    """The sidecar file remembering where the user was: ``.FILE.untoc-state``."""
    return path.with_name(f".{path.name}.untoc-state")


@dataclass
class Session:
    """The file being filled, and everything derived from its answers."""

    path: Path
    definition: Definition
    document: Document
    read_only: str | None = None
    """Why the file may not be written, or ``None``."""
    lock: Lock | None = None
    last: str | None = None
    """The id of the question shown when the file was last closed."""
    ui_language: str | None = None
    revision: int = 0
    saved_revision: int = 0
    _derived: tuple[int, dict[str, Applicability], dict[str, object]] | None = field(default=None, repr=False)
    _findings: tuple[int, list[Finding]] | None = field(default=None, repr=False)

    # -- opening -----------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, take_lock: bool = True) -> Session:
        """Open an existing response file; :class:`OpenError` if it is not one."""
        name = clean(str(path))
        if path.is_dir():
            raise OpenError(_("{path}: is a directory, not a response file").format(path=name))
        try:
            response = read(path)
        except Unreadable as error:
            raise OpenError(f"{name}:{error.mark.line}:{error.mark.column}: {clean(error.message)}") from None
        if response.questionnaire is None:
            raise OpenError(
                _("{path}: the file does not say which questionnaire it answers (questionnaire: cluster1 … cluster4)").format(path=name)
            )
        questionnaire = str(response.questionnaire.value)
        if questionnaire not in registry.available():
            mark = response.questionnaire.mark
            raise OpenError(
                f"{name}:{mark.line}:{mark.column}: "
                + _("unknown questionnaire '{value}'; use one of: {choices}").format(
                    value=clean(questionnaire), choices=", ".join(registry.available())
                )
            )
        session = cls(path, registry.load(questionnaire), from_response(response))
        if response.problems:
            first = response.problems[0]
            session.read_only = _(
                "line {line}: {message} — saving would lose this part of the file, so it is open read-only; fix it in a text editor"
            ).format(line=first.mark.line, message=clean(first.message))
        elif not os.access(path, os.W_OK):
            session.read_only = _("you may not write to this file, so it is open read-only")
        session._load_state()
        if take_lock and session.read_only is None:
            session._take_lock()
        return session

    @classmethod
    def create(
        cls, path: Path, questionnaire: str, state: str, language: str, parties: list[str], uncac_party: bool, take_lock: bool = True
    ) -> Session:
        """Create a new response file (0600) and open it."""
        definition = registry.load(questionnaire)
        document = Document(questionnaire, state, language, list(parties), uncac_party)
        session = cls(path, definition, document)
        if take_lock:
            session._take_lock()
        if session.read_only is None:
            session.save()
        return session

    def _take_lock(self) -> None:
        result = acquire(self.path)
        if isinstance(result, Lock):
            self.lock = result
        else:
            self.read_only = _("this file is open in another untoc fill (process {pid}), so it is open read-only here").format(pid=result)

    def _load_state(self) -> None:
        try:
            data = json.loads(state_path(self.path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict):
            last = data.get("last")
            self.last = last if isinstance(last, str) and last in self.definition.entries else None
            language = data.get("ui_language")
            self.ui_language = language if isinstance(language, str) else None

    def close(self) -> None:
        """Save what is unsaved, remember the position, release the lock."""
        if self.read_only is None:
            self.save()
            self.save_state()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # -- answers -----------------------------------------------------------------

    def record(self, item_id: str) -> Record:
        return self.document.answers.get(item_id) or Record()

    def update(self, item_id: str, **changes: object) -> bool:
        """Change fields of one answer; ``False`` when nothing changed (or read-only)."""
        if self.read_only is not None:
            return False
        record = self.document.answers.setdefault(item_id, Record())
        changed = False
        for name, value in changes.items():
            if getattr(record, name) != value:
                setattr(record, name, value)
                changed = True
        if changed:
            self.revision += 1
        return changed

    @property
    def dirty(self) -> bool:
        return self.revision != self.saved_revision

    def values(self) -> dict[str, object]:
        """The answers conditions can read: well-formed values of known items."""
        out: dict[str, object] = {}
        for item_id, record in self.document.answers.items():
            entry = self.definition.entries.get(item_id)
            value = record.value
            if entry is None or value is None or not entry.is_answerable:
                continue
            if entry.kind is AnswerKind.text:
                if isinstance(value, str) and value.strip():
                    out[item_id] = value
            elif entry.kind is AnswerKind.choices:
                codes = [c for c in ([value] if isinstance(value, str) else value) if c in entry.values]
                if codes:
                    out[item_id] = codes
            elif isinstance(value, str) and value in entry.values:
                out[item_id] = value
        return out

    def _derive(self) -> tuple[dict[str, Applicability], dict[str, object]]:
        if self._derived is None or self._derived[0] != self.revision:
            values = self.values()
            status, _effective = applicability(self.definition, values, frozenset(self.document.parties), self.document.uncac_party)
            self._derived = (self.revision, status, values)
        return self._derived[1], self._derived[2]

    def status(self, item_id: str) -> Applicability:
        return self._derive()[0][item_id]

    def answered(self, item_id: str) -> bool:
        return item_id in self._derive()[1]

    def progress(self, part: object | None = None) -> tuple[int, int]:
        """``(answered, applicable)`` over the answerable items of a part (or of the cluster)."""
        status, values = self._derive()
        answered = applicable = 0
        for entry in self.definition.entries.values():
            if (part is not None and entry.part is not part) or not entry.is_answerable or not status[entry.id].applies:
                continue
            applicable += 1
            answered += entry.id in values
        return answered, applicable

    def why_not(self, entry: Entry) -> str:
        """Why ``entry`` does not apply, in words (the validator's wording); empty when it applies."""
        status, values = self._derive()
        facts = Facts(values, frozenset(self.document.parties), self.document.uncac_party)
        reason = explain(self.definition, entry.id, status, facts)
        return reason.text() if reason is not None else ""

    # -- findings ----------------------------------------------------------------

    def response(self) -> Response:
        """The in-memory answers as a :class:`Response` the validator can check (positions are dummies)."""
        doc = self.document

        def located(value: object) -> Located:
            return Located(value, _HERE)

        response = Response(
            self.path,
            questionnaire=located(doc.questionnaire),
            state=located(doc.state) if doc.state else None,
            language=located(doc.language) if doc.language else None,
            parties=[located(p) for p in doc.parties],
            parties_mark=_HERE,
            uncac_party=located(doc.uncac_party),
            answers_mark=_HERE,
        )
        for item_id, record in doc.answers.items():
            response.answers[item_id] = Answer(
                item_id,
                _HERE,
                value=record.value,
                value_mark=_HERE,
                legislation=[located(x) for x in record.legislation],
                links=[located(x) for x in record.links],
                comment=located(record.comment) if record.comment else None,
                other=located(record.other) if record.other else None,
                details={code: located(text) for code, text in record.details.items()},
                contributor=located(record.contributor) if record.contributor else None,
            )
        return response

    def findings(self) -> list[Finding]:
        """What ``untoc validate`` would report now, in questionnaire order."""
        if self._findings is None or self._findings[0] != self.revision:
            found = validate(self.response(), self.definition, display_path=clean(str(self.path)))
            order = {item_id: i for i, item_id in enumerate(self.definition.entries)}
            found.sort(key=lambda f: (order.get(f.item or "", -1), f.severity != Severity.error))
            self._findings = (self.revision, found)
        return self._findings[1]

    def flagged(self) -> set[str]:
        """Ids of items with an error or a warning."""
        return {f.item for f in self.findings() if f.item and f.severity in (Severity.error, Severity.warning)}

    # -- finding questions -------------------------------------------------------

    def search(self, query: str) -> list[str]:
        """Ids matching a number (``28 a``, ``28 (a)``, ``28.a``) first, then items containing every word."""
        text = query.strip().lower()
        if not text:
            return []
        tokens = re.sub(r"(\d)([a-z])", r"\1 \2", text).replace("(", " ").replace(")", " ").replace(".", " ").split()
        found: list[str] = []
        candidate = ".".join(tokens)
        if candidate in self.definition.entries:
            found.append(candidate)
        prefix = candidate + "."
        found.extend(i for i in self.definition.entries if i.startswith(prefix))
        words = text.split()
        lang = current_language()
        for item_id, entry in self.definition.entries.items():
            if item_id in found:
                continue
            haystack = (entry.number + " " + questionnaire_text(entry.item.text, lang)).lower()
            if all(word in haystack for word in words):
                found.append(item_id)
        return found

    def next_unanswered(self, item_id: str | None, step: int = 1) -> str | None:
        """The next (``step=1``) or previous (``-1``) applicable, unanswered item, wrapping round."""
        ids = list(self.definition.entries)
        start = ids.index(item_id) if item_id in self.definition.entries else (-1 if step > 0 else 0)
        status, values = self._derive()
        for offset in range(1, len(ids) + 1):
            candidate = ids[(start + step * offset) % len(ids)]
            entry = self.definition.entries[candidate]
            if entry.is_answerable and status[candidate].applies and candidate not in values:
                return candidate
        return None

    def neighbour(self, item_id: str | None, step: int = 1) -> str | None:
        """The next or previous applicable item (any kind)."""
        ids = list(self.definition.entries)
        start = ids.index(item_id) if item_id in self.definition.entries else -1
        status = self._derive()[0]
        index = start + step
        while 0 <= index < len(ids):
            if status[ids[index]].applies:
                return ids[index]
            index += step
        return None

    # -- saving ------------------------------------------------------------------

    def text(self) -> str:
        return dump(self.document, self.definition.entries)

    def save(self) -> bool:
        """Write the file atomically (0600) if it changed; ``True`` when written."""
        if self.read_only is not None:
            return False
        if self.dirty or not self.path.exists():
            revision = self.revision
            write_atomic(self.path, self.text(), private=True)
            self.saved_revision = revision
            return True
        return False

    def save_state(self) -> None:
        """Remember the current question and interface language beside the file."""
        if self.read_only is not None:
            return
        data = {"last": self.last, "ui_language": self.ui_language}
        with contextlib.suppress(OSError):  # losing the position is harmless
            write_atomic(state_path(self.path), json.dumps(data) + "\n", private=True)


def scale_codes(entry: Entry) -> tuple[str, ...]:
    return SCALE_VALUES.get(entry.kind, ())
