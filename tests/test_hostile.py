"""Hostile files and paths (tests/hostile.py) in every output format: no breach of the README's contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import (
    DECISIONS,
    ENCODED_NAMES,
    FORMATS,
    GITHUB_COMMAND_NAME,
    check_report,
    costly_files,
    escape_files,
    special_paths,
)

from engine.validation import discover
from engine.validation.codes import CAP, Code

from conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
ESCAPE_FILES = escape_files()
QUIET = {"comment", "answer-text", "legislation", "details-text", "state", "other", "uncac_party", "not-yaml"}
"""Fields whose text no message quotes (a comment, a free-text answer…): they must only not leak."""


def codes_of(run) -> list[str]:
    data = json.loads(run.out)
    return [finding["code"] for file in data["files"] for finding in file["findings"]]


def untoc(*args: str, timeout: float = 60, **options) -> subprocess.CompletedProcess:
    """``untoc`` in a process of its own (for what must not hang or must see a real pipe)."""
    return subprocess.run(
        [sys.executable, "-m", "engine.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=options.pop("cwd", ROOT),
        **options,
    )


@pytest.mark.parametrize("name", sorted(ESCAPE_FILES))
def test_escapes_in_any_field_are_neutralised_in_every_format(write, name):
    path = write(ESCAPE_FILES[name], f"{name}.yaml")
    echoed = False
    for fmt in FORMATS:
        run = run_cli("validate", "--format", fmt, str(path))
        assert run.code in (0, 1, 2), (fmt, run.out)
        check_report(fmt, run.out)
        echoed = echoed or "\\x1b]0;pwned\\x07" in run.out.replace("\\\\", "\\")
    assert echoed or name in QUIET, "the hostile value is quoted back, visibly escaped"


def test_escapes_in_the_reason_an_item_does_not_apply(write):
    run = run_cli("validate", str(write(ESCAPE_FILES["parties"])))
    reason = next(line for line in run.out.splitlines() if "[33]" in line)
    assert "(parties: \\x1b]0;pwned\\x07\\x1b[2J\\u202eevil" in reason


@pytest.mark.parametrize("kind", ["fifo", "socket", "device"])
def test_only_regular_files_are_read(tmp_path, kind):
    path = special_paths(tmp_path)[kind]
    for fmt in FORMATS:
        run = untoc("validate", "--format", fmt, str(path), timeout=30)  # a FIFO opened for reading would wait forever
        assert run.returncode == 2, run
        assert "not a regular file" in run.stdout
        check_report(fmt, run.stdout)


def test_a_folder_with_loops_fifos_and_broken_links_reports_each_and_checks_the_rest(tmp_path):
    special_paths(tmp_path / "d")
    for fmt in FORMATS:
        run = untoc("validate", "--format", fmt, str(tmp_path / "d"), timeout=60)
        assert run.returncode == 2 and "Traceback" not in run.stderr and not run.stderr, run
        check_report(fmt, run.stdout)
    data = json.loads(untoc("validate", "--format", "json", str(tmp_path / "d")).stdout)
    status = {Path(file["path"]).relative_to(tmp_path / "d").as_posix(): file["status"] for file in data["files"]}
    assert status["fifo.yaml"] == status["sock.yaml"] == status["loop.yaml"] == status["broken.yaml"] == "unreadable"
    assert status["tree/dir-loop"] == "unreadable"  # a link loop that is not named *.yaml is reported too
    assert status["tree/sub/ok.yaml"] == status["a b.yaml"] == "valid"
    assert "tree/sub/up/sub/ok.yaml" not in status  # a link back inside is not searched twice
    assert set(status) >= {GITHUB_COMMAND_NAME, *ENCODED_NAMES[:-1]}


def test_folder_and_glob_treat_links_alike(tmp_path, write):
    valid = ESCAPE_FILES["answer-scale"].replace('"1": "', '"1": yes\n  "x": "')
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "linked.yaml").write_text(valid)
    (outside / "again").symlink_to(outside)  # a loop outside the folder searched
    folder = tmp_path / "responses"
    (folder / "real").mkdir(parents=True)
    (folder / "real" / "a.yaml").write_text(valid)
    (folder / "link").symlink_to(outside)
    (folder / "same").symlink_to(folder / "real")
    from_folder = [t.path.relative_to(folder).as_posix() for t in discover.expand([str(folder)])]
    from_glob = [t.path.relative_to(folder).as_posix() for t in discover.expand([str(folder / "**" / "*.yaml")])]
    assert from_folder == from_glob == ["link/linked.yaml", "real/a.yaml"]


def test_an_unreadable_subfolder_is_reported_and_the_rest_checked(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "r.yaml").write_text("questionnaire: cluster1\nstate: X\nlanguage: en\nparties: []\nuncac_party: false\n")
    real_scandir = os.scandir

    def scandir(path):  # root reads any folder: make this one unreadable as it is for other users
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(discover.os, "scandir", scandir)
    for argument in (str(tmp_path), str(tmp_path / "**" / "*.yaml")):
        run = run_cli("validate", "--format", "json", argument)
        data = json.loads(run.out)
        assert run.code == 2
        assert [(Path(f["path"]).name, f["status"]) for f in data["files"]] == [("locked", "unreadable"), ("r.yaml", "valid")]
        assert "permission denied" in data["files"][0]["error"]["message"]


def test_a_folder_without_response_files_is_not_a_pass(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    run = run_cli("validate", str(tmp_path))
    assert run.code == 2 and "no response file (*.yaml, *.yml) in this folder" in run.out


def test_a_broken_pipe_keeps_the_status_of_the_check(write):
    bad = write(ESCAPE_FILES["answer-scale"])
    for command in (f"{sys.executable} -m engine.cli.main validate {bad} | true", f"{sys.executable} -m engine.cli.main list | head -c 1"):
        run = subprocess.run(["bash", "-c", "set -o pipefail; sleep 0 && " + command], cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert run.returncode == (1 if "validate" in command else 0), run
        assert "Traceback" not in run.stderr and "Exception ignored" not in run.stderr


@pytest.mark.parametrize("name", sorted(costly_files()))
def test_a_file_repeating_a_finding_lists_the_first_ones_and_counts_the_rest(write, name):
    path = write(costly_files()[name], f"{name}.yaml")
    run = run_cli("validate", "--format", "json", str(path))
    assert run.code in (0, 1), run.out[:2000]
    data = json.loads(run.out)
    findings = data["files"][0]["findings"]
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding["code"]] = counts.get(finding["code"], 0) + 1
    assert max(n for code, n in counts.items() if code != "unanswered") <= CAP
    [more] = [f for f in findings if f["code"] == Code.more_findings]
    capped = next(code for code, n in counts.items() if n == CAP)
    assert f" more {capped} findings in this file are not listed" in more["message"]
    assert int(more["message"].split()[0].replace(",", "")) > 1000
    assert len(run.out) < 100_000
    for fmt in FORMATS:
        check_report(fmt, run_cli("validate", "--format", fmt, str(path)).out)


def test_an_unknown_message_language_is_misuse(cli, write):
    run = cli("validate", "--lang", "xx", str(write(ESCAPE_FILES["state"])))
    assert run.code == 2 and "unknown language 'xx'; use one of: ar, en, es, fr, ru, zh" in run.err
    assert cli("export", "blank", "--cluster", "1", "--lang", "de").code == 2
    assert cli("fill", "--lang", "xx").code == 2


def test_a_file_named_like_a_github_command_never_starts_a_text_line(tmp_path):
    path = special_paths(tmp_path)[GITHUB_COMMAND_NAME]
    for fmt in FORMATS:
        run = untoc("validate", "--format", fmt, path.name, cwd=tmp_path)
        check_report(fmt, run.stdout)
    text = untoc("validate", path.name, cwd=tmp_path).stdout
    assert text.startswith(f"./{GITHUB_COMMAND_NAME}:7:8: warning [1] ")


def test_sarif_uris_are_percent_encoded_and_relative_to_srcroot(tmp_path):
    made = special_paths(tmp_path)
    names = [made[name].name for name in ENCODED_NAMES]
    log = json.loads(untoc("validate", "--format", "sarif", *names, "/dev/null", cwd=tmp_path).stdout)
    check_report("sarif", json.dumps(log))
    run = log["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert {
        "a%20b.yaml",
        "C%C3%B4te%20d%E2%80%99Ivoire.yaml",
        "100%25.yaml",
        "%23x%3Fy.yaml",
        "%C3%A9%3A%C3%BC.yaml",
        "%1B%5B31mred.yaml",
    } <= uris
    assert "file:///dev/null" in uris
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    driver = run["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == [str(code) for code in Code]
    assert driver["rules"][0]["name"] == "Unreadable" and driver["rules"][1]["name"] == "DuplicateKey"


def test_a_state_of_5000_digits_is_a_name(write):
    run = run_cli("validate", "--format", "json", str(write(DECISIONS["long-state"])))
    assert run.code == 0 and "missing-state" not in codes_of(run)


def test_a_yaml_1_1_directive_changes_nothing(write):
    run = run_cli("validate", "--format", "json", str(write(DECISIONS["yaml-1.1"])))
    assert run.code == 0 and set(codes_of(run)) == {"legislation-missing", "unanswered"}  # uncac_party: yes is true, as always
    run = run_cli("validate", str(write(DECISIONS["yaml-2.0"])))
    assert run.code == 2 and "incompatible YAML document" in run.out


def test_tabs_inside_values_are_kept_and_tabs_may_not_indent(write):
    run = run_cli("validate", "--format", "json", str(write(DECISIONS["tab-inside-values"])))
    findings = json.loads(run.out)["files"][0]["findings"]
    [wrong] = [f for f in findings if f["severity"] == "error"]
    assert (wrong["item"], wrong["code"]) == ("3", "unknown-option") and "without the blanks around it: yes" in wrong["message"]
    assert "1.a" in {f["item"] for f in findings if f["code"] == "unanswered"}  # a tab alone is no answer
    assert "1" not in {f["item"] for f in findings}  # legislation with tabs is legislation
    run = run_cli("validate", str(write(DECISIONS["tab-indentation"])))
    assert run.code == 2 and ":7:1: error malformed YAML" in run.out


def test_pre_commit_hooks_take_response_files_and_leave_hidden_yaml_alone():
    import re

    import yaml

    for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text()):

        def taken(path: str, hook=hook) -> bool:  # pre-commit's own rule: files matches and exclude does not
            return bool(re.search(hook["files"], path)) and not re.search(hook["exclude"], path)

        assert taken("responses/cluster1.yaml") and taken("examplestan.yml") and taken("2024/fr/réponse.yaml")
        assert not taken(".pre-commit-config.yaml") and not taken(".github/workflows/ci.yml") and not taken("a/.hidden.yaml")
        assert not taken("README.md")
