"""The blank export reproduces each annex of the source, question by question.

The only differences allowed are the repairs listed in docs/errata.md.
"""

from __future__ import annotations

import hashlib

import pytest

from engine.definition import registry

import fidelity

DOCUMENT = "003_3bf547c080ccd5a6.txt"


@pytest.mark.parametrize("cluster", [1, 2, 3, 4])
def test_blank_export_reproduces_the_annex(cluster):
    diff = fidelity.differences(cluster)
    assert not diff, "blank export differs from the source:\n" + "\n".join(diff[:60])


def test_every_repair_changes_the_source():
    """A repair that changes nothing is stale and would hide nothing: catch it."""
    repairs = fidelity.read_repairs()
    assert len(repairs) >= 20
    without = fidelity.source_lines(0, DOCUMENT, 206, 3593, [])
    for repair in repairs:
        assert fidelity.source_lines(repair.cluster, DOCUMENT, 206, 3593, [repair]) != without, repair


def test_the_source_text_is_the_unchanged_copy_its_readme_describes():
    """The repository's copy keeps the original's bytes (and so its line numbers), and the README's table of annexes is right."""
    readme = (fidelity.SOURCE / "README.md").read_text(encoding="utf-8")
    assert hashlib.sha256((fidelity.SOURCE / DOCUMENT).read_bytes()).hexdigest() in readme
    lines = (fidelity.SOURCE / DOCUMENT).read_text(encoding="utf-8").splitlines()
    for cluster, annex in zip(range(1, 5), ("III", "IV", "V", "VI"), strict=True):
        source = registry.load(f"cluster{cluster}").questionnaire.source
        assert source is not None and source.document == DOCUMENT
        first, last = source.lines
        assert f"| {first}–{last} | Annex {annex} |" in readme
        assert lines[first - 1].strip() == f"Annex {annex}", (cluster, lines[first - 1])


def test_the_fidelity_check_catches_a_changed_word(monkeypatch):
    from engine.export import render

    original = render.render_blank

    def tampered(definition, fmt="txt", routing=True):
        return original(definition, fmt, routing).replace(
            "criminalized under your country’s legal framework, in accordance with article 5?",
            "criminalised under your country’s legal framework, in accordance with article 5?",
        )

    monkeypatch.setattr(render, "render_blank", tampered)
    diff = fidelity.differences(1)
    assert any("criminalised" in line for line in diff)
    assert any(line.startswith("- L244: 3. Is participation") for line in diff)
