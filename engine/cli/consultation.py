"""``untoc split``, ``merge``, ``diff`` and ``import``: preparing a response with several contributors.

Every input is checked before it is read (a regular file, not a folder or a FIFO); every output is
written atomically and privately, and never over an existing file without ``--force``.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from engine.cli.status import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError
from engine.i18n import _, ngettext

if TYPE_CHECKING:
    from engine.consultation.split import Share
    from engine.definition.loaded import Definition
    from engine.responses.writer import Document as Answers
    from engine.validation.findings import Finding

EXIT_UNREADABLE = 2


class InputError(Exception):
    """An input that cannot be used, with its located message (exit code 2)."""


def add_parsers(command: Callable[..., argparse.ArgumentParser], language: Callable[[str], str]) -> None:
    """The consultation commands, each made by ``command(name, handler, help=…)`` (which binds the handler).

    ``language`` is the argparse type of ``--lang`` (one of the six languages, else misuse).
    """
    message_language = _("language of the messages: ar, en, es, fr, ru, zh (default: from the environment's locale)")
    split = command("split", run_split, help=_("hand out a response: one file per contributor with only their questions"))
    split.add_argument("file", metavar="FILE", help=_("the response file to split"))
    how = split.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--by", choices=("part", "section", "question-list"), help=_("one file per part, per section, or per --questions list")
    )
    how.add_argument("--assign", metavar="ASSIGNMENT", help=_("a YAML file mapping each contributor to questions (see README)"))
    split.add_argument(
        "--questions",
        action="append",
        default=[],
        metavar="LIST",
        help=_("with --by question-list: questions such as 1-4, 12.a (repeatable)"),
    )
    split.add_argument("--docx", action="store_true", help=_("also write each part as a fillable Word form"))
    split.add_argument("-o", "--output", required=True, metavar="FOLDER", help=_("folder to write the parts to (created if needed)"))
    split.add_argument("--force", action="store_true", help=_("overwrite files already in the folder"))
    split.add_argument("--lang", type=language, help=message_language)

    merge = command("merge", run_merge, help=_("merge the contributors' parts (YAML or filled Word forms) into one response"))
    merge.add_argument("base", metavar="BASE", help=_("the response file the parts were split from"))
    merge.add_argument("parts", nargs="+", metavar="PART", help=_("parts: response files or filled Word forms (.docx)"))
    merge.add_argument("-o", "--output", required=True, help=_("the merged response file to write"))
    merge.add_argument(
        "--prefer", action="append", default=[], metavar="FILE", help=_("on a conflict, take this file's answer (repeatable, in order)")
    )
    merge.add_argument("--force", action="store_true", help=_("overwrite an existing output file"))
    merge.add_argument("--lang", type=language, help=message_language)

    diff = command("diff", run_diff, help=_("list the answers added, removed and changed between two versions"))
    diff.add_argument("old", metavar="OLD", help=_("the earlier version (a response file or a filled Word form)"))
    diff.add_argument("new", metavar="NEW", help=_("the later version"))
    diff.add_argument("--format", choices=("text", "json"), default="text", help=_("output format (default: text)"))
    diff.add_argument("--lang", type=language, help=message_language)

    form = command("import", run_import, help=_("read the answers of a filled Word form (.docx) into a response file"))
    form.add_argument("file", metavar="FILE.docx", help=_("a form made by untoc export … --fillable or untoc split --docx, filled in"))
    form.add_argument("-o", "--output", required=True, help=_("the response file to write (created readable by you only)"))
    form.add_argument("--cluster", help=_("refuse a form of another cluster (1–4)"))
    form.add_argument("--force", action="store_true", help=_("overwrite an existing output file"))
    form.add_argument("--lang", type=language, help=message_language)


def add_fillable_options(parser: argparse.ArgumentParser) -> None:
    """``--fillable`` and ``--questions`` of ``untoc export blank|filled``."""
    parser.add_argument(
        "--fillable",
        action="store_true",
        help=_("a Word form to fill in (content controls), read back with untoc import (implies --format docx)"),
    )
    parser.add_argument("--questions", metavar="LIST", help=_("with --fillable: only these questions, such as 1-4, 12.a, trafficking"))


def run_import(args: argparse.Namespace) -> int:
    from engine.cli.forms import run_import as run

    return guarded(run)(args)


# -- inputs and outputs ---------------------------------------------------------------------------------


def check_input(name: str) -> Path:
    """A path that names a regular file; :class:`InputError` otherwise (a FIFO is never opened)."""
    path = Path(name)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise InputError(_("{path}: no such file").format(path=_shown(name))) from None
    except OSError as error:
        raise InputError(_("{path}: cannot be read: {reason}").format(path=_shown(name), reason=error.strerror or error)) from None
    if stat.S_ISDIR(mode):
        raise InputError(_("{path}: is a directory, not a file").format(path=_shown(name)))
    if not stat.S_ISREG(mode):
        raise InputError(_("{path}: is not a regular file (a FIFO, a device or a socket)").format(path=_shown(name)))
    if not os.access(path, os.R_OK):
        raise InputError(_("{path}: permission denied").format(path=_shown(name)))
    return path


def check_output(name: str, force: bool) -> Path:
    """A file that may be written: in an existing folder, and not already there unless ``force`` (then only a regular file)."""
    path = Path(name)
    if path.is_dir():
        raise UsageError(_("{path} is a directory; give a file name").format(path=_shown(name)))
    if not (path.parent if str(path.parent) else Path(".")).is_dir():
        raise UsageError(_("the folder {path} does not exist").format(path=_shown(str(path.parent))))
    if path.exists() or path.is_symlink():
        if not force:
            raise UsageError(_("{path} already exists; choose another name or add --force").format(path=_shown(name)))
        if not path.is_file():
            raise UsageError(_("{path} is not a regular file; it is not replaced").format(path=_shown(name)))
    return path


def write_private(path: Path, data: str | bytes) -> None:
    from engine.responses.storage import write_atomic

    try:
        write_atomic(path, data, private=True)
    except OSError as error:
        raise UsageError(_("cannot write {path}: {reason}").format(path=_shown(str(path)), reason=error.strerror or error)) from None


def _shown(text: str) -> str:
    from engine.validation.sanitize import clean

    return clean(text)


def load(name: str, expect: str | None = None):  # type: ignore[no-untyped-def]
    """A response file or a filled Word form as a :class:`Source` with its questionnaire; :class:`InputError` if unusable.

    ``expect``: the questionnaire the file must answer (a part of another cluster is refused).
    """
    from engine.consultation.source import read_source
    from engine.responses.model import Unreadable

    path = check_input(name)
    if path.suffix.lower() in (".docx", ".docm"):
        from engine.cli.forms import load_form

        source, definition = load_form(path)
    else:
        try:
            source, definition = read_source(path)
        except Unreadable as error:
            raise InputError(f"{_shown(name)}:{error.mark.line}:{error.mark.column}: error {_shown(error.message)}") from None
    if expect is not None and definition.id != expect:
        line, column = source.where("questionnaire")
        where = f"{source.path}:{line}:{column}" if line else source.path
        raise InputError(where + ": error " + _("this file answers {other}, not {expected}").format(other=definition.id, expected=expect))
    return source, definition


def print_findings(findings: list[Finding], stream: TextIO | None = None) -> None:
    """``FILE:LINE:COLUMN: severity [id] message`` (without line and column for a Word form)."""
    for finding in findings:
        where = f"{finding.path}:{finding.line}:{finding.column}" if finding.line else finding.path
        item = f" [{finding.item}]" if finding.item else ""
        print(f"{where}: {finding.severity.value}{item} {finding.message}", file=stream or sys.stdout)


def guarded(handler):  # type: ignore[no-untyped-def]
    """Run a handler; an :class:`InputError` is printed and exits with 2."""

    def run(args: argparse.Namespace) -> int:
        try:
            return int(handler(args))
        except InputError as error:
            print(f"untoc: {error}", file=sys.stderr)
            return EXIT_UNREADABLE

    run.__doc__ = handler.__doc__
    return run


# -- split ----------------------------------------------------------------------------------------------


@guarded
def run_split(args: argparse.Namespace) -> int:
    """``untoc split FILE --by part|section|question-list | --assign FILE -o FOLDER``."""
    from engine.consultation import split

    source, definition = load(args.file)
    shares = _shares(args, definition, source.document, split.slug(Path(args.file).stem))
    split.unique_names(shares)
    folder = _folder(args.output)
    parts = [split.make_part(definition, source.document, share) for share in shares]
    outputs: list[tuple[Path, str | bytes]] = []
    for part in parts:
        outputs.append((folder / f"{part.share.name}.yaml", part.text))
        if args.docx:
            from engine.cli.forms import part_form

            outputs.append((folder / f"{part.share.name}.docx", part_form(definition, part)))
    for path, _data in outputs:
        check_output(str(path), args.force)
    for path, data in outputs:
        write_private(path, data)
    _report_split(definition, source.document, shares, folder)
    return EXIT_OK


def _shares(args: argparse.Namespace, definition: Definition, document: Answers, stem: str) -> list[Share]:
    """The shares the command line asks for: from an assignment file, by part or section, or by lists of questions."""
    from engine.consultation import assignment, split
    from engine.consultation.selection import SelectionError

    if args.questions and args.by != "question-list":
        raise UsageError(_("--questions goes with --by question-list"))
    try:
        if args.assign:
            try:
                return assignment.read_assignment(check_input(args.assign), definition)
            except assignment.AssignmentError as error:
                raise InputError(f"{_shown(args.assign)}:{error.mark.line}:{error.mark.column}: error {error.message}") from None
        if args.by == "part":
            return split.by_part(definition, document, stem)
        if args.by == "section":
            return split.by_section(definition, document, stem)
        if not args.questions:
            raise UsageError(_("--by question-list needs at least one --questions LIST, such as --questions 1-4,23"))
        return split.by_lists(definition, args.questions, stem)
    except SelectionError as error:
        raise UsageError(error.message) from None


def _report_split(definition: Definition, document: Answers, shares: list[Share], folder: Path) -> None:
    """One line per part written, then the questions given to several contributors, and to nobody."""
    from engine.consultation import assignment, split
    from engine.consultation.selection import describe

    for share in shares:
        count = sum(1 for i in share.ids if definition.entries[i].is_answerable)
        print(
            _("wrote {path}: {who}, questions {questions} ({count})").format(
                path=_shown(str(folder / f"{share.name}.yaml")),
                who=_shown(share.contributor or share.name),
                questions=describe(definition, share.ids),
                count=ngettext("{count} item to answer", "{count} items to answer", count).format(count=count),
            )
        )
    shared: dict[tuple[str, ...], list[str]] = {}
    for overlap in assignment.overlaps(shares):
        shared.setdefault(overlap.contributors, []).append(overlap.item)
    for names, ids in shared.items():
        print(
            "note: "
            + _("{questions} assigned to {names}: if their answers differ, merge reports a conflict").format(
                questions=describe(definition, ids), names=", ".join(_shown(n) for n in names)
            )
        )
    left = split.unassigned(definition, document, shares)
    if left:
        print("note: " + _("assigned to nobody: {questions}").format(questions=describe(definition, left)))


def _folder(name: str) -> Path:
    folder = Path(name)
    if folder.exists() and not folder.is_dir():
        raise UsageError(_("{path} exists and is not a folder").format(path=_shown(name)))
    if not folder.exists():
        if not (folder.parent if str(folder.parent) else Path(".")).is_dir():
            raise UsageError(_("the folder {path} does not exist").format(path=_shown(str(folder.parent))))
        try:
            folder.mkdir(mode=0o700)
        except OSError as error:
            raise UsageError(_("cannot create {path}: {reason}").format(path=_shown(name), reason=error.strerror or error)) from None
    return folder


# -- merge ----------------------------------------------------------------------------------------------


@guarded
def run_merge(args: argparse.Namespace) -> int:
    """``untoc merge BASE PART... -o FILE [--prefer FILE]``."""
    from engine.consultation.merge import MergeError, merge
    from engine.responses.writer import dump

    base, definition = load(args.base)
    output = check_output(args.output, args.force)
    named = {args.base: base}
    parts = []
    for name in args.parts:
        source, _definition = load(name, expect=definition.id)
        parts.append(source)
        named[name] = source
    prefer = []
    for name in args.prefer:
        chosen = next((s for n, s in named.items() if _same_file(n, name)), None)
        if chosen is None:
            raise UsageError(_("--prefer {path}: give one of the files being merged").format(path=_shown(name)))
        prefer.append(chosen)
    print_findings([problem for source in parts for problem in source.problems])  # what a Word form did not yield
    try:
        merged = merge(definition, base, parts, prefer)
    except MergeError as error:
        line, column = error.source.where(error.key)
        where = f"{error.source.path}:{line}:{column}" if line else error.source.path
        raise InputError(f"{where}: error {error.message}") from None
    print_findings(merged.findings)
    heading = "# " + "Response file written by untoc merge; check it with: untoc validate FILE"
    write_private(output, dump(merged.document, definition.entries, heading=heading))
    taken = ngettext("{count} answer taken from the parts", "{count} answers taken from the parts", merged.taken).format(count=merged.taken)
    print(_("wrote {path}: {taken}").format(path=_shown(args.output), taken=taken))
    unread = [p for source in parts for p in source.problems if p.severity.value == "error"]
    if merged.conflicts:
        print(
            ngettext(
                "{count} conflict left for you to decide (see above); then check: untoc validate --complete {path}",
                "{count} conflicts left for you to decide (see above); then check: untoc validate --complete {path}",
                merged.conflicts,
            ).format(count=merged.conflicts, path=_shown(args.output))
        )
        return EXIT_FINDINGS
    return EXIT_FINDINGS if unread else EXIT_OK  # a form's answer that could not be read is not in the merged file


def _same_file(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return one == other


# -- diff -----------------------------------------------------------------------------------------------


@guarded
def run_diff(args: argparse.Namespace) -> int:
    """``untoc diff OLD NEW [--format text|json]``: exit 0 when they say the same, 1 when they differ."""
    from engine.consultation.diff import as_json, as_text, diff

    old, definition = load(args.old)
    new, _definition = load(args.new, expect=definition.id)
    for source in (old, new):
        for problem in source.problems:  # on standard error: the JSON output stays JSON
            print_findings([problem], sys.stderr)
    result = diff(definition, old, new)
    sys.stdout.write(as_json(result) if args.format == "json" else as_text(result, definition))
    return EXIT_OK if result.empty else EXIT_FINDINGS


__all__ = ["EXIT_USAGE", "add_parsers"]
