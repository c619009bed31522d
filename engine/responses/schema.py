"""JSON Schemas (draft 2020-12) of response files, derived from a questionnaire.

The *draft* schema (default) accepts exactly the files in which ``untoc validate``
finds no error; the *submission* schema (``complete=True``) accepts exactly those
that pass ``untoc validate --complete``: it adds, for each required question, an
``if``/``then`` that spells out when the question applies (its part, section,
ancestors and condition) and then requires an answer. Warnings (an answer to a
question that does not apply, a link that is not http(s)) have no JSON Schema
counterpart. Patterns mean the same under Python's ``re``, as the ``jsonschema``
library does and as ECMA-262 does (JavaScript validators): whitespace is an explicit class.
Every schema compiles under ajv's strict mode: no union types, ``type`` beside ``required`` and
``properties``, every required property declared.
"""

from __future__ import annotations

from typing import Any

from engine.conditions.describe import describe
from engine.conditions.resolve import All, Answered, AnyOf, Compare, Condition, Not, Party, UncacParty
from engine.definition.index import Entry
from engine.definition.loaded import Definition
from engine.definition.model import SCALE_VALUES, AnswerKind
from engine.responses.model import FALSE, LANGUAGES, PROTOCOLS, TRUE

Schema = dict[str, Any]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

SPACE = r"\t\n\u000b\f\r\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
"""Whitespace as Python's ``str.strip()`` (and so untoc) sees it, spelled out: Python's ``\\s`` and
ECMA-262's differ (U+001C–U+001F, U+0085, U+FEFF), and JavaScript validators read ECMA's."""

NULL: Schema = {"type": "null"}
SCALAR: Schema = {"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "boolean"}]}
BLANK: Schema = {"type": "string", "pattern": f"^[{SPACE}]*$"}
NONBLANK: Schema = {"anyOf": [{"type": "string", "pattern": f"[^{SPACE}]"}, {"type": "number"}, {"type": "boolean"}]}
EMPTY_LIST: Schema = {"type": "array", "maxItems": 0}
TEXT_LIST: Schema = {"anyOf": [NULL, SCALAR, {"type": "array", "items": SCALAR}]}
EMPTY_OBJECT: Schema = {"type": "object", "maxProperties": 0}
NOT_GIVEN: Schema = {"anyOf": [NULL, BLANK, EMPTY_LIST]}
UNCAC_TRUE = [True, *TRUE]


def _value(entry: Entry) -> Schema:
    """What the answer itself (bare, or under ``answer:``) may be."""
    kind = entry.kind
    codes = list(entry.values)
    if kind is AnswerKind.none:
        return NOT_GIVEN
    if kind is AnswerKind.text:
        return {"anyOf": [NULL, SCALAR, EMPTY_LIST]}
    if kind in SCALE_VALUES:
        return {"anyOf": [NULL, BLANK, {"enum": codes}, EMPTY_LIST]}
    listed: Schema = {"type": "array", "items": {"enum": codes}}
    if kind is AnswerKind.choice:
        listed["maxItems"] = 1
    return {"anyOf": [NULL, BLANK, {"enum": codes}, listed]}


def _contains(code: str) -> Schema:
    return {"anyOf": [{"const": code}, {"type": "array", "contains": {"const": code}}]}


def _answer_map(entry: Entry, value: Schema) -> Schema:
    codes = [o.code for o in entry.options]
    has_other = "other" in entry.values
    rules: list[Schema] = []
    if has_other:
        other: Schema = {"anyOf": [NULL, SCALAR]}
        rules.append(
            {
                "if": {"required": ["other"], "properties": {"other": NONBLANK}},
                "then": {"required": ["answer"], "properties": {"answer": _contains("other")}},
            }
        )
    else:
        other = {"anyOf": [NULL, BLANK]}
    if codes:
        details: Schema = {
            "anyOf": [NULL, {"type": "object", "propertyNames": {"enum": codes}, "additionalProperties": {"anyOf": [NULL, SCALAR]}}]
        }
        for code in codes:
            rules.append(
                {
                    "if": {
                        "required": ["details"],
                        "properties": {"details": {"type": "object", "required": [code], "properties": {code: True}}},
                    },
                    "then": {"required": ["answer"], "properties": {"answer": _contains(code)}},
                }
            )
    else:
        details = {"anyOf": [NULL, EMPTY_OBJECT]}
    mapping: Schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "answer": value,
            "legislation": TEXT_LIST,
            "links": TEXT_LIST,
            "comment": {"anyOf": [NULL, SCALAR]},
            "other": other,
            "details": details,
            "contributor": {"anyOf": [NULL, SCALAR]},
        },
    }
    if rules:
        mapping["allOf"] = rules
    return mapping


def _either(value: Schema) -> Schema:
    """An answer written bare, or as a mapping whose ``answer`` is ``value``."""
    bare = {"allOf": [{"not": {"type": "object"}}, value]}
    return {"anyOf": [bare, {"type": "object", "required": ["answer"], "properties": {"answer": value}}]}


def _answer_is(entry: Entry, schema: Schema) -> Schema:
    """The root document's answer to ``entry`` matches ``schema`` (bare or in a mapping)."""
    return {
        "type": "object",
        "required": ["answers"],
        "properties": {"answers": {"type": "object", "required": [entry.id], "properties": {entry.id: _either(schema)}}},
    }


