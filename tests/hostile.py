"""Hostile inputs for `untoc validate`, generated on demand (nothing large is committed).

    python tests/hostile.py DIR     # writes them all into DIR, to try by hand or time

- :func:`escape_files`: terminal and bidi escapes through every header field and every answer field,
  each where the validator echoes it (in a message, a reason or a hint);
- :func:`costly_files`: files of up to 2 MiB that repeat one finding without bound;
- :func:`special_paths`: a FIFO, a socket, link loops, a broken link, a folder with no YAML, names
  that are commands to GitHub Actions or need percent-encoding in a URI;
- :data:`DECISIONS`: the cases docs/responses.md decides (a 5,000-digit state, ``%YAML 1.1``, tabs).
"""

from __future__ import annotations

import functools
import json
import os
import re
import socket
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\u202eevil\u2028\x85\x9b31m\u200b"
"""Set the window title, clear the screen, reverse the text (RLO), a line separator, NEL, CSI, a zero-width space."""

HEADER = {"questionnaire": "cluster1", "state": "X", "language": "en", "parties": ["trafficking"], "uncac_party": False}


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=True)


def _file(header: dict[str, object], answers: str = "") -> str:
    lines = [f"{key}: {json.dumps(value, ensure_ascii=True)}" for key, value in header.items()]
    return "\n".join(lines) + "\nanswers:\n" + answers


def escape_files() -> dict[str, str]:
    """One file per field, with :data:`ESCAPES` where the validator quotes that field back."""
    bad = _quoted(ESCAPES)
    files = {
        "questionnaire": _file({**HEADER, "questionnaire": ESCAPES}),
        "state": _file({**HEADER, "state": ["x", ESCAPES]}),
        "language": _file({**HEADER, "language": ESCAPES}),
        "parties": _file({**HEADER, "parties": [ESCAPES]}, '  "33": yes\n'),  # the unknown Protocol, and the reason 33 does not apply
        "uncac_party": _file({**HEADER, "uncac_party": ESCAPES}),
        "header-key": _file(HEADER) + f"{bad}: 1\n",
        "answer-id": _file(HEADER, f"  {bad}: yes\n  {_quoted('3' + ESCAPES)}: yes\n"),
        "answer-scale": _file(HEADER, f'  "1": {bad}\n'),
        "answer-codes": _file(HEADER, f'  "28": yes\n  "28.a": [{bad}, lack-of-awareness, lack-of-awareness]\n'),
        "answer-text": _file(HEADER, f'  "3": no\n  "3.a": {bad}\n'),
        "answer-key": _file(HEADER, f'  "1":\n    answer: yes\n    {bad}: x\n'),
        "legislation": _file(HEADER, f'  "1":\n    answer: yes\n    legislation: [{bad}, ~, [x]]\n'),
        "links": _file(HEADER, f'  "1":\n    answer: yes\n    links: [{bad}]\n'),
        "comment": _file(HEADER, f'  "3": no\n  "3.a":\n    answer: yes\n    comment: {bad}\n'),
        "other": _file(HEADER, f'  "1":\n    answer: yes\n    other: {bad}\n'),
        "details-code": _file(HEADER, f'  "28": yes\n  "28.a":\n    answer: [other]\n    details: {{{bad}: x}}\n'),
        "details-text": _file(HEADER, f'  "28": yes\n  "28.a":\n    answer: [other]\n    details: {{other: [{bad}]}}\n'),
        "duplicate-key": _file(HEADER, f"  {bad}: yes\n  {bad}: no\n"),
        "not-yaml": f"questionnaire: cluster1\nstate: [{bad}\n",
    }
    return files


LIMIT = 2 * 1024 * 1024 - 4096
"""Just under the 2 MiB a response file may have."""


def _fill(header: str, line: str, indent: str = "  ") -> str:
    """``header`` then ``line.format(i)`` for i = 0, 1, … as long as the file stays under :data:`LIMIT`."""
    parts, size, index = [header], len(header), 0
    while True:
        text = indent + line.format(index) + "\n"
        if size + len(text) > LIMIT:
            return "".join(parts)
        parts.append(text)
        size += len(text)
        index += 1


def costly_files() -> dict[str, str]:
    """Files that each repeat one kind of finding tens of thousands of times."""
    head = _file(HEADER)
    codes = ", ".join(f"bogus-{i}" for i in range(150_000))[: LIMIT - 200]
    return {
        "unknown-ids": _fill(head, '"{0}.q": yes'),
        "bogus-codes": head + '  "28": yes\n  "28.a": [' + codes[: codes.rfind(",")] + "]\n",
        "duplicate-keys": _fill(head + '  "1": yes\n', '"1": no'),
        "unknown-keys": _fill(head + '  "1":\n    answer: yes\n', "k{0}: x", indent="    "),
        "bad-links": _fill(head + '  "1":\n    answer: yes\n    links:\n', "- x{0}", indent="      "),
        "empty-entries": _fill(head + '  "1":\n    answer: yes\n    legislation:\n', "- ~", indent="      "),
        "bogus-parties": _fill(_file({k: v for k, v in HEADER.items() if k != "parties"}) + "parties:\n", "- p{0}"),
    }


