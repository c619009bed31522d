"""Machine-readable outputs: GitHub annotations, JUnit XML, SARIF; many files; every core."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from hostile import check_report

from engine.validation.batch import validate_files
from engine.validation.discover import expand

ROOT = Path(__file__).resolve().parent.parent
BROKEN = str(ROOT / "examples" / "broken" / "cluster1-with-errors.yaml")
GOOD = str(ROOT / "examples" / "cluster3-examplestan.yaml")


def test_github_annotations(cli, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    run = cli("validate", BROKEN, GOOD)  # chosen automatically on GitHub Actions
    assert run.code == 1
    lines = run.out.splitlines()
    assert lines[0].startswith(f"::error file={BROKEN},line=6,col=24,title=untoc::unknown Protocol 'smugling'")
    assert any(line.startswith(f"::warning file={BROKEN},line=10,col=10,title=untoc [3.a]::") for line in lines)
    assert not any("cluster3-examplestan" in line for line in lines[:-1])  # no errors there


def test_github_escaping(cli, write, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    path = write(
        "questionnaire: cluster1\nstate: X\nlanguage: 'a%b\\n::error::x'\nparties: []\nuncac_party: false\n".replace("'", '"'), "a,b:c.yaml"
    )
    out = cli("validate", "--format", "github", str(path)).out
    assert "file=" + str(path).replace(":", "%3A").replace(",", "%2C") in out
    assert "a%25b" in out


def test_junit(cli):
    run = cli("validate", "--format", "junit", BROKEN, GOOD)
    root = ET.fromstring(run.out)
    suite = root.find("testsuite")
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [BROKEN, GOOD]
    assert "28.z" in cases[0].find("failure").text and cases[1].find("failure") is None


def test_sarif(cli):
    out = cli("validate", "--format", "sarif", BROKEN, GOOD, str(ROOT / "examples")).out
    check_report("sarif", out)  # against the SARIF 2.1.0 JSON Schema
    data = json.loads(out)
    assert data["version"] == "2.1.0"
    results = data["runs"][0]["results"]
    unknown = next(r for r in results if r["ruleId"] == "unknown-question")
    assert unknown["level"] == "error" and unknown["properties"]["question"] == "28.z"
    region = unknown["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (16, 3)
    assert {r["id"] for r in data["runs"][0]["tool"]["driver"]["rules"]} >= {"unknown-question", "not-applicable"}


def test_unreadable_files_in_every_format(cli, write):
    path = write(b"\x00\x01", "bin.yaml")
    for fmt in ("text", "json", "github", "junit", "sarif"):
        run = cli("validate", "--format", fmt, str(path))
        assert run.code == 2 and "binary" in run.out, fmt
        check_report(fmt, run.out)


def test_globs_directories_and_parallel_validation(tmp_path, write):
    for index in range(20):
        answer = "maybe" if index % 5 == 0 else "yes"
        write(
            f"questionnaire: cluster3\nstate: S{index}\nlanguage: en\nparties: []\nuncac_party: false\nanswers:\n  '1': {answer}\n",
            f"s{index:02d}.yaml",
        )
    paths = expand([str(tmp_path / "s1*.yaml"), str(tmp_path)])
    assert [t.path.name for t in paths[:10]] == [f"s{i}.yaml" for i in range(10, 20)]
    assert len(paths) == 20
    serial = validate_files(paths, jobs=1)
    parallel = validate_files(paths, jobs=2)
    assert [r.path for r in parallel] == [r.path for r in serial]
    assert [r.findings for r in parallel] == [r.findings for r in serial]
    assert [r.status for r in serial].count("invalid") == 4


def test_a_quoted_glob_that_matches_nothing_is_a_missing_file(cli, tmp_path):
    run = cli("validate", str(tmp_path / "*.yaml"))
    assert run.code == 2 and "no such file" in run.out


def test_pre_commit_hooks_file():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert {h["id"] for h in hooks} == {"untoc-validate", "untoc-validate-complete"}
    assert all(h["entry"].startswith("untoc validate") and h["language"] == "python" for h in hooks)


def test_the_table_of_finding_codes_in_the_docs_is_the_catalogue():
    from engine.validation.codes import Code

    text = (ROOT / "docs" / "responses.md").read_text(encoding="utf-8")
    table = text[text.index("## Finding codes") :].split("|---|---|---|---|---|\n", 1)[1]
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in table.splitlines() if line.startswith("|")]
    expected = [[f"`{code}`", code.severity.value, "yes" if code.capped else "", code.title, code.description] for code in Code]
    assert rows == expected
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/responses.md#finding-codes" in readme


def test_every_code_the_engine_writes_is_in_the_catalogue():
    """No finding code as a string literal outside the catalogue: the validator and the reader name members."""
    import re

    from engine.validation.codes import Code

    literals = {f'"{code}"' for code in Code}
    for module in ("validation/validator.py", "responses/model.py", "validation/sarif.py"):
        source = (ROOT / "engine" / module).read_text(encoding="utf-8")
        assert not [literal for literal in literals if literal in source], module
        assert not re.search(r'code=\s*"', source), module


def test_reporters_share_one_signature_and_one_registry(cli):
    import inspect

    from engine.cli.main import _parser
    from engine.validation.report import REPORTERS
    from engine.validation.results import FileResult

    validate = next(a for a in _parser()._subparsers._group_actions[0].choices["validate"]._actions if a.dest == "format")
    assert tuple(validate.choices) == tuple(REPORTERS) == ("text", "json", "github", "junit", "sarif")
    for name, report in REPORTERS.items():
        parameters = inspect.signature(report).parameters
        assert list(parameters) == ["results", "verbose"] and parameters["verbose"].kind is inspect.Parameter.KEYWORD_ONLY, name
        assert report([FileResult("a.yaml")], verbose=True).endswith("\n")


def test_commands_are_bound_to_their_handlers():
    from engine.cli import commands
    from engine.cli.main import _parser

    parser = _parser()
    for name in ("list", "validate", "new", "schema", "i18n", "check-definition"):
        arguments = {
            "validate": ["x"],
            "new": ["--cluster", "1", "--state", "X", "-o", "x"],
            "schema": ["--definition"],
            "i18n": ["status"],
            "check-definition": ["x"],
        }.get(name, [])
        assert parser.parse_args([name, *arguments]).handler is getattr(commands, "run_" + name.replace("-", "_"))
    assert parser.parse_args([]).handler is None


def test_an_internal_error_has_its_own_exit_code_and_one_line(cli, monkeypatch):
    from engine.cli import commands

    def broken(args):
        raise KeyError("boom")

    monkeypatch.setattr(commands, "run_list", broken)
    run = cli("list")
    assert run.code == 3 and run.out == ""
    [line] = run.err.splitlines()
    assert line.startswith("untoc: internal error (KeyError).") and "/issues" in line and "--debug" in line
    assert "Traceback" not in run.err
    for arguments in (["--debug", "list"], ["list", "--debug"]):
        try:
            cli(*arguments)
        except KeyError:
            continue
        raise AssertionError("--debug lets the traceback through")


def test_home_page_is_the_one_in_the_package_metadata():
    import tomllib

    from engine import HOME_PAGE, ISSUES

    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    assert (urls["Homepage"], urls["Issues"]) == (HOME_PAGE, ISSUES)
