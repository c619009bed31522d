"""Bootstrap a questionnaire YAML draft from the source text (a one-off editing aid).

Usage: python tools/draft_from_source.py docs/source/003_3bf547c080ccd5a6.txt START END CLUSTER_ID > draft.yaml

The source is the repository's copy of the report (docs/source/README.md says
which lines hold which annex: Cluster I is 206 1047). The draft copies every
line's wording verbatim and guesses structure, answer kinds and the commonest
conditions; an editor then reviews it against the source, item by item. The
runtime never uses this script.
"""

from __future__ import annotations

import json
import re
import sys

import yaml

ROMANS = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}
SCALES = {
    ("Yes", "Yes, in part", "No"): "yes-partly-no",
    ("Yes", "No"): "yes-no",
    ("Yes", "No", "Not applicable"): "yes-no-na",
    ("Yes", "Yes, under conditions", "No", "Not applicable"): "yes-conditions-no-na",
    ("Yes", "Yes, in part", "No", "Not applicable"): "yes-partly-no-na",
}
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
Q = "[\"“”]"
VALUE_WORDS = {"yes": "yes", "yes, in part": "partly", "yes in part": "partly", "no": "no"}


def scalar(value: object) -> str:
    text = str(value)
    try:
        if yaml.safe_load(f"k: {text}") == {"k": text} and not text.startswith(("*", "&", "!", "|", ">", "%", "@", "`")):
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def slug(label: str) -> str:
    words = re.sub(r"\(.*?\)", "", label).lower()
    words = re.sub(r"[^a-z0-9 ]+", " ", words).split()
    stop = {"the", "of", "and", "or", "a", "an", "to", "for", "by", "in", "on", "with", "such", "as", "its"}
    kept = [w for w in words if w not in stop][:4] or ["option"]
    return "-".join(kept)


def guess_condition(text: str, item: dict, parent: dict | None) -> str | None:
    values = lambda s: [VALUE_WORDS[v.strip().lower().rstrip(",")] for v in re.findall(Q + r"([^\"“”]+)" + Q, s)]  # noqa: E731
    m = re.match(r"If (?:the|your) answer is ((?:" + Q + r"[^\"“”]+" + Q + r",? ?(?:or )?)+)", text)
    if m and parent is not None:
        vals = values(m.group(1))
        return f"{parent['id']} = {vals[0]}" if len(vals) == 1 else f"{parent['id']} in ({', '.join(vals)})"
    m = re.match(r"If (?:the|your) answer to question (\d+)(?: \(([a-z]+)\))?(?: \(([a-z]+)\))? is ((?:" + Q + r"[^\"“”]+" + Q + r",? ?(?:or )?)+)", text)
    if m:
        ref = ".".join(p for p in m.groups()[:3] if p)
        vals = values(m.group(4))
        return f"{ref} = {vals[0]}" if len(vals) == 1 else f"{ref} in ({', '.join(vals)})"
    if re.match(r"If yes\b", text) and parent is not None:
        return f"{parent['id']} = yes"
    return None


def parse(lines: list[str]) -> dict:
    doc: dict = {"guidance": {"paragraphs": []}, "parts": []}
    state = "head"
    question = None
    last_letter = None
    last_item = None
    last_roman = None
    pending_heading_notes: list[str] = []
    section = None
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if state == "head":
            if line.startswith("Annex"):
                doc["annex"] = line
                continue
            if line.startswith("Self-assessment"):
                doc["title"] = line
                continue
            if line.startswith("General guidance"):
                doc["guidance"]["heading"] = line
                state = "guidance"
                continue
        if re.match(r"^(I|II|III|IV)\. ", line):
            part = {"title": line, "sections": []}
            doc["parts"].append(part)
            state = "part"
            continue
        if state == "guidance":
            if line.startswith("- "):
                doc["guidance"]["paragraphs"].append(line[2:])
            else:
                doc["guidance"]["paragraphs"][-1] += " " + line  # page-break continuation
            continue
        part = doc["parts"][-1]
        if line.startswith("Cluster ") and "heading" not in part:
            part["heading"] = line
            continue
        if line[0] in SUPERSCRIPT:
            m = re.match(f"^([{SUPERSCRIPT}]+) (.*)$", line)
            number = int("".join(str(SUPERSCRIPT.index(c)) for c in m.group(1)))
            target = last_item or section
            target.setdefault("footnotes", []).append({"number": number, "text": m.group(2), "_misplaced": True})
            continue
        m = re.match(r"^(\d+)\. (.*)$", line)
        if m:
            question = {"number": m.group(1), "id": m.group(1), "text": m.group(2), "items": []}
            section["items"].append(question)
            last_letter = last_roman = None
            last_item = question
            continue
        m = re.match(r"^-? ?\(([a-z]+)\) (.*)$", line)
        if m and question is not None:
            label = m.group(1)
            expected_letter = chr(ord(last_letter["number"][1]) + 1) if last_letter else "a"
            is_roman = label in ROMANS and label != expected_letter
            item = {"number": f"({label})", "text": m.group(2), "items": []}
            parent = (last_letter or question) if is_roman else question
            item["id"] = f"{parent['id']}.{label}"
            parent["items"].append(item)
            if is_roman:
                last_roman = item
            else:
                last_letter, last_roman = item, None
            last_item = item
            continue
        if re.match(r"^[-–] ?☐|^☐", line):
            options = [o.strip() for o in re.split(r"☐", line.lstrip("-– ")) if o.strip()]
            scale = SCALES.get(tuple(options))
            if scale and last_item.get("answer") is None:
                last_item["answer"] = scale
            else:
                last_item.setdefault("options", []).extend(options)
            continue
        m = re.match(r"^([-–]) (.*)$", line)
        if m and question is not None:
            parent = last_roman or question
            position = sum(1 for i in parent["items"] if i["number"] in "-–") + 1
            item = {"number": m.group(1), "id": f"{parent['id']}.{position}", "text": m.group(2), "items": []}
            parent["items"].append(item)
            last_item = item
            continue
        if last_item is not None and (line[0].islower() or not last_item["text"].rstrip().endswith((".", "?", ":", ")"))):
            last_item["text"] += " " + line  # page-break continuation (record in errata)
            last_item["_joined"] = True
            continue
        if section is not None and not section["items"] and len(line) > 80:
            section.setdefault("notes", []).append(line)
            continue
        section = {"heading": line, "items": []}
        part["sections"].append(section)
        question = last_letter = last_roman = last_item = None
    return doc


