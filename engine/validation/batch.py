"""Work on many files, on every core: validation, and any other per-file function (the report's)."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import TypeVar

from engine.responses.model import Unreadable
from engine.validation.discover import Target
from engine.validation.results import FileResult
from engine.validation.sanitize import clean

T = TypeVar("T")

PARALLEL_THRESHOLD = 16
"""Below this many files, worker processes cost more than they save."""

CHUNKS_PER_WORKER = 8
"""Files go to the workers in this many batches each, taken as workers free up: a worker that
gets longer files, or a core that the machine gives less time, does not hold the others up."""


def displayed(target: Target) -> tuple[str, str | None]:
    """A target's path as printed (neutralised) and, when that differs, the path as given."""
    given = str(target.path)
    display = clean(given)
    return display, None if display == given else given


def validate_one(target: Target, complete: bool) -> FileResult:
    """The result of one target: its findings, or why it cannot be checked."""
    from engine.validation.validator import validate_path

    display, source = displayed(target)
    if target.problem:
        return FileResult(display, fatal=clean(target.problem), source=source)
    try:
        return FileResult(display, validate_path(target.path, complete=complete, display_path=display), source=source)
    except Unreadable as error:
        return unreadable_result(display, error, source)


def unreadable_result(display: str, error: Unreadable, source: str | None = None) -> FileResult:
    """The result of a file that is no response file at all, located."""
    return FileResult(display, fatal=clean(error.message), fatal_line=error.mark.line, fatal_column=error.mark.column, source=source)


def _run_chunk(arguments: tuple[Callable[[Target], T], list[Target]]) -> list[T]:
    function, targets = arguments
    return [function(target) for target in targets]


def _quiet_collector(preload: bool) -> None:
    """Tune the garbage collector for validation: files make many short-lived, acyclic objects.

    With the default thresholds the collector rescans everything alive again and again (a
    hostile file of 2 MiB builds some 300,000 objects). For a batch (``preload``), the
    questionnaires are loaded first and frozen out of the collector's sight: that cuts a
    batch's time by about a third.
    """
    import gc

    if preload:
        from engine.definition import registry

        for questionnaire_id in registry.available():
            try:
                registry.load(questionnaire_id)
            except Exception:
                continue
        gc.collect()
        gc.freeze()
    gc.set_threshold(100_000, 50, 100)


def map_files(function: Callable[[Target], T], targets: list[Target], jobs: int | None = None) -> list[T]:
    """``function`` applied to every target, results in the order of ``targets``; spread over ``jobs``
    processes (default: every core). ``function`` must be picklable (a module-level function, or a
    ``functools.partial`` of one)."""
    _quiet_collector(preload=len(targets) > 1)
    workers = jobs or (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    if workers <= 1 or len(targets) < PARALLEL_THRESHOLD:
        return [function(target) for target in targets]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = max(4, -(-len(targets) // (workers * CHUNKS_PER_WORKER)))
    chunks = [targets[start : start + size] for start in range(0, len(targets), size)]
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        parts = pool.map(_run_chunk, [(function, chunk) for chunk in chunks])
        return [result for part in parts for result in part]


def validate_files(targets: list[Target], complete: bool = False, jobs: int | None = None) -> list[FileResult]:
    """Results in the order of ``targets``; spread over ``jobs`` processes (default: every core)."""
    return map_files(functools.partial(validate_one, complete=complete), targets, jobs)
