"""Fuzzing: random, mutated and hostile response files never crash the validator nor breach a report."""

from __future__ import annotations

import re
from pathlib import Path

from hostile import FORMATS, check_report
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_cli

SEED = (Path(__file__).resolve().parent.parent / "examples" / "cluster1-examplestan.yaml").read_bytes()
LINE = re.compile(r"^.+:\d+:\d+: (error|warning)( \[[^\]]*\])? .+$")
FUZZ = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def check(path: Path, data: bytes, fmt: str = "text") -> None:
    """Validate ``data`` as text and in ``fmt``: no crash, no breach of the report, the file untouched."""
    path.write_bytes(data)
    run = run_cli("validate", str(path))
    assert run.code in (0, 1, 2), run
    assert "internal error" not in run.err and "Traceback" not in run.out + run.err
    for line in run.out.splitlines():
        if line.startswith(str(path) + ":") and ": note:" not in line:
            assert LINE.match(line), line
    check_report("text", run.out)
    if fmt != "text":
        other = run_cli("validate", "--format", fmt, str(path))
        assert other.code == run.code
        check_report(fmt, other.out)
    assert path.read_bytes() == data


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(FORMATS))
def test_random_bytes(tmp_path_factory, data, fmt):
    check(tmp_path_factory.mktemp("fuzz") / "r.yaml", data, fmt)


@st.composite
def mutated(draw):
    data = bytearray(SEED)
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "duplicate-line"]))
        if action == "insert":
            data[position:position] = draw(
                st.sampled_from([b":", b"- ", b"&a ", b"*a", b"\n  ", b"{", b"[", b'"', b"\x1b[2J", b"\t", b"yes", b"! ", b"\xff", b"? "])
            )
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 40))]
        elif action == "replace" and position < len(data):
            data[position] = draw(st.integers(0, 255))
        else:
            lines = bytes(data).split(b"\n")
            index = draw(st.integers(0, len(lines) - 1))
            lines.insert(index, lines[index])
            data = bytearray(b"\n".join(lines))
    return bytes(data)


@FUZZ
@given(mutated(), st.sampled_from(FORMATS))
def test_mutated_response_files(tmp_path_factory, data, fmt):
    check(tmp_path_factory.mktemp("fuzz") / "r.yaml", data, fmt)


@FUZZ
@given(
    st.dictionaries(
        st.text(max_size=12), st.one_of(st.none(), st.text(max_size=30), st.lists(st.text(max_size=10), max_size=4)), max_size=12
    )
)
def test_structured_answers(tmp_path_factory, answers):
    import json

    lines = ["questionnaire: cluster1", "state: X", "language: en", "parties: [trafficking]", "uncac_party: false", "answers:"]
    lines += [f"  {json.dumps(key)}: {json.dumps(value)}" for key, value in answers.items()]
    check(tmp_path_factory.mktemp("fuzz") / "r.yaml", ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))


HOSTILE = st.text(
    alphabet=st.one_of(
        st.sampled_from("\x1b\x07\x00\x08\x7f\x85\x9b\u200b\u200e\u202e\u2066\u2028\u2029\ufeff\ue000\t\r\n:,%[]{}#&*!|>'\"\\"),
        st.characters(codec="utf-8"),
    ),
    max_size=40,
)
FIELDS = (
    "questionnaire",
    "state",
    "language",
    "parties",
    "uncac_party",
    "key",
    "id",
    "answer",
    "codes",
    "legislation",
    "links",
    "comment",
    "other",
    "details",
)


@FUZZ
@given(st.sampled_from(FIELDS), HOSTILE, st.sampled_from(FORMATS))
def test_hostile_text_in_any_field(tmp_path_factory, field, text, fmt):
    """Any text, in any field of the header or of an answer, reaches no report raw."""
    import json

    value = json.dumps(text)
    header = {"questionnaire": "cluster1", "state": "X", "language": "en", "parties": "[trafficking]", "uncac_party": "false"}
    if field in header:
        header[field] = f"[{value}]" if field == "parties" else value
    lines = [f"{key}: {item}" for key, item in header.items()]
    if field == "key":
        lines.append(f"{value}: 1")
    lines.append("answers:")
    answers = {
        "id": f"  {value}: yes",
        "answer": f'  "1": {value}',
        "codes": f'  "28": yes\n  "28.a": [{value}, other]',
        "legislation": f'  "1":\n    answer: yes\n    legislation: [{value}]',
        "links": f'  "1":\n    answer: yes\n    links: [{value}]',
        "comment": f'  "3": no\n  "3.a":\n    answer: yes\n    comment: {value}',
        "other": f'  "1":\n    answer: yes\n    other: {value}',
        "details": f'  "28": yes\n  "28.a":\n    answer: [other]\n    details: {{{value}: {value}}}',
    }
    lines.append(answers.get(field, '  "33": yes'))
    check(tmp_path_factory.mktemp("fuzz") / "r.yaml", ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"), fmt)
