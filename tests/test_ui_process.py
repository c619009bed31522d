"""``untoc fill`` and the operating system: killed while saving, and the engine without Textual."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from engine.responses.model import read

ROOT = Path(__file__).resolve().parent.parent

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
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich') or m.startswith('engine.ui')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
