"""What a removal judgment row tells about the removal itself: its kind, status, date, destination, profile.

Zokhidov v. Russia (67286/10) says the extradition to Uzbekistan was "completed December 2011
despite Rule 39": a completed removal from RU to UZ in 2011-12, carried out despite interim
measures. These readings of the free-text ``removal_status`` and ``applicant_profile`` columns are
deliberately narrow — a status is "completed" only when the text says so, a date only when one is
written, a profile only on a listed keyword — and every derived value keeps the text it came from.
"""

from __future__ import annotations

import calendar
import re

import pycountry

from onward.model.dates import PartialDate
from onward.model.incident import IncidentStatus
from onward.model.person import Profile

_COMPLETED = re.compile(
    r"^\s*(completed|transferred|carried out|removed|extradited|expelled|deported|returned)\b", re.I
)
_PENDING = re.compile(r"^\s*(pending|not (yet )?(removed|extradited|carried out))\b", re.I)
_BLOCKED = re.compile(r"^\s*(blocked|refused|halted|stayed)\b", re.I)
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.I)
_DESPITE = re.compile(r"despite (rule 39|interim measures?|the court's indication)", re.I)
_TO_STATE = re.compile(r"\bto ([A-Z][a-z]+(?: [A-Z][a-z]+)*)")

# Keyword → profile (CAT GC4 §45 factors: political opinion, religion, ethnicity, criminal charges).
PROFILE_KEYWORDS: tuple[tuple[str, Profile], ...] = (
    ("asylum seeker", Profile.ASYLUM_SEEKER),
    ("refugee", Profile.REFUGEE),
    ("migrant", Profile.MIGRANT),
    ("opposition", Profile.OPPOSITION_POLITICIAN),
    ("member of parliament", Profile.FORMER_OFFICIAL),
    ("journalist", Profile.JOURNALIST),
    ("blogger", Profile.BLOGGER),
    ("activist", Profile.ACTIVIST),
    ("human rights defender", Profile.HUMAN_RIGHTS_DEFENDER),
    ("religio", Profile.RELIGIOUS_MINORITY),
    ("islamist", Profile.RELIGIOUS_MINORITY),
    ("ethnic", Profile.ETHNIC_MINORITY),
    ("suspect", Profile.CRIMINAL_SUSPECT),
    ("accused", Profile.CRIMINAL_SUSPECT),
    ("charged", Profile.CRIMINAL_SUSPECT),
    ("executive", Profile.BUSINESSPERSON),
    ("businessman", Profile.BUSINESSPERSON),
    ("businesswoman", Profile.BUSINESSPERSON),
)


def removal_state(text: str) -> IncidentStatus | None:
    """Completed, pending or blocked when the status text opens with it; None when it does not say."""
    if _COMPLETED.match(text):
        return IncidentStatus.COMPLETED
    if _PENDING.match(text):
        return IncidentStatus.PENDING
    if _BLOCKED.match(text):
        return IncidentStatus.BLOCKED
    return None


def removal_date(text: str) -> PartialDate | None:
    """The first date written in the status text, to the day (``2006-10-24``) or the month (``December 2011``)."""
    match = _ISO_DAY.search(text)
    if match:
        try:
            return PartialDate.parse(match.group(0))
        except ValueError:
            return None
    match = _MONTH_YEAR.search(text)
    if match:
        return PartialDate(year=int(match.group(2)), month=_MONTHS[match.group(1).lower()])
    # A bare year is not read as a date: "request made under the 1993 Minsk Convention" is no removal date.
    return None


def despite_interim_measures(text: str) -> bool | None:
    """True when the text says the removal went ahead despite Rule 39; otherwise unknown (never False)."""
    return True if _DESPITE.search(text) else None


def named_destination(text: str) -> str | None:
    """The state a status such as "transferred to Tajikistan 2011-08-23" names, if it names one."""
    for match in _TO_STATE.finditer(text):
        try:
            # An exact (case-insensitive) name or code match only: "to Rule 39" must not become a state.
            country = pycountry.countries.lookup(match.group(1))
        except LookupError:
            continue
        return str(country.alpha_2)
    return None


def profiles(text: str) -> list[Profile]:
    """Profiles named by keyword in the free-text applicant profile, in a stable order, without repeats."""
    lowered = text.lower()
    found: list[Profile] = []
    for keyword, profile in PROFILE_KEYWORDS:
        if keyword in lowered and profile not in found:
            found.append(profile)
    return found