DECISIONS = {
    "long-state": _file({**HEADER, "state": None}).replace("state: null", "state: " + "7" * 5000),
    "yaml-1.1": "%YAML 1.1\n---\n"
    + _file({**HEADER, "uncac_party": None}).replace("uncac_party: null", "uncac_party: yes")
    + '  "1": yes\n',
    "yaml-2.0": "%YAML 2.0\n---\n" + _file(HEADER),
    "tab-inside-values": _file(
        HEADER,
        '  "1":\n    answer: yes\n    legislation: ["Penal Code,\\tart. 2", Act\tof 1999]\n'
        '    comment: "a\\tb"\n  "1.a": "\\t"\n  "3": "yes\\t"\n',
    ),
    "tab-indentation": _file(HEADER, '\t"1": yes\n'),
}
"""Cases whose handling docs/responses.md writes down."""

GITHUB_COMMAND_NAME = "::error file=x.yaml::injected.yaml"
ENCODED_NAMES = ("a b.yaml", "Côte d’Ivoire.yaml", "100%.yaml", "#x?y.yaml", "é:ü.yaml", "\x1b[31mred.yaml")


def special_paths(folder: Path) -> dict[str, Path]:
    """Paths that are not regular files, or whose names are hostile, made in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    valid = _file(HEADER, '  "1": yes\n')
    made: dict[str, Path] = {}
    fifo = folder / "fifo.yaml"
    os.mkfifo(fifo)
    made["fifo"] = fifo
    made["socket"] = _socket(folder / "sock.yaml")
    made["device"] = Path(os.devnull)
    loop = folder / "loop.yaml"
    loop.symlink_to(loop.name)
    made["file-loop"] = loop
    broken = folder / "broken.yaml"
    broken.symlink_to("missing-target.yaml")
    made["broken-link"] = broken
    empty = folder / "no-yaml"
    empty.mkdir()
    (empty / "notes.txt").write_text("not a response file\n")
    made["no-yaml"] = empty
    tree = folder / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "ok.yaml").write_text(valid)
    (tree / "sub" / "up").symlink_to("..")  # leads back inside
    (tree / "dir-loop").symlink_to("dir-loop")  # leads nowhere
    made["tree"] = tree
    for name in (GITHUB_COMMAND_NAME, *ENCODED_NAMES):
        (folder / name).write_text(valid)
        made[name] = folder / name
    return made


def _socket(path: Path) -> Path:
    here = os.getcwd()
    os.chdir(path.parent)  # a socket's address is limited to about 100 bytes: bind the short name
    try:
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(path.name)
        server.close()  # the socket file stays
    finally:
        os.chdir(here)
    return path


def write_all(folder: Path) -> list[Path]:
    """Every generated file into ``folder``; returns their paths (the special paths are made too)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for group, files in (("escape", escape_files()), ("costly", costly_files()), ("decision", DECISIONS)):
        for name, text in files.items():
            path = folder / f"{group}-{name}.yaml"
            path.write_text(text, encoding="utf-8")
            written.append(path)
    special_paths(folder / "special")
    return written


FORMATS = ("text", "json", "github", "junit", "sarif")
UNSAFE = ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")
"""Character categories no report may carry raw (line feeds apart): controls, format (bidi), separators…"""
ANNOTATION = re.compile(r"::(error|warning) file=[^:,\n]*,line=\d+,col=\d+,title=[^:\n]*::[^\n]*")


@functools.cache
def sarif_validator():  # type: ignore[no-untyped-def]
    """The SARIF 2.1.0 JSON Schema (tests/data), with its formats (``uri``, ``uri-reference``) checked."""
    import jsonschema

    schema = json.loads((Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def check_report(fmt: str, out: str) -> None:
    """The breaches a report must never have, whatever the input."""
    unsafe = sorted({f"U+{ord(c):04X}" for c in out if c != "\n" and unicodedata.category(c) in UNSAFE})
    assert not unsafe, f"{fmt}: raw {unsafe}"
    lines = out.splitlines()
    if fmt == "text":
        assert not any(line.startswith("::") for line in lines), "a text line reads as a GitHub command"
    elif fmt == "github":
        commands = [line for line in lines if line.startswith("::")]
        assert all(ANNOTATION.fullmatch(line) for line in commands), commands
        assert not lines[-1].startswith("::")
    elif fmt == "json":
        json.loads(out)
    elif fmt == "junit":
        ET.fromstring(out)
    else:
        log = json.loads(out)
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator().iter_errors(log)]
        assert not errors, errors[:5]
        rules = log["runs"][0]["tool"]["driver"]["rules"]
        assert all(rule["name"] != rule["id"] for rule in rules)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")
    paths = write_all(target)
    print(f"wrote {len(paths)} files and the special paths in {target}/special")
