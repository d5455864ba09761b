"""Whether a state was party to an instrument on a date: party, not party, or unknown — never guessed.

Russia was a member of the Council of Europe until 16 March 2022; Kazakhstan became party to UN CAT
in 1998. A membership statement (``party_to`` / ``member_of``) gives the instrument with
``valid_from`` (ratification or entry into force) and, after a withdrawal or expulsion,
``valid_to``. A date known only to the year or month is uncertain within it: a state that
ratified "in 2004" is reported *unknown* on 1 June 2004, not party. Absence of any statement is
*unknown* too (issue 3: "unknown stays unknown"); only a ``not_party_to`` statement — a source
listing the parties without this state — or a dated withdrawal makes a state *not party*.

A participation that ended (Russia ceased to be party to the ECHR on 16 September 2022) is *not
party* after the end, and the reason says that the state is not bound for facts after that date:
it stays answerable for what it did while it was party (ECHR Art. 58(2)). Reservations and
declarations that qualify the participation — Turkey's geographical limitation to the Refugee
Convention, a declaration under CAT Art. 22 accepting individual complaints — travel with it as
``qualifications``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from onward.kb import vocabulary as v
from onward.model.dates import PartialDate
from onward.model.source import Verification
from onward.model.statement import Statement


class MembershipStatus(StrEnum):
    PARTY = "party"
    NOT_PARTY = "not_party"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Membership:
    """A state's standing towards one instrument at ``as_of``, with the statements it rests on."""

    state: str
    instrument: str
    as_of: dt.date
    status: MembershipStatus
    since: PartialDate | None
    until: PartialDate | None
    statements: tuple[Statement, ...]
    reason: str
    qualifications: tuple[Statement, ...] = ()

    @property
    def is_party(self) -> bool:
        return self.status is MembershipStatus.PARTY

    @property
    def ended(self) -> bool:
        """True when the participation has certainly ended by ``as_of`` (a withdrawal, an expulsion)."""
        return self.until is not None and self.until.latest() <= self.as_of


def qualification_of(statement: Statement) -> str | None:
    """The instrument a ``reservation`` / ``declaration`` statement qualifies, or None if it names none."""
    if statement.property not in v.QUALIFICATION_PROPERTIES or not isinstance(statement.value, dict):
        return None
    instrument = statement.value.get("instrument")
    return instrument if isinstance(instrument, str) else None


def qualifications_at(instrument: str, statements: Sequence[Statement]) -> tuple[Statement, ...]:
    """The reservations and declarations about ``instrument``, earliest first (undated last)."""
    found = [s for s in statements if qualification_of(s) == instrument]
    return tuple(sorted(found, key=lambda s: s.valid_from.earliest() if s.valid_from else dt.date.max))


def _standing(statement: Statement, as_of: dt.date) -> tuple[MembershipStatus, str]:
    start, end = statement.valid_from, statement.valid_to
    if end is not None and end.latest() <= as_of:
        if statement.property == v.MEMBER_OF:
            return MembershipStatus.NOT_PARTY, f"ceased to be a member on {end}"
        return MembershipStatus.NOT_PARTY, f"ceased to be party on {end}: not bound for facts after that date"
    if end is not None and end.earliest() <= as_of:
        return MembershipStatus.UNKNOWN, f"left in {end}; the exact day is not known"
    if start is None:
        return MembershipStatus.PARTY, "party; the date it became party is not recorded"
    if start.latest() <= as_of:
        return MembershipStatus.PARTY, f"party since {start}"
    if start.earliest() <= as_of:
        return MembershipStatus.UNKNOWN, f"became party in {start}; the exact day is not known"
    return MembershipStatus.NOT_PARTY, f"not yet party (from {start})"


