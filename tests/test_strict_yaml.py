"""Strict YAML reading: no implicit types, no aliases, located errors, refused content."""

from __future__ import annotations

import pytest

from engine.strict_yaml import MAX_BYTES, Mark, YamlError, decode, locate, parse_text, to_python


def test_yaml_11_scalars_stay_text():
    data = to_python(parse_text("a: yes\nb: no\nc: on\nd: off\ne: 0777\nf: 1.5\ng: null\nh: ~\n"))
    assert data == {"a": "yes", "b": "no", "c": "on", "d": "off", "e": "0777", "f": "1.5", "g": "null", "h": "~"}


def test_plain_and_quoted_scalars_are_told_apart():
    root = parse_text('a: yes\nb: "yes"\n')
    assert root.get("a").plain is True
    assert root.get("b").plain is False


def test_positions_are_one_based():
    root = parse_text("a:\n  b: [x, y]\n")
    assert root.get("a").get("b").items[1].mark == Mark(2, 10)
    assert locate(root, ("a", "b", 1)) == Mark(2, 10)


def test_duplicate_keys_name_both_lines():
    with pytest.raises(YamlError) as error:
        parse_text("a: 1\nb: 2\na: 3\n")
    assert "first at line 1, again at line 3" in error.value.message
    assert error.value.mark.line == 3


def test_duplicate_keys_can_be_collected():
    seen = []
    root = parse_text("a: 1\na: {x: 2}\nb: 3\n", lambda key, first, again: seen.append((key, first.line, again.line)))
    assert seen == [("a", 1, 2)]
    assert to_python(root) == {"a": "1", "b": "3"}


@pytest.mark.parametrize("text", ["a: &x 1\nb: 2\n", "a: [1]\nb: *x\n", "base: &b {k: v}\nc: *b\n"])
def test_anchors_and_aliases_are_refused(text):
    with pytest.raises(YamlError) as error:
        parse_text(text)
    assert "not allowed" in error.value.message


def test_alias_bomb_is_refused_before_expansion():
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for name, previous in zip("bcdefghi", "abcdefgh", strict=False):
        bomb += f"{name}: &{name} [{', '.join('*' + previous for _ in range(9))}]\n"
    with pytest.raises(YamlError):
        parse_text(bomb)


def test_tags_are_refused():
    with pytest.raises(YamlError):
        parse_text("a: !!python/object:os.system x\n")


def test_malformed_yaml_is_located():
    with pytest.raises(YamlError) as error:
        parse_text("a: [1, 2\nb: 3\n")
    assert error.value.message.startswith("malformed YAML")
    assert error.value.mark.line >= 2


def test_size_binary_and_encoding_checks():
    with pytest.raises(YamlError, match="too large"):
        decode(b"a" * (MAX_BYTES + 1))
    with pytest.raises(YamlError, match="binary"):
        decode(b"a: \x00\x01")
    with pytest.raises(YamlError, match="UTF-8") as error:
        decode(b"a: ok\nb: caf\xe9\n")
    assert error.value.mark == Mark(2, 7)
    assert decode("\ufeffa: 1".encode()) == "a: 1"


def test_several_documents_are_refused():
    with pytest.raises(YamlError, match="single YAML document"):
        parse_text("a: 1\n---\nb: 2\n")
