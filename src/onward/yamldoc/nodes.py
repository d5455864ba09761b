"""YAML read with positions, so every problem can name its line and column.

Timestamps are kept as text: ``2015-02-30`` must reach our date validator (which says why it is
impossible) instead of crashing the YAML constructor.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import StringIO
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode


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


def parse_yaml(text: str) -> Any:
    try:
        return _reader().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        problem = exc.problem or str(exc)
        raise YamlSyntaxError(problem, line, column) from exc
    except YAMLError as exc:  # e.g. ReaderError: a control character, which carries no line mark
        line, column = _line_of(text, getattr(exc, "position", None))
        raise YamlSyntaxError(str(exc).splitlines()[0], line, column) from exc


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
    yaml = YAML(typ="rt")
    yaml.default_flow_style = False
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()
