"""The blank export reproduces each annex of the source, question by question.

The only differences allowed are the repairs listed in docs/errata.md.
"""

from __future__ import annotations

import pytest

import fidelity


@pytest.mark.parametrize("cluster", [1, 2, 3, 4])
def test_blank_export_reproduces_the_annex(cluster):
    assert fidelity.seeds_dir().is_dir(), f"the source text is missing: {fidelity.seeds_dir()} (see ../shared/seeds)"
    diff = fidelity.differences(cluster)
    assert not diff, "blank export differs from the source:\n" + "\n".join(diff[:60])


def test_every_repair_changes_the_source():
    """A repair that changes nothing is stale and would hide nothing: catch it."""
    repairs = fidelity.read_repairs()
    assert len(repairs) >= 20
    document = "003_3bf547c080ccd5a6.txt"
    without = fidelity.source_lines(0, document, 206, 3593, [])
    for repair in repairs:
        assert fidelity.source_lines(repair.cluster, document, 206, 3593, [repair]) != without, repair


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
