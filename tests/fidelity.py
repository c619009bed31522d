"""Compare a questionnaire's blank export with its annex in the source text.

The source lines of the annex, with the repairs listed in ``docs/errata.md``
applied (each repair is a fenced ``repair`` block there), must equal the lines of
``untoc export blank --format txt`` without routing notes, line for line.
Layout artifacts that carry no wording (blank lines, the "- " bullets that the
PDF puts before some checkboxes and labels, indentation) are ignored.

The source text is the project's copy in ``docs/source/`` (see its README).
Run ``python tests/fidelity.py 1`` to print the differences for Cluster I.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ERRATA = ROOT / "docs" / "errata.md"
SOURCE = ROOT / "docs" / "source"
"""The source documents, kept in the repository with their original line numbers."""


@dataclass(frozen=True)
class Repair:
    cluster: int
    op: str
    lines: tuple[int, ...]
    after: int | None
    text: tuple[str, ...]


def read_repairs(path: Path = ERRATA) -> list[Repair]:
    """Every ``repair`` block of the errata file."""
    repairs = []
    text = path.read_text(encoding="utf-8")
    for block in re.findall(r"^```repair\n(.*?)^```", text, flags=re.S | re.M):
        data = yaml.safe_load(block)
        lines = data["lines"] if isinstance(data["lines"], list) else [data["lines"]]
        text = data.get("text", [])
        repairs.append(
            Repair(
                cluster=int(data["cluster"]),
                op=data["op"],
                lines=tuple(int(n) for n in lines),
                after=data.get("after"),
                text=tuple(text if isinstance(text, list) else [text]),
            )
        )
    return repairs


def normalize(line: str) -> str:
    """Drop layout that carries no wording: indentation and bullets before ☐ or a label."""
    line = line.strip()
    line = re.sub(r"^-\s*(?=☐|\()", "", line)
    return line


def source_lines(cluster: int, document: str, first: int, last: int, repairs: list[Repair]) -> list[tuple[int, str]]:
    """The annex's lines as (line number, text) after the repairs, blank lines dropped."""
    all_lines = (SOURCE / document).read_text(encoding="utf-8").splitlines()
    numbered: dict[int, list[str]] = {n: [all_lines[n - 1]] for n in range(first, last + 1)}
    for repair in (r for r in repairs if r.cluster == cluster):
        start, end = repair.lines[0], repair.lines[-1]
        if repair.op == "join":
            joined = " ".join(t.strip() for n in range(start, end + 1) for t in numbered[n] if t.strip())
            for n in range(start, end + 1):
                numbered[n] = []
            numbered[start] = [joined]
        elif repair.op == "delete":
            for n in range(start, end + 1):
                numbered[n] = []
        elif repair.op == "replace":
            numbered[start] = list(repair.text)
            for n in range(start + 1, end + 1):
                numbered[n] = []
        elif repair.op == "move":
            moved = [t for n in range(start, end + 1) for t in numbered[n]]
            for n in range(start, end + 1):
                numbered[n] = []
            assert repair.after is not None, "a move needs 'after'"
            numbered[repair.after] = numbered[repair.after] + moved
        else:
            raise ValueError(f"unknown repair op {repair.op!r}")
    return [(n, normalize(t)) for n in sorted(numbered) for t in numbered[n] if t.strip()]


def export_lines(cluster: int) -> tuple[list[str], tuple[str, int, int]]:
    from engine.definition import registry
    from engine.export.render import render_blank

    definition = registry.load(f"cluster{cluster}")
    text = render_blank(definition, "txt", routing=False)
    source = definition.questionnaire.source
    assert source is not None, "the questionnaire names its source lines"
    return [normalize(t) for t in text.splitlines() if t.strip()], (source.document, *source.lines)


def differences(cluster: int) -> list[str]:
    """A unified diff (source → export), empty when they agree."""
    exported, (document, first, last) = export_lines(cluster)
    source = source_lines(cluster, document, first, last, read_repairs())
    labelled = [f"L{n}: {t}" for n, t in source]
    plain = [t for _, t in source]
    if plain == exported:
        return []
    matcher = difflib.SequenceMatcher(a=plain, b=exported, autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        out.extend(f"- {line}" for line in labelled[i1:i2])
        out.extend(f"+ export: {line}" for line in exported[j1:j2])
        out.append("")
    return out


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    for arg in sys.argv[1:] or ["1", "2", "3", "4"]:
        diff = differences(int(arg))
        print(f"Cluster {arg}: {'identical to the source' if not diff else f'{len(diff)} diff lines'}")
        print("\n".join(diff[:400]))
