"""SVG snapshots of ``untoc fill`` at 80×24 (update with ``--snapshot-update``, then look at them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.i18n.catalogs import set_language
from engine.ui.app import FillApp
from engine.ui.session import Session

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def filled(path: Path) -> Session:
    session = Session.create(path, "cluster1", "Examplestan", "en", ["smuggling"], False)
    session.update("1", value="yes", legislation=["Penal Code, art. 2"])
    session.update("1.a", value="The Penal Code defines an organized criminal group.")
    session.update("3", value="no")
    session.update("3.a", value="partly")  # kept, though 3 (a) no longer applies
    session.last = "3.a"
    session.save()
    return session


def test_setup_screen(snap_compare, monkeypatch):
    monkeypatch.chdir("/")  # the screen shows where the file will be created: the same on every machine
    assert snap_compare(FillApp(None, None), terminal_size=SIZE)


def test_main_screen(snap_compare, tmp_path: Path):
    assert snap_compare(FillApp(filled(tmp_path / "r.yaml")), terminal_size=SIZE)


def test_findings_panel(snap_compare, tmp_path: Path):
    session = filled(tmp_path / "r.yaml")
    session.update("2", value="bogus")
    session.save()
    assert snap_compare(FillApp(session), terminal_size=SIZE, press=["ctrl+r"])
