"""A statement: one fact with where it came from — the unit of the knowledge base.

Every fact Onward knows (a treaty ratification, a Political Terror Scale score, the number of
people an incident concerned) is a statement: subject, property, value, the raw value as the
source wrote it, the source and the locator in it, how well it is verified, who entered it and
when, and the period it is valid for. Statements are never edited: a correction is a new
statement that ``supersedes`` the old one. Two statements with the same subject and property but
different values from different sources are a *conflict*, shown, never resolved silently.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from pydantic import Field

from onward.model.base import Identifier, NonEmpty, Record
from onward.model.dates import PartialDate
from onward.model.source import Verification

JsonScalar = str | int | float | bool | None

# Subjects are typed ids: "state:KZ", "instrument:ECHR", "incident:ua-uz-2006-02", "judgment:28492/15".
SUBJECT_PATTERN = r"^[a-z_]+:.+$"


class Statement(Record):
    """One sourced fact about a subject; ``known_from`` decides what an ``as_of`` view may see."""

    subject: str = Field(pattern=SUBJECT_PATTERN)
    property: NonEmpty
    value: JsonScalar | list[JsonScalar] | dict[str, Any]
    raw_value: str | None = Field(default=None, description="the value exactly as the source wrote it")
    source: Identifier = Field(description="id of a Source in the knowledge base")
    locator: str | None = Field(default=None, description="page, paragraph, row or character span")
    quote: str | None = None
    verification: Verification = Verification.UNVERIFIED
    valid_from: PartialDate | None = None
    valid_to: PartialDate | None = None
    known_from: PartialDate | None = Field(
        default=None, description="when the fact became public; defaults to the source's date"
    )
    dataset: NonEmpty = Field(description='where the statement was loaded from: "pts", "curated", "review"…')
    asserted_by: NonEmpty = "onward"
    asserted_at: dt.datetime | None = None
    supersedes: str | None = Field(default=None, description="id of the statement this one corrects")
    note: str | None = None

    def content_id(self) -> str:
        """Content id: the same fact from the same source and locator always gets the same id."""
        key = {
            "subject": self.subject,
            "property": self.property,
            "value": self.value,
            "source": self.source,
            "locator": self.locator,
            "valid_from": str(self.valid_from) if self.valid_from else None,
            "valid_to": str(self.valid_to) if self.valid_to else None,
            "supersedes": self.supersedes,
        }
        digest = hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode("utf-8")).hexdigest()
        return digest[:24]

    def is_known_at(self, as_of: dt.date, source_date: PartialDate | None) -> bool:
        """True when the fact was public by ``as_of``; a partial date counts as its latest day.

        Without a publication date the start of validity stands in; a fact with no date at all
        (a state's name) is timeless.
        """
        known = self.known_from or source_date or self.valid_from
        return known is None or known.latest() <= as_of
