"""``untoc fill``: the terminal UI driven with Textual's Pilot at 80×24, with the keyboard only (no set_focus, no clicks)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Checkbox, Input, OptionList, RadioButton

from engine.definition import registry
from engine.definition.model import SCALE_VALUES, AnswerKind
from engine.i18n import is_translated, questionnaire_text
from engine.i18n.catalogs import set_language
from engine.responses.model import read
from engine.ui.app import FillApp
from engine.ui.editors import ChoiceEditor, OptionText
from engine.ui.main_screen import MainScreen
from engine.ui.navtree import NavTree
from engine.ui.session import Session, state_path
from engine.validation.findings import Severity
from engine.validation.validator import validate

from uikit import SIZE, answer_with_keys, current, keys, lines_of, new_session, pane, screen_text, sync, type_text


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def focused_field(app) -> str:
    """Which part of the main screen has the focus: outline, answer, legislation, links, comment, option:<code>, or the widget's class."""
    widget = app.focused
    if isinstance(widget, NavTree):
        return "outline"
    if widget is pane(app).answer_editor:
        return "answer"
    if isinstance(widget, OptionText):
        return f"option:{widget.code}"
    if widget is not None and widget.id and widget.id.startswith("field-"):
        return widget.id.removeprefix("field-")
    return type(widget).__name__


# -- 1. keyboard -----------------------------------------------------------------------


