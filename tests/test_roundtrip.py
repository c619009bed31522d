"""engine.responses.roundtrip: saving changes a file's answers and keeps its comments and layout."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.definition import registry
from engine.responses.model import read, read_text
from engine.responses.roundtrip import rewrite
from engine.responses.skeleton import skeleton
from engine.responses.writer import Document, Record, from_response, normalized

from factories import complete_response

ORDER = list(registry.load("cluster1").entries)

HAND_WRITTEN = """\
# Examplestan, Cluster I — draft of 3 May (ministry of justice)
questionnaire: cluster1
state: Examplestan   # as in the UN list
language: en
parties: [smuggling]
uncac_party: false

answers:
    # the first article
    '1': yes            # confirmed by the legal office
    "1.a": >
        Folded text
        over two lines.

    "3":
        answer: 'yes'   # see the annex
        # citations checked on 2 May
        legislation:
            - Penal Code, art. 210
        comment: keep this comment field

    # 99.q is not in the questionnaire and stays
    "99.q": kept
# end of file
"""


def content(text: str) -> Document:
    response = read_text(text, Path("r.yaml"))
    assert not response.problems, response.problems
    return from_response(response)


def answers(document: Document) -> dict[str, Record]:
    return {i: r for i, r in ((i, normalized(r)) for i, r in document.answers.items()) if r is not None}


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def keeps_comment_lines(original: str, new: str) -> bool:
    """Every comment line of ``original`` is in ``new``, whole and in the same order."""
    lines = iter(new.splitlines())
    return all(any(line == other for other in lines) for line in original.splitlines() if line.strip().startswith("#"))


def test_a_skeleton_keeps_every_comment_when_filled_completely():
    definition = registry.load("cluster1")
    base = skeleton(definition, "Examplestan", ["trafficking", "smuggling", "firearms"], False)
    before = content(base)
    after = content(complete_response(definition, seed=5))
    after.answers = {**{i: Record() for i in before.answers}, **after.answers}
    text = rewrite(base, before, after, ORDER)
    assert text is not None
    assert comments(text) == comments(base)  # all 39 KB of guidance, in place
    assert answers(content(text)) == answers(after)
    lines = text.splitlines()
    first = lines.index('  "1": yes') if '  "1": yes' in lines else next(i for i, line in enumerate(lines) if line.startswith('  "1":'))
    assert lines[first - 1].startswith("  #   ")  # the hint line of question 1 still precedes it


def test_only_what_changed_is_rewritten_and_comments_inside_answers_stay():
    before = content(HAND_WRITTEN)
    after = copy.deepcopy(before)
    after.answers["3"].comment = "a new comment"
    after.answers["1.a"] = Record("Plain now.")
    after.answers["2"] = Record("partly", links=["https://example.org/law"])  # new: goes between 1.a and 3
    text = rewrite(HAND_WRITTEN, before, after, ORDER)
    assert text is not None
    assert comments(text) == comments(HAND_WRITTEN)
    assert "    '1': yes            # confirmed by the legal office" in text  # untouched lines are byte-identical
    assert "        answer: 'yes'   # see the annex\n        # citations checked on 2 May\n" in text
    assert "        comment: a new comment\n" in text
    assert text.index('"1.a": Plain now.') < text.index('"2":') < text.index('"3":')
    assert '    "2":\n      answer: partly\n      links:\n        - https://example.org/law\n' in text  # at the file's indentation
    assert answers(content(text)) == answers(after)


def test_clearing_an_answer_keeps_its_key_and_the_comments_around_it():
    before = content(HAND_WRITTEN)
    after = copy.deepcopy(before)
    after.answers["3"] = Record()
    after.answers["1"] = Record()
    text = rewrite(HAND_WRITTEN, before, after, ORDER)
    assert text is not None and comments(text) == comments(HAND_WRITTEN)
    assert '    "1":\n    "1.a": >' in text and '    "3":\n        # citations checked on 2 May\n' in text
    assert answers(content(text)) == answers(after)


def test_windows_line_ends_are_kept():
    base = HAND_WRITTEN.replace("\n", "\r\n")
    before = content(base)
    after = copy.deepcopy(before)
    after.answers["1"] = Record("no", comment="two\nlines")
    text = rewrite(base, before, after, ORDER)
    assert text is not None and "\n" not in text.replace("\r\n", "")
    assert answers(content(text)) == answers(after)


@pytest.mark.parametrize(
    "base",
    [
        'questionnaire: cluster1\nstate: X\nlanguage: en\nanswers: {"1": yes}\n',  # flow style
        "questionnaire: cluster1\nstate: X\nlanguage: en\nanswers: {}\n",
    ],
)
def test_layouts_it_does_not_edit_are_refused(base: str):
    before = content(base)
    after = copy.deepcopy(before)
    after.answers["1"] = Record("no")
    assert rewrite(base, before, after, ORDER) is None


def test_a_file_without_answers_gets_them_appended():
    base = "# a start\nquestionnaire: cluster1\nstate: X\nlanguage: en\n"
    before = content(base)
    after = copy.deepcopy(before)
    after.answers["1"] = Record("yes")
    text = rewrite(base, before, after, ORDER)
    assert text == base + 'answers:\n  "1": yes\n'


def test_a_changed_header_is_refused():
    before = content(HAND_WRITTEN)
    after = copy.deepcopy(before)
    after.state = "Otherland"
    assert rewrite(HAND_WRITTEN, before, after, ORDER) is None


TEXTS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
RECORDS = st.builds(
    Record,
    value=st.one_of(st.none(), TEXTS, st.sampled_from(["yes", "no", "partly"]), st.lists(st.sampled_from(["a-b", "other"]), max_size=2)),
    legislation=st.lists(TEXTS.filter(str.strip), max_size=2),
    links=st.lists(TEXTS.filter(str.strip), max_size=1),
    comment=st.one_of(st.none(), TEXTS),
    other=st.one_of(st.none(), TEXTS),
    details=st.dictionaries(st.sampled_from(["a-b", "c-d"]), st.one_of(st.none(), TEXTS.filter(str.strip)), max_size=2),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["1", "1.a", "2", "3", "3.a", "28.a", "99.q", "5"]), RECORDS), min_size=1, max_size=6))
def test_any_edits_read_back_as_the_answers_and_keep_the_comments(edits: list[tuple[str, Record]]):
    text = HAND_WRITTEN
    before = content(text)
    for item_id, record in edits:  # one save after another, each from the text the previous one wrote
        after = copy.deepcopy(before)
        after.answers[item_id] = record
        new = rewrite(text, before, after, ORDER)
        assert new is not None
        assert answers(content(new)) == answers(after)
        assert keeps_comment_lines(HAND_WRITTEN, new)
        text, before = new, content(new)


def test_the_written_file_reads_as_the_same_response(tmp_path: Path):
    path = tmp_path / "r.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    before = from_response(read(path))
    after = copy.deepcopy(before)
    after.answers["1"] = Record("partly")
    path.write_text(rewrite(HAND_WRITTEN, before, after, ORDER) or "", encoding="utf-8")
    assert read(path).answers["1"].value == "partly"
