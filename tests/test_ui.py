"""``untoc fill``: the terminal UI driven with Textual's Pilot at 80×24."""

from __future__ import annotations

import asyncio
import functools
import os
import stat
from pathlib import Path

import pytest
from textual.widgets import Checkbox, OptionList, RadioButton, RadioSet, SelectionList, Static, TextArea

from engine.definition import registry
from engine.definition.model import SCALE_VALUES, AnswerKind
from engine.i18n import is_translated, questionnaire_text
from engine.i18n.catalogs import set_language
from engine.responses.model import read
from engine.ui.app import FillApp
from engine.ui.main_screen import MainScreen
from engine.ui.navtree import NavTree
from engine.ui.question import QuestionPane
from engine.ui.session import Session, state_path
from engine.validation.findings import Severity
from engine.validation.validator import validate

SIZE = (80, 24)


def sync(test):
    """Run an async test in its own event loop (no pytest plugin needed)."""

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def new_session(path: Path, cluster: str = "cluster1", parties: list[str] | None = None) -> Session:
    return Session.create(path, cluster, "Examplestan", "en", parties or [], False)


async def answer(pilot, value: object) -> None:
    """Answer the question shown, through its widget."""
    pane = pilot.app.screen.query_one(QuestionPane)
    widget = pane.answer_widget
    if isinstance(widget, RadioSet):
        for button in widget.query(RadioButton):
            if button.name == value:
                button.value = True
    elif isinstance(widget, SelectionList):
        for code in value:  # type: ignore[union-attr]
            widget.select(code)
    else:
        assert isinstance(widget, TextArea)
        widget.load_text("")
        widget.insert(str(value))
    await pilot.pause()


async def go(pilot, item_id: str) -> None:
    await pilot.app.screen.go_to(item_id)
    await pilot.pause()


@sync
async def test_fill_a_whole_part(tmp_path: Path):
    """Cluster III, Part III (Smuggling of Migrants Protocol) for a party to it, answered question by question."""
    path = tmp_path / "c3.yaml"
    session = new_session(path, "cluster3", ["smuggling"])
    definition = session.definition
    part = next(p for p in definition.questionnaire.parts if p.instrument.value == "smuggling")
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = next(e.id for e in definition.part_entries(part) if e.is_answerable)
        await go(pilot, first)
        seen: list[str] = []
        while True:
            entry = definition.entries[app.screen.query_one(QuestionPane).item_id]
            if entry.part is not part or entry.id in seen:
                break
            seen.append(entry.id)
            if entry.is_answerable:
                if entry.kind in SCALE_VALUES:
                    await answer(pilot, "yes")
                    legislation = app.screen.query_one("#field-legislation", TextArea)
                    legislation.insert("Immigration Act, art. 12")
                    await pilot.pause()
                elif entry.kind is AnswerKind.choices:
                    await answer(pilot, [entry.values[0]])
                    pane = app.screen.query_one(QuestionPane)
                    for code, field in pane.specify_fields.items():
                        if code == entry.values[0]:
                            field.value = "Specified."
                    await pilot.pause()
                elif entry.kind is AnswerKind.choice:
                    await answer(pilot, entry.values[0])
                else:
                    await answer(pilot, f"Answer to {entry.number}.\nSecond line.")
            await pilot.press("ctrl+down")
            await pilot.pause()
        assert session.progress(part)[0] == session.progress(part)[1] > 0
        await pilot.press("ctrl+q")
    response = read(path)
    findings = validate(response, definition)
    assert not [f for f in findings if f.severity is Severity.error]
    part_ids = {e.id for e in definition.part_entries(part)}
    assert not [f for f in findings if f.code == "unanswered" and f.item in part_ids]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@sync
async def test_a_no_hides_the_sub_questions_and_keeps_their_answers(tmp_path: Path):
    path = tmp_path / "c1.yaml"
    session = new_session(path)
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "3")
        await answer(pilot, "yes")
        await go(pilot, "3.a")
        await answer(pilot, "partly")
        assert session.status("3.a").applies
        await go(pilot, "3")
        await answer(pilot, "no")
        assert not session.status("3.a").applies and not session.status("3.a.i").applies
        tree = app.screen.query_one(NavTree)
        assert str(tree.nodes["3.a"].label).startswith("–")
        await go(pilot, "3.a")
        status = app.screen.query_one("#status").render()
        assert "Does not apply" in str(status) and "3 is “No”" in str(status)
        app.save_now()
        assert read(path).answers["3.a"].value == "partly"  # hidden, kept
        await go(pilot, "3")
        await answer(pilot, "yes")
        assert session.status("3.a").applies
        assert str(tree.nodes["3.a"].label)[0] in "✓⚠"  # applies again (⚠: no legislation cited under “Yes, in part”)
        await pilot.press("ctrl+q")
    assert read(path).answers["3.a"].value == "partly"


