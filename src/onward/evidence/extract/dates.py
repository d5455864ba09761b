"""When a reported transfer happened, as precisely as the passage says: "on 12 March 2021", "in April", "in 2019".

A bare month ("in March") takes the year the document covers; "that month" and "the same month" take the month
last mentioned; "the previous year" counts back from the document year. A year written as an adjective ("a 2018
law", "the 2016 election") is not the date of an event and is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from onward.model.dates import PartialDate

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PREFIX = r"(?:(?i:early|mid|late|the end of|the beginning of|the start of)[\s-]+)?"

# Ordered: the most precise reading of a span is tried first.
_PATTERNS = [
    re.compile(rf"\b{_DAY}\s+{_MONTH}\s*,?\s*{_YEAR}\b"),  # 12 March 2021
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),  # March 12, 2021
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?![,\s]*\d)"),  # March 12
    re.compile(rf"\b{_DAY}\s+{_MONTH}\b(?!\s*,?\s*\d)"),  # 12 March
    re.compile(rf"\b{_PREFIX}{_MONTH}\s*,?\s*(?:of\s+)?{_YEAR}\b"),  # (late) March 2021
    re.compile(rf"\b(?i:in|by|since|during|until|from|of|that|last|this|early|late|mid)[\s-]+{_MONTH}\b(?!\s*\d)"),
    re.compile(rf"^{_MONTH}\b(?!\s*\d)"),
    re.compile(rf"\b(?i:in|during)\s+(?:a|an|the)\s+{_YEAR}\s+(?:case|incident|operation|raid|episode)\b"),
    re.compile(
        rf"(?:\b(?i:in|during|by|until|of|throughout|early|late|mid|since|from|and)[\s-]+|^|\(){_YEAR}\b(?!\s*[-–]\s*\d)"
    ),
]
_RELATIVE_MONTH = re.compile(
    r"\b(?:that|the same|later that|earlier that|the following|the next|the previous) month\b", re.I
)
_RELATIVE_YEAR = re.compile(
    r"\b(?:the previous year|the year before|last year|the following year|the next year)\b", re.I
)


@dataclass(frozen=True)
class DateMention:
    """A date expression at ``start:end`` of a sentence, read as a partial date."""

    start: int
    end: int
    date: PartialDate
    explicit_year: bool


def _partial(year: int, month: int | None, day: int | None) -> PartialDate | None:
    try:
        return PartialDate(year=year, month=month, day=day if month else None)
    except ValueError:
        return None


def find_dates(sentence: str, *, year: int | None, last: PartialDate | None = None) -> list[DateMention]:
    """Every date in ``sentence``; bare months take ``year``, "that month" takes ``last`` (the date before)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            groups = match.groupdict()
            month = MONTHS[groups["month"].lower().rstrip(".")] if groups.get("month") else None
            day = int(groups["day"]) if groups.get("day") else None
            written_year = int(groups["year"]) if groups.get("year") else None
            the_year = written_year if written_year is not None else year
            if the_year is None:
                continue
            date = _partial(the_year, month, day)
            if date is not None:
                taken.append(span)
                found.append(DateMention(span[0], span[1], date, written_year is not None))
    for match in _RELATIVE_MONTH.finditer(sentence):
        if last is not None and last.month is not None:
            found.append(DateMention(match.start(), match.end(), PartialDate(year=last.year, month=last.month), True))
    for match in _RELATIVE_YEAR.finditer(sentence):
        base = last.year if last is not None else year
        if base is not None:
            offset = 1 if match.group(0).lower() in ("the following year", "the next year") else -1
            found.append(DateMention(match.start(), match.end(), PartialDate(year=base + offset), True))
    return sorted(found, key=lambda d: d.start)
