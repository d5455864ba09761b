"""Where a fact comes from: a source (publisher, title, date, identifier) and a citation into it."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import model_validator

from onward.model.base import Identifier, NonEmpty, Record, WebUrl
from onward.model.dates import PartialDate


class Verification(StrEnum):
    """How sure we are that the source says what we record: read in it, partly confirmed, or not yet."""

    VERIFIED = "verified"
    PARTIAL = "partial"
    UNVERIFIED = "unverified"


class Source(Record):
    """A document that facts rest on: an NGO letter, a UN report, a judgment, a press article."""

    id: Identifier
    publisher: NonEmpty
    title: NonEmpty
    date: PartialDate | None = None
    url: WebUrl | None = None
    identifier: str | None = None
    locator: str | None = None
    language: str | None = None
    verification: Verification = Verification.UNVERIFIED
    note: str | None = None


class Citation(Record):
    """A pointer from a fact to a source, with where in it (page, paragraph, span) and an exact quote."""

    source: Identifier
    locator: str | None = None
    quote: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_id(cls, value: Any) -> Any:
        # Case files may cite a source by its bare id: ``sources: [hrw-2015-05-18]``.
        if isinstance(value, str):
            return {"source": value}
        return value
