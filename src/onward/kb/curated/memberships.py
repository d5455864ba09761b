"""Memberships as statements: who is party to or member of what, from when, and until when.

Russia's membership of the Council of Europe is first known as an open-ended ``member_of`` from
28 February 1996 (an admission is public when it happens); its expulsion on 16 March 2022 is a
second statement that supersedes the first, known only from the source that reports it. A view as
of 2015 therefore sees no end date, and a view as of 2023 sees the expulsion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from onward.kb.curated.document import InstrumentKind, Membership, MembershipBasis, MembershipRole, Party
from onward.kb.curated.facts import Fact
from onward.model.dates import PartialDate
from onward.model.source import Citation


def default_role(kind: InstrumentKind | None) -> MembershipRole:
    # States are *members of* an organisation (CoE Statute Art. 4) and *parties to* a treaty.
    return MembershipRole.MEMBER_OF if kind is InstrumentKind.ORGANISATION else MembershipRole.PARTY_TO


@dataclass(frozen=True)
class MembershipFact:
    """A participation as first known (open-ended), and its end, if any, as a later correction."""

    opened: Fact
    to: PartialDate | None
    to_sources: Sequence[Citation]
    to_note: str | None


def membership_facts(membership: Membership, kind: InstrumentKind | None) -> list[MembershipFact]:
    """One ``party_to``/``member_of`` fact per party, valid from the date the sources give.

    The participation is known from the date of the act (a ratification or an admission is public
    when it happens); its end is a separate statement that supersedes it, known only from its own
    source's date — so a view as of 2015 sees Russia in the Council of Europe with no end date,
    and a view as of 2023 sees it expelled on 16 March 2022.
    """
    facts = []
    for party in membership.parties:
        role = party.role or default_role(kind)
        sources = party.sources or membership.sources
        opened = Fact(
            subject=f"state:{party.state}",
            property=role.value,
            value=membership.instrument,
            sources=sources,
            raw_value=party.raw_value,
            verification=party.verification or membership.verification,
            valid_from=party.from_,
            known_from=party.from_,
            note=_membership_note(party, membership),
        )
        facts.append(MembershipFact(opened, party.to, party.to_sources or sources, party.to_note))
    return facts


def _membership_note(party: Party, membership: Membership) -> str | None:
    parts = []
    if party.basis is MembershipBasis.LISTING:
        parts.append("valid_from is the date of the source that lists the parties")
    elif party.basis is not None:
        parts.append(f"valid_from is the date of {party.basis.value.replace('_', ' ')}")
    else:
        parts.append("start date not recorded: no source consulted gives it")
    for note in (party.note, membership.note):
        if note:
            parts.append(note)
    return "; ".join(parts)
