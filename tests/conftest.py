"""Shared fixtures: the loaded questionnaires, a CLI runner, file writers."""

from __future__ import annotations

import io
import os
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from engine.cli.main import main
from engine.definition import registry
from engine.i18n import use


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: str) -> Run:
    """Run ``untoc`` in-process and capture its output."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err), use(None):  # the language the command sets ends with it
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse
            code = int(exit_.code or 0)
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(scope="session")
def cluster1():
    return registry.load("cluster1")


@pytest.fixture(scope="session")
def cluster2():
    return registry.load("cluster2")


@pytest.fixture
def english():
    """Messages in English, and the language a command chose (``--lang`` sets it for the process) not left behind."""
    from engine.i18n.catalogs import set_language

    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def write(tmp_path: Path):
    def _write(text: str | bytes, name: str = "response.yaml") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write


HEADER = """questionnaire: cluster1
state: Examplestan
language: en
parties: [trafficking, smuggling, firearms]
uncac_party: false
answers:
"""


@pytest.fixture
def response(write):
    """Write a Cluster I response with the given answers block (indented by the caller)."""

    def _response(answers: str, header: str = HEADER) -> Path:
        return write(header + answers)

    return _response


# Hypothesis: reproducible examples in CI (CI=true), fresh exploration elsewhere.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("default", max_examples=50)
_hypothesis_settings.register_profile("ci", max_examples=50, derandomize=True, print_blob=True)
_hypothesis_settings.register_profile("thorough", max_examples=1000)
_hypothesis_settings.load_profile(os.environ.get("UNTOC_HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default"))
