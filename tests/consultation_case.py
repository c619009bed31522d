"""The national consultation the end-to-end test plays, and tests/data/make_forms.py prepares.

Examplestan answers the Cluster II questionnaire with three ministries:

- the Ministry of Justice (questions 1-4) in the terminal UI;
- the Ministry of the Interior (the Trafficking in Persons and Smuggling of Migrants Protocols'
  parts) in a fillable Word form;
- the Ministry of Foreign Affairs (questions 4-27) by editing its YAML part by hand.

Question 4 is assigned to both Justice and Foreign Affairs, who answer it differently: the
deliberate conflict. Everything here is deterministic, so that the committed LibreOffice fixtures
(made from the Interior's form filled by :func:`fill_form`) match what the tests expect.
"""

from __future__ import annotations

import random

from engine.conditions.applicability import applicability
from engine.definition.loaded import Definition
from engine.definition.model import SCALE_VALUES, AnswerKind
from engine.responses.writer import Record

from factories import choose_answers, sentence
from form_filling import FormDocument

STATE = "Examplestan"
PARTIES = ["trafficking", "smuggling"]
JUSTICE, INTERIOR, FOREIGN = "Ministry of Justice", "Ministry of the Interior", "Ministry of Foreign Affairs"
ASSIGNMENT = f"""# Who answers what (untoc split --assign)
{JUSTICE}: 1-4
{INTERIOR}: [trafficking, smuggling]
{FOREIGN}: 4-27
"""
FILES = {JUSTICE: "ministry-of-justice", INTERIOR: "ministry-of-the-interior", FOREIGN: "ministry-of-foreign-affairs"}

BASE = f"""# Examplestan's response to Cluster II, prepared by the focal point
questionnaire: cluster2
state: {STATE}
language: en
parties: [trafficking, smuggling]
uncac_party: false
answers:
  "28":
    answer: yes
    legislation: ["Anti-Trafficking Act 2015, art. 12"]
    contributor: Focal point
  "47": "no"
"""

JUSTICE_ANSWERS: dict[str, object] = {
    "1": "yes",
    "2.a": "yes",
    "2.b": "no",
    "2.c": "Screens and voice distortion in court.",
    "3": "no",
    "4": "yes",
}
"""What the Ministry of Justice answers in the terminal UI (3 “No”, so 3 (a) does not apply)."""
FOREIGN_ON_4 = "no"
"""The Ministry of Foreign Affairs' answer to 4: the conflict."""


def values(definition: Definition, seed: int = 23) -> dict[str, object]:
    """The answers every applicable question gets (Justice's for 1-4), before they become records."""
    chosen = choose_answers(definition, random.Random(seed))
    chosen.update(JUSTICE_ANSWERS)
    chosen["28"] = "yes"
    chosen["47"] = "no"
    _status, effective = applicability(definition, chosen, frozenset(PARTIES), False)
    return effective


def record(definition: Definition, item_id: str, value: object, rng: random.Random) -> Record:
    """An answer as a ministry would give it: citations under a “Yes”, the texts options ask for."""
    entry = definition.entries[item_id]
    result = Record(value if not isinstance(value, list) else list(value))  # type: ignore[arg-type]
    if entry.kind in (AnswerKind.choice, AnswerKind.choices):
        codes = value if isinstance(value, list) else [value]
        for code in codes:  # type: ignore[union-attr]
            option = entry.option(str(code))
            if option is not None and option.specify:
                if code == "other":
                    result.other = sentence(rng, 6)
                else:
                    result.details[str(code)] = sentence(rng, 5)
    elif entry.kind is AnswerKind.text and rng.random() < 0.3:
        result.value = f"{value}\n{sentence(rng, 6)}"  # a second line
    elif entry.kind in SCALE_VALUES and value in ("yes", "partly"):
        result.legislation = [
            f"Act No. {rng.randint(1, 300)} of {rng.randint(1990, 2024)}, art. {rng.randint(1, 90)}",
            "Penal Code, art. 5",
        ]
        result.links = [f"https://sherloc.unodc.org/cld/legislation/{rng.randint(1000, 9999)}"]
    if rng.random() < 0.1:
        result.comment = sentence(rng, 10)
    return result


