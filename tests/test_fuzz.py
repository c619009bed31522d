"""Fuzzing: random and mutated response files never crash the validator."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_cli

SEED = (Path(__file__).resolve().parent.parent / "examples" / "cluster1-examplestan.yaml").read_bytes()
LINE = re.compile(r"^.+:\d+:\d+: (error|warning)( \[[^\]]*\])? .+$")
FUZZ = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def check(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    run = run_cli("validate", str(path))
    assert run.code in (0, 1, 2), run
    assert "internal error" not in run.err and "Traceback" not in run.out + run.err
    for line in run.out.splitlines():
        if line.startswith(str(path) + ":") and ": note:" not in line:
            assert LINE.match(line), line
    assert path.read_bytes() == data


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(tmp_path_factory, data):
    check(tmp_path_factory.mktemp("fuzz") / "r.yaml", data)


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
@given(mutated())
def test_mutated_response_files(tmp_path_factory, data):
    check(tmp_path_factory.mktemp("fuzz") / "r.yaml", data)


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
