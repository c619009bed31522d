"""A fill session: one response file, its questionnaire, the answers being edited.

No Textual here: the session opens (or creates) the file, takes its lock, derives
applicability, progress and findings from the in-memory answers, and saves.

Data that the editor does not understand is never dropped: answers to ids the
questionnaire does not know, and option codes it does not know, are kept as they
are and written back. A file whose reading reported problems (duplicate or unknown
keys, values of the wrong type) would lose those parts on saving, so it opens
read-only, saying why.

Saving rewrites only the answers that changed, in the file's own text (its comments and
layout stay, see :mod:`engine.responses.roundtrip`), atomically, keeping the file's
permissions; a new file is created readable by its owner only.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from engine.conditions.applicability import Applicability
from engine.conditions.completeness import Assessment, assess, completeness
from engine.conditions.describe import describe
from engine.conditions.evaluate import Facts
from engine.conditions.reason import explain
from engine.definition import registry
from engine.definition.index import Entry
from engine.definition.loaded import Definition
from engine.i18n import _, current_language, questionnaire_text
from engine.responses.model import Answer, Located, Response, Unreadable, read_text
from engine.responses.roundtrip import rewrite
from engine.responses.storage import write_atomic
from engine.responses.writer import Document, Record, dump, from_response
from engine.strict_yaml import Mark, YamlError, load_text
from engine.ui.lock import Lock, acquire, alive, holder, lock_path
from engine.validation.findings import Finding, Severity
from engine.validation.sanitize import clean
from engine.validation.terms import FILE_TERMS, Terms
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


def folder_problem(path: Path) -> str | None:
    """Why a file cannot be created or replaced in ``path``'s folder, or ``None``."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        return _("the folder {folder} does not exist").format(folder=clean(str(folder)))
    if not os.access(folder, os.W_OK | os.X_OK):
        return _("the folder {folder} cannot be written").format(folder=clean(str(folder)))
    return None


