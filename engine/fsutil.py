"""Safe writing, for every layer: a file is replaced whole or not at all, and created private."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, text: str | bytes, private: bool = True, mode: int | None = None) -> None:
    """Write ``text`` (or bytes) to a temporary file beside ``path``, flush it to disk, rename it over.

    A crash, a killed process or a full disk leaves either the old file or the new
    one, complete. With ``private`` the file is readable by its owner only (0600):
    response files are confidential. ``mode`` sets the permissions outright (to keep
    those of the file being replaced).
    """
    directory = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        elif not private:
            os.fchmod(fd, 0o644 & ~_umask())
        data = text.encode("utf-8") if isinstance(text, str) else text
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