@sync
async def test_switch_language_quit_and_resume_at_the_same_question(tmp_path: Path):
    path = tmp_path / "c1.yaml"
    session = new_session(path)
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press(*"5 (a)", "enter")
        await pilot.pause()
        assert app.screen.query_one(QuestionPane).item_id == "5.a"
        await pilot.press("ctrl+l")
        await pilot.pause()
        languages = app.screen.query_one(OptionList)
        languages.highlighted = 3  # Français
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.screen.lang == "fr"
        text = app.screen.query_one(QuestionPane).query(".text").first().render()
        source = session.definition.entries["5.a"].item.text
        assert questionnaire_text(source, "fr") in str(text)
        assert (questionnaire_text(source, "fr") + " [EN]" in str(text)) == (
            not is_translated(source, "fr")
        )  # untranslated: English, marked
        await pilot.press("ctrl+q")
    assert state_path(path).exists()
    again = Session.open(path)
    assert again.last == "5.a" and again.ui_language == "fr"
    app = FillApp(again)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one(QuestionPane).item_id == "5.a"
        assert app.screen.lang == "fr"
        await pilot.press("ctrl+q")


@sync
async def test_next_unanswered_and_search_by_number_forms(tmp_path: Path):
    session = new_session(tmp_path / "c1.yaml")
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "1")
        await answer(pilot, "no")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.query_one(QuestionPane).item_id == "1.a"
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.screen.query_one(QuestionPane).item_id != "1"  # 1 is answered: skipped (wraps to the end)
        await pilot.press("ctrl+q")
    for query in ("28 a", "28 (a)", "28.a", "28a"):
        assert session.search(query)[0] == "28.a", query
    assert "3" in session.search("organized criminal group")


@sync
async def test_in_chinese_the_ui_says_unofficial_searches_and_labels_parts_in_chinese(tmp_path: Path):
    """In Chinese, the UI says the translation is unofficial; the search lists the questions in Chinese, and a part's
    count follows its numeral 一、."""
    session = new_session(tmp_path / "c1.yaml")
    app = FillApp(session, lang="zh")
    notices: list[str] = []
    notify = app.notify
    app.notify = lambda message, *args, **kwargs: (notices.append(str(message)), notify(message, *args, **kwargs))[1]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.lang == "zh"
        assert "本调查表译文为非正式译文，仅为方便起见提供：以联合国的版本为准。" in notices  # on opening, in Chinese
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert "非正式译文" in str(app.screen.query_one("#unofficial", Static).render())  # and atop the general guidance
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press(*"28 a")
        await pilot.pause()
        results = app.screen.query_one("#results", OptionList)
        first = str(results.get_option_at_index(0).prompt)
        source = session.definition.entries["28.a"].item.text
        assert first.startswith("28 (a) ") and questionnaire_text(source, "zh")[:8] in first
        assert "If the answer" not in first
        await pilot.press("escape")
        await pilot.pause()
        tree = app.screen.query_one(NavTree)
        parts = [str(node.label).rstrip() for node in tree.root.children]
        assert parts[0].startswith("一、《联合国") and parts[0].endswith("（0/44）")
        assert parts[1].startswith("二、《联合国") and "…" in parts[1] and parts[1].endswith("）")  # long title cut, count kept
        await pilot.press("ctrl+q")
    set_language("en")


