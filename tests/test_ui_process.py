"""``untoc fill`` and the operating system: a real process in a pseudo-terminal, signals, killed while saving, the engine without Textual."""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from engine.responses.model import read

ROOT = Path(__file__).resolve().parent.parent
UNTOC = [sys.executable, "-c", "from engine.cli.main import entry_point; entry_point()"]

WRITER = """
import sys
from pathlib import Path
from engine.ui.session import Session
path = Path(sys.argv[1])
session = Session.open(path)
assert session.read_only is None, session.read_only
print("ready", flush=True)
i = int(session.record("1.a").value.split()[1])
while True:
    i += 1
    session.update("1.a", value=f"version {i}\\n" + "words " * 20000 + "\\nEND")
    session.save()
"""

# The child becomes the leader of a new session whose controlling terminal is the pty: closing the
# pty's other end then hangs it up (SIGHUP), as closing a terminal window does.
LAUNCHER = "import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); os.execv(sys.argv[1], sys.argv[1:])"


class Terminal:
    """``untoc fill`` running in an 80×24 pseudo-terminal."""

    def __init__(self, *args: str, cwd: Path, pythonpath: str = "") -> None:
        import fcntl
        import pty
        import struct
        import termios

        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "PYTHONPATH": os.pathsep.join(filter(None, [pythonpath, str(ROOT)])),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER, *UNTOC, *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.output = b""
        self.reader = threading.Thread(target=self._read, daemon=True)  # a terminal always reads: a full pty would block the app
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            self.output += data

    def read_until(self, text: bytes, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output:
            assert time.monotonic() < deadline, f"{text!r} not seen; screen so far: {self.output[-2000:]!r}"
            time.sleep(0.05)

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def hang_up(self) -> None:
        os.close(self.master)

    def wait(self, timeout: float = 20) -> int:
        return self.process.wait(timeout)


ENTER, TAB, CTRL_DOWN = "\r", "\t", "\x1b[1;5B"


def start(tmp_path: Path, pythonpath: str = "") -> tuple[Terminal, Path]:
    path = tmp_path / "r.yaml"
    path.write_text("questionnaire: cluster1\nstate: X\nlanguage: en\nparties: []\nuncac_party: false\nanswers:\n", encoding="utf-8")
    terminal = Terminal("fill", str(path), cwd=tmp_path, pythonpath=pythonpath)
    terminal.read_until(b"saved")
    return terminal, path


@pytest.mark.parametrize("ending", ["SIGHUP", "SIGTERM"])
def test_closing_the_terminal_or_sigterm_saves_what_was_typed_and_releases_the_lock(tmp_path: Path, ending: str):
    terminal, path = start(tmp_path)
    terminal.type(CTRL_DOWN)  # 1 → 1 (a), a free text
    terminal.type(ENTER)  # its answer
    terminal.type("typed just before the end")
    terminal.read_until(b"the end")  # on the screen, not saved yet: the autosave waits half a second
    if ending == "SIGHUP":
        terminal.hang_up()
    else:
        terminal.process.send_signal(signal.SIGTERM)
    terminal.wait()
    assert read(path).answers["1.a"].value == "typed just before the end"
    assert not (tmp_path / "r.yaml.lock").exists()
    state = json.loads((tmp_path / ".r.yaml.untoc-state").read_text(encoding="utf-8"))
    assert state["last"] == "1.a"  # the position is remembered
    if ending == "SIGTERM":
        terminal.hang_up()


def test_quitting_with_ctrl_q_in_a_terminal(tmp_path: Path):
    terminal, path = start(tmp_path)
    terminal.type(ENTER + " ")  # 1: Yes
    terminal.type("\x11")  # ctrl+q
    assert terminal.wait() == 0
    terminal.hang_up()
    assert read(path).answers["1"].value == "yes" and not (tmp_path / "r.yaml.lock").exists()


BROKEN_HELP = """
import engine.ui.main_screen


def broken(self):
    raise RuntimeError("an unexpected error, for the test")


engine.ui.main_screen.MainScreen.action_help = broken
"""


def test_an_unexpected_error_never_prints_a_traceback_and_keeps_the_answers(tmp_path: Path):
    """A bug (simulated: the help key raises) ends the session with one line; the report goes to a private file."""
    injected = tmp_path / "inject"
    injected.mkdir()
    (injected / "sitecustomize.py").write_text(BROKEN_HELP, encoding="utf-8")
    terminal, path = start(tmp_path, pythonpath=str(injected))
    terminal.type(ENTER + " ")  # 1: Yes
    terminal.read_until(b"1/59")
    terminal.type("\x1bOP")  # F1
    assert terminal.wait() == 3
    terminal.hang_up()
    output = terminal.output.decode("utf-8", errors="replace")
    assert "Traceback" not in output and "an unexpected error, for the test" not in output
    assert "stopped on an unexpected error" in output
    log = Path(output.split("its report is in ", 1)[1].split(" ", 1)[0])
    assert "an unexpected error, for the test" in log.read_text(encoding="utf-8")
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    log.unlink()
    assert read(path).answers["1"].value == "yes" and not (tmp_path / "r.yaml.lock").exists()


def test_killed_while_saving_leaves_a_complete_file(tmp_path: Path):
    path = tmp_path / "r.yaml"
    path.write_text('questionnaire: cluster1\nstate: X\nlanguage: en\nparties: []\nuncac_party: false\nanswers:\n  "1.a": version 0\n')
    rng = random.Random(7)
    last = 0
    for _round in range(4):
        process = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.4))
        process.send_signal(signal.SIGKILL)
        process.wait()
        response = read(path)  # complete, valid YAML: either the previous version or a new one
        assert not response.problems
        value = str(response.answers["1.a"].value)
        version = int(value.split()[1])
        assert version >= last and (version == 0 or value.endswith("\nEND"))
        last = version
    assert last > 0


def test_engine_imports_without_textual():
    code = (
        "import sys\n"
        "import engine.validation.validator, engine.definition.registry, engine.responses.model, engine.responses.writer\n"
        "import engine.responses.roundtrip, engine.conditions.completeness\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich') or m.startswith('engine.ui')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
