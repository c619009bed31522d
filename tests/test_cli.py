"""The command line as a user runs it: commands, exit codes, bad input, files left untouched."""

from __future__ import annotations

import hashlib
import os
import stat
import time

import pytest

from engine import __version__


def test_version_and_help(cli):
    assert cli("--version").out.strip() == f"untoc {__version__}"
    run = cli("--help")
    assert run.code == 0
    for command in ("list", "validate", "new", "export", "check-definition"):
        assert command in run.out
    assert cli().code == 0  # no command: help


def test_list_reports_parts_articles_and_counts(cli):
    run = cli("list")
    assert run.code == 0
    for line in (
        "cluster1  Cluster I: criminalization and jurisdiction — 82 questions",
        "cluster2  Cluster II",
        "cluster3  Cluster III: law enforcement and the judicial system — 58 questions",
        "cluster4  Cluster IV",
        "Article 5. Criminalization of participation in an organized criminal group",
    ):
        assert line in run.out
    assert "firearms" not in cli("list", "--cluster", "3").out
    assert "questions 67–82 (16)" in cli("list", "--cluster", "1").out


def test_new_writes_a_private_skeleton_that_validates(cli, tmp_path):
    path = tmp_path / "examplestan.yaml"
    run = cli("new", "--cluster", "1", "--state", "Examplestan", "--parties", "trafficking,firearms", "--uncac-party", "-o", str(path))
    assert run.code == 0, run.err
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert 'state: "Examplestan"' in text and "parties: [trafficking, firearms]" in text and "uncac_party: true" in text
    assert '"3.a":' in text and '"33":' in text and '"67":' in text
    assert '"13":' not in text and '"50":' not in text  # UNCAC party; not party to the Smuggling Protocol
    assert "only if the answer to 3 is “Yes”" in text
    validated = cli("validate", str(path))
    assert validated.code == 0 and "0 errors, 0 warnings" in validated.out


def test_new_refuses_to_overwrite_and_bad_arguments(cli, tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("keep me")
    run = cli("new", "--cluster", "1", "--state", "X", "-o", str(path))
    assert run.code == 2 and "already exists" in run.err and path.read_text() == "keep me"
    assert cli("new", "--cluster", "9", "--state", "X", "-o", str(tmp_path / "a.yaml")).code == 2
    bad = cli("new", "--cluster", "1", "--state", "X", "--parties", "guns", "-o", str(tmp_path / "b.yaml"))
    assert bad.code == 2 and "unknown Protocol 'guns'" in bad.err
    assert cli("new", "--cluster", "1", "--state", "X", "-o", str(tmp_path / "missing" / "c.yaml")).code == 2


def test_export_blank(cli, tmp_path):
    out = tmp_path / "blank.md"
    run = cli("export", "blank", "--cluster", "1", "--format", "md", "-o", str(out))
    assert run.code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Self-assessment questionnaire")
    assert "### Article 5. Criminalization of participation in an organized criminal group" in text
    assert "☐ Yes ☐ Yes, in part ☐ No" in text and "- ☐ Lack of awareness of the existing legislation" in text
    assert "*Answer only if the answer to 3 is “Yes”.*" in text
    assert "> ⁵ A convertible weapon" in text
    txt = cli("export", "blank", "--cluster", "3", "--format", "txt", "--no-routing").out
    assert txt.startswith("Annex V\n") and "Answer only if" not in txt
    assert cli("export", "blank", "--cluster", "1", "--lang", "xx").code == 2


def test_export_filled(cli, tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(
        "questionnaire: cluster1\nstate: Examplestan\nlanguage: en\nparties: []\nuncac_party: true\nanswers:\n"
        '  "3": no\n  "3.a": yes\n  "1": partly\n  "1.a": "*Our* <b>law</b> {{ 7*7 }}"\n',
        encoding="utf-8",
    )
    text = cli("export", "filled", str(path), "--format", "md").out
    assert "| State | Examplestan |" in text and "☒ Yes, in part" in text
    assert "\\*Our\\* \\<b\\>law\\</b\\> {{ 7\\*7 }}" in text  # escaped, not rendered or evaluated
    assert "**3 (a)** If" not in text and "**3**" in text  # 3 (a) does not apply: left out
    assert "Article 8. Criminalization of corruption" in text and "do not apply" in text
    assert "Not reviewed: the State is party to the United Nations Convention against Corruption." in text
    assert "**3 (a)**\n\n- Warning: 3 (a) does not apply" in text  # the validator's findings, by question


BAD_INPUTS = {
    "malformed": b"questionnaire: cluster1\nanswers: [1, 2\n",
    "alias-bomb": b'a: &a ["x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c]\n',
    "binary": bytes(range(256)) * 4,
    "latin-1": "questionnaire: cluster1\nstate: Côte\n".encode("latin-1"),
    "not-a-mapping": b"- questionnaire: cluster1\n",
    "empty": b"",
    "unknown-questionnaire": b"questionnaire: cluster9\nstate: X\n",
    "no-questionnaire": b"state: X\n",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_unreadable_files_exit_2_with_a_located_message(cli, write, name):
    path = write(BAD_INPUTS[name], f"{name}.yaml")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    started = time.monotonic()
    run = cli("validate", str(path))
    assert time.monotonic() - started < 1
    assert run.code == 2
    first = run.out.splitlines()[0]
    assert first.startswith(f"{path}:") and ": error " in first
    assert "Traceback" not in run.out + run.err and "internal error" not in run.err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_50_mb_file_is_refused_within_a_second(cli, tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.write(b"questionnaire: cluster1\nanswers:\n")
        chunk = b'  "1.a": ' + b"x" * 1000 + b"\n"
        for _ in range(50 * 1024):
            handle.write(chunk)
    started = time.monotonic()
    run = cli("validate", str(path))
    assert time.monotonic() - started < 1
    assert run.code == 2 and "too large" in run.out


def test_missing_file_and_directories(cli, tmp_path, write):
    assert cli("validate", str(tmp_path / "nope.yaml")).code == 2
    write("questionnaire: cluster1\nstate: X\nlanguage: en\nparties: []\nuncac_party: false\nanswers:\n  '1': yes\n", "a.yaml")
    write("questionnaire: cluster3\nstate: X\nlanguage: en\nparties: []\nuncac_party: false\nanswers:\n  '1': maybe\n", "b.yml")
    run = cli("validate", str(tmp_path))
    assert run.code == 1 and "2 files checked: 1 error," in run.out


def test_worst_status_wins(cli, write):
    good = write("questionnaire: cluster1\nstate: X\nlanguage: en\nparties: []\nuncac_party: false\n", "good.yaml")
    bad = write(b"\x00", "bad.yaml")
    assert cli("validate", str(good)).code == 0
    assert cli("validate", str(good), str(bad)).code == 2


def test_misuse_exits_2(cli):
    assert cli("validate").code == 2
    assert cli("frobnicate").code == 2
    assert cli("validate", "--format", "xml", "x.yaml").code == 2
