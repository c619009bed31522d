"""The JSON Schemas agree with the engine: a file is valid for one exactly when it is for the other."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from engine.definition import registry
from engine.definition.model import SCALE_VALUES, AnswerKind
from engine.responses.model import Unreadable
from engine.responses.schema import definition_schema, response_schema
from engine.strict_yaml import parse_text, to_python
from engine.validation.findings import Severity
from engine.validation.validator import validate_path

from factories import complete_response

CLUSTERS = ["cluster1", "cluster2", "cluster3", "cluster4"]
JS = Path(__file__).resolve().parent / "js"


class Ajv:
    """ajv (JavaScript) in strict mode, in one node process that keeps the schemas it compiled."""

    def __init__(self, process: subprocess.Popen, folder: Path) -> None:
        self.process = process
        self.folder = folder

    def ask(self, request: dict) -> dict:
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def schema(self, cluster: str | None, complete: bool = False) -> str:
        """The file of a response schema (or, with no cluster, of the definition schema), written once."""
        path = self.folder / f"{cluster or 'definition'}{'-complete' if complete else ''}.schema.json"
        if not path.exists():
            schema = definition_schema() if cluster is None else response_schema(registry.load(cluster), complete)
            path.write_text(json.dumps(schema), encoding="utf-8")
        return str(path)

    def problems(self, schema: str) -> list[str]:
        return self.ask({"schema": schema})["problems"]

    def is_valid(self, schema: str, document: object) -> bool:
        return self.ask({"schema": schema, "data": document})["valid"]


@pytest.fixture(scope="session")
def ajv(request, tmp_path_factory):
    """ajv and ajv-formats, at the versions of tests/js/package.json, installed into a cache folder by npm."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.skip("node and npm are not installed: the JSON Schemas cannot be checked with ajv (JavaScript) here")
    cache = getattr(request.config, "cache", None)
    home = Path(cache.mkdir("ajv")) if cache is not None else tmp_path_factory.mktemp("ajv")
    wanted = (JS / "package.json").read_text(encoding="utf-8")
    installed = home / "package.json"
    if not (home / "node_modules" / "ajv-formats").is_dir() or not installed.exists() or installed.read_text(encoding="utf-8") != wanted:
        installed.write_text(wanted, encoding="utf-8")
        subprocess.run([npm, "install", "--no-audit", "--no-fund", "--no-package-lock", "--silent"], cwd=home, check=True, timeout=900)
    process = subprocess.Popen(
        [node, str(JS / "ajv.cjs")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "UNTOC_AJV_HOME": str(home)},
    )
    yield Ajv(process, tmp_path_factory.mktemp("schemas"))
    process.stdin.close()
    process.wait(timeout=60)


@functools.cache
def validator(cluster: str, complete: bool) -> jsonschema.Draft202012Validator:
    schema = response_schema(registry.load(cluster), complete)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@functools.cache
def base_response(cluster: str, seed: int) -> dict:
    return to_python(parse_text(complete_response(registry.load(cluster), seed=seed, yes_bias=[0.9, 0.5, 0.2][seed])))


def as_yaml(data: object) -> str:
    """JSON is YAML (strings stay strings); characters YAML cannot hold raw are escaped."""
    text = json.dumps(data, ensure_ascii=False)
    return "".join(f"\\u{ord(c):04x}" if c == "\x7f" or "\x80" <= c <= "\x9f" or c in "\ufffe\uffff" else c for c in text)


def engine_accepts(tmp_path, data: object, complete: bool) -> bool:
    path = tmp_path / "r.yaml"
    path.write_text(as_yaml(data), encoding="utf-8")
    try:
        findings = validate_path(path, complete=complete)
    except Unreadable:
        return False
    return not any(f.severity is Severity.error for f in findings)


