"""The fast subset reader builds exactly the tree LibYAML builds, or hands the text over."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.responses.writer import dump, from_response
from engine.strict_yaml import Mapping, Scalar, YamlError, decode, parse_text
from engine.strict_yaml.full import parse_events
from engine.strict_yaml.subset import Outside, parse_subset

ROOT = Path(__file__).resolve().parent.parent

ATOMS = [
    "yes", "no", "partly", "a", "Act No. 5, art. 2", "https://x.org/a?b=c#d", "x: y", "a #b", "a#b", "-1",
    "- a", "? x", ":x", "", " ", "it's", 'say "hi"', "back\\slash", "é ü 中文", "\xa0nbsp", "...", "---",
    "~", "null", "[a]", "{b}", "a, b", "!t", "&a", "*a", "%x", "@x", "`x", "|", ">", "\\n", "\\x41",
    "\\u00e9", "\\q", "\\", "trail ", "#c", "a:b", "a:", "0777", "on", "''", '""', "a'b", 'a"b', "1.a",
    "\t", "x\ty", "\r", "\x85", "\u2028", "\ufeff", "\x07", "a]", "a,", "𝄞",
]  # fmt: skip
"""Scalars that probe the subset's edges: indicators, comments, quotes, escapes, odd characters."""


WORDS = ["yes", "no", "partly", "Act No. 5, art. 2", "https://x.org/a?b=c", "text", "é ü 中文", "trafficking"]


def _scalar_text(rng: random.Random) -> str:
    pool = ATOMS if rng.random() < 0.3 else WORDS
    return " ".join(rng.choice(pool) for _ in range(rng.choice((1, 1, 1, 2, 3))))


def _inline(rng: random.Random, text: str, flow: bool = False) -> str:
    """``text`` as a plain, double-quoted or single-quoted one-line scalar (not always valid)."""
    style = rng.choice(("plain", "plain", "double", "single"))
    if style == "double":
        if rng.random() < 0.7:
            text = text.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{text}"'
    if style == "single":
        return "'" + (text.replace("'", "''") if rng.random() < 0.7 else text) + "'"
    return text.strip(" ") if rng.random() < 0.8 else text


def _comment(rng: random.Random) -> str:
    return rng.choice(("", "", "", "  # note", " #x", "#x", " # a: b", "   "))


def _block(rng: random.Random, indent: int) -> list[str]:
    """A block scalar's header and lines, with blank, trailing-space and more-indented lines."""
    header = rng.choice("|>") + rng.choice(("", "", "-", "+", "2")) + _comment(rng)
    inner = indent + rng.choice((1, 2, 2, 4))
    lines = [header]
    for _ in range(rng.randint(0, 5)):
        kind = rng.random()
        if kind < 0.15:
            lines.append(" " * rng.randint(0, inner + 2))
        elif kind < 0.25:
            lines.append(" " * (inner + rng.randint(1, 3)) + _scalar_text(rng))
        else:
            lines.append(" " * inner + _scalar_text(rng).lstrip(" ") + rng.choice(("", "", "  ")))
    return lines


def _value(rng: random.Random, indent: int, depth: int) -> tuple[str, list[str]]:
    """What follows ``key:`` on its line, and the lines below it."""
    kind = rng.random()
    step = rng.choice((1, 2, 2, 2, 4))
    if kind < 0.35 or depth >= 3:
        return " " + _inline(rng, _scalar_text(rng)) + _comment(rng), []
    if kind < 0.45:
        block = _block(rng, indent)
        return " " + block[0], block[1:]
    if kind < 0.6:
        items = ", ".join(_inline(rng, _scalar_text(rng), flow=True) for _ in range(rng.randint(0, 3)))
        return f" [{items}]" + _comment(rng), []
    if kind < 0.75:
        dash = indent + rng.choice((0, step))
        lines = []
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.15:
                block = _block(rng, dash)
                lines += [" " * dash + "- " + block[0], *block[1:]]
            else:
                lines.append(" " * dash + "- " + _inline(rng, _scalar_text(rng)) + _comment(rng))
        return _comment(rng), lines
    if kind < 0.8:
        return rng.choice(("", " ", " # empty")), []
    return _comment(rng), _mapping(rng, indent + step, depth + 1)


def _mapping(rng: random.Random, indent: int, depth: int) -> list[str]:
    lines: list[str] = []
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.1:
            lines.append(" " * rng.randint(0, 6) + rng.choice(("", "# comment", "#")))
        key = _inline(rng, rng.choice(("1", "1.a", "answer", "legislation", "x y", *ATOMS)))
        head, below = _value(rng, indent, depth)
        lines.append(" " * indent + key + rng.choice((":", ":", " :")) + head)
        lines.extend(below)
    return lines


def _mutate(rng: random.Random, lines: list[str]) -> list[str]:
    for _ in range(rng.choice((0, 0, 1, 2))):
        if not lines:
            break
        index = rng.randrange(len(lines))
        action = rng.random()
        if action < 0.3:
            lines[index] = " " + lines[index]
        elif action < 0.5:
            lines[index] = lines[index][1:]
        elif action < 0.7:
            lines.insert(index, lines[index])
        elif action < 0.85:
            del lines[index]
        else:
            position = rng.randint(0, len(lines[index]))
            lines[index] = lines[index][:position] + rng.choice(ATOMS) + lines[index][position:]
    return lines


