"""``untoc fill`` from the command line: open the file (or not), run the application, report how it ended."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from engine.i18n import _
from engine.i18n.display import DisplayMode
from engine.ui.display import set_display_mode
from engine.ui.session import OpenError, Session
from engine.validation.sanitize import clean

EXIT_OK, EXIT_UNSAVED, EXIT_UNREADABLE, EXIT_INTERNAL = 0, 1, 2, 3  # as the other commands (engine/cli/status.py)


def fill(path: Path | None, lang: str | None, rtl: DisplayMode) -> int:
    """Run the terminal UI on ``path`` (created by the set-up screen when it does not exist); the exit status.

    0: everything the screen showed as saved is saved; 1: the user quit without answers that could
    not be saved; 2: the file is not a response file (it is never touched); 3: an unexpected error
    (reported in a private file, never on the terminal; the answers are saved on the way out);
    128 + N: ended by signal N, after saving.
    """
    session = None
    if path is not None and path.exists():
        try:
            session = Session.open(path)
        except OpenError as error:
            print(f"untoc: {error.message}", file=sys.stderr)
            return EXIT_UNREADABLE
        except OSError as error:  # its lock could not be written
            print(f"untoc: {clean(str(path))}: {error.strerror or error}", file=sys.stderr)
            return EXIT_UNREADABLE
    read_only = session.read_only if session else None
    set_display_mode(rtl)
    from engine.ui.app import FillApp

    app = FillApp(session, path, lang)
    try:
        app.run()
    finally:
        app.close_session()
    code = app.return_code or EXIT_OK
    app.crash_log.flush()
    with contextlib.suppress(OSError):  # the terminal may be gone (SIGHUP)
        if app.crash_log.written:
            where = clean(str(app.session.path)) if app.session else "-"
            print(
                _(
                    "untoc: untoc fill stopped on an unexpected error; its report is in {log} (readable by you only: "
                    "please send it to the developers); the answers were saved in {path}"
                ).format(log=app.crash_log.path, path=where),
                file=sys.stderr,
            )
            code = EXIT_INTERNAL
        if read_only:
            print(_("{path} was open read-only: {reason}").format(path=clean(str(path)), reason=read_only), file=sys.stderr)
        if app.unsaved and app.session is not None:
            print(
                _("untoc: answers to {path} were not saved: {reason}").format(
                    path=clean(str(app.session.path)), reason=app.save_error or ""
                ),
                file=sys.stderr,
            )
            code = EXIT_UNSAVED
    return code
