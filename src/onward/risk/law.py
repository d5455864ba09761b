"""The authorities a reason or finding names, only when they were public at the assessment's date.

A backtest of Yefimova v Russia (19 February 2013) must not reason with Khasanov and Rakhmanov v
Russia [GC] (2022) or CAT General Comment 4 (2017): the engine names an authority through
``Law(as_of)``, which drops those not yet public, so the reasoning reads as it could have then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from onward.model.authorities import authorities
from onward.risk.explain import EvidenceRef

Cite = tuple[str, str | None]  # (authority id, locator)


class Law:
    """Authorities known at ``as_of``: names for notes, legal bases for findings, evidence references."""

    def __init__(self, as_of: dt.date) -> None:
        self.as_of = as_of
        self._known = {ident: a for ident, a in authorities().items() if a.known_at(as_of)}

    def known(self, ident: str) -> bool:
        return ident in self._known

    def name(self, *cites: Cite) -> str:
        """The authorities among ``cites`` public at the date, joined ("Kaboulov v Ukraine §112"); "" if none."""
        return "; ".join(self._known[i].cite(loc) for i, loc in cites if i in self._known)

    def paren(self, *cites: Cite, before: str = "") -> str:
        """`` (before; names)`` or `` (before)`` or ``""``: a note's parenthesis without unknown authorities."""
        parts = [p for p in (before, self.name(*cites)) if p]
        return f" ({'; '.join(parts)})" if parts else ""

    def bases(self, groups: Sequence[Sequence[Cite]]) -> list[str]:
        """One legal basis per group (each group one instrument and its case law), known parts only."""
        return [text for text in (self.name(*group) for group in groups) if text]

    def refs(self, *cites: Cite) -> list[EvidenceRef]:
        return [
            EvidenceRef(
                source=i,
                subject=i,
                locator=loc,
                verification=str(self._known[i].source.verification),
                label=self._known[i].short,
            )
            for i, loc in cites
            if i in self._known
        ]


# The recurring citations of the engine.
KHASANOV: Cite = ("law:khasanov", None)
KABOULOV_112: Cite = ("law:kaboulov", "§112")
GC4_45: Cite = ("law:cat-gc4", "§45")
GC4_12: Cite = ("law:cat-gc4", "§12")
OTHMAN_189: Cite = ("law:othman", "§189")
BAYSAKOV: Cite = ("law:baysakov", None)