def finish(item: dict, parent: dict | None) -> None:
    if "options" in item:
        item["answer"] = "choices"
    if item.get("answer") is None:
        item["answer"] = "none" if any(c.get("answer") not in (None,) or c["items"] for c in item["items"]) and not item.get("options") else "text"
    for child in item["items"]:
        finish(child, item)
    if item.get("answer") == "text" and item["items"] and all(c.get("answer") for c in item["items"]):
        pass
    condition = guess_condition(item["text"], item, parent)
    if condition:
        item["when"] = condition
    if re.match(r"^States (parties )?are invited", item["text"]):
        item["voluntary"] = True


def emit(doc: dict, cluster_id: str) -> str:
    out: list[str] = []
    w = out.append
    w(f"id: {cluster_id}")
    w(f"cluster: {doc['title'].rsplit(' ', 1)[-1]}")
    w(f"annex: {doc['annex']}")
    w(f"title: {scalar(doc['title'])}")
    w(f"short_title: {scalar(doc['parts'][0]['heading'].split(': ', 1)[1].split(' (')[0])}")
    w(f"source: {{document: {doc['document']}, lines: [{doc['lines'][0]}, {doc['lines'][1]}]}}")
    w("guidance:")
    w(f"  heading: {doc['guidance']['heading']}")
    w("  paragraphs:")
    for p in doc["guidance"]["paragraphs"]:
        w(f"    - {scalar(p)}")
    w("parts:")
    instruments = ["convention", "trafficking", "smuggling", "firearms"]
    for index, part in enumerate(doc["parts"]):
        w(f"  - instrument: {instruments[index]}")
        if index:
            w(f"    when: party({instruments[index]})")
        w(f"    title: {scalar(part['title'])}")
        w(f"    heading: {scalar(part['heading'])}")
        w("    sections:")
        for section in part["sections"]:
            w(f"      - heading: {scalar(section['heading'])}")
            if not section["heading"].startswith("Article"):
                w("        kind: other")
            if section.get("notes"):
                w("        notes:")
                for note in section["notes"]:
                    w(f"          - {scalar(note)}")
            if section.get("footnotes"):
                emit_footnotes(w, section["footnotes"], "        ")
            w("        items:")
            for item in section["items"]:
                finish(item, None)
                emit_item(w, item, "          ")
    return "\n".join(out) + "\n"


def emit_footnotes(w, footnotes: list[dict], pad: str) -> None:  # type: ignore[no-untyped-def]
    w(f"{pad}footnotes:  # TODO check placement")
    for f in footnotes:
        w(f"{pad}  - number: {f['number']}")
        w(f"{pad}    text: {scalar(f['text'])}")


def emit_item(w, item: dict, pad: str) -> None:  # type: ignore[no-untyped-def]
    w(f"{pad}- number: {scalar(item['number'])}")
    inner = pad + "  "
    w(f"{inner}text: {scalar(item['text'])}" + ("  # TODO joined across a page break" if item.get("_joined") else ""))
    if item["answer"] != "text":
        w(f"{inner}answer: {item['answer']}")
    if item.get("options"):
        w(f"{inner}options:")
        seen: set[str] = set()
        for label in item["options"]:
            code = slug(label)
            if label.lower().startswith("other"):
                code = "other"
            while code in seen:
                code += "-2"
            seen.add(code)
            w(f"{inner}  - code: {code}")
            w(f"{inner}    label: {scalar(label)}")
            if re.search(r"specify|be specific", label, re.I):
                w(f"{inner}    specify: true")
    if item.get("when"):
        w(f"{inner}when: {scalar(item['when'])}")
    elif re.match(r"^If ", item["text"]):
        w(f"{inner}# TODO condition: {item['text'][:90]}")
    if item.get("voluntary"):
        w(f"{inner}voluntary: true")
    if item.get("footnotes"):
        emit_footnotes(w, item["footnotes"], inner)
    if item["items"]:
        w(f"{inner}items:")
        for child in item["items"]:
            emit_item(w, child, inner + "  ")


def main() -> None:
    source, start, end, cluster_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    with open(source, encoding="utf-8") as handle:
        lines = handle.read().splitlines()[start - 1 : end]
    doc = parse(lines)
    doc["document"] = source.rsplit("/", 1)[-1]
    doc["lines"] = (start, end)
    sys.stdout.write(emit(doc, cluster_id))


if __name__ == "__main__":
    main()
