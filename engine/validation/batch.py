"""Validate many files, on every core."""

from __future__ import annotations

import os

from engine.responses.model import Unreadable
from engine.validation.discover import Target
from engine.validation.results import FileResult
from engine.validation.sanitize import clean

PARALLEL_THRESHOLD = 16
"""Below this many files, worker processes cost more than they save."""

CHUNKS_PER_WORKER = 8
"""Files go to the workers in this many batches each, taken as workers free up: a worker that
gets longer files, or a core that the machine gives less time, does not hold the others up."""


def validate_one(target: Target, complete: bool) -> FileResult:
    """The result of one target: its findings, or why it cannot be checked."""
    from engine.validation.validator import validate_path

    path = target.path
    given = str(path)
    display = clean(given)
    source = None if display == given else given
    if target.problem:
        return FileResult(display, fatal=clean(target.problem), source=source)
    try:
        return FileResult(display, validate_path(path, complete=complete, display_path=display), source=source)
    except Unreadable as error:
        return FileResult(display, fatal=clean(error.message), fatal_line=error.mark.line, fatal_column=error.mark.column, source=source)


def _validate_chunk(arguments: tuple[list[Target], bool]) -> list[FileResult]:
    targets, complete = arguments
    return [validate_one(target, complete) for target in targets]


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


def validate_files(targets: list[Target], complete: bool = False, jobs: int | None = None) -> list[FileResult]:
    """Results in the order of ``targets``; spread over ``jobs`` processes (default: every core)."""
    _quiet_collector(preload=len(targets) > 1)
    workers = jobs or (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    if workers <= 1 or len(targets) < PARALLEL_THRESHOLD:
        return [validate_one(target, complete) for target in targets]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = max(4, -(-len(targets) // (workers * CHUNKS_PER_WORKER)))
    chunks = [targets[start : start + size] for start in range(0, len(targets), size)]
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        parts = pool.map(_validate_chunk, [(chunk, complete) for chunk in chunks])
        return [result for part in parts for result in part]
