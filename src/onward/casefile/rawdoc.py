"""Reading a case file's raw YAML document safely, for checks that run even where fields failed validation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pydantic import ValidationError

from onward.model.dates import PartialDate
from onward.model.states import is_state

Path = list[str | int]
Add = Callable[..., None]
"""``add(path, message, expected=None, found=None, hint=None)``: report a problem at ``path``."""


def items(node: Any, section: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mapping entries of the list ``node[section]``, with their indexes; anything else is skipped."""
    values = node.get(section) if isinstance(node, dict) else None
    if isinstance(values, list):
        for index, item in enumerate(values):
            if isinstance(item, dict):
                yield index, item


def date_of(value: Any) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.model_validate(value)
    except ValidationError:
        return None


def code_of(value: Any) -> str | None:
    return value if isinstance(value, str) and is_state(value) else None
