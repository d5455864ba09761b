"""Dates as sources give them: to the day, the month or the year, and ranges when sources disagree.

"August 2013" is a ``PartialDate(2013, 8)``; "17 or 19 October 2012" is an ``EventDate`` whose
``start`` and ``end`` differ. A partial date spans an interval: its ``earliest`` and ``latest``
days are what "known as of" comparisons use (a source published "in 2016" is only known at the
end of 2016, so nothing leaks from the future).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, GetJsonSchemaHandler, model_serializer, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

_PARTIAL = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class PartialDate(BaseModel):
    """A calendar date known to the day, the month or only the year (ISO ``2013``, ``2013-08``, ``2013-08-15``)."""

    model_config = ConfigDict(frozen=True)

    year: int
    month: int | None = None
    day: int | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return {"year": value.year, "month": value.month, "day": value.day}
        if isinstance(value, dt.date):
            return {"year": value.year, "month": value.month, "day": value.day}
        if isinstance(value, int) and not isinstance(value, bool):
            return {"year": value}
        if isinstance(value, str):
            match = _PARTIAL.match(value.strip())
            if not match:
                raise ValueError(f"a date written YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
            return {k: int(v) for k, v in match.groupdict().items() if v is not None}
        return value

    @model_validator(mode="after")
    def _check_calendar(self) -> PartialDate:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range")
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} does not exist")
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"{self.year:04d}-{self.month:02d} has no day {self.day} (it has {last} days)")
        return self

    @model_serializer
    def _to_text(self) -> str:
        return self.isoformat()

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {"type": "string", "pattern": _PARTIAL.pattern, "description": cls.__doc__}

    @classmethod
    def parse(cls, value: str | dt.date | int) -> PartialDate:
        return cls.model_validate(value)

    @classmethod
    def of(cls, day: dt.date) -> PartialDate:
        return cls(year=day.year, month=day.month, day=day.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def isoformat(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def __str__(self) -> str:
        return self.isoformat()

    def __lt__(self, other: PartialDate) -> bool:
        return (self.earliest(), self.latest()) < (other.earliest(), other.latest())


def chronological(date: PartialDate | None) -> tuple[int, dt.date, dt.date]:
    """Sort key that orders partial dates by their span and puts undated items last."""
    if date is None:
        return (1, dt.date.max, dt.date.max)
    return (0, date.earliest(), date.latest())


class EventDate(BaseModel):
    """When something happened: one partial date, or a range ``start/end`` when sources disagree.

    Written ``2013-08`` or ``2012-10-17/2012-10-19`` (an ISO 8601 interval).
    """

    model_config = ConfigDict(frozen=True)

    start: PartialDate
    end: PartialDate | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str) and "/" in value:
            first, _, second = value.partition("/")
            return {"start": first.strip(), "end": second.strip()}
        if isinstance(value, str | int | dt.date) and not isinstance(value, bool):
            return {"start": value}
        return value

    @model_validator(mode="after")
    def _ordered(self) -> EventDate:
        if self.end is not None and self.end.latest() < self.start.earliest():
            raise ValueError(f"the range ends ({self.end}) before it starts ({self.start})")
        return self

    @model_serializer
    def _to_text(self) -> str:
        return self.isoformat()

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        pattern = r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$"
        return {
            "type": "string",
            "pattern": pattern,
            "description": "YYYY[-MM[-DD]], or start/end when sources disagree",
        }

    @classmethod
    def parse(cls, value: str | dt.date | int) -> EventDate:
        return cls.model_validate(value)

    @property
    def is_range(self) -> bool:
        return self.end is not None and self.end != self.start

    @property
    def precision(self) -> Precision:
        return self.start.precision

    def isoformat(self) -> str:
        if self.end is None or self.end == self.start:
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def earliest(self) -> dt.date:
        return self.start.earliest()

    def latest(self) -> dt.date:
        return (self.end or self.start).latest()

    def __str__(self) -> str:
        return self.isoformat()
