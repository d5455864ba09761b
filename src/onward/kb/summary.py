"""What the knowledge base knows about one state at a date: names, memberships, indicators, incidents, judgments.

``onward kb state KZ --as-of 2015-05-18`` renders this record: Kazakhstan's treaty status on that
day, its indicators for the latest year known then (2014), the transfers from and to it and the
judgments involving it — each fact with the sources behind it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from onward.kb import vocabulary as v
from onward.kb.facts import Fact, group_facts, preferred
from onward.kb.membership import Membership
from onward.kb.records import KnownIncident, KnownJudgment
from onward.model.statement import Statement


@dataclass(frozen=True)
class Indicator:
    """One indicator for one state and year, e.g. Kazakhstan's PTS Amnesty score (``pts_a``) for 2014."""

    state: str
    name: str
    year: int
    fact: Fact


@dataclass(frozen=True)
class StateSummary:
    code: str
    name: str
    as_of: dt.date
    names: list[Fact]
    aliases: list[Fact]
    memberships: list[Membership]
    indicators: list[Indicator]
    incidents_from: list[KnownIncident]
    incidents_to: list[KnownIncident]
    judgments: list[KnownJudgment]


def is_indicator(name: str) -> bool:
    return name in v.PTS_PROPERTIES or name.startswith(v.FIW_PREFIX)


def covers(statement: Statement, year: int) -> bool:
    """True when the statement's validity includes ``year`` (indicators are valid for the year they rate)."""
    if statement.valid_from is None:
        return False
    last = statement.valid_to or statement.valid_from
    return statement.valid_from.year <= year <= last.year


def indicator_at(state: str, name: str, year: int, statements: Sequence[Statement]) -> Indicator | None:
    fact = preferred(group_facts(s for s in statements if s.property == name and covers(s, year)))
    return Indicator(state, name, year, fact) if fact else None


def latest_indicators(state: str, statements: Sequence[Statement]) -> list[Indicator]:
    """For each indicator, the value for the latest year any visible statement covers."""
    latest: dict[str, int] = {}
    for s in statements:
        if is_indicator(s.property) and s.valid_from is not None and s.value is not None:
            year = (s.valid_to or s.valid_from).year
            latest[s.property] = max(latest.get(s.property, year), year)
    found = [indicator_at(state, name, year, statements) for name, year in latest.items()]
    order = {name: index for index, name in enumerate((*v.PTS_PROPERTIES, v.FIW_STATUS, v.FIW_TOTAL))}
    return sorted((i for i in found if i is not None), key=lambda i: (order.get(i.name, len(order)), i.name))


def display_name(code: str, names: Sequence[Fact], fallback: str) -> str:
    """The English name from the KB's ``name`` statements, else the ISO registry's name."""
    for fact in names:
        if isinstance(fact.value, dict) and fact.value.get("lang") == "en" and fact.value.get("text"):
            return str(fact.value["text"])
    return fallback
