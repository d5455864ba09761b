"""A removal judgment as the assessment case it poses, built from its facts only (never its outcome).

Zokhidov v. Russia (67286/10, 5 Feb 2013) becomes the case "a person alleged to belong to a banned
religious organisation, held by Russia, whose extradition to Uzbekistan is proposed, assessed as of
4 Feb 2013". The backtest asks it of the engine; the weight fit (``fit.py``) asks it of every
judgment delivered before an assessment's date, as of the day before each.
"""

from __future__ import annotations

import datetime as dt

from onward.model.case import Case, ExtraditionRequest
from onward.model.dates import PartialDate
from onward.model.person import Person, PersonName
from onward.model.source import Source, Verification
from onward.risk.inputs import Judgment

POSITIVE = frozenset({"violation", "potential_violation", "violation_if_removed"})
NEGATIVE = frozenset({"no_violation", "no_potential_violation", "no_violation_if_removed", "inadmissible"})


def court_found_risk(outcome: str | None) -> bool | None:
    """True for a violation (actual or if removed), False for none, None when the outcome says neither."""
    if outcome in POSITIVE:
        return True
    if outcome in NEGATIVE:
        return False
    return None


def case_from_judgment(judgment: Judgment) -> Case:
    """The assessment case a judgment poses, as of the day before it; never reads its outcome."""
    fear = list(judgment.onward_destinations) or [judgment.destination]
    source_id = "judgment"
    requests = []
    if judgment.removal == "extradition":
        requests.append(
            ExtraditionRequest(id="request", requesting_state=judgment.destination, sources=[{"source": source_id}])
        )
    return Case(
        id="backtest-" + "".join(c if c.isalnum() else "-" for c in judgment.id),
        title=judgment.name,
        as_of=PartialDate.of(judgment.date - dt.timedelta(days=1)),
        custodial_state=judgment.respondent,
        person=Person(
            names=[PersonName(name=f"applicant in {judgment.name}")],
            nationalities=[fear[-1]],
            profile=sorted(judgment.profiles),
            sources=[{"source": source_id}],
        ),
        persecuting_states=fear,
        requests=requests,
        proposed_destinations=[judgment.destination],
        sources=[
            Source(
                id=source_id,
                publisher="European Court of Human Rights",
                title=judgment.name,
                date=PartialDate.of(judgment.date),
                verification=Verification(judgment.verification),
                note="the facts of the application as the judgment states them; its outcome is withheld",
            )
        ],
    )
