"""The full reader: any YAML, through LibYAML's events, into located nodes.

Used for the files the fast subset reader (:mod:`engine.strict_yaml.subset`) hands over, and
for every error message about malformed YAML.
"""

from __future__ import annotations

import yaml

from engine.i18n import _
from engine.strict_yaml.nodes import DuplicateHandler, Mapping, Mark, Node, Scalar, Sequence, YamlError

try:  # LibYAML's parser is several times faster; fall back to pure Python.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


def _mark(event: yaml.Event) -> Mark:
    start = event.start_mark
    return Mark(start.line + 1, start.column + 1)


def parse_events(text: str, on_duplicate: DuplicateHandler | None = None) -> Node | None:  # noqa: C901 — one loop over LibYAML's events, the hot path of every file read beyond the subset
    """Parse one YAML document into located nodes; ``None`` for an empty file.

    A repeated key raises :class:`YamlError`, unless ``on_duplicate`` is given: then
    it is told about the key and parsing goes on (the second value is dropped).
    The loop dispatches on the event's class and builds nodes inline: files beyond the
    subset reader's part of YAML, questionnaires among them, all come through here.
    """
    root: Node | None = None
    documents = 0
    # The enclosing containers, and the key each was waiting a value for.
    containers: list[Sequence | Mapping] = []
    keys: list[Scalar | None] = []
    container: Sequence | Mapping | None = None
    key: Scalar | None = None
    loader = _Loader(text)
    next_event = loader.get_event  # called directly: yaml.parse() adds a generator and a check per event
    try:
        while True:
            event = next_event()
            kind = type(event)
            if kind is _STREAM_END or event is None:
                break
            if kind is _SCALAR or kind is _SEQUENCE_START or kind is _MAPPING_START:
                start = event.start_mark
                line, column = start.line + 1, start.column + 1
                if event.anchor is not None:
                    raise YamlError(_("YAML anchors (&{name}) are not allowed").format(name=event.anchor), Mark(line, column))
                tag = event.tag
                if kind is _SCALAR:
                    if tag is not None and tag != "!":
                        raise YamlError(_("YAML tags ({tag}) are not allowed").format(tag=tag), Mark(line, column))
                    node: Node = Scalar(event.value, line, column, event.implicit[0])
                elif tag is not None:
                    raise YamlError(_("YAML tags ({tag}) are not allowed").format(tag=tag), Mark(line, column))
                elif kind is _SEQUENCE_START:
                    node = Sequence([], line, column)
                else:
                    node = Mapping([], line, column)
                if container is None:
                    root = node
                elif type(container) is Sequence:
                    container.items.append(node)
                elif key is None:
                    if kind is not _SCALAR:
                        raise YamlError(_("a mapping key must be plain text"), node.mark)
                    previous = container._index.get(node.value)
                    if previous is not None:
                        first = container.pairs[previous][0]
                        if on_duplicate is None:
                            raise YamlError(
                                _("duplicate key {key!r}: first at line {first}, again at line {again}").format(
                                    key=node.value, first=first.line, again=line
                                ),
                                node.mark,
                            )
                        on_duplicate(node.value, first, node)  # the nodes as positions: a Mark only if a message needs one
                        node = Scalar(_DROPPED, line, column, False)
                    key = node
                else:
                    if key.value is not _DROPPED:
                        container._index[key.value] = len(container.pairs)
                        container.pairs.append((key, node))
                    key = None
                if kind is not _SCALAR:
                    containers.append(container)  # type: ignore[arg-type]
                    keys.append(key)
                    container, key = node, None  # type: ignore[assignment]
            elif kind is _SEQUENCE_END or kind is _MAPPING_END:
                container, key = containers.pop(), keys.pop()
            elif kind is _ALIAS:
                raise YamlError(_("YAML aliases (*name) are not allowed"), _mark(event))
            elif kind is _DOCUMENT_START:
                documents += 1
                if documents > 1:
                    raise YamlError(_("a file holds a single YAML document"), _mark(event))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = Mark(mark.line + 1, mark.column + 1) if mark else None
        problem = error.problem or error.context or "malformed YAML"
        raise YamlError(_("malformed YAML: {problem}").format(problem=problem), position) from None
    except yaml.YAMLError as error:  # pragma: no cover - defensive
        raise YamlError(_("malformed YAML: {problem}").format(problem=error)) from None
    finally:
        loader.dispose()
    return root


_DROPPED = "\x00dropped"
_SCALAR = yaml.ScalarEvent
_SEQUENCE_START = yaml.SequenceStartEvent
_MAPPING_START = yaml.MappingStartEvent
_SEQUENCE_END = yaml.SequenceEndEvent
_MAPPING_END = yaml.MappingEndEvent
_ALIAS = yaml.AliasEvent
_DOCUMENT_START = yaml.DocumentStartEvent
_STREAM_END = yaml.StreamEndEvent