def membership_at(state: str, instrument: str, as_of: dt.date, statements: Sequence[Statement]) -> Membership:
    """Decide the standing from the visible statements about ``state`` and ``instrument``.

    When sources disagree, the view does not choose: a state one source calls party and another
    not is *unknown*, and the reason names both.
    """
    relevant = tuple(s for s in statements if s.value == instrument and s.property in _MEMBERSHIP)
    memberships = [s for s in relevant if s.property in (v.PARTY_TO, v.MEMBER_OF)]
    denials = [s for s in relevant if s.property == v.NOT_PARTY_TO and _listed_by(s, as_of)]
    signed = _signed(relevant, as_of)
    qualifications = qualifications_at(instrument, statements)

    def result(status: MembershipStatus, reason: str, chosen: Statement | None) -> Membership:
        since = chosen.valid_from if chosen else None
        until = chosen.valid_to if chosen else None
        if signed and status is not MembershipStatus.PARTY:
            reason += f"; {signed}"
        return Membership(state, instrument, as_of, status, since, until, relevant, reason, qualifications)

    if not relevant:
        return result(MembershipStatus.UNKNOWN, "no statement in the knowledge base", None)
    # The best-supported statement speaks for the membership: verified before partial before
    # unverified, dated before undated (the others stay in ``statements`` and in the date check).
    standings = [(s, *_standing(s, as_of)) for s in sorted(memberships, key=_preference)]
    party = [entry for entry in standings if entry[1] is MembershipStatus.PARTY]
    contradicting = [d for d in denials if party and _listed_after(d, party[0][0])]
    if contradicting:
        sources = ", ".join(sorted({party[0][0].source, contradicting[0].source}))
        return result(MembershipStatus.UNKNOWN, f"sources disagree ({sources})", party[0][0])
    if party:
        return result(MembershipStatus.PARTY, party[0][2] + _dates_differ(memberships), party[0][0])
    uncertain = [entry for entry in standings if entry[1] is MembershipStatus.UNKNOWN]
    if uncertain:
        return result(MembershipStatus.UNKNOWN, uncertain[0][2], uncertain[0][0])
    if standings:
        return result(MembershipStatus.NOT_PARTY, standings[0][2], standings[0][0])
    if denials:
        latest = max(denials, key=lambda s: s.valid_from.earliest() if s.valid_from else dt.date.min)
        listed = f" on {latest.valid_from}" if latest.valid_from else ""
        return result(MembershipStatus.NOT_PARTY, f"not among the parties listed{listed}", latest)
    if signed:
        # A signature binds to nothing but good faith; whether a ratification followed is unknown.
        return result(MembershipStatus.UNKNOWN, "no ratification recorded", None)
    return result(MembershipStatus.UNKNOWN, "only statements listing it as not party after this date", None)


def start_dates(statements: Sequence[Statement]) -> dict[str, list[str]]:
    """Each start date the ``party_to`` / ``member_of`` statements give, with the sources giving it."""
    found: dict[str, list[str]] = {}
    for s in statements:
        if s.property in (v.PARTY_TO, v.MEMBER_OF) and s.valid_from is not None:
            sources = found.setdefault(str(s.valid_from), [])
            if s.source not in sources:
                sources.append(s.source)
    return found


def _dates_differ(memberships: Sequence[Statement]) -> str:
    # Russia acceded to the Refugee Convention in 1992 (UNHCR) or 1993 (another source): say so.
    # A year and a day within it (1991 and 1991-09-27) agree: only dates that cannot both be true differ.
    starts = {s.valid_from for s in memberships if s.property in (v.PARTY_TO, v.MEMBER_OF) and s.valid_from}
    if all(a.earliest() <= b.latest() and b.earliest() <= a.latest() for a in starts for b in starts):
        return ""
    dates = start_dates(memberships)
    return "; sources differ on the date: " + ", ".join(f"{d} [{'; '.join(s)}]" for d, s in sorted(dates.items()))


_VERIFICATION_ORDER = {Verification.VERIFIED: 0, Verification.PARTIAL: 1, Verification.UNVERIFIED: 2}


def _preference(statement: Statement) -> tuple[int, int]:
    return (_VERIFICATION_ORDER.get(statement.verification, 3), 0 if statement.valid_from is not None else 1)


_MEMBERSHIP = (v.PARTY_TO, v.MEMBER_OF, v.NOT_PARTY_TO, v.SIGNATORY_TO)


def _signed(relevant: Sequence[Statement], as_of: dt.date) -> str | None:
    """ "signed 2017-05" (or "signed" when undated) for a signature made by ``as_of``, else None."""
    for s in relevant:
        if s.property == v.SIGNATORY_TO and (s.valid_from is None or s.valid_from.earliest() <= as_of):
            return f"signed {s.valid_from}" if s.valid_from else "signed"
    return None


def _listed_by(statement: Statement, as_of: dt.date) -> bool:
    # A list of parties dated after as_of says nothing about as_of.
    return statement.valid_from is None or statement.valid_from.latest() <= as_of


def _listed_after(denial: Statement, membership: Statement) -> bool:
    # A list of parties drawn up before the ratification does not contradict it.
    if denial.valid_from is None or membership.valid_from is None:
        return True
    return denial.valid_from.earliest() >= membership.valid_from.latest()


def instruments_of(statements: Sequence[Statement]) -> list[str]:
    """The instruments a state's membership statements mention, in first-seen order."""
    return list(
        dict.fromkeys(str(s.value) for s in statements if s.property in _MEMBERSHIP and isinstance(s.value, str))
    )
