"""One writer per response file: a lock file ``FILE.lock`` holding the owner's pid."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Lock:
    """A held lock; :meth:`release` removes it (only if it is still ours)."""

    path: Path
    pid: int

    def release(self) -> None:
        with contextlib.suppress(OSError):
            if holder(self.path) == self.pid:
                os.unlink(self.path)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def holder(lock: Path) -> int | None:
    """The pid written in a lock file; ``None`` if there is none or it is garbled."""
    try:
        return int(lock.read_text(encoding="ascii").strip() or "x")
    except (OSError, ValueError):
        return None


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def acquire(path: Path) -> Lock | int:
    """Take the lock of ``path``; return the :class:`Lock`, or the pid of the live holder.

    A lock whose process is dead (or whose content is garbled) is stale and taken over.
    """
    lock = lock_path(path)
    for _attempt in range(3):
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pid = holder(lock)
            if pid is not None and alive(pid):
                return pid
            with contextlib.suppress(FileNotFoundError):
                os.unlink(lock)
            continue
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(f"{os.getpid()}\n")
        return Lock(lock, os.getpid())
    return holder(lock) or -1
