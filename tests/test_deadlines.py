"""Deadlines across cases, reminders before them, and the iCalendar feed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar

from onward.casefile.io import parse_case
from onward.model.case import Case
from onward.procedure.deadlines import due_dates, reminders
from onward.procedure.ical import calendar_of
from tests.clihelpers import run_cli

CASE = """\
id: fictional-fr
title: Fictional person before a French investigating chamber
jurisdiction: FR
as_of: 2014-01-10
custodial_state: FR
person: {names: [{name: Person F (fictional)}]}
persecuting_states: [KZ]
requests:
  - {id: req-ru, requesting_state: RU, received: 2013-08-01}
proposed_destinations: [RU]
proceedings:
  - {id: avis, date: 2014-01-09, body: Chambre de l'instruction de la cour d'appel, stage: avis, outcome: favourable,
     requests: [req-ru]}
"""


def _case(text: str = CASE) -> Case:
    case, problems = parse_case(text, "case.yaml")
    assert case is not None, [p.render() for p in problems]
    return case


def test_a_decided_step_gives_the_due_date_of_the_next_one() -> None:
    (pourvoi,) = [d for d in due_dates(_case()) if "cassation" in d.step.lower()]
    assert pourvoi.due == dt.date(2014, 1, 14)
    assert pourvoi.strict
    assert pourvoi.case_id == "fictional-fr"
    assert not pourvoi.passed
    later = _case(CASE.replace("as_of: 2014-01-10", "as_of: 2014-02-01"))
    assert next(d for d in due_dates(later) if d.due == dt.date(2014, 1, 14)).passed


def test_reminders_fall_on_the_lead_days_and_the_day_itself() -> None:
    dates = due_dates(_case())
    assert [r.days_left for r in reminders(dates, dt.date(2014, 1, 13))] == [1]
    assert [r.days_left for r in reminders(dates, dt.date(2014, 1, 14))] == [0]
    assert reminders(dates, dt.date(2014, 1, 12)) == []


def test_the_calendar_has_one_stable_event_per_deadline_with_alarms() -> None:
    dates = due_dates(_case())
    stamp = dt.datetime(2014, 1, 10, 9, 0, tzinfo=dt.UTC)
    first = Calendar.from_ical(calendar_of(dates, name="Team", stamp=stamp))
    again = Calendar.from_ical(calendar_of(dates, name="Team", stamp=stamp))
    events = first.walk("VEVENT")
    assert len(events) == len(dates)
    assert [str(e["uid"]) for e in events] == [str(e["uid"]) for e in again.walk("VEVENT")]
    pourvoi = next(e for e in events if e.decoded("dtstart") == dt.date(2014, 1, 14))
    assert "strict" in str(pourvoi["summary"])
    assert "Legal basis" in str(pourvoi["description"])
    assert len(pourvoi.walk("VALARM")) == 4


def test_cli_lists_deadlines_writes_ics_and_reminders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    ics = tmp_path / "deadlines.ics"
    result = run_cli(
        capsys, "case", "deadlines", str(path), "--ics", str(ics), "--today", "2014-01-13", "--format", "json"
    )
    assert result.code == 0, result.err
    body = json.loads(result.out)
    assert {d["due"] for d in body["deadlines"]} >= {"2014-01-14"}
    assert [r["days_left"] for r in body["reminders"]] == [1]
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
    bad = run_cli(capsys, "case", "deadlines", str(path), "--today", "13/01/2014")
    assert bad.code == 2
    assert "--today" in bad.err


def test_validate_warns_of_a_passed_time_limit_and_a_step_out_of_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    late = CASE.replace("as_of: 2014-01-10", "as_of: 2014-03-01") + (
        "  - {id: decree, date: 2014-02-01, body: Conseil d'État, stage: conseil_etat, outcome: pending,\n"
        "     requests: [req-ru]}\n"
    )
    path = tmp_path / "case.yaml"
    path.write_text(late, encoding="utf-8")
    result = run_cli(capsys, "case", "validate", str(path), "--format", "json")
    assert result.code == 0, result.err  # warnings never make a file invalid
    warnings = json.loads(result.out)["warnings"]
    out_of_order = next(w for w in warnings if w["path"] == "proceedings[1].stage")
    assert "cannot follow" in out_of_order["message"]
    assert out_of_order["line"] == 14
    shown = run_cli(capsys, "case", "validate", str(path))
    assert shown.code == 0
    assert "warning" in shown.out
    assert "case.yaml:14" in shown.out

    path.write_text(CASE.replace("as_of: 2014-01-10", "as_of: 2014-03-01"), encoding="utf-8")
    warnings = json.loads(run_cli(capsys, "case", "validate", str(path), "--format", "json").out)["warnings"]
    (passed,) = warnings
    assert passed["path"] == "proceedings[0].date"
    assert "ran out on 2014-01-14" in passed["message"]
