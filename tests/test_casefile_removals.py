"""Removals that are not extraditions, and the person's protection over time, in case files."""

import datetime as dt

from onward.casefile.io import parse_case
from onward.model.case import RemovalKind
from onward.model.person import StatusEventKind

BASE = """\
id: pl-chechen
title: Fictional asylum seeker in Poland
jurisdiction: FR
as_of: 2019-12-01
custodial_state: PL
person:
  names: [{name: A. Fictional}]
  nationalities: [RU]
persecuting_states: [RU]
requests:
  - {id: req-ru, requesting_state: RU, received: 2019-03-01}
"""


def _problems(extra: str) -> dict[str, str]:
    _, problems = parse_case(BASE + extra, "case.yaml")
    return {p.path: p.message for p in problems}


def test_a_deportation_may_go_to_a_state_that_never_asked() -> None:
    case, problems = parse_case(
        BASE + "proposed_destinations: [RU]\nremovals:\n  - {id: dep-by, kind: deportation, destination: BY}\n",
        "case.yaml",
    )
    assert problems == []
    assert case is not None
    assert case.destinations == ["RU", "BY"]
    assert case.removal_kinds("BY") == [RemovalKind.DEPORTATION]
    assert case.removal_kinds("RU") == [RemovalKind.EXTRADITION]
    assert case.main_kind is RemovalKind.EXTRADITION
    assert case.tracks == [RemovalKind.EXTRADITION, RemovalKind.DEPORTATION]


def test_an_extradition_only_to_a_requesting_state() -> None:
    problems = _problems("removals:\n  - {id: ex-by, kind: extradition, destination: BY, requests: [req-xx]}\n")
    assert problems["removals[0].destination"] == "an extradition can only go to a requesting state"
    assert problems["removals[0].requests[0]"] == "refers to an unknown request"


def test_a_removal_to_the_custodial_state_is_refused() -> None:
    problems = _problems("removals:\n  - {id: back, kind: readmission, destination: PL}\n")
    assert problems["removals[0].destination"] == "a removal cannot lead to the custodial state itself"


def test_a_proceeding_on_a_track_the_case_lacks_is_reported() -> None:
    problems = _problems(
        "proceedings:\n  - {id: p1, body: Border Guard, stage: request, track: dublin_transfer, date: 2019-05-01}\n"
    )
    assert problems["proceedings[0].track"] == "the case describes no removal of this kind"


def test_removal_ids_share_the_case_namespace() -> None:
    problems = _problems("removals:\n  - {id: req-ru, kind: deportation, destination: BY}\n")
    assert problems["removals[0].id"] == "duplicate id"


def test_status_history_revocation_and_restoration() -> None:
    text = BASE.replace(
        "  nationalities: [RU]\n",
        """\
  nationalities: [RU]
  statuses:
    - kind: refugee_status
      granted_by: LT
      date: 2010-05-01
      vis_a_vis: [RU]
      events:
        - {event: revocation_sought, date: 2016-01-10}
        - {event: revoked, date: 2017-02-01}
        - {event: restored, date: 2018-06-01}
    - kind: asylum_application
      granted_by: PL
      date: 2019-02-01
      vis_a_vis: [RU]
      stage: first_instance
      outcome: pending
""",
    )
    case, problems = parse_case(text, "case.yaml")
    assert problems == []
    assert case is not None
    refugee, application = case.person.statuses
    assert refugee.in_force(dt.date(2016, 6, 1))
    assert refugee.contested(dt.date(2016, 6, 1))
    assert not refugee.in_force(dt.date(2017, 6, 1))
    assert refugee.in_force(dt.date(2019, 1, 1))
    assert [e.event for e in refugee.events][-1] is StatusEventKind.RESTORED
    assert application.pending_application
    assert not refugee.in_force(dt.date(2009, 1, 1))


def test_status_mistakes_are_located() -> None:
    text = BASE.replace(
        "  nationalities: [RU]\n",
        """\
  nationalities: [RU]
  statuses:
    - kind: refugee_status
      granted_by: LT
      date: 2010-05-01
      vis_a_vis: [LT]
      outcome: granted
      events:
        - {event: revoked, date: 2009-02-01}
        - {event: restored, date: 2020-06-01}
""",
    )
    _, problems = parse_case(text, "case.yaml")
    by_path = {p.path: p for p in problems}
    assert by_path["person.statuses[0].vis_a_vis"].message == "a state cannot protect the person against itself"
    assert by_path["person.statuses[0].outcome"].message == "an outcome belongs to an asylum application"
    assert by_path["person.statuses[0].events[0].date"].message == "dated before the step it follows"
    assert by_path["person.statuses[0].events[1].date"].message == "dated after the case's as_of date"
    assert by_path["person.statuses[0].events[0].date"].line == 16


def test_interpol_notice_and_its_challenge() -> None:
    text = BASE.replace(
        "  nationalities: [RU]\n",
        """\
  nationalities: [RU]
  interpol_notices:
    - kind: red
      requesting_state: RU
      date: 2018-01-01
      challenge: {lodged: 2017-06-01, decided: 2019-01-01}
""",
    )
    _, problems = parse_case(text, "case.yaml")
    by_path = {p.path: p.message for p in problems}
    assert by_path["person.interpol_notices[0].challenge.lodged"] == "the challenge is dated before the notice"
    assert by_path["person.interpol_notices[0].challenge.outcome"] == "a decided challenge needs its outcome"

    fixed = text.replace(
        "lodged: 2017-06-01, decided: 2019-01-01", "lodged: 2018-06-01, decided: 2019-01-01, outcome: deleted"
    )
    case, problems = parse_case(fixed, "case.yaml")
    assert problems == []
    assert case is not None
    notice = case.person.interpol_notices[0]
    assert notice.deleted_by(dt.date(2019, 2, 1))
    assert not notice.deleted_by(dt.date(2018, 12, 1))