@sync
async def test_findings_panel_jumps_to_the_question(tmp_path: Path):
    path = tmp_path / "c1.yaml"
    path.write_text(
        'questionnaire: cluster1\nstate: X\nlanguage: en\nparties: []\nuncac_party: false\nanswers:\n  "2": bogus\n  "99.q": kept\n',
        encoding="utf-8",
    )
    session = Session.open(path)
    assert session.read_only is None  # errors of content: the UI is where they are fixed
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        panel = app.screen.query_one("#findings", OptionList)
        assert panel.option_count >= 2
        panel.highlighted = next(i for i in range(panel.option_count) if panel.get_option_at_index(i).id.endswith(":2"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(QuestionPane).item_id == "2"
        await answer(pilot, "yes")
        await pilot.press("ctrl+q")
    response = read(path)
    assert response.answers["2"].value == "yes"
    assert response.answers["99.q"].value == "kept"  # unknown ids are preserved


@sync
async def test_second_instance_is_read_only(tmp_path: Path):
    path = tmp_path / "c1.yaml"
    first = new_session(path)
    assert first.lock is not None and first.read_only is None
    second = Session.open(path)
    assert second.read_only and str(os.getpid()) in second.read_only
    before = path.read_bytes()
    app = FillApp(second)
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "1")
        banner = app.screen.query_one("#banner").render()
        assert "READ-ONLY" in str(banner)
        assert isinstance(app.screen.query_one(QuestionPane).answer_widget, RadioSet)
        assert app.screen.query_one(QuestionPane).answer_widget.disabled
        assert not second.update("1", value="yes")
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before
    first.close()
    third = Session.open(path)
    assert third.read_only is None  # the lock was released
    third.close()


def test_a_stale_lock_is_taken_over(tmp_path: Path):
    path = tmp_path / "c1.yaml"
    new_session(path).close()
    (tmp_path / "c1.yaml.lock").write_text("999999999\n")
    session = Session.open(path)
    assert session.read_only is None and session.lock is not None
    session.close()


@pytest.mark.parametrize(
    "content, words",
    [
        (b"\x00\x01binary", "binary"),
        (b"answers: [unclosed", ""),
        (b"- a list\n", "mapping"),
        (b"questionnaire: cluster9\nstate: X\n", "unknown questionnaire"),
        (b"state: X\n", "which questionnaire"),
    ],
)
def test_unreadable_files_stop_with_a_located_message(tmp_path: Path, cli, content: bytes, words: str):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    run = cli("fill", str(path))
    assert run.code == 2
    assert run.err.startswith(f"untoc: {path}") and words in run.err
    assert "Traceback" not in run.err
    assert path.read_bytes() == content


def test_a_file_that_reading_cannot_keep_whole_opens_read_only(tmp_path: Path):
    path = tmp_path / "dup.yaml"
    path.write_text('questionnaire: cluster1\nstate: X\nlanguage: en\nextra: 1\nanswers:\n  "1": yes\n  "1": no\n', encoding="utf-8")
    session = Session.open(path)
    assert session.read_only and "line" in session.read_only
    assert not session.save()


@sync
async def test_setup_creates_the_file_and_opens_the_questionnaire(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = FillApp(None, tmp_path / "new.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Examplestan")
        cluster = app.screen.query_one("#cluster", RadioSet)
        next(b for b in cluster.query(RadioButton) if b.name == "cluster3").value = True
        await pilot.pause()
        assert app.screen.query_one("#party-firearms", Checkbox).disabled  # Cluster III has no Firearms part
        app.screen.query_one("#party-smuggling", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("ctrl+q")
    path = tmp_path / "new.yaml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    response = read(path)
    assert response.questionnaire.value == "cluster3" and response.state.value == "Examplestan"
    assert [p.value for p in response.parties] == ["smuggling"]
    assert not [f for f in validate(response, registry.load("cluster3")) if f.severity is Severity.error]


@sync
async def test_the_mouse_works_too(tmp_path: Path, monkeypatch):
    """Set up, move through the outline, answer and open a finding with clicks only (and the State's name typed)."""
    monkeypatch.chdir(tmp_path)
    app = FillApp(None, tmp_path / "m.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#state")
        await pilot.press(*"Mouseland")
        await pilot.click(next(b for b in app.screen.query("#cluster RadioButton").results(RadioButton) if b.name == "cluster3"))
        await pilot.click("#party-smuggling")
        await pilot.click("#create")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        session = app.screen.session
        assert session.document.parties == ["smuggling"]
        tree = app.screen.query_one(NavTree)
        pane = app.screen.query_one(QuestionPane)
        target = next(
            e.id
            for e in session.definition.entries.values()
            if e.kind in SCALE_VALUES
            and e.id != pane.item_id
            and session.status(e.id).applies
            and 0 <= tree.nodes[e.id].line - tree.scroll_offset.y < tree.size.height
        )
        await pilot.click(tree, offset=(6, tree.nodes[target].line - tree.scroll_offset.y))
        await pilot.pause()
        assert pane.item_id == target
        no = next(b for b in pane.query(RadioButton) if b.name == "no")
        pane.scroll_to_widget(no, animate=False)
        await pilot.pause()
        await pilot.click(no)
        await pilot.pause()
        assert session.record(target).value == "no"
        findings = app.screen.query_one("#findings", OptionList)
        await pilot.press("ctrl+r")
        await pilot.pause()
        first = findings.get_option_at_index(0).id.rsplit(":", 1)[1]
        assert first != target, [str(findings.get_option_at_index(i).prompt) for i in range(findings.option_count)]
        await pilot.click(findings, offset=(4, 1))  # the first finding, under the panel's top border
        await pilot.pause()
        assert pane.item_id == first
        await pilot.press("ctrl+q")
    assert read(tmp_path / "m.yaml").answers[target].value == "no"


@sync
async def test_keys_typed_in_a_burst_across_questions_land_where_they_were_typed(tmp_path: Path):
    """Typing, moving on and typing again without a pause: each text goes to the question it was typed for."""
    from textual import events

    session = new_session(tmp_path / "c1.yaml")
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "1")
        following = session.neighbour("1", 1)
        app.screen.query_one("#field-legislation", TextArea).focus()
        await pilot.pause()
        burst = [*"Act A", "ctrl+down", *"Act B", "ctrl+up", *" (2)"]
        for key in burst:
            event = events.Key("space" if key == " " else key, key if len(key) == 1 else None)
            event.set_sender(app)
            app._driver.send_message(event)  # as a terminal delivers them: no waiting between keys
        await pilot.pause()
        await pilot.press("ctrl+q")
    response = read(tmp_path / "c1.yaml")
    assert [c.value for c in response.answers["1"].legislation] == ["Act A (2)"]
    assert [c.value for c in response.answers[following].legislation] == ["Act B"]
