"""Exit codes of ``untoc`` and the error that means misuse."""

from __future__ import annotations

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
"""0 success · 1 a response file has errors · 2 a file could not be read, or misuse · 3 a bug in untoc."""


class UsageError(Exception):
    """A misuse of the command (exit code 2), with a message for the user."""