@dataclass
class Session:
    """The file being filled, and everything derived from its answers."""

    path: Path
    definition: Definition = field(repr=False)  # short reprs: an error report lists the session among its variables
    document: Document = field(repr=False)
    read_only: str | None = None
    """Why the file may not be written, or ``None``."""
    locked_by: int | None = None
    """The process holding the file's lock when it is read-only for that reason."""
    lock: Lock | None = None
    last: str | None = None
    """The id of the question shown when the file was last closed."""
    ui_language: str | None = None
    revision: int = 0
    saved_revision: int = 0
    layout_note: str | None = None
    """Why saving will not keep the file's comments and layout (a layout it does not edit in place), or ``None``."""
    set_aside: dict[tuple[str, str], str] = field(default_factory=dict)
    """Texts taken out of an answer when their option was unchosen, by (item, option): offered again if it is chosen again."""
    _text: str | None = field(default=None, repr=False)
    _base: Document | None = field(default=None, repr=False)
    _assessment: tuple[int, Assessment] | None = field(default=None, repr=False)
    _findings: dict[tuple[int, str, bool, int], list[Finding]] = field(default_factory=dict, repr=False)

    # -- opening -----------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, take_lock: bool = True) -> Session:
        """Open an existing response file; :class:`OpenError` if it is not one."""
        name = clean(str(path))
        if path.is_dir():
            raise OpenError(_("{path}: is a directory, not a response file").format(path=name))
        try:
            text = load_text(path)
            response = read_text(text, path)
        except (YamlError, Unreadable) as error:
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
        document = from_response(response)
        session = cls(path, registry.load(questionnaire), document, _text=text, _base=copy.deepcopy(document))
        if response.problems:
            first = response.problems[0]
            session.read_only = _(
                "line {line}: {message} — saving would lose this part of the file, so it is open read-only; fix it in a text editor"
            ).format(line=first.mark.line, message=clean(first.message))
        elif not os.access(path, os.W_OK):
            session.read_only = _("you may not write to this file, so it is open read-only")
        elif (problem := folder_problem(path)) is not None:
            session.read_only = _("{problem}, so the file is open read-only").format(problem=problem)
        session._load_state()
        if take_lock and session.read_only is None:
            session._take_lock()
        if session.read_only is None:
            session.layout_note = session._layout_note()
        return session

    @classmethod
    def create(
        cls, path: Path, questionnaire: str, state: str, language: str, parties: list[str], uncac_party: bool, take_lock: bool = True
    ) -> Session:
        """Create a new response file (0600) and open it; ``OSError`` when it cannot be written."""
        definition = registry.load(questionnaire)
        document = Document(questionnaire, state, language, list(parties), uncac_party)
        session = cls(path, definition, document)
        if take_lock:
            session._take_lock()
        if session.read_only is None:
            try:
                session.save()
            except OSError:
                session.close()
                raise
        return session

    def _take_lock(self) -> None:
        """Take the file's lock, or open read-only when another live process holds it (``OSError`` if it cannot be written)."""
        result = acquire(self.path)
        if isinstance(result, Lock):
            self.lock = result
            self.locked_by = None
        else:
            self.locked_by = result
            self.read_only = _("this file is open in another untoc fill (process {pid}), so it is open read-only here").format(pid=result)

    def lock_released(self) -> bool:
        """Whether the file is read-only only because of a lock that is no longer held by a live process."""
        if self.locked_by is None:
            return False
        pid = holder(lock_path(self.path))
        return pid is None or not alive(pid)

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

    def _layout_note(self) -> str | None:
        """Tell, before the first save, when the file's comments and layout cannot be kept."""
        if self._text is None or self._base is None:
            return None
        probe = copy.deepcopy(self._base)
        probe.answers["\x00probe"] = Record("x")
        if rewrite(self._text, self._base, probe, list(self.definition.entries)) is not None:
            return None
        return _(
            "saving will write this file in untoc's layout (its answers are not written in block style): its comments will not be kept"
        )

    def close(self) -> None:
        """Save what is unsaved, remember the position, release the lock (even when saving fails: ``OSError`` is raised after)."""
        try:
            if self.read_only is None:
                self.save()
                self.save_state()
        finally:
            self.release()

    def release(self) -> None:
        """Let another ``untoc fill`` edit the file (nothing more is saved from here)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if self.read_only is None:
            self.read_only = _("the file was closed")

    # -- answers -----------------------------------------------------------------

    def record(self, item_id: str) -> Record:
        return self.document.answers.get(item_id) or Record()

    def update(self, item_id: str, **changes: object) -> bool:
        """Change fields of one answer; ``False`` when nothing changed (or read-only)."""
        if self.read_only is not None or not changes:
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

    def assessment(self) -> Assessment:
        """Applicability and completeness of the answers now (one definition, shared with ``untoc validate``)."""
        if self._assessment is None or self._assessment[0] != self.revision:
            doc = self.document
            answers = {item_id: record.value for item_id, record in doc.answers.items()}
            self._assessment = (self.revision, assess(self.definition, answers, frozenset(doc.parties), doc.uncac_party))
        return self._assessment[1]

    def status(self, item_id: str) -> Applicability:
        return self.assessment().status[item_id]

    def answered(self, item_id: str) -> bool:
        """Whether an answer is given (not necessarily a valid one: that is a finding)."""
        return item_id in self.assessment().given

    def progress(self, part: object | None = None) -> tuple[int, int]:
        """``(answered, expected)``: questions answered of those still expected, in a part or in the cluster."""
        assessment = self.assessment()
        if part is None:
            done = assessment.completeness
        else:
            done = completeness(self.definition, assessment.status, assessment.given, self.definition.part_entries(part))
        return done.answered, len(done.expected)

    def why_not(self, entry: Entry) -> str:
        """Why ``entry`` does not apply — or, when it is pending, on what it depends — in words (the validator's wording)."""
        status = self.status(entry.id)
        if status.applies and not status.pending:
            return ""
        if status.pending:
            owner = status.owner or entry
            assert status.condition is not None
            return _("{number} applies when {condition}; that is not decided yet").format(
                number=owner.number, condition=describe(status.condition, self.definition.entries)
            )
        assessment = self.assessment()
        facts = Facts(assessment.effective, frozenset(self.document.parties), self.document.uncac_party)
        reason = explain(self.definition, entry.id, assessment.status, facts)
        return reason.text() if reason is not None else ""

    # -- findings ----------------------------------------------------------------

    def response(self) -> Response:
        """The in-memory answers as a :class:`Response` the validator and exporters can read (positions are dummies)."""
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

    def findings(self, terms: Terms = FILE_TERMS, complete: bool = False) -> list[Finding]:
        """What ``untoc validate`` (``--complete``) would report now, in questionnaire order, worded in the current language."""
        key = (self.revision, current_language(), complete, id(terms))
        found = self._findings.get(key)
        if found is None:
            found = validate(self.response(), self.definition, complete=complete, display_path=clean(str(self.path)), terms=terms)
            order = {item_id: i for i, item_id in enumerate(self.definition.entries)}
            found.sort(key=lambda f: (order.get(f.item or "", -1), f.severity != Severity.error))
            self._findings = {k: v for k, v in self._findings.items() if k[0] == self.revision}
            self._findings[key] = found
        return found

    def flagged(self, terms: Terms = FILE_TERMS) -> set[str]:
        """Ids of items with an error or a warning."""
        return {f.item for f in self.findings(terms) if f.item and f.severity in (Severity.error, Severity.warning)}

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
        """The next (``step=1``) or previous (``-1``) question still to be answered, wrapping round."""
        todo = set(self.assessment().completeness.unanswered)
        if not todo:
            return None
        ids = list(self.definition.entries)
        start = ids.index(item_id) if item_id in self.definition.entries else (-1 if step > 0 else 0)
        for offset in range(1, len(ids) + 1):
            candidate = ids[(start + step * offset) % len(ids)]
            if candidate in todo:
                return candidate
        return None

    def neighbour(self, item_id: str | None, step: int = 1) -> str | None:
        """The next or previous item that applies (or may: pending), of any kind."""
        ids = list(self.definition.entries)
        start = ids.index(item_id) if item_id in self.definition.entries else -1
        status = self.assessment().status
        index = start + step
        while 0 <= index < len(ids):
            if status[ids[index]].applies:
                return ids[index]
            index += step
        return None

    # -- saving ------------------------------------------------------------------

    def text(self) -> str:
        """The file's new text: the answers that changed rewritten in its own text, or the whole file in the documented order."""
        if self._text is not None and self._base is not None:
            kept = rewrite(self._text, self._base, self.document, list(self.definition.entries))
            if kept is not None:
                return kept
        return dump(self.document, self.definition.entries)

    def save(self) -> bool:
        """Write the file atomically if it changed (keeping its permissions); ``True`` when written; ``OSError`` when it cannot be."""
        if self.read_only is not None:
            return False
        if self.dirty or not self.path.exists():
            self._write(self.path)
            return True
        return False

    def save_as(self, path: Path) -> None:
        """Write the answers to another file (created readable by its owner only) and go on editing that one."""
        if path.exists() and path.resolve() != self.path.resolve():
            raise FileExistsError(_("{path} already exists; choose another name").format(path=clean(str(path))))
        problem = folder_problem(path)
        if problem is not None:
            raise PermissionError(problem)
        old_lock = self.lock
        result = acquire(path)
        if not isinstance(result, Lock):
            raise PermissionError(_("{path} is open in another untoc fill (process {pid})").format(path=clean(str(path)), pid=result))
        try:
            self.path = path
            self._text = self._base = None  # a new file: the documented order
            self._write(path)
        except OSError:
            result.release()
            raise
        self.lock = result
        if old_lock is not None:
            old_lock.release()
        self.save_state()

    def _write(self, path: Path) -> None:
        revision = self.revision
        text = self.text()
        try:
            mode: int | None = stat.S_IMODE(path.stat().st_mode)
        except OSError:
            mode = None  # a new file: 0600
        write_atomic(path, text, private=True, mode=mode)
        self.saved_revision = revision
        self._text, self._base = text, copy.deepcopy(self.document)
        self.layout_note = None

    def save_state(self) -> None:
        """Remember the current question and interface language beside the file."""
        if self.read_only is not None:
            return
        data = {"last": self.last, "ui_language": self.ui_language}
        with contextlib.suppress(OSError):  # losing the position is harmless
            write_atomic(state_path(self.path), json.dumps(data) + "\n", private=True)