def answers_of(definition: Definition, ids: list[str], seed: int) -> dict[str, Record]:
    """The records a ministry gives to the applicable questions among ``ids``."""
    rng = random.Random(seed)
    effective = values(definition)
    return {i: record(definition, i, effective[i], rng) for i in ids if i in effective}


def interior_answers(definition: Definition, ids: list[str]) -> dict[str, Record]:
    answers = answers_of(definition, ids, seed=2)
    answers["28"].comment = "Reviewed with the National Rapporteur.\nAgreed on 3 May."  # a change to the focal point's answer
    return answers


def fill_form(data: bytes, definition: Definition, answers: dict[str, Record]) -> bytes:
    """Fill a fillable form as a person would in Word: tick boxes, type in fields (runs split, lines broken)."""
    form = FormDocument(data)
    for item_id, answer in answers.items():
        entry = definition.entries[item_id]
        chosen = answer.value if isinstance(answer.value, list) else [answer.value]
        if entry.kind is AnswerKind.text:
            form.type(f"untoc:{item_id}:answer", str(answer.value), runs=3)
        else:
            for code in entry.values:
                form.tick(f"untoc:{item_id}:option:{code}", code in chosen)
        if answer.other:
            form.type(f"untoc:{item_id}:other", answer.other, runs=2)
        for code, text in answer.details.items():
            form.type(f"untoc:{item_id}:details:{code}", text or "")
        for name, text in (("legislation", "\n".join(answer.legislation)), ("links", "\n".join(answer.links)), ("comment", answer.comment)):
            if text:
                form.type(f"untoc:{item_id}:{name}", text, runs=2)
    return form.bytes()


def split_parts(definition: Definition, folder) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The three parts of the base, as ``untoc split --assign`` makes them (by contributor)."""
    from engine.consultation.assignment import read_assignment
    from engine.consultation.source import read_source
    from engine.consultation.split import make_part

    (folder / "base.yaml").write_text(BASE, encoding="utf-8")
    (folder / "assignment.yaml").write_text(ASSIGNMENT, encoding="utf-8")
    base, _definition = read_source(folder / "base.yaml")
    shares = read_assignment(folder / "assignment.yaml", definition)
    return {share.contributor: make_part(definition, base.document, share) for share in shares}


def interior_filled(definition: Definition, folder) -> tuple[bytes, dict[str, Record]]:  # type: ignore[no-untyped-def]
    """The Ministry of the Interior's Word form, filled in; and the answers it holds."""
    from engine.cli.forms import part_form

    part = split_parts(definition, folder)[INTERIOR]
    answers = interior_answers(definition, part.share.ids)  # type: ignore[attr-defined]
    return fill_form(part_form(definition, part), definition, answers), answers


def soffice_version(soffice: str) -> tuple[int, int] | None:
    """``(major, minor)`` of a LibreOffice, or ``None`` when it cannot be run."""
    import re
    import subprocess

    try:
        run = subprocess.run([soffice, "--version"], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r"LibreOffice (\d+)\.(\d+)", run.stdout)
    return (int(match.group(1)), int(match.group(2))) if match else None


def round_trip(soffice: str, data: bytes, folder) -> bytes:  # type: ignore[no-untyped-def]
    """``data`` opened and saved again as DOCX by LibreOffice (``soffice --headless --convert-to docx``)."""
    import subprocess

    source, out, profile = folder / "in", folder / "out", folder / "profile"
    source.mkdir(exist_ok=True)
    (source / "form.docx").write_bytes(data)
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "docx",
        "--outdir",
        str(out),
        str(source / "form.docx"),
    ]
    for _attempt in range(2):  # a new profile's first run may only set the profile up
        subprocess.run(command, capture_output=True, timeout=600, check=False)
        if (out / "form.docx").exists():
            return (out / "form.docx").read_bytes()
    raise RuntimeError(f"{soffice} did not convert the form")
