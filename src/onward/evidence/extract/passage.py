"""A passage as the extractor reads it: its sentences with their state mentions, dates and triggers, and the clause
boundaries and dates that decide what a trigger's neighbourhood is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from onward.evidence.extract.dates import DateMention
from onward.evidence.extract.names import PersonName
from onward.evidence.extract.triggers import Trigger
from onward.gazetteer import Mention
from onward.model.dates import EventDate, PartialDate


@dataclass
class Sentence:
    start: int
    text: str
    mentions: list[Mention]
    dates: list[DateMention]
    inherited: PartialDate | None
    triggers: list[Trigger] = field(default_factory=list)


@dataclass
class Passage:
    text: str
    year: int | None
    country: str | None
    names: list[PersonName]
    known: list[str]
    sentences: list[Sentence] = field(default_factory=list)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = text.rfind(";", 0, start) + 1
    right = text.find(";", end)
    return left, (right if right >= 0 else len(text))


JOINTS = re.compile(r",\s*(?:and|but|while|whereas|although)\b|;")
CONTRAST = re.compile(r",\s*(?:but|while|whereas|although)\b|;")


def local_part(text: str, trigger: Trigger, clause: tuple[int, int], joints: re.Pattern[str] = JOINTS) -> str:
    """The coordinated part of the clause the trigger is in: generic words elsewhere do not make it generic."""
    start = clause[0]
    for match in joints.finditer(text, clause[0], trigger.start):
        start = match.end()
    stop = joints.search(text, trigger.end, clause[1])
    return text[start : stop.start() if stop else clause[1]]


def event_date(sentence: Sentence, trigger: Trigger, clause: tuple[int, int], year: int | None) -> EventDate | None:
    text = sentence.text
    for date in sentence.dates:
        if date.start >= trigger.end and date.end <= clause[1]:
            between = text[trigger.end : date.start]
            between = re.sub(
                r"\band\s+(?:\w+ly\s+)?(?:disappeared|taken|transported|brought|handed|returned|sent|deported|expelled|flown)\b",
                "",
                between,
            )
            if not re.search(r"[,;]|\band\b|\bafter\b|\bbefore\b|\bwhen\b|\bwho\b", between):
                return EventDate(start=date.date)
    before = [d for d in sentence.dates if d.end <= trigger.start and d.start >= clause[0]]
    # "In March 2022, X, who fled the country in 2019, was extradited": skip dates inside a relative clause
    main = [d for d in before if not re.search(r"\b(?:who|which|whom)\b[^,;]*$", text[clause[0] : d.start])]
    before = main or before
    if before:
        nearest = before[-1].date
        if JOINTS.search(text, before[-1].end, trigger.start):
            nearest = PartialDate(year=nearest.year)  # another coordinated event: only the year is safely shared
        return EventDate(start=nearest)
    if sentence.inherited is not None:
        return EventDate(start=PartialDate(year=sentence.inherited.year))
    return EventDate(start=PartialDate(year=year)) if year else None
