"""The structured facts a removal-judgment row may carry beside its outcome, and the words each column accepts.

Shakurov v. Russia (55822/10, 5 June 2012) as ``judgments_removal.csv`` records it: an extradition
to Uzbekistan on ordinary criminal charges (``charges_kind``), no assurances, Rule 39 indicated
(``rule39``), the applicant not removed (``removal_happened``), his profile as Onward profile codes
(``profiles``), and where in the judgment the facts were read (``source_locator``: "HUDOC
001-111177, §§ 1-9"). These are the facts the Court recorded before its own assessment; the
outcomes (``art3_outcome``, ``art34_outcome``, ``art2_outcome``) stay in their own columns so that a
backtest can withhold them. Every column here is optional: the older ``judgments_dev.csv`` has none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from onward.model.person import Profile

# What the applicant was charged with, or wanted for, in the destination state (CAT GC4 §45:
# political or religious charges are a risk factor; ordinary charges are not one by themselves).
CHARGES_KINDS: Final = frozenset({"ordinary_criminal", "political", "terrorism_extremism", "religious", "none"})

# Othman v UK §189: whether the receiving state gave assurances, and whether they were specific
# (about this applicant, from an authority that can bind the state) or only general.
ASSURANCE_KINDS: Final = frozenset({"none", "general", "specific"})

YES_NO: Final = {"yes": True, "no": False}
REMOVAL_HAPPENED: Final = frozenset({"yes", "no", "unknown"})

FACT_COLUMNS: Final = (
    "profiles",
    "charges_kind",
    "assurances",
    "monitoring",
    "rule39",
    "removal_happened",
    "art2_outcome",
    "source_locator",
)


def yes_no(text: str) -> bool | None:
    """``yes`` → True, ``no`` → False, empty (not recorded) → None."""
    return YES_NO.get(text)


@dataclass(frozen=True)
class JudgmentFacts:
    """A row's structured facts; empty or None where the file does not record them."""

    profiles: tuple[Profile, ...] = ()
    charges_kind: str = ""
    assurances: str = ""
    monitoring: bool | None = None
    rule39: bool | None = None
    removal_happened: str = ""
    art2_outcome_raw: str = ""
    source_locator: str = ""

    @property
    def assurances_given(self) -> bool | None:
        """True when the destination gave assurances of any kind, False when none, None when not recorded."""
        return None if not self.assurances else self.assurances != "none"
