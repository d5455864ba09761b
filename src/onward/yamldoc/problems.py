"""Turn pydantic's validation errors into located, plain-language problems."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from onward.errors import Problem
from onward.yamldoc.nodes import key_position, position


def dotted(path: Sequence[str | int]) -> str:
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text


def _model_at(model: type[BaseModel], path: Sequence[str | int]) -> type[BaseModel] | None:
    """The record class that a field path leads to, to list its allowed field names."""
    current: Any = model
    for key in path:
        if isinstance(key, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(key)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, set, frozenset):
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                return _unwrap(arg)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    return annotation


def _found(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _problem(model: type[BaseModel], file: str, root: Any, error: ErrorDetails) -> Problem:
    path = [p for p in error["loc"] if isinstance(p, str | int)]
    kind = error["type"]
    message = error["msg"].removeprefix("Value error, ")
    if kind == "missing":
        line, column = position(root, path[:-1])
        return Problem(
            file, line, column, dotted(path), "required field is missing", expected=f"a value for {path[-1]!r}"
        )
    if kind == "extra_forbidden":
        line, column = key_position(root, path)
        parent = _model_at(model, path[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        close = difflib.get_close_matches(str(path[-1]), allowed, n=1)
        hint = f"did you mean {close[0]!r}?" if close else None
        return Problem(
            file,
            line,
            column,
            dotted(path),
            f"unknown field {path[-1]!r}",
            expected="one of " + ", ".join(allowed) if allowed else None,
            hint=hint,
        )
    line, column = position(root, path)
    expected = None
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected")
        message = "not an allowed value"
    elif kind.startswith("string_pattern"):
        expected = f"text matching {error.get('ctx', {}).get('pattern')}"
        message = "badly formed"
    return Problem(file, line, column, dotted(path), message, expected=expected, found=_found(error.get("input")))


def problems_from(model: type[BaseModel], file: str, root: Any, exc: ValidationError) -> list[Problem]:
    return [_problem(model, file, root, error) for error in exc.errors(include_url=False)]
