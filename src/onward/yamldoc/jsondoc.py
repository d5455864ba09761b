"""JSON read with a bound on nesting, for every JSON a user gives us (knowledge-base lines, imports).

Nothing Onward reads nests deeper than a handful of levels; a line of a hundred thousand brackets
would otherwise end in a recursion failure (a traceback) here or in whatever walks the result.
A too-deep document is reported as a ``json.JSONDecodeError``, so callers name it like any other.
"""

from __future__ import annotations

import json
from typing import Any

MAX_JSON_DEPTH = 64


def load_json(text: str | bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads``, refusing arrays and objects nested deeper than ``max_depth``."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise _too_deep(text, max_depth) from None
    if _depth_exceeds(value, max_depth):
        raise _too_deep(text, max_depth)
    return value


def _too_deep(text: str | bytes, max_depth: int) -> json.JSONDecodeError:
    document = text.decode("utf-8", errors="replace") if isinstance(text, bytes) else text
    return json.JSONDecodeError(f"arrays and objects nested more than {max_depth} levels deep", document, 0)


def _depth_exceeds(value: Any, max_depth: int) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > max_depth:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False
