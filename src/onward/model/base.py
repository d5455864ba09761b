"""Shared configuration for every record: strict keys, no silent extras."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$", max_length=120)]
"""A short stable id a person can type: letters, digits and ``_ . : -``."""

NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


class Record(BaseModel):
    """Base of every domain record: unknown fields are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=False, validate_assignment=True, use_enum_values=False)
