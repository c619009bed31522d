"""Regenerate the LibreOffice round trips of a filled form under tests/data/forms/ (see README.md there).

    .venv/bin/python tests/data/make_forms.py [SOFFICE ...]

Each SOFFICE (default: ``soffice``) opens the Ministry of the Interior's filled form of the test case
(tests/consultation_case.py) and saves it again as DOCX; the result is written as
``interior-libreoffice-MAJOR.MINOR.docx``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from engine.definition import registry  # noqa: E402

from consultation_case import interior_filled, round_trip, soffice_version  # noqa: E402

FORMS = Path(__file__).resolve().parent / "forms"


def main(commands: list[str]) -> int:
    definition = registry.load("cluster2")
    for soffice in commands or ["soffice"]:
        version = soffice_version(soffice)
        if version is None:
            print(f"{soffice}: not a LibreOffice that runs", file=sys.stderr)
            return 1
        with tempfile.TemporaryDirectory() as folder:
            data, _answers = interior_filled(definition, Path(folder))
            saved = round_trip(soffice, data, Path(folder))
        target = FORMS / f"interior-libreoffice-{version[0]}.{version[1]}.docx"
        target.write_bytes(saved)
        print(f"wrote {target.relative_to(ROOT)} ({len(saved)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
