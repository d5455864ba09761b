"""Facts: one value of a property together with every statement that supports it.

UNHCR says Ukraine deported 11 Uzbek asylum seekers in February 2006 and Human Rights Watch
says 10: ``subject_count`` of that incident has two facts, each with its own source. Views never
pick one silently — they order the facts (verified first, then the best supported) and keep
the others as ``alternatives`` so every rendering can show the conflict.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from onward.kb import vocabulary as v
from onward.model.dates import EventDate
from onward.model.source import Verification
from onward.model.statement import JsonScalar, Statement

StatementValue = JsonScalar | list[JsonScalar] | dict[str, Any]

_RANK = {Verification.VERIFIED: 0, Verification.PARTIAL: 1, Verification.UNVERIFIED: 2}

# Properties that legitimately hold several values at once: more than one is no conflict.
MULTI_VALUED = frozenset(
    {v.NAME, v.ALIAS, v.PARTY_TO, v.MEMBER_OF, v.SIGNATORY_TO, v.NOT_PARTY_TO, *v.QUALIFICATION_PROPERTIES}
)


def value_key(value: StatementValue) -> str:
    """A canonical text for comparing values (``{"a": 1, "b": 2}`` equals ``{"b": 2, "a": 1}``)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


@dataclass(frozen=True)
class Fact:
    """A value and the statements asserting it; ``alternatives`` are the conflicting values, if any."""

    value: StatementValue
    statements: tuple[Statement, ...]
    alternatives: tuple[Fact, ...] = field(default=())

    @property
    def sources(self) -> list[str]:
        """The ids of the sources asserting this value, in order, without repetition."""
        return list(dict.fromkeys(s.source for s in self.statements))

    @property
    def verification(self) -> Verification:
        """The best verification among the supporting statements."""
        return min((s.verification for s in self.statements), key=_RANK.__getitem__)

    @property
    def conflicting(self) -> bool:
        return bool(self.alternatives)

    def citations(self) -> list[str]:
        """``source, locator`` for each supporting statement, for one-line renderings."""
        return list(dict.fromkeys(s.source + (f", {s.locator}" if s.locator else "") for s in self.statements))


def _preference(fact: Fact) -> tuple[int, int]:
    # Verified before partial before unverified (domain.md: unverified facts must say so); then the
    # value more sources agree on. Ties keep load order, then content id: the same answer on every backend.
    return _RANK[fact.verification], -len(fact.sources)


def group_facts(statements: Iterable[Statement]) -> list[Fact]:
    """Group statements by value, best supported first; a retraction (value ``None``) is no fact."""
    grouped: dict[str, list[Statement]] = {}
    values: dict[str, StatementValue] = {}
    for statement in statements:
        if statement.value is None:
            continue
        key = value_key(statement.value)
        grouped.setdefault(key, []).append(statement)
        values.setdefault(key, statement.value)
    facts = [Fact(values[key], tuple(group)) for key, group in grouped.items()]
    return sorted(facts, key=_preference)


def preferred(facts: Sequence[Fact]) -> Fact | None:
    """The first fact, carrying the others as its alternatives; None when there is none."""
    if not facts:
        return None
    return Fact(facts[0].value, facts[0].statements, tuple(facts[1:]))


def by_property(statements: Iterable[Statement]) -> dict[str, list[Fact]]:
    """Facts per property of one subject."""
    grouped: dict[str, list[Statement]] = {}
    for statement in statements:
        grouped.setdefault(statement.property, []).append(statement)
    return {name: group_facts(group) for name, group in grouped.items()}


# Dates written with different precision ("2012" and "2012-08-15") agree when one contains the other.
DATE_VALUED = frozenset({v.DATE, v.JUDGMENT_DATE})


def _interval(value: StatementValue) -> tuple[dt.date, dt.date, bool] | None:
    try:
        date = EventDate.parse(str(value))
    except ValidationError:
        return None
    return date.earliest(), date.latest(), date.is_range


def most_precise(facts: Sequence[Fact]) -> list[Fact]:
    """Drop dates that only restate a more precise one less precisely ("2012-10" beside "2012-10-17").

    A range (``2006-02-14/2006-02-15``) is what a source said, not a lack of precision: it is kept.
    """
    spans = [_interval(f.value) for f in facts]
    kept = []
    for fact, span in zip(facts, spans, strict=True):
        coarser = (
            span is not None
            and not span[2]
            and any(
                other is not None and other[:2] != span[:2] and span[0] <= other[0] and other[1] <= span[1]
                for other in spans
            )
        )
        if not coarser:
            kept.append(fact)
    return kept


def _nested(facts: Sequence[Fact]) -> bool:
    # ["refugee"] and ["refugee", "asylum_seeker"] do not contradict each other: one adds to the other.
    sets = [frozenset(map(value_key, f.value)) if isinstance(f.value, list) else None for f in facts]
    if any(s is None for s in sets):
        return False
    return all(a <= b or b <= a for a in sets for b in sets if a is not None and b is not None)


def disagree(name: str, facts: Sequence[Fact]) -> bool:
    """True when the sources really disagree on ``name``, not merely in precision or detail."""
    if name in MULTI_VALUED or len(facts) < 2:
        return False
    if name in DATE_VALUED:
        return len(most_precise(facts)) > 1
    return not _nested(facts)


def conflicts(facts: Mapping[str, Sequence[Fact]]) -> dict[str, list[Fact]]:
    """The single-valued properties on which the sources disagree, with every value given."""
    return {name: list(found) for name, found in facts.items() if disagree(name, found)}
