"""The unit of drafting: a claim is a sentence and the evidence it rests on; no evidence, no sentence.

"In August 2013, the French authorities received requests from Kazakhstan, Russia and Ukraine"
is a factual claim: it may only be written with a citation of the requests' sources. When the
case or the knowledge base holds no support for it, the draft shows a visible gap instead —
"[evidence needed: …]" / « [preuve à apporter : …] » — so the author sees what is missing and
nothing unsupported reaches the decision-maker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from onward.drafting.citations import Support
from onward.drafting.i18n import Lang


class ClaimKind(StrEnum):
    """What a sentence does: state a fact or the law (both must be cited), argue, request, or greet."""

    FACT = "fact"
    LAW = "law"
    ARGUMENT = "argument"
    REQUEST = "request"
    FORMAL = "formal"

    @property
    def needs_citation(self) -> bool:
        return self in (ClaimKind.FACT, ClaimKind.LAW)


@dataclass(frozen=True)
class Need:
    """What evidence a gap asks for, in each language."""

    en: str
    fr: str

    def text(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.fr


GAP_PREFIX: Mapping[Lang, str] = {"en": "[evidence needed: ", "fr": "[preuve à apporter : "}


def gap_text(need: Need, lang: Lang) -> str:
    return f"{GAP_PREFIX[lang]}{need.text(lang)}]"


@dataclass(frozen=True)
class Claim:
    """A fact (or a rule of law) ready for a template: its values and the supports it rests on.

    ``values`` are what the template's wording may use (already localised where they are words);
    ``supports`` are cited in the sentence's footnote. A claim whose supports are empty is a gap.
    """

    key: str
    need: Need
    supports: tuple[Support, ...] = ()
    values: Mapping[str, Any] = field(default_factory=dict)
    kind: ClaimKind = ClaimKind.FACT

    @property
    def supported(self) -> bool:
        return bool(self.supports)

    def __getattr__(self, name: str) -> Any:
        # Templates read ``claim.date`` rather than ``claim.values.date``.
        values = self.__dict__.get("values", {})
        if name in values:
            return values[name]
        raise AttributeError(name)


def claim(
    key: str,
    need: Need,
    supports: Iterable[Support],
    as_of: dt.date,
    kind: ClaimKind = ClaimKind.FACT,
    **values: Any,
) -> Claim:
    """A claim whose supports are limited to what was public by ``as_of`` (later ones are dropped)."""
    kept: dict[tuple[str, str | None, str | None], Support] = {}
    for support in supports:
        if support.known_by(as_of):
            kept.setdefault((support.source_id, support.locator, support.quote), support)
    return Claim(key=key, need=need, supports=tuple(kept.values()), values=values, kind=kind)


def gap(key: str, need: Need, kind: ClaimKind = ClaimKind.FACT) -> Claim:
    """A claim with nothing behind it: it renders as "[evidence needed: …]"."""
    return Claim(key=key, need=need, kind=kind)


def merge_supports(*groups: Iterable[Support]) -> tuple[Support, ...]:
    """The supports of several facts, each passage once (same source, locator and quote)."""
    seen: dict[tuple[str, str | None, str | None], Support] = {}
    for group in groups:
        for support in group:
            seen.setdefault((support.source_id, support.locator, support.quote), support)
    return tuple(seen.values())
