"""engine.ui.display: right-to-left text shaped and reordered for terminals that do neither (``--rtl shaped``)."""

from __future__ import annotations

import re

import pytest
from rich.console import Console
from rich.text import Text

from engine.ui.display import line, prose, set_display_mode, shown

LOGICAL = re.compile("[\u0621-\u064a]")  # Arabic letters as stored, before shaping joins them
SENTENCE = "هل يتضمن الإطار القانوني لبلدك التعاريف الواردة في المادة 2 (أ) من الاتفاقية؟"


@pytest.fixture
def shaped():
    set_display_mode("shaped")
    yield
    set_display_mode("native")


def rendered(renderable: object, width: int) -> list[str]:
    console = Console(width=width, color_system=None, record=True)
    console.print(renderable)
    return console.export_text().rstrip("\n").split("\n")


def test_native_mode_leaves_text_alone():
    assert shown(SENTENCE) == SENTENCE
    assert prose(SENTENCE).plain == SENTENCE


def test_a_wrapped_paragraph_reads_from_the_top_line_down_and_is_aligned_right(shaped):
    lines = rendered(prose(SENTENCE), 30)
    assert len(lines) >= 3
    assert not any(LOGICAL.search(row) for row in lines)  # every letter shaped
    assert all(len(row) == 30 and row.endswith(row.strip()) for row in lines)  # aligned right
    first_word = shown("هل")
    assert lines[0].rstrip().endswith(first_word)  # the first word at the right of the top line
    assert shown("الاتفاقية؟") in lines[-1]  # the last word on the last line
    assert "(ﺃ)" in "".join(lines) or "(أ)" in "".join(lines)  # brackets mirrored: (أ) still reads (أ)


def test_a_left_to_right_run_keeps_its_order_and_its_spaces(shaped):
    text = Text(SENTENCE)
    text.append(" [EN]", style="reverse")
    row = rendered(prose(text), 200)[0]
    assert row.strip().startswith("[EN] ")  # read from the right, the badge comes last, at the left


def test_one_line_labels_are_shaped_with_their_styles(shaped):
    label = Text("✓ ", style="green")
    label.append("3 (a)", style="bold")
    label.append(" " + "سؤال")
    out = line(label)
    assert not LOGICAL.search(out.plain) and "3 (a)" in out.plain
    assert any(span.style == "bold" and out.plain[span.start : span.end] == "3 (a)" for span in out.spans)


def test_in_the_arabic_interface_a_key_and_its_label_read_right_to_left(shaped):
    from engine.i18n.catalogs import set_language

    item = Text.assemble(("^n", "bold"), " التالي")  # the key bar's items: a key, then its label
    try:
        assert line(item).plain.startswith("^n")  # English interface: the first strong letter (n) leads
        set_language("ar")
        assert line(item).plain.endswith("^n")  # Arabic interface: the key first, at the right
    finally:
        set_language("en")
