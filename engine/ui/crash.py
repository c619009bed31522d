"""An unexpected error in ``untoc fill`` is reported in a private file, not in the terminal.

Textual prints the traceback of an error it did not expect, with the values of every variable, on
the terminal when the application stops. Those values include answers (which are confidential) and
can run to megabytes. ``untoc fill`` gives Textual this file instead, readable by its owner only and
made only if something is written to it; the command then says in one line where it is.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path


class CrashLog(io.TextIOBase):
    """A text stream that becomes the file ``untoc-fill-<pid>.log`` in the temporary folder at its first write."""

    def __init__(self) -> None:
        super().__init__()
        self.path = Path(tempfile.gettempdir()) / f"untoc-fill-{os.getpid()}.log"
        self._file: io.TextIOWrapper | None = None

    @property
    def written(self) -> bool:
        return self._file is not None

    def write(self, text: str) -> int:
        if self._file is None:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            self._file = io.TextIOWrapper(io.FileIO(fd, "w"), encoding="utf-8")
        return self._file.write(text)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()
