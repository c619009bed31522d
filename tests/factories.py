"""Build realistic response files for tests and benchmarks.

``complete_response`` answers every item that applies given the answers chosen,
with texts of realistic length; the result validates with ``--complete``.
"""

from __future__ import annotations

import json
import random

from engine.conditions.applicability import applicability
from engine.definition.loader import Definition
from engine.definition.model import SCALE_VALUES, AnswerKind

PROTOCOLS = ["trafficking", "smuggling", "firearms"]

_WORDS = [
    "the",
    "penal",
    "code",
    "provides",
    "that",
    "any",
    "person",
    "who",
    "participates",
    "in",
    "an",
    "organized",
    "criminal",
    "group",
    "shall",
    "be",
    "liable",
    "to",
    "imprisonment",
    "article",
    "section",
    "paragraph",
    "law",
    "decree",
    "regulation",
    "ministry",
    "of",
    "justice",
    "prosecution",
    "service",
    "courts",
    "have",
    "applied",
    "these",
    "provisions",
    "in",
    "several",
    "cases",
    "including",
    "the",
    "confiscation",
    "of",
    "proceeds",
    "and",
    "the",
    "extradition",
    "of",
    "nationals",
    "under",
    "bilateral",
    "treaties",
    "mutual",
    "legal",
    "assistance",
    "is",
    "provided",
    "on",
    "the",
    "basis",
    "of",
    "reciprocity",
    "and",
    "the",
    "convention",
    "when",
    "no",
    "treaty",
    "applies",
]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def choose_answers(definition: Definition, rng: random.Random, yes_bias: float = 0.7) -> dict[str, object]:
    """An answer for every answerable item (before applicability is considered)."""
    answers: dict[str, object] = {}
    for entry in definition.entries.values():
        kind = entry.kind
        if kind is AnswerKind.none:
            continue
        if kind in SCALE_VALUES:
            values = SCALE_VALUES[kind]
            answers[entry.id] = "yes" if rng.random() < yes_bias else rng.choice(values)
        elif kind is AnswerKind.choice:
            answers[entry.id] = rng.choice(entry.values)
        elif kind is AnswerKind.choices:
            answers[entry.id] = sorted(rng.sample(entry.values, k=rng.randint(1, min(3, len(entry.values)))), key=entry.values.index)
        else:
            answers[entry.id] = sentence(rng, rng.randint(12, 120))
    return answers


def complete_response(
    definition: Definition,
    state: str = "Examplestan",
    parties: list[str] | None = None,
    uncac_party: bool = False,
    seed: int = 0,
    yes_bias: float = 0.7,
) -> str:
    """YAML text of a response that answers exactly the items that apply."""
    rng = random.Random(seed)
    parties = PROTOCOLS if parties is None else parties
    chosen = choose_answers(definition, rng, yes_bias)
    status, effective = applicability(definition, chosen, frozenset(parties), uncac_party)
    lines = [
        f"questionnaire: {definition.id}",
        f"state: {json.dumps(state, ensure_ascii=False)}",
        "language: en",
        f"parties: [{', '.join(parties)}]",
        f"uncac_party: {'true' if uncac_party else 'false'}",
        "answers:",
    ]
    for item_id, value in effective.items():
        entry = definition.entries[item_id]
        key = json.dumps(item_id)
        if isinstance(value, list):
            lines.append(f"  {key}:")
            lines.append(f"    answer: [{', '.join(value)}]")
            specified = [code for code in value if (option := entry.option(code)) is not None and option.specify]
            if "other" in specified:
                lines.append(f"    other: {json.dumps(sentence(rng, 8))}")
            details = [code for code in specified if code != "other"]
            if details:
                lines.append("    details:")
                lines.extend(f"      {code}: {json.dumps(sentence(rng, 8))}" for code in details)
        elif entry.kind is AnswerKind.choice:
            option = entry.option(str(value))
            lines.append(f"  {key}:")
            lines.append(f"    answer: {value}")
            if option is not None and option.specify:
                lines.append(f"    other: {json.dumps(sentence(rng, 8))}")
        elif entry.kind is AnswerKind.text:
            lines.append(f"  {key}: |-")
            lines.append(f"    {value}")
        elif value in ("yes", "partly"):
            lines.append(f"  {key}:")
            lines.append(f"    answer: {value}")
            lines.append(
                f"    legislation: [{json.dumps(f'Act No. {rng.randint(1, 300)} of {rng.randint(1990, 2024)}, art. {rng.randint(1, 90)}')}]"
            )
            lines.append(f'    links: ["https://sherloc.unodc.org/cld/legislation/{rng.randint(1000, 9999)}"]')
        else:
            lines.append(f"  {key}: {value}")
    _ = status
    return "\n".join(lines) + "\n"