def values_for(entry) -> st.SearchStrategy:
    kind = entry.kind
    junk = st.sampled_from([None, "", "  ", "maybe", "Yes", [], [None], ["x"], "some text", 7])
    if kind in SCALE_VALUES:
        good = st.sampled_from(list(SCALE_VALUES[kind]))
    elif kind in (AnswerKind.choice, AnswerKind.choices):
        codes = list(entry.values)
        good = st.one_of(st.sampled_from(codes), st.lists(st.sampled_from(codes), min_size=1, max_size=3))
    elif kind is AnswerKind.text:
        good = st.text(min_size=1, max_size=20)
    else:
        good = st.sampled_from([None, ""])
    bare = st.one_of(good, good, good, good, good, junk)
    codes = [o.code for o in entry.options]
    mapping = st.fixed_dictionaries(
        {"answer": bare},
        optional={
            "other": st.sampled_from([None, "", "Something else", ["x"]]),
            "details": st.dictionaries(st.sampled_from([*codes, "bogus"]), st.sampled_from([None, "because"]), max_size=2),
            "legislation": st.sampled_from([None, "Act 1", ["Act 1", "Act 2"], [None], {"a": 1}]),
            "links": st.sampled_from([None, ["https://sherloc.unodc.org/x"], ["not a link"]]),
            "comment": st.sampled_from([None, "note", ["x"]]),
            "contributor": st.sampled_from([None, "Ministry of Justice", ["x"], {"a": "b"}]),
            "source": st.just("unknown key"),
        },
    )
    return st.one_of(bare, bare, bare, mapping)


@st.composite
def responses(draw, cluster: str):
    definition = registry.load(cluster)
    data = dict(base_response(cluster, draw(st.integers(0, 2)))) if draw(st.booleans()) else {"questionnaire": cluster, "answers": {}}
    data.setdefault("state", "X")
    data.setdefault("language", "en")
    answers = dict(data.get("answers") or {})
    entries = list(definition.entries.values())
    for _ in range(draw(st.integers(0, 4))):
        if answers and draw(st.integers(0, 3)) == 0:
            answers.pop(draw(st.sampled_from(sorted(answers))), None)
        else:
            entry = draw(st.sampled_from(entries))
            answers[entry.id] = draw(values_for(entry))
    if draw(st.integers(0, 9)) == 0:
        answers["99.z"] = "yes"
    data["answers"] = answers if answers or draw(st.booleans()) else None
    header = draw(st.integers(0, 20))
    if header == 1:
        data["state"] = draw(st.sampled_from(["", "  ", None, ["X"]]))
    elif header == 2:
        data["language"] = draw(st.sampled_from(["xx", None, "EN"]))
    elif header == 3:
        data["parties"] = draw(st.sampled_from([None, [], "trafficking", ["guns"], [None], {"a": "b"}, ["smuggling", "firearms"]]))
    elif header == 4:
        data["uncac_party"] = draw(st.sampled_from([None, True, False, "yes", "maybe", ["x"]]))
    elif header == 5:
        data["extra"] = "key"
    elif header == 6:
        del data["language"]
    return data


AGREEMENT = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.mark.parametrize("complete", [False, True], ids=["draft", "complete"])
@pytest.mark.parametrize("cluster", CLUSTERS)
@AGREEMENT
@given(data=st.data())
def test_engine_and_json_schema_agree(tmp_path, cluster, complete, data):
    document = data.draw(responses(cluster))
    engine = engine_accepts(tmp_path, document, complete)
    schema = validator(cluster, complete).is_valid(document)
    event("valid" if engine else "invalid")
    assert engine == schema, (
        f"engine {'accepts' if engine else 'rejects'}, schema {'accepts' if schema else 'rejects'}: {json.dumps(document)[:2000]}"
    )


@pytest.mark.parametrize("complete", [False, True], ids=["draft", "complete"])
@pytest.mark.parametrize("cluster", CLUSTERS)
@settings(AGREEMENT, max_examples=20)
@given(data=st.data())
def test_engine_and_a_javascript_validator_agree(tmp_path, ajv, cluster, complete, data):
    """A sample of the same documents, judged by ajv (ECMA-262 regular expressions, strict mode)."""
    document = data.draw(responses(cluster))
    engine = engine_accepts(tmp_path, document, complete)
    javascript = ajv.is_valid(ajv.schema(cluster, complete), document)
    assert engine == javascript, f"engine {'accepts' if engine else 'rejects'}, ajv does not: {json.dumps(document)[:2000]}"


