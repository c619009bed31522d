"""Validate many files: expand directories and globs, and use every core."""

from __future__ import annotations

import functools
import glob
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from engine.responses.model import Unreadable
from engine.validation.report import FileResult
from engine.validation.sanitize import clean

T = TypeVar("T")

PARALLEL_THRESHOLD = 16
"""Below this many files, worker processes cost more than they save."""

CHUNKS_PER_WORKER = 8
"""Files go to the workers in this many batches each, taken as workers free up: a worker that
gets longer files, or a core that the machine gives less time, does not hold the others up."""


def expand(arguments: list[str]) -> list[Path]:
    """Files named, files under directories (``*.yaml``, ``*.yml``), and glob patterns.

    A pattern is expanded here (``**`` included) so that quoted globs work in CI
    configurations that do not go through a shell. Order is kept; duplicates dropped.
    """
    seen: set[Path] = set()
    paths: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = _yaml_files(path)
        elif not path.exists() and any(c in argument for c in "*?["):
            found = sorted(Path(p) for p in glob.glob(argument, recursive=True) if Path(p).is_file())
            found = found or [path]  # a pattern that matches nothing is reported as a missing file
        else:
            found = [path]
        for candidate in found:
            if candidate not in seen:
                seen.add(candidate)
                paths.append(candidate)
    return paths


def _yaml_files(folder: Path) -> list[Path]:
    """``*.yaml`` and ``*.yml`` files under ``folder``, at any depth, in path order (``os.scandir``
    tells files from folders without a further system call per file)."""
    found: list[str] = []
    pending = [str(folder)]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):  # as pathlib's rglob: no loops through links
                pending.append(entry.path)
            elif os.path.splitext(entry.name)[1] in (".yaml", ".yml") and _is_file(entry):
                found.append(entry.path)
    # Sorted as paths compare (part by part): a separator sorts before any character.
    found.sort(key=lambda name: name.replace(os.sep, "\0"))
    return [Path(name) for name in found]


def _is_file(entry: os.DirEntry[str]) -> bool:
    """Whether a YAML-named entry is to be checked: a file, or a link that cannot be followed (a loop),
    which reading then reports."""
    try:
        return entry.is_file()
    except OSError:
        return True


def validate_one(path: Path, complete: bool) -> FileResult:
    from engine.validation.validator import validate_path

    display = clean(str(path))
    try:
        return FileResult(display, validate_path(path, complete=complete, display_path=display))
    except Unreadable as error:
        return unreadable_result(display, error)


def unreadable_result(display: str, error: Unreadable) -> FileResult:
    """The result of a file that is no response file at all, located."""
    return FileResult(display, fatal=clean(error.message), fatal_line=error.mark.line, fatal_column=error.mark.column)


def _run_chunk(arguments: tuple[Callable[[Path], T], list[Path]]) -> list[T]:
    function, paths = arguments
    return [function(path) for path in paths]


def _quiet_collector() -> None:
    """Tune the garbage collector for a batch: the questionnaires live all along.

    Parsing builds many short-lived, acyclic objects; the default thresholds make
    the collector rescan the loaded questionnaires again and again. Freezing them
    and collecting less often cuts a batch's time by about a third.
    """
    import gc

    from engine.definition import registry

    for questionnaire_id in registry.available():
        try:
            registry.load(questionnaire_id)
        except Exception:
            continue
    gc.collect()
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


def map_files(function: Callable[[Path], T], paths: list[Path], jobs: int | None = None) -> list[T]:
    """``function`` applied to every path, results in the order of ``paths``; spread over ``jobs``
    processes (default: every core). ``function`` must be picklable (a module-level function, or a
    ``functools.partial`` of one)."""
    if len(paths) > 1:
        _quiet_collector()
    workers = jobs or (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    if workers <= 1 or len(paths) < PARALLEL_THRESHOLD:
        return [function(path) for path in paths]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = max(4, -(-len(paths) // (workers * CHUNKS_PER_WORKER)))
    chunks = [paths[start : start + size] for start in range(0, len(paths), size)]
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        parts = pool.map(_run_chunk, [(function, chunk) for chunk in chunks])
        return [result for part in parts for result in part]


def validate_files(paths: list[Path], complete: bool = False, jobs: int | None = None) -> list[FileResult]:
    """Results in the order of ``paths``; spread over ``jobs`` processes (default: every core)."""
    return map_files(functools.partial(validate_one, complete=complete), paths, jobs)
