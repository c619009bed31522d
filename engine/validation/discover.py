"""The paths to check: files named, folders searched for ``*.yaml``/``*.yml``, and glob patterns.

Nothing is skipped in silence. A folder that cannot be listed, a link that loops, or a folder with
no YAML file at all becomes a :class:`Target` with its problem, reported with the files' results.
Folders and ``**`` patterns treat links alike: a link to a folder is followed, unless it leads
back inside the folder being searched (whose files are then checked once, under their own path)
or to a folder already searched. Everything else named ``*.yaml`` — a FIFO, a device, a broken
link — is a target too, and reading it says what it is.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from engine.i18n import _
from engine.strict_yaml import os_problem

YAML_SUFFIXES = (".yaml", ".yml")
_MAGIC = re.compile(r"[*?[]")


@dataclass(frozen=True, slots=True)
class Target:
    """A path to check, or one that cannot be (``problem`` says why)."""

    path: Path
    problem: str | None = None


def expand(arguments: list[str]) -> list[Target]:
    """The targets of the command line's arguments, in their order, each path once.

    Patterns are expanded here (``**`` included) so that quoted globs work in CI configurations
    that do not go through a shell; as in a shell, ``*`` and ``**`` pass over hidden names.
    """
    seen: set[Path] = set()
    targets: list[Target] = []
    for argument in arguments:
        if os.path.isdir(argument):
            found = _folder(argument)
        elif not os.path.lexists(argument) and _MAGIC.search(argument):
            found = _sorted(_glob(argument)) or [Target(Path(argument))]  # a pattern that matches nothing: a missing file
        else:
            found = [Target(Path(argument))]
        for target in found:
            if target.path not in seen:
                seen.add(target.path)
                targets.append(target)
    return targets


def _sorted(targets: list[Target]) -> list[Target]:
    """In path order (part by part: a separator sorts before any character)."""
    return sorted(targets, key=lambda target: str(target.path).replace(os.sep, "\0"))


def _folder(folder: str) -> list[Target]:
    found: list[Target] = []
    for _directory, entries, problems in _tree(folder, hidden=True):
        found.extend(problems)
        for entry in entries:
            if os.path.splitext(entry.name)[1] in YAML_SUFFIXES and not _is_dir(entry):
                found.append(Target(Path(entry.path)))
    if not found:
        return [Target(Path(folder), _("no response file (*.yaml, *.yml) in this folder or below"))]
    return _sorted(found)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows links, as a shell's globbing does
    except OSError:
        return False


def _loops(path: str) -> bool:
    try:
        os.stat(path)
    except OSError as error:
        return error.errno == errno.ELOOP
    return False


def _tree(root: str, hidden: bool) -> Iterator[tuple[str, list[os.DirEntry[str]], list[Target]]]:
    """Each folder under ``root`` (``root`` first, then depth first in name order) with its entries
    sorted by name, and what cannot be searched there: the folder itself, or links that loop."""
    inside = os.path.realpath(root)
    searched: set[tuple[int, int]] = set()
    pending = [root]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            yield current, [], [Target(Path(current), _("the folder cannot be read: {reason}").format(reason=os_problem(error)))]
            continue
        problems: list[Target] = []
        folders: list[str] = []
        for entry in entries:
            if not hidden and entry.name.startswith("."):
                continue
            if not _is_dir(entry):
                if entry.is_symlink() and _loops(entry.path):
                    problems.append(Target(Path(entry.path), _("a loop of symbolic links: it leads nowhere")))
                continue
            if entry.is_symlink():
                real = os.path.realpath(entry.path)
                if real == inside or real.startswith(inside.rstrip(os.sep) + os.sep):
                    continue  # leads back inside: its files are checked under their own path
                try:
                    info = os.stat(entry.path)
                except OSError:
                    continue
                if (info.st_dev, info.st_ino) in searched:
                    continue
                searched.add((info.st_dev, info.st_ino))
            folders.append(entry.path)
        yield current, entries, problems
        pending.extend(reversed(folders))


def _glob(pattern: str) -> list[Target]:
    parts = pattern.split(os.sep)
    literal = next(index for index, part in enumerate(parts) if _MAGIC.search(part))
    base = os.sep.join(parts[:literal]) or ("" if parts[0] else os.sep)
    if not base or os.path.isdir(base):
        found: list[Target] = []
        _match(base, parts[literal:], found)
        return found
    return []


def _join(folder: str, name: str) -> str:
    return os.path.join(folder, name) if folder else name


def _match(folder: str, parts: list[str], found: list[Target]) -> None:
    """Add to ``found`` what ``parts`` (of a pattern) match under ``folder`` (``""``: the current one)."""
    head, rest = parts[0], parts[1:]
    if head == "**":
        for directory, entries, problems in _tree(folder or os.curdir, hidden=False):
            shown = directory if folder else os.path.relpath(directory)
            found.extend(problems)
            _match_entries("" if shown == os.curdir else shown, entries, rest or ["*"], found)
        return
    if not _MAGIC.search(head):
        path = _join(folder, head)
        if rest and os.path.isdir(path):
            _match(path, rest, found)
        elif not rest and os.path.lexists(path) and not os.path.isdir(path):
            found.append(Target(Path(path)))
        return
    try:
        with os.scandir(folder or os.curdir) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        found.append(Target(Path(folder or os.curdir), _("the folder cannot be read: {reason}").format(reason=os_problem(error))))
        return
    _match_entries(folder, entries, parts, found)


def _match_entries(folder: str, entries: list[os.DirEntry[str]], parts: list[str], found: list[Target]) -> None:
    head, rest = parts[0], parts[1:]
    if not _MAGIC.search(head) or head == "**":
        _match(folder, parts, found)
        return
    for entry in entries:
        if entry.name.startswith(".") and not head.startswith("."):
            continue
        if not fnmatch.fnmatchcase(entry.name, head):
            continue
        path = _join(folder, entry.name)
        if rest:
            if _is_dir(entry):
                _match(path, rest, found)
        elif not _is_dir(entry):
            found.append(Target(Path(path)))
