"""Shared configuration for every record: strict keys, no silent extras."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, create_model
from pydantic.fields import FieldInfo

Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$", max_length=120)]
"""A short stable id a person can type: letters, digits and ``_ . : -``."""

NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]

WEB_SCHEMES = frozenset({"http", "https"})


def is_web_url(value: str) -> bool:
    """True for an ``http://`` or ``https://`` address with a host; anything else (``javascript:``,
    ``data:``, ``file:``, a relative path) is not a source a reader can follow safely."""
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)


def _web_url(value: str) -> str:
    value = value.strip()
    if not is_web_url(value):
        shown = value if len(value) <= 60 else value[:57] + "..."
        raise ValueError(f"expected a web address starting with http:// or https://, found {shown!r}")
    return value


WebUrl = Annotated[str, AfterValidator(_web_url)]
"""The address of a source: http or https only, so that a stored link can never run script in a reader's browser."""


class Record(BaseModel):
    """Base of every domain record: unknown fields are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=False, validate_assignment=True, use_enum_values=False)


def partial(model: type[BaseModel]) -> type[BaseModel]:
    """``model`` with every field optional, nested records too: the shape of an override laid over defaults.

    Keys and value types are still checked (unknown keys are refused, bounds apply), so a case
    file's ``risk_model:`` block is validated where it is written, not when an assessment runs.
    """
    fields: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            annotation = partial(annotation)
        # A default that is never validated: an absent key is allowed, an explicit null is not.
        fields[name] = (annotation, FieldInfo.merge_field_infos(field, default=None))
    return create_model(f"Partial{model.__name__}", __config__=ConfigDict(extra="forbid"), **fields)