@sync
async def test_tab_runs_through_outline_answer_legislation_links_comment_and_back(tmp_path: Path):
    app = FillApp(new_session(tmp_path / "c1.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert focused_field(app) == "outline" and current(app).id == "1"
        order = []
        for _step in range(5):
            order.append(focused_field(app))
            await keys(pilot, "tab")
        assert order == ["outline", "answer", "legislation", "links", "comment"]
        assert focused_field(app) == "outline"  # round again
        await keys(pilot, "shift+tab")
        assert focused_field(app) == "comment"
        await keys(pilot, "escape")
        assert focused_field(app) == "outline"
        await keys(pilot, "ctrl+o")
        assert focused_field(app) == "answer"
        await keys(pilot, "ctrl+o")
        assert focused_field(app) == "outline"
        await keys(pilot, "ctrl+q")


@sync
async def test_enter_in_the_outline_search_and_findings_puts_the_focus_on_the_answer(tmp_path: Path):
    path = tmp_path / "c1.yaml"
    new_session(path).close()
    path.write_text(path.read_text() + '  "2": bogus\n', encoding="utf-8")
    app = FillApp(Session.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await keys(pilot, "down", "down")  # 1 → 1 (a) → 2 in the outline; each shows at once
        assert current(app).id == "2" and focused_field(app) == "outline"
        await keys(pilot, "enter")
        assert focused_field(app) == "answer"
        await keys(pilot, "ctrl+f")
        await type_text(pilot, "5 (a)")
        await keys(pilot, "enter")
        assert current(app).id == "5.a" and focused_field(app) == "answer"
        await keys(pilot, "ctrl+r")
        assert app.focused.id == "findings"
        await keys(pilot, "enter")  # the first finding: 2 is 'bogus'
        assert current(app).id == "2" and focused_field(app) == "answer"
        await keys(pilot, "ctrl+r")
        await keys(pilot, "ctrl+q")


@sync
async def test_greyed_questions_are_reached_with_the_arrows(tmp_path: Path):
    session = new_session(tmp_path / "c1.yaml")
    session.update("3", value="no")
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.go_to("3")  # the starting point; every move below is a key
        await pilot.pause()
        await keys(pilot, "down")
        assert current(app).id == "3.a" and not session.status("3.a").applies
        assert "Does not apply" in str(app.screen.query_one("#status").render())
        await keys(pilot, "enter")  # it can be answered all the same (kept, not reviewed)
        assert focused_field(app) == "answer"
        await keys(pilot, "ctrl+q")


@sync
async def test_page_keys_scroll_the_question_and_a_move_shows_the_next_one_from_its_top(tmp_path: Path):
    app = FillApp(new_session(tmp_path / "c1.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.go_to("28")
        await pilot.pause()
        question = pane(app)
        await keys(pilot, "pagedown")
        assert question.scroll_y > 0
        await keys(pilot, "pageup")
        assert question.scroll_y == 0
        await keys(pilot, "enter")  # from the outline to the answer
        for _step in range(3):
            await keys(pilot, "tab")  # down to the comment: the pane scrolls with the focus
        assert focused_field(app) == "comment" and question.scroll_y > 0
        await keys(pilot, "ctrl+down")  # 28 → 28 (a), opened from below
        assert current(app).id == "28.a"
        assert question.scroll_y == 0  # shown from its top: number and text first
        text = question.query_one("#text")
        assert text.region.y >= question.region.y and "28 (a)" in str(text.render())
        assert focused_field(app) == "answer"  # the focus follows to the new question's answer
        await keys(pilot, "ctrl+q")


@sync
async def test_keyboard_only_from_no_file_to_a_file_that_passes_the_submission_check(tmp_path: Path, monkeypatch, cli):
    """Set-up and all of Cluster I's Convention and Trafficking parts — every answer kind — with keys only, at 80×24."""
    monkeypatch.chdir(tmp_path)
    app = FillApp(None, None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "Keyboardia")  # the State field has the focus
        while not (isinstance(app.focused, Checkbox) and app.focused.id == "party-trafficking"):
            await keys(pilot, "tab")
        await keys(pilot, "space")
        await keys(pilot, "ctrl+s")
        assert isinstance(app.screen, MainScreen)
        session = app.screen.session
        assert session.path.resolve() == tmp_path / "cluster1-keyboardia.yaml"
        await keys(pilot, "enter")  # from the outline to the first question's answer
        kinds, seen = set(), []
        while session.assessment().completeness.unanswered:
            entry = current(app)
            assert entry.id not in seen, f"came back to {entry.id}"
            seen.append(entry.id)
            if entry.id in session.assessment().completeness.unanswered:
                assert focused_field(app) == "answer", (entry.id, app.focused)
                await answer_with_keys(pilot, entry)
                kinds.add(entry.kind)
            await keys(pilot, "ctrl+n")
        # every kind of answer Cluster I has: yes/no, yes/in part/no, one option, several options, a text
        assert kinds == {AnswerKind.yes_no, AnswerKind.yes_partly_no, AnswerKind.choice, AnswerKind.choices, AnswerKind.text}
        await keys(pilot, "ctrl+q")
    path = tmp_path / "cluster1-keyboardia.yaml"
    run = cli("validate", "--complete", str(path))
    assert run.code == 0, run.out
    response = read(path)
    assert response.answers["41"].value == "other" and response.answers["41"].other.value == "Other, as specified"
    assert "other" in response.answers["28.a"].value or not session.status("28.a").applies


@sync
async def test_a_burst_of_forty_moves_moves_forty_questions(tmp_path: Path):
    """Keys sent back to back, as a terminal delivers them, on Cluster IV: every key counts, in order."""
    session = new_session(tmp_path / "c4.yaml", "cluster4", ["trafficking", "smuggling", "firearms"])
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = current(app).id
        expected = start
        for _step in range(40):
            expected = session.neighbour(expected, 1)
        for _step in range(40):
            key = events.Key("ctrl+down", None)
            key.set_sender(app)
            app._driver.send_message(key)  # a terminal's burst: no waiting between keys
        for _wait in range(50):
            await pilot.pause(0.05)
            if current(app).id == expected:
                break
        await pilot.pause(0.3)
        assert current(app).id == expected
        assert app.screen.query_one(NavTree).cursor_node.data == expected
        await keys(pilot, "ctrl+q")


@sync
async def test_keys_typed_in_a_burst_across_questions_land_where_they_were_typed(tmp_path: Path):
    session = new_session(tmp_path / "c1.yaml")
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        following = session.neighbour("1", 1)
        await keys(pilot, "enter", "tab")  # the legislation of 1
        burst = [*"Act A", "ctrl+down", "tab", *"Act B", "ctrl+up", "tab", *" (2)"]
        for key in burst:
            event = events.Key("space" if key == " " else key, key if len(key) == 1 else None)
            event.set_sender(app)
            app._driver.send_message(event)  # as a terminal delivers them: no waiting between keys
        await pilot.pause(0.5)
        await keys(pilot, "ctrl+q")
    response = read(tmp_path / "c1.yaml")
    assert [c.value for c in response.answers["1"].legislation] == ["Act A (2)"]
    assert [c.value for c in response.answers[following].legislation] == ["Act B"]  # ctrl+↓ keeps the focus on the fields


# -- 4, 5. never lose an answer ----------------------------------------------------------


def refuse_writes_in(monkeypatch, folder: Path, errno: int = 30) -> None:
    """Make ``folder`` behave like a read-only (30) or full (28) file system for files created in it."""
    real_open, real_mkstemp = os.open, __import__("tempfile").mkstemp

    def guarded_open(path, flags, *args, **kwargs):
        if Path(path).parent == folder and flags & os.O_CREAT:
            raise OSError(errno, os.strerror(errno), str(path))
        return real_open(path, flags, *args, **kwargs)

    def guarded_mkstemp(*args, dir=None, **kwargs):
        if dir is not None and Path(dir) == folder:
            raise OSError(errno, os.strerror(errno), str(dir))
        return real_mkstemp(*args, dir=dir, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    monkeypatch.setattr("tempfile.mkstemp", guarded_mkstemp)


@sync
async def test_setup_in_a_folder_that_cannot_be_written_says_so_and_nothing_hangs(tmp_path: Path, monkeypatch):
    rom = tmp_path / "rom"
    rom.mkdir()
    refuse_writes_in(monkeypatch, rom)  # as a read-only file system: the lock file cannot be created
    app = FillApp(None, rom / "new.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "Romland")
        await keys(pilot, "ctrl+s")
        assert not isinstance(app.screen, MainScreen)  # still on the set-up screen
        error = str(app.screen.query_one("#error").render())
        assert "cannot create" in error and "Read-only file system" in error
        assert app.is_running
        await keys(pilot, "ctrl+q")
    assert app.return_code == 0 and not list(rom.iterdir())


def test_a_folder_that_cannot_be_written_is_named(tmp_path: Path):
    from engine.ui.session import folder_problem

    assert "does not exist" in folder_problem(tmp_path / "missing" / "x.yaml")
    assert folder_problem(tmp_path / "x.yaml") is None


@sync
async def test_a_failing_save_shows_one_banner_and_quitting_asks(tmp_path: Path, monkeypatch):
    path = tmp_path / "c1.yaml"
    new_session(path).close()
    before = path.read_bytes()
    app = FillApp(Session.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        refuse_writes_in(monkeypatch, tmp_path, errno=28)  # the disk is full from now on
        await keys(pilot, "enter", "space")  # 1: Yes
        await pilot.pause(1.2)  # the autosave fails
        banner = str(app.screen.query_one("#banner").render())
        assert "NOT SAVED" in banner and "No space left on device" in banner
        assert "NOT SAVED" in str(app.screen.query_one("#saved").render())
        await pilot.pause(3.5)  # a retry fails as well: still one banner, no pile of notices
        assert not list(app.screen.query("Toast"))
        await keys(pilot, "ctrl+q")
        assert type(app.screen).__name__ == "UnsavedScreen" and app.is_running  # it asks
        await keys(pilot, "escape")  # back to the answers
        assert isinstance(app.screen, MainScreen)
        await keys(pilot, "ctrl+q")
        await keys(pilot, "d")  # quit without them
    assert app.return_code == 1
    assert path.read_bytes() == before


@sync
async def test_answers_that_cannot_be_saved_can_be_saved_elsewhere(tmp_path: Path, monkeypatch):
    folder = tmp_path / "full"
    folder.mkdir()
    path = folder / "c1.yaml"
    new_session(path).close()
    app = FillApp(Session.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        refuse_writes_in(monkeypatch, folder, errno=28)
        await keys(pilot, "enter", "space")
        await keys(pilot, "ctrl+q")
        await keys(pilot, "e")
        field = app.screen.query_one("#elsewhere", Input)
        assert app.focused is field
        await keys(pilot, "ctrl+u")  # clear the proposed name (Input: delete to the start)
        await type_text(pilot, str(tmp_path / "rescued.yaml"))
        await keys(pilot, "enter")
    assert app.return_code == 0
    assert read(tmp_path / "rescued.yaml").answers["1"].value == "yes"
    assert stat.S_IMODE((tmp_path / "rescued.yaml").stat().st_mode) == 0o600


@sync
async def test_retrying_after_the_disk_has_room_again_saves_and_quits(tmp_path: Path, monkeypatch):
    path = tmp_path / "c1.yaml"
    new_session(path).close()
    app = FillApp(Session.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        refuse_writes_in(monkeypatch, tmp_path, errno=28)
        await keys(pilot, "enter", "space")
        await keys(pilot, "ctrl+q")
        monkeypatch.undo()  # room again
        await keys(pilot, "r")
    assert app.return_code == 0 and read(path).answers["1"].value == "yes"


# -- 7. comments and permissions --------------------------------------------------------


@sync
async def test_a_skeleton_keeps_its_comments_and_a_shared_file_its_permissions(tmp_path: Path, cli):
    path = tmp_path / "skeleton.yaml"
    assert cli("new", "--cluster", "1", "--state", "Examplestan", "-o", str(path)).code == 0
    path.chmod(0o644)
    skeleton = path.read_text(encoding="utf-8")
    app = FillApp(Session.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#banner").display  # nothing to warn about
        await keys(pilot, "enter", "space", "tab")
        await type_text(pilot, "Penal Code")
        await keys(pilot, "ctrl+q")
    text = path.read_text(encoding="utf-8")
    comments = [line for line in skeleton.splitlines() if line.lstrip().startswith("#")]
    assert [line for line in text.splitlines() if line.lstrip().startswith("#")] == comments
    assert len(text) > len(skeleton) and '  "1":\n    answer: yes\n    legislation:\n      - Penal Code\n' in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # not silently tightened


@sync
async def test_a_layout_that_cannot_be_kept_is_announced_before_the_first_save(tmp_path: Path):
    path = tmp_path / "flow.yaml"
    path.write_text('# my notes\nquestionnaire: cluster1\nstate: X\nlanguage: en\nparties: []\nuncac_party: false\nanswers: {"1": yes}\n')
    before = path.read_text()
    app = FillApp(Session.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "comments will not be kept" in str(app.screen.query_one("#banner").render())
        assert path.read_text() == before
        await keys(pilot, "ctrl+q")


# -- 8, 9. languages -------------------------------------------------------------------


@sync
async def test_findings_follow_the_interface_language(tmp_path: Path):
    path = tmp_path / "c1.yaml"
    new_session(path).close()
    path.write_text(path.read_text() + '  "2": bogus\n', encoding="utf-8")
    app = FillApp(Session.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await keys(pilot, "ctrl+r")
        panel = app.screen.query_one("#findings", OptionList)
        english = str(panel.get_option_at_index(0).prompt)
        await keys(pilot, "ctrl+l")
        languages = app.screen.query_one(OptionList)
        while languages.highlighted != 3:  # Français
            await keys(pilot, "down")
        await keys(pilot, "enter")
        french = str(panel.get_option_at_index(0).prompt)
        assert "erreur" in french and french != english
        await app.screen.go_to("2")
        assert "n’accepte pas" in str(app.screen.query_one("#status").render())  # the ⚠ line of the question, in French too
        await keys(pilot, "ctrl+q")


@sync
async def test_the_command_line_language_wins_over_the_remembered_one(tmp_path: Path):
    path = tmp_path / "c1.yaml"
    session = new_session(path)
    session.ui_language = "fr"
    session.close()
    assert Session.open(path, take_lock=False).ui_language == "fr"
    app = FillApp(Session.open(path), lang="es")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.lang == "es"
        await keys(pilot, "ctrl+q")
    assert Session.open(path, take_lock=False).ui_language == "es"  # and it is remembered
    app = FillApp(Session.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.lang == "es"
        await keys(pilot, "ctrl+q")


def test_an_unknown_language_is_refused(cli, tmp_path: Path):
    run = cli("fill", "--lang", "xx", str(tmp_path / "x.yaml"))
    assert run.code == 2 and "unknown language" in run.err


@sync
async def test_switch_language_quit_and_resume_at_the_same_question(tmp_path: Path):
    path = tmp_path / "c1.yaml"
    session = new_session(path)
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await keys(pilot, "ctrl+f")
        await type_text(pilot, "5 (a)")
        await keys(pilot, "enter")
        await keys(pilot, "ctrl+l", "home")
        for _step in range(3):
            await keys(pilot, "down")
        await keys(pilot, "enter")
        assert isinstance(app.screen, MainScreen) and app.screen.lang == "fr"
        text = pane(app).query_one("#text").render()
        source = session.definition.entries["5.a"].item.text
        assert questionnaire_text(source, "fr") in str(text)
        assert (questionnaire_text(source, "fr") + " [EN]" in str(text)) == (not is_translated(source, "fr"))
        await keys(pilot, "ctrl+q")
    assert state_path(path).exists()
    again = Session.open(path)
    assert again.last == "5.a" and again.ui_language == "fr"
    app = FillApp(again)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert current(app).id == "5.a" and app.screen.lang == "fr"
        await keys(pilot, "ctrl+q")


# -- 11. one definition of "still to be answered" ------------------------------------------


@sync
async def test_header_findings_validate_and_export_count_the_same(tmp_path: Path, cli):
    path = tmp_path / "c1.yaml"
    session = new_session(path, parties=["smuggling"])
    session.update("1", value="yes")
    session.update("3", value="no")
    session.update("27", value="A voluntary answer.")
    session.save()
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await keys(pilot, "ctrl+r")
        header = str(app.screen.query_one("#progress").render())
        panel = app.screen.query_one("#findings", OptionList)
        count_line = str(panel.get_option_at_index(panel.option_count - 1).prompt)
        await keys(pilot, "ctrl+q")
    answered, expected = (int(n) for n in header.split(" · ")[2].split()[0].split("/"))
    still = int(count_line.split()[0])
    assert expected - answered == still
    run = cli("validate", "--verbose", "--format", "json", str(path))
    import json

    findings = json.loads(run.out)["files"][0]["findings"]
    assert sum(f["code"] == "unanswered" for f in findings) == still
    run = cli("export", "filled", str(path), "--format", "md")
    assert f"{answered} of {expected}" in run.out


# -- 12, 13. "Other" and the wording of findings --------------------------------------------


@sync
async def test_choosing_another_option_after_other_sets_its_text_aside(tmp_path: Path):
    session = new_session(tmp_path / "c1.yaml", parties=["trafficking"])
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.go_to("41", focus_answer=True)
        await pilot.pause()
        await keys(pilot, "end", "space")  # Other
        other = pane(app).option_texts["other"]
        assert other.display
        await keys(pilot, "tab")
        assert app.focused is other
        await type_text(pilot, "Persons under 21")
        assert session.record("41").other == "Persons under 21"
        await keys(pilot, "shift+tab", "home", "space")  # another option
        assert not other.display
        assert session.record("41").value == "under-18" and session.record("41").other is None
        assert not [f for f in session.findings() if f.item == "41" and f.severity is Severity.error]
        await keys(pilot, "end", "space")  # Other again: the text comes back
        assert other.display and session.record("41").other == "Persons under 21"
        await keys(pilot, "home", "space")
        await keys(pilot, "ctrl+down", "ctrl+up")  # away and back: set aside, still offered
        await keys(pilot, "end", "space")
        assert session.record("41").other == "Persons under 21"
        await keys(pilot, "ctrl+q")


@sync
async def test_details_of_the_technical_assistance_lists_are_edited(tmp_path: Path):
    session = new_session(tmp_path / "c1.yaml")
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.go_to("31", focus_answer=True)
        await pilot.pause()
        await keys(pilot, "down", "space")  # legislative drafting
        texts = pane(app).option_texts
        assert texts["legislative-drafting"].display and not texts["legal-advice"].display
        await keys(pilot, "tab")
        assert app.focused is texts["legislative-drafting"]
        assert "Details for" in str(texts["legislative-drafting"].border_title)
        await type_text(pilot, "On the new penal code")
        await keys(pilot, "ctrl+q")
    response = read(tmp_path / "c1.yaml")
    assert response.answers["31"].value == ["legislative-drafting"]
    assert response.answers["31"].details["legislative-drafting"].value == "On the new penal code"


@sync
async def test_findings_name_the_fields_as_the_screen_shows_them(tmp_path: Path):
    session = new_session(tmp_path / "c1.yaml")
    session.update("1", value="yes")
    session.update("28", value="yes")
    session.update("28.a", value=["other"])
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.go_to("1")
        status = str(app.screen.query_one("#status").render())
        assert "fill in “Legislation”" in status and "legislation: [" not in status
        await app.screen.go_to("28.a")
        status = str(app.screen.query_one("#status").render())
        assert "fill in its text" in status and "(add other)" not in status
        await keys(pilot, "ctrl+q")
    assert "(add other)" in " ".join(f.message for f in session.findings())  # untoc validate keeps the file's words


# -- 14, 15. fitting 80×24, help --------------------------------------------------------------


@sync
async def test_everything_fits_in_80_by_24(tmp_path: Path):
    session = Session.create(tmp_path / "c1.yaml", "cluster1", "The Bolivarian Republic of a Long Name", "en", ["trafficking"], False)
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        bar = "\n".join(lines_of(app.screen.query_one("#keys")))
        for key in ("^q", "^f", "^r", "^l", "^g", "^o", "^s", "^n", "^t", "F1"):
            assert key in bar, (key, bar)
        assert len(lines_of(app.screen.query_one("#keys"))) <= 2
        assert "saved" in "".join(lines_of(app.screen.query_one("#saved")))  # the long header cannot push it out
        tree = app.screen.query_one(NavTree)
        part = str(tree.root.children[0].label)
        assert "/" in part.split()[1]  # the count comes first: not cut off
        await app.screen.go_to("28.a", focus_answer=True)
        await pilot.pause()
        editor = pane(app).answer_editor
        options = session.definition.entries["28.a"].options
        longest = max(options, key=lambda o: len(o.label))
        await keys(pilot, *["down"] * options.index(longest))  # the list scrolls to it
        shown = " ".join(" ".join(line.strip("▊▎ ") for line in lines_of(editor)).split())
        assert " ".join(longest.label.split()) in shown  # wrapped, never cut with "…"
        await keys(pilot, "ctrl+f")
        hint = " ".join(" ".join(lines_of(app.screen.query(".hint").first())).split())
        assert hint.endswith("Esc closes")
        await keys(pilot, "escape", "ctrl+q")


@pytest.mark.parametrize("lang", ["ar", "en", "es", "fr", "ru", "zh"])
def test_the_key_bar_fits_on_two_lines_at_80_columns_in_every_language(lang: str):
    from engine.ui.keybar import KeyBar

    set_language(lang)
    rows = KeyBar()._lines(80)
    assert len(rows) <= 2 and all(row.cell_len <= 80 for row in rows)
    shown = " ".join(row.plain for row in rows)
    assert all(key in shown for key in ("^q", "^f", "^r", "^l", "^g", "^o", "^s", "^n", "^t", "F1"))


@sync
async def test_help_opens_with_f1_and_question_mark_in_the_interface_language(tmp_path: Path):
    session = new_session(tmp_path / "c1.yaml")
    session.ui_language = "fr"
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await keys(pilot, "f1")
        assert type(app.screen).__name__ == "HelpScreen"
        assert "^n" in screen_text(app) and "question suivante" in screen_text(app)  # the keys, in French
        await keys(pilot, "end")  # the rest of the page
        text = screen_text(app)
        assert "✓" in text and "[EN]" in text and "enregistr" in text  # the marks, what is saved
        await keys(pilot, "escape")
        await keys(pilot, "question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        await keys(pilot, "escape", "enter", "tab", "tab")  # into the legislation field: ? is a character there
        await keys(pilot, "question_mark")
        assert isinstance(app.screen, MainScreen) and "?" in app.focused.text
        await keys(pilot, "ctrl+q")


@sync
async def test_the_command_palette_has_our_commands_only(tmp_path: Path):
    app = FillApp(new_session(tmp_path / "c1.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Search" in titles and "Help" in titles and "Quit" in titles
        assert not {"Theme", "Keys", "Screenshot", "Maximize"} & set(titles)
        await keys(pilot, "ctrl+q")


# -- 16. file names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "name"),
    [
        ("Россия", "cluster1-россия.yaml"),
        ("中国", "cluster1-中国.yaml"),
        ("الأردن", "cluster1-الأردن.yaml"),
        ("São Tomé and Príncipe", "cluster1-são-tomé-and-príncipe.yaml"),
        ("Côte d’Ivoire", "cluster1-côte-d-ivoire.yaml"),
        ("!!!", "cluster1-state.yaml"),
    ],
)
def test_default_file_names_keep_the_state_name(state: str, name: str):
    from engine.ui.setup import default_name

    assert default_name("cluster1", state) == name


@sync
async def test_setup_shows_the_path_of_the_file_it_will_create(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = FillApp(None, None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "Россия")
        target = str(app.screen.query_one("#target").render())
        assert str(tmp_path / "cluster1-россия.yaml") in target
        await keys(pilot, "ctrl+s")
        assert isinstance(app.screen, MainScreen)
        await keys(pilot, "ctrl+q")
    assert (tmp_path / "cluster1-россия.yaml").exists()


@sync
async def test_setup_creates_the_file_and_opens_the_questionnaire(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = FillApp(None, tmp_path / "new.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "Examplestan")
        await keys(pilot, "shift+tab")  # the cluster
        await keys(pilot, "right", "right", "enter")  # III
        assert app.screen.query_one("#party-firearms", Checkbox).disabled  # Cluster III has no Firearms part
        while not (isinstance(app.focused, Checkbox) and app.focused.id == "party-smuggling"):
            await keys(pilot, "tab")
        await keys(pilot, "space", "ctrl+s")
        assert isinstance(app.screen, MainScreen)
        await keys(pilot, "ctrl+q")
    path = tmp_path / "new.yaml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    response = read(path)
    assert response.questionnaire.value == "cluster3" and response.state.value == "Examplestan"
    assert [p.value for p in response.parties] == ["smuggling"]
    assert not [f for f in validate(response, registry.load("cluster3")) if f.severity is Severity.error]


# -- 17. check, export, take over ------------------------------------------------------------


@sync
async def test_submission_check_and_export_from_inside(tmp_path: Path):
    path = tmp_path / "c1.yaml"
    session = new_session(path)
    session.update("1", value="yes")
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await keys(pilot, "ctrl+t")
        assert type(app.screen).__name__ == "CheckScreen"
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Not ready to submit" in text
        check = app.screen.query_one("#check", OptionList)
        assert any("1 (a)" in str(check.get_option_at_index(i).prompt) for i in range(check.option_count))
        await keys(pilot, "e")
        assert type(app.screen).__name__ == "ExportScreen"
        await keys(pilot, "down", "down", "enter")  # HTML
        await keys(pilot, "enter")  # the language stays the answers'
        assert app.screen.query_one("#output", Input).value.endswith("c1-en.html")
        await keys(pilot, "enter")
        for _wait in range(100):
            await pilot.pause(0.05)
            if "Written" in str(app.screen.query_one("#export-status").render()):
                break
        assert "Written" in str(app.screen.query_one("#export-status").render())
        await keys(pilot, "escape", "escape")
        assert isinstance(app.screen, MainScreen)
        await keys(pilot, "ctrl+t", "enter")  # the first finding opens its question
        assert isinstance(app.screen, MainScreen) and focused_field(app) == "answer"
        await keys(pilot, "ctrl+q")
    exported = tmp_path / "c1-en.html"
    assert "Examplestan" in exported.read_text(encoding="utf-8") and stat.S_IMODE(exported.stat().st_mode) == 0o600


@sync
async def test_a_second_instance_is_read_only_and_takes_over_when_the_first_quits(tmp_path: Path):
    path = tmp_path / "c1.yaml"
    first = new_session(path)
    second = Session.open(path)
    assert second.read_only and str(os.getpid()) in second.read_only
    before = path.read_bytes()
    app = FillApp(second)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "READ-ONLY" in str(app.screen.query_one("#banner").render())
        assert pane(app).answer_editor.disabled
        await keys(pilot, "enter", "space")
        assert path.read_bytes() == before
        first.update("1", value="no")
        first.close()  # the other instance quits
        for _wait in range(40):
            await pilot.pause(0.1)
            if type(app.screen).__name__ == "TakeOverScreen":
                break
        assert type(app.screen).__name__ == "TakeOverScreen"
        await keys(pilot, "y")
        assert isinstance(app.screen, MainScreen) and app.screen.session.read_only is None
        assert app.screen.session.record("1").value == "no"  # read again
        await keys(pilot, "enter", "home", "space")
        await keys(pilot, "ctrl+q")
    assert read(path).answers["1"].value == "yes"
    assert not (tmp_path / "c1.yaml.lock").exists()


# -- kept from before: branching, unknown data, locks, unreadable files, the mouse ----------


@sync
async def test_a_no_hides_the_sub_questions_and_keeps_their_answers(tmp_path: Path):
    path = tmp_path / "c1.yaml"
    session = new_session(path)
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.go_to("3", focus_answer=True)
        await keys(pilot, "home", "space")  # Yes
        await keys(pilot, "ctrl+down", "home", "down", "space")  # 3 (a): Yes, in part
        assert session.record("3.a").value == "partly" and session.status("3.a").applies
        await keys(pilot, "ctrl+up", "end", "space")  # 3: No
        assert not session.status("3.a").applies and not session.status("3.a.i").applies
        tree = app.screen.query_one(NavTree)
        assert str(tree.nodes["3.a"].label).startswith("–")
        await app.screen.go_to("3.a")
        status = str(app.screen.query_one("#status").render())
        assert "Does not apply" in status and "3 is “No”" in status
        app.save_now()
        assert read(path).answers["3.a"].value == "partly"  # hidden, kept
        await app.screen.go_to("3", focus_answer=True)
        await keys(pilot, "home", "space")
        assert session.status("3.a").applies
        await keys(pilot, "ctrl+q")
    assert read(path).answers["3.a"].value == "partly"


@sync
async def test_unknown_ids_and_codes_are_kept(tmp_path: Path):
    path = tmp_path / "c1.yaml"
    path.write_text(
        'questionnaire: cluster1\nstate: X\nlanguage: en\nparties: []\nuncac_party: false\nanswers:\n  "2": bogus\n  "99.q": kept\n'
        '  "28.a": [lack-of-awareness, not-a-code]\n',
        encoding="utf-8",
    )
    session = Session.open(path)
    assert session.read_only is None  # errors of content: the UI is where they are fixed
    app = FillApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.go_to("28.a", focus_answer=True)
        await keys(pilot, "home", "space")  # adds formulation-of-legislation
        await app.screen.go_to("1", focus_answer=True)
        await keys(pilot, "space")
        await keys(pilot, "ctrl+q")
    response = read(path)
    assert response.answers["2"].value == "bogus" and response.answers["99.q"].value == "kept"
    assert response.answers["28.a"].value == ["formulation-of-legislation", "lack-of-awareness", "not-a-code"]


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
        question = pane(app)
        target = next(
            e.id
            for e in session.definition.entries.values()
            if e.kind in SCALE_VALUES
            and e.id != question.item_id
            and session.status(e.id).applies
            and 0 <= tree.nodes[e.id].line - tree.scroll_offset.y < tree.size.height
        )
        await pilot.click(tree, offset=(6, tree.nodes[target].line - tree.scroll_offset.y))
        await pilot.pause()
        assert question.item_id == target
        editor = question.answer_editor
        assert isinstance(editor, ChoiceEditor)
        question.scroll_to_widget(editor, animate=False)
        await pilot.pause()
        no = editor.codes.index("no")
        await pilot.click(editor, offset=(4, 1 + no))  # under the list's top border
        await pilot.pause()
        assert session.record(target).value == "no"
        findings = app.screen.query_one("#findings", OptionList)
        await pilot.press("ctrl+r")
        await pilot.pause()
        first = findings.get_option_at_index(0).id.rsplit(":", 1)[1]
        assert first != target
        await pilot.click(findings, offset=(4, 1))  # the first finding, under the panel's top border
        await pilot.pause()
        assert question.item_id == first
        await pilot.press("ctrl+q")
    assert read(tmp_path / "m.yaml").answers[target].value == "no"


def test_every_editor_knows_its_field():
    """How a widget saves its field: each editor says which field it edits, loads it and reports its changes."""
    from engine.responses.writer import Record
    from engine.ui.editors import CommentEditor, Editor, ListEditor, TextAnswer

    for cls in (TextAnswer, ListEditor, CommentEditor, OptionText, ChoiceEditor):
        assert issubclass(cls, Editor)
        assert cls.load is not Editor.load and cls.changes is not Editor.changes
    assert ListEditor("links").field == "links" and OptionText("other").field == "other" and OptionText("training").field == "details"
    assert TextAnswer().changes(Record("anything")) == {}  # nothing typed: nothing to change


# -- 10. right to left ------------------------------------------------------------------------


@sync
async def test_shaped_mode_shapes_every_arabic_string_on_the_screen(tmp_path: Path):
    """Header, key bar, options, field titles, badges, findings, help: no Arabic letter reaches the terminal unjoined."""
    import re

    from engine.ui.display import set_display_mode

    from uikit import screen_text

    unjoined = re.compile("[\u0621-\u064a]")
    set_display_mode("shaped")
    try:
        session = new_session(tmp_path / "c1.yaml")
        session.ui_language = "ar"
        session.update("1", value="yes")
        session.update("2", value="bogus")
        session.last = "1"
        app = FillApp(session)
        async with app.run_test(size=SIZE) as pilot:
            await keys(pilot, "enter")
            editor = pane(app).answer_editor
            rows = [row.strip("▊▎ ") for row in lines_of(editor)[1:-1]]
            # Yes (chosen), Yes in part, No: read from the right
            assert len(rows) == 3 and rows[0].endswith("(•)") and rows[2].endswith("( )")
            for view in ("main", "findings", "help", "check"):
                if view == "findings":
                    await keys(pilot, "ctrl+r")
                elif view == "help":
                    await keys(pilot, "f1")
                elif view == "check":
                    await keys(pilot, "escape", "ctrl+t")
                text = screen_text(app)
                assert re.search("[\ufe70-\ufeff]", text), view  # shaped Arabic is there
                assert not unjoined.findall(text), (view, sorted(set(unjoined.findall(text))))
            await keys(pilot, "escape", "ctrl+q")
    finally:
        set_display_mode("native")


@sync
async def test_a_translated_questionnaire_says_its_translation_is_unofficial(tmp_path: Path):
    session = Session.create(tmp_path / "c2.yaml", "cluster2", "Examplestan", "fr", [], False)
    app = FillApp(session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert app.screen.lang == "fr"
        assert any("n’est pas officielle" in str(toast.render()) for toast in app.screen.query("Toast"))
        await keys(pilot, "ctrl+g")
        notice = str(app.screen.query_one("#unofficial").render())
        assert notice.startswith("La présente traduction du questionnaire n’est pas officielle")
        await keys(pilot, "escape", "ctrl+q")
    english = FillApp(new_session(tmp_path / "c1.yaml"))
    async with english.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert not english.screen.query("Toast")
        await keys(pilot, "ctrl+g")
        assert not english.screen.query("#unofficial")
        await keys(pilot, "escape", "ctrl+q")


@sync
async def test_in_chinese_the_search_lists_questions_in_chinese_and_parts_keep_their_count(tmp_path: Path):
    """The search lists the questions in the interface language; a part's numeral 一、 (no space after it) is split
    from its title, so its count stays visible however long the title."""
    session = new_session(tmp_path / "c1.yaml")
    app = FillApp(session, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.lang == "zh"
        await keys(pilot, "ctrl+f")
        await type_text(pilot, "28 a")
        results = app.screen.query_one("#results", OptionList)
        first = str(results.get_option_at_index(0).prompt)
        source = session.definition.entries["28.a"].item.text
        assert first.startswith("28 (a) ") and questionnaire_text(source, "zh")[:8] in first
        assert "If the answer" not in first
        await keys(pilot, "escape")
        tree = app.screen.query_one(NavTree)
        parts = [str(node.label).rstrip() for node in tree.root.children]
        answered, expected = session.progress(session.definition.questionnaire.parts[0])
        assert parts[0].startswith(f"一、 （{answered}/{expected}）") and "《联合国" in parts[0]
        assert parts[1].startswith("二、 （") and "…" in parts[1]  # a long title is cut, its count kept
        await keys(pilot, "ctrl+q")
    set_language("en")