def _has_value(entry: Entry, values: tuple[str, ...]) -> Schema:
    if entry.kind is AnswerKind.choices:
        return _answer_is(entry, {"anyOf": [{"enum": list(values)}, {"type": "array", "contains": {"enum": list(values)}}]})
    if entry.kind is AnswerKind.choice:
        return _answer_is(
            entry, {"anyOf": [{"enum": list(values)}, {"type": "array", "minItems": 1, "maxItems": 1, "items": {"enum": list(values)}}]}
        )
    return _answer_is(entry, {"enum": list(values)})


def _given(entry: Entry) -> Schema:
    if entry.kind is AnswerKind.text:
        return _answer_is(entry, {"not": NOT_GIVEN})
    return _has_value(entry, entry.values)


def _ref(entry: Entry) -> Schema:
    return {"$ref": f"#/$defs/applies-{entry.id}"}


def _condition(condition: Condition, definition: Definition) -> Schema:
    entries = definition.entries
    if isinstance(condition, Party):
        return {"type": "object", "required": ["parties"], "properties": {"parties": _contains(condition.instrument)}}
    if isinstance(condition, UncacParty):
        return {"type": "object", "required": ["uncac_party"], "properties": {"uncac_party": {"enum": UNCAC_TRUE}}}
    if isinstance(condition, Not):
        return {"not": _condition(condition.operand, definition)}
    if isinstance(condition, All):
        return {"allOf": [_condition(o, definition) for o in condition.operands]}
    if isinstance(condition, AnyOf):
        return {"anyOf": [_condition(o, definition) for o in condition.operands]}
    if isinstance(condition, Answered):
        return {"anyOf": [{"allOf": [_ref(entries[i]), _given(entries[i])]} for i in condition.ids]}
    assert isinstance(condition, Compare)
    each = [{"allOf": [_ref(entries[i]), _has_value(entries[i], condition.values)]} for i in condition.ids]
    return {"allOf": each} if condition.quantifier == "all" else {"anyOf": each}


def _applies(entry: Entry, definition: Definition) -> Schema:
    """When ``entry`` applies, as a schema of the whole response file."""
    model = definition.questionnaire
    parts: list[Schema] = []
    if entry.parent is not None:
        parts.append(_ref(entry.parent))
    else:
        p = next(i for i, part in enumerate(model.parts) if part is entry.part)
        s = next(j for j, section in enumerate(entry.part.sections) if section is entry.section)
        for condition in (definition.part_conditions.get(p), definition.section_conditions.get(p * 1000 + s)):
            if condition is not None:
                parts.append(_condition(condition, definition))
    if entry.condition is not None:
        parts.append(_condition(entry.condition, definition))
    return {"allOf": parts} if parts else {}


def _required(entry: Entry) -> bool:
    return entry.is_answerable and not entry.voluntary and not entry.item.condition_note


def response_schema(definition: Definition, complete: bool = False) -> Schema:
    """The JSON Schema of a response file for ``definition``."""
    model = definition.questionnaire
    answers: dict[str, Schema] = {}
    for entry in definition.entries.values():
        value = _value(entry)
        schema: Schema = {"title": entry.number, "description": entry.item.text, "anyOf": [value, _answer_map(entry, value)]}
        if entry.condition is not None:
            schema["description"] += f"\n\nAnswer only if {describe(entry.condition, definition.entries)}."
        if entry.voluntary:
            schema["description"] += "\n\nVoluntary."
        if entry.kind in (AnswerKind.choice, AnswerKind.choices):
            schema["description"] += "\n\nOptions: " + "; ".join(f"{o.code} = {o.label}" for o in entry.options)
        answers[entry.id] = schema
    root: Schema = {
        "$schema": DIALECT,
        "$id": f"urn:untoc:response:{model.id}{':complete' if complete else ''}",
        "title": f"Response to the self-assessment questionnaire, Cluster {model.cluster} ({model.short_title})",
        "description": ("Submission schema: every applicable question must be answered. " if complete else "")
        + "Generated by untoc from the questionnaire definition; see docs/responses.md.",
        "type": "object",
        "additionalProperties": False,
        "required": ["questionnaire", "state", "language"],
        "properties": {
            "questionnaire": {"const": model.id},
            "state": {"title": "The State party under review", **NONBLANK},
            "language": {"title": "Language of the answers", "enum": list(LANGUAGES)},
            "parties": {
                "title": "Protocols the State is party to",
                "anyOf": [NULL, {"enum": list(PROTOCOLS)}, {"type": "array", "items": {"enum": list(PROTOCOLS)}}],
            },
            "uncac_party": {
                "title": "Party to the United Nations Convention against Corruption",
                "enum": [None, True, False, *TRUE, *FALSE],
            },
            "answers": {"anyOf": [NULL, {"type": "object", "additionalProperties": False, "properties": answers}]},
        },
    }
    if complete:
        defs: dict[str, Schema] = {}
        rules: list[Schema] = []
        for entry in definition.entries.values():
            defs[f"applies-{entry.id}"] = _applies(entry, definition)
            if _required(entry):
                rules.append({"if": _ref(entry), "then": _given(entry), "description": f"{entry.number} must be answered when it applies"})
        root["$defs"] = defs
        root["allOf"] = rules
    return root


def definition_schema() -> Schema:
    """The JSON Schema of the questionnaire definition format itself."""
    from pydantic import TypeAdapter

    from engine.definition.model import Questionnaire

    schema = TypeAdapter(Questionnaire).json_schema()
    return {"$schema": DIALECT, "$id": "urn:untoc:questionnaire-definition", **schema}
