"""YAML read with positions, so every problem can name its line and column.

Timestamps are kept as text: ``2015-02-30`` must reach our date validator (which says why it is
impossible) instead of crashing the YAML constructor.

Every YAML text a user gives us (case files, procedures, organisations, knowledge-base files, risk
models, source metadata) is first walked as a stream of parser events, which costs no recursion: anchors
and aliases are refused (nine nested aliases in half a kilobyte expand to hundreds of millions of
values, an "alias bomb"), and so is nesting deeper than ``MAX_YAML_DEPTH`` (the composer recurses once
per level and would end in a traceback). None of our formats needs either.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import StringIO
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, NodeEvent, ScalarEvent
from ruamel.yaml.nodes import ScalarNode

MAX_YAML_DEPTH = 64
"""Mappings and lists nested deeper than this are refused; our deepest format nests about eight."""
MAX_NUMBER_CHARS = 100
"""A bare number longer than this is refused (Python will not even convert one of over 4,300 digits)."""


class _TextDatesConstructor(RoundTripConstructor):
    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        assert isinstance(node, ScalarNode)
        return str(node.value)


_TextDatesConstructor.add_constructor("tag:yaml.org,2002:timestamp", _TextDatesConstructor.construct_yaml_timestamp)


class YamlSyntaxError(Exception):
    def __init__(self, message: str, line: int | None, column: int | None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def _reader() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _TextDatesConstructor
    yaml.allow_duplicate_keys = False
    return yaml


def check_yaml_shape(text: str, kind: str = "these files", max_depth: int = MAX_YAML_DEPTH) -> None:
    """Refuse anchors, aliases and deep nesting before anything is built; raises ``YamlSyntaxError``.

    The caller catches ``MarkedYAMLError``/``YAMLError`` from a malformed text as it would from loading.
    """
    depth = 0
    for event in YAML(typ="rt").parse(text):
        mark = event.start_mark
        if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and event.anchor is not None):
            sign = "*" if isinstance(event, AliasEvent) else "&"
            raise YamlSyntaxError(
                f"YAML anchors and aliases ({sign}{event.anchor}) are not accepted in {kind}; "
                "write the value out in full",
                mark.line + 1,
                mark.column + 1,
            )
        if _long_number(event):
            raise YamlSyntaxError(
                f"a number of {len(event.value)} digits is longer than any value {kind} hold "
                "(quote it if it is meant as text)",
                mark.line + 1,
                mark.column + 1,
            )
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > max_depth:
                raise YamlSyntaxError(
                    f"mappings and lists are nested more than {max_depth} levels deep, which {kind} never need",
                    mark.line + 1,
                    mark.column + 1,
                )
        elif isinstance(event, CollectionEndEvent):
            depth -= 1


def _long_number(event: Any) -> bool:
    if not isinstance(event, ScalarEvent) or event.style is not None or len(event.value) <= MAX_NUMBER_CHARS:
        return False
    return bool(event.value.lstrip("+-").replace("_", "").isdigit())


def parse_yaml(text: str, kind: str = "these files") -> Any:
    """The document in ``text`` with positions; ``kind`` names the files in error messages ("case files")."""
    try:
        check_yaml_shape(text, kind)
        return _reader().load(text)
    except YAMLError as exc:
        raise _located(exc, text) from exc


def load_plain_yaml(text: str, kind: str = "these files", typ: str = "safe") -> Any:
    """Plain Python data from ``text`` (no positions), with the same guard as ``parse_yaml``.

    ``typ="base"`` keeps every scalar as text. Raises ``YamlSyntaxError``.
    """
    try:
        check_yaml_shape(text, kind)
        return YAML(typ=typ).load(text)
    except YAMLError as exc:
        raise _located(exc, text) from exc


def _located(exc: YAMLError, text: str) -> YamlSyntaxError:
    if isinstance(exc, MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        return YamlSyntaxError(exc.problem or str(exc), line, column)
    # e.g. ReaderError: a control character, which carries no line mark
    line, column = _line_of(text, getattr(exc, "position", None))
    return YamlSyntaxError(str(exc).splitlines()[0], line, column)


def _line_of(text: str, offset: int | None) -> tuple[int | None, int | None]:
    if offset is None:
        return None, None
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def position(root: Any, path: Sequence[str | int]) -> tuple[int | None, int | None]:
    """1-based (line, column) of the deepest node on ``path`` that exists in the document."""
    node = root
    line: int | None = 1
    column: int | None = 1
    for key in path:
        if isinstance(node, CommentedMap) and key in node:
            line, column = node.lc.value(key)
            line, column = line + 1, column + 1
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            line, column = node.lc.item(key)
            line, column = line + 1, column + 1
            node = node[key]
        else:
            break
    return line, column


def key_position(root: Any, path: Sequence[str | int]) -> tuple[int | None, int | None]:
    """Position of the last key on ``path`` itself (for "unknown field" problems)."""
    parent = root
    for key in path[:-1]:
        try:
            parent = parent[key]
        except (KeyError, IndexError, TypeError):
            return position(root, path)
    last = path[-1] if path else None
    if isinstance(parent, CommentedMap) and last in parent:
        line, column = parent.lc.key(last)
        return line + 1, column + 1
    return position(root, path)


def to_plain(node: Any) -> Any:
    if isinstance(node, CommentedMap):
        return {str(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, CommentedSeq):
        return [to_plain(v) for v in node]
    return node


def dump_yaml(data: Any) -> str:
    """``data`` as YAML Onward itself can read back: a value used twice is written out twice, never as an
    anchor and alias (which ``parse_yaml`` refuses)."""
    yaml = YAML(typ="rt")
    yaml.representer.ignore_aliases = lambda *_: True
    yaml.default_flow_style = False
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()