def document(rng: random.Random) -> str:
    lines = _mutate(rng, _mapping(rng, rng.choice((0, 0, 0, 2)), 0))
    return "\n".join(lines) + rng.choice(("\n", "\n", "", "\n\n", "\n  \n"))


def same_as_libyaml(text: str) -> bool:
    """False when the subset reader hands ``text`` over; else its tree must equal LibYAML's, and
    the repeated keys it reports (with their positions) LibYAML's too."""
    fast_repeats: list[tuple] = []
    full_repeats: list[tuple] = []
    try:
        fast = parse_subset(text, lambda key, first, again: fast_repeats.append((key, first.line, first.column, again.line, again.column)))
    except Outside:
        return False
    assert fast == parse_events(
        text, lambda key, first, again: full_repeats.append((key, first.line, first.column, again.line, again.column))
    ), text
    assert fast_repeats == full_repeats, text
    if not fast_repeats:
        assert parse_subset(text) == fast
    return True


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_random_documents_read_alike(rng):
    text = document(rng)
    reads = same_as_libyaml(text)
    if "\r" not in text:  # Windows line ends too (a carriage return already in the text would pair up with the new ones)
        assert same_as_libyaml(text.replace("\n", "\r\n")) == reads


def test_most_generated_documents_stay_in_the_subset():
    """The comparison above means something only if many documents are read by the subset.

    Most generated documents are not valid YAML (the generator probes edges); of those LibYAML
    reads, the subset must read a good share, and it must hand over some of them too.
    """
    valid = accepted = 0
    for seed in range(3000):
        text = document(random.Random(seed))
        accepted += same_as_libyaml(text)
        try:
            parse_events(text)
            valid += 1
        except YamlError:
            pass
    assert 0.3 * valid < accepted < valid, (accepted, valid)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab :#-'\"|>[],\n\\x1 \t{}")), max_size=60))
def test_random_characters_read_alike(text):
    same_as_libyaml(text)


@pytest.mark.parametrize(
    "path",
    sorted([*(ROOT / "examples").glob("*.yaml"), *(ROOT / "questionnaires").glob("*.yaml")]),
    ids=lambda p: p.name,
)
def test_shipped_files_read_alike(path):
    same_as_libyaml(decode(path.read_bytes()))


def test_written_files_are_in_the_subset(tmp_path):
    """What untoc writes itself is read by the fast reader (escapes, blocks, lists and all)."""
    from engine.responses.model import read

    source = ROOT / "examples" / "cluster1-examplestan.yaml"
    text = dump(from_response(read(source)))
    text = text.replace("Examplestan", 'Ex\\"ample\\\\stan\\u00e9')
    assert same_as_libyaml(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key
        "a: &x 1\nb: *x\n",  # anchor and alias
        "a: !tag 1\n",  # tag
        "a:\tb\n",  # tab
        "a: 1\rb: 2\r",  # lone carriage returns
        "a: b\n  c\n",  # a plain scalar continued
        "a: {b: 1}\n",  # flow mapping
        "- a\n- b\n",  # not a mapping at the top
        "",  # empty
        "a: |+\n  x\n\n",  # keep chomping
        "--- \na: 1\n",  # document marker
        'a: "x\n  y"\n',  # quoted scalar on two lines
        "a: [\n",  # a flow sequence continued
        'a: ["x"\n',
        'a: ["x", \n  "y"]\n',
    ],
)
def test_texts_outside_the_subset_are_handed_over(text):
    with pytest.raises(Outside):
        parse_subset(text)


def nested(depth: int) -> str:
    return "".join(" " * level + "a:\n" for level in range(depth)) + " " * depth + "b: 1\n"


def test_deep_nesting_is_read_alike_or_handed_over():
    """Each open mapping is a call of the reader: past a depth no response file reaches, the text
    goes to the full reader (never a RecursionError)."""
    assert same_as_libyaml(nested(50))
    with pytest.raises(Outside):
        parse_subset(nested(500))
    assert isinstance(parse_text(nested(500)), Mapping)


def test_parse_text_reads_the_subset_without_pyyaml():
    """A file in the subset is read without importing PyYAML (a cold start saves its import)."""
    import subprocess
    import sys

    code = (
        "import sys\nfrom engine.strict_yaml import parse_text\n"
        "parse_text('a: 1\\nb: [x, \"y\"]\\nc: |-\\n  z\\n')\nprint('yaml' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert run.stdout.strip() == "False"


def test_repeated_keys_are_reported_by_the_subset_reader_as_by_libyaml():
    text = 'answers:\n  "1": yes\n  "1": no\n  "2": [a, b]\n  "2": |\n    text\n  "3": x\n'
    assert same_as_libyaml(text)
    with pytest.raises(Outside):
        parse_subset(text)  # without a handler, the full reader words the error
    with pytest.raises(Outside):
        parse_subset("a: 1\na:\n  b: 2\n", lambda *repeat: None)  # a repeated key with a block value


def test_parse_text_falls_back_with_the_same_messages():
    tree = parse_text("a: {b: 1}\n")
    assert isinstance(tree, Mapping) and tree.get("a") is not None
    found = []
    tree = parse_text("a: 1\na: 2\nb: x\n", on_duplicate=lambda key, first, again: found.append((key, first.line, again.line)))
    assert found == [("a", 1, 2)]
    assert isinstance(tree, Mapping) and tree.get("b") == Scalar("x", 3, 4, True)