@pytest.mark.parametrize(
    ("cluster", "complete"), [(None, False), *((c, complete) for c in CLUSTERS for complete in (False, True))], ids=str
)
def test_every_schema_compiles_under_ajv_strict_mode(ajv, cluster, complete):
    """The definition schema, and each cluster's draft and submission schemas."""
    assert ajv.problems(ajv.schema(cluster, complete)) == []


WHITESPACE_THAT_DIFFERS = ["\x1c", "\x1f", "\x85", "\u2028", "\ufeff", "\u180e", "\u200b", " \t"]
"""Python's ``\\s`` and ECMA-262's disagree on the first ones; the last are read alike."""


@pytest.mark.parametrize("text", WHITESPACE_THAT_DIFFERS, ids=[f"U+{ord(t[0]):04X}" for t in WHITESPACE_THAT_DIFFERS])
def test_blank_means_the_same_to_untoc_python_and_javascript(tmp_path, ajv, text):
    document = {"questionnaire": "cluster3", "state": text, "language": "en", "answers": {"2": {"answer": "yes", "comment": text}}}
    engine = engine_accepts(tmp_path, document, False)
    assert engine is (not text.isspace())
    assert validator("cluster3", False).is_valid(document) is engine
    assert ajv.is_valid(ajv.schema("cluster3"), document) is engine


@pytest.mark.parametrize("cluster", CLUSTERS)
def test_complete_responses_are_valid_for_both_schemas(cluster):
    for seed in range(3):
        document = base_response(cluster, seed)
        assert validator(cluster, False).is_valid(document)
        assert validator(cluster, True).is_valid(document)
        document = {**document, "answers": {k: v for k, v in document["answers"].items() if k != next(iter(document["answers"]))}}
        assert validator(cluster, False).is_valid(document)
        assert not validator(cluster, True).is_valid(document)  # the first answered question is missing


def test_schema_carries_numbers_texts_options_and_conditions():
    schema = response_schema(registry.load("cluster1"), complete=True)
    answer = schema["properties"]["answers"]["anyOf"][1]["properties"]["3.a"]
    assert answer["title"] == "3 (a)" and answer["description"].startswith("If the answer to question 3 is “Yes”")
    assert {"enum": ["yes", "partly", "no"]} in answer["anyOf"][0]["anyOf"]
    options = schema["properties"]["answers"]["anyOf"][1]["properties"]["28.a"]["anyOf"][0]["anyOf"][2]
    assert options["enum"][-1] == "other" and "lack-of-awareness" in options["enum"]
    rule = next(r for r in schema["allOf"] if r["if"] == {"$ref": "#/$defs/applies-3.a"})
    assert rule["then"]["properties"]["answers"]["required"] == ["3.a"]
    assert schema["$defs"]["applies-3.a"]["allOf"][1]["anyOf"][0]["allOf"][1]["properties"]["answers"]["required"] == ["3"]


def test_schema_command(cli, tmp_path):
    run = cli("schema", "--cluster", "3")
    schema = json.loads(run.out)
    assert run.code == 0 and schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "allOf" not in schema and "allOf" in json.loads(cli("schema", "--cluster", "3", "--complete").out)
    out = tmp_path / "definition.schema.json"
    assert cli("schema", "--definition", "-o", str(out)).code == 0
    definition = json.loads(out.read_text())
    jsonschema.Draft202012Validator.check_schema(definition)
    assert "Item" in json.dumps(definition)
    assert cli("schema", "--cluster", "9").code == 2


def test_questionnaire_files_match_the_definition_schema():
    import yaml

    validator = jsonschema.Draft202012Validator(definition_schema())
    for cluster in CLUSTERS:
        data = yaml.safe_load((registry.data_dir() / f"{cluster}.yaml").read_text(encoding="utf-8"))
        assert validator.is_valid(data), next(validator.iter_errors(data)).message
