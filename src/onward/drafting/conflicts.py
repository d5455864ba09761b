"""Honest wording when sources disagree: "ten or eleven, according to Human Rights Watch and UNHCR respectively".

The knowledge base keeps both values of a disputed fact (how many Uzbek asylum seekers Ukraine
deported in February 2006; whether Razvozzhaev was seized on 17 or 19 October 2012). A draft
must show the disagreement, never pick a side silently (domain primer §6).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from onward.drafting.citations import Support
from onward.drafting.claims import merge_supports
from onward.drafting.i18n import Lang, format_event, glossary, join_words, spell_number
from onward.model.dates import EventDate
from onward.model.source import Verification


@dataclass(frozen=True)
class Variant:
    """One value of a disputed fact and the sources that give it."""

    value: int | str | EventDate
    supports: tuple[Support, ...]


def publisher_name(publisher: str, lang: Lang) -> str:
    """A publisher as prose names it: UNHCR is « le HCR » in French ("selon le HCR")."""
    entry = _publishers().get(publisher.casefold())
    return entry[lang] if entry else publisher


@cache
def _publishers() -> dict[str, dict[Lang, str]]:
    table: dict[str, dict[Lang, str]] = {}
    for entry in glossary().get("publishers", []):
        names: dict[Lang, str] = {"en": str(entry["en"]), "fr": str(entry["fr"])}
        for alias in entry["aliases"]:
            table[str(alias).casefold()] = names
    return table


def attribution(variants: Sequence[Variant], lang: Lang) -> str:
    """ "according to Human Rights Watch and UNHCR respectively" / « selon Human Rights Watch et le HCR … »."""
    groups = [_publishers_of(v, lang) for v in variants]
    names = [join_words(g, lang) for g in groups]
    joined = join_words(names, lang)
    respectively = " respectively" if lang == "en" else " respectivement"
    lead = "according to " if lang == "en" else "selon "
    return lead + joined + (respectively if len(variants) > 1 else "")


def _publishers_of(variant: Variant, lang: Lang) -> list[str]:
    """Who gives this value first: the earliest verified source (every source is still cited in the note)."""
    if not variant.supports:
        return []
    ranked = sorted(
        variant.supports,
        key=lambda s: (
            s.source.verification is not Verification.VERIFIED,
            s.source.date.latest() if s.source.date else dt.date.max,
        ),
    )
    return [publisher_name(ranked[0].source.publisher.split(" (")[0], lang)]


def word_value(value: int | str | EventDate, lang: Lang) -> str:
    if isinstance(value, EventDate):
        return format_event(value, lang)
    if isinstance(value, int):
        return spell_number(value, lang)
    return value


def disputed(variants: Sequence[Variant], lang: Lang) -> str:
    """The values joined with "or", then who gives which: "ten or eleven, according to A and B respectively".

    A single variant is worded plainly ("eleven"): agreement needs no attribution.
    """
    if not variants:
        raise ValueError("a disputed fact needs at least one value")
    if len(variants) == 1:
        return word_value(variants[0].value, lang)
    ordered = sorted(variants, key=_order)
    values = join_words([word_value(v.value, lang) for v in ordered], lang, "or")
    first, last = ordered[0].value, ordered[-1].value
    # Two single days read "October 17 or 19, 2012" / « 17 ou 19 octobre 2012 ».
    if (
        len(ordered) == 2
        and isinstance(first, EventDate)
        and isinstance(last, EventDate)
        and not (first.is_range or last.is_range)
    ):
        values = format_event(EventDate(start=first.start, end=last.start), lang)
    return f"{values}, {attribution(ordered, lang)}"


def _order(variant: Variant) -> tuple[int, str]:
    value = variant.value
    if isinstance(value, int):
        return (value, "")
    if isinstance(value, EventDate):
        return (value.earliest().toordinal(), value.isoformat())
    return (0, value)


def all_supports(variants: Sequence[Variant]) -> tuple[Support, ...]:
    """Every support of every variant, each once: the sentence cites all sides."""
    seen: list[Support] = []
    for variant in variants:
        for support in variant.supports:
            if support not in seen:
                seen.append(support)
    return tuple(seen)


def consistent_dates(variants: list[Variant]) -> list[Variant]:
    """Dates that actually disagree: a vaguer date that contains a precise one ("2006" and "14 February
    2006") agrees with it, so its sources support the precise one instead of being shown as a conflict."""
    kept: list[Variant] = []
    for variant in sorted(variants, key=_span):
        assert isinstance(variant.value, EventDate)
        inner = [k for k in kept if _contains(variant.value, k.value)]
        if inner:
            target = inner[0]
            kept[kept.index(target)] = Variant(target.value, merge_supports(target.supports, variant.supports))
        else:
            kept.append(variant)
    return kept


def _span(variant: Variant) -> int:
    assert isinstance(variant.value, EventDate)
    return (variant.value.latest() - variant.value.earliest()).days


def _contains(outer: EventDate, inner: int | str | EventDate) -> bool:
    return isinstance(inner, EventDate) and outer.earliest() <= inner.earliest() and inner.latest() <= outer.latest()
