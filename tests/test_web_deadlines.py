"""The deadlines page and its iCalendar download, for the cases the reader may see (a fictional case)."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from onward.store import Store
from tests.webhelpers import Web, make_web

CASE = """\
id: fictional-deadline
title: Fictional person before a French investigating chamber
jurisdiction: FR
as_of: 2014-01-10
custodial_state: FR
person: {names: [{name: Person D (fictional)}]}
persecuting_states: [KZ]
requests:
  - {id: req-ru, requesting_state: RU, received: 2013-08-01}
proposed_destinations: [RU]
proceedings:
  - {id: avis, date: 2014-01-09, body: Chambre de l'instruction, stage: avis, outcome: favourable, requests: [req-ru]}
"""


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    web = make_web(store, tmp_path)
    files = {"file": ("case.yaml", CASE.encode(), "application/yaml")}
    response = web.api("editor").post("/api/cases/import", files=files)
    assert response.status_code == 200, response.text
    return web


def test_the_reader_sees_the_deadlines_of_their_cases_and_downloads_them(web: Web) -> None:
    page = web.browser("editor").get("/deadlines")
    assert page.status_code == 200
    assert "2014-01-14" in page.text
    assert "fictional-deadline" in page.text
    download = web.browser("editor").get("/deadlines.ics")
    assert download.status_code == 200
    assert download.headers["content-type"].startswith("text/calendar")
    events = Calendar.from_ical(download.content).walk("VEVENT")
    assert any("cassation" in str(e["summary"]).lower() for e in events)


def test_a_case_not_shared_with_the_reader_is_not_listed(web: Web) -> None:
    page = web.browser("viewer").get("/deadlines")
    assert page.status_code == 200
    assert "fictional-deadline" not in page.text
    assert "No computable deadline" in page.text
    assert web.browser("viewer").get("/deadlines.ics").status_code == 200


def test_the_page_is_in_french_for_a_french_reader(web: Web) -> None:
    page = web.browser("editor").get("/deadlines", headers={"Accept-Language": "fr"})
    assert "Délais" in page.text
