"""The person's names and legal statuses in item editors, and the person's other fields on the main form.

The case is fictional: a person, one persecuting state, nothing else, so that no test states anything
about a real person."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from onward.model.person import InterpolNotice, PersonName, PersonStatus
from onward.store import Store
from onward.web.pages.section_forms import SECTIONS
from tests.test_web_case_sections import Fields, _error_of, _form, _post, _set
from tests.webhelpers import Web, import_example, make_web

CASE = """\
id: fictional
title: A fictional case for the editor tests
as_of: 2015-05-18
custodial_state: FR
jurisdiction: FR
language: en
person:
  names:
    - name: Person A
  nationalities: [KZ]
persecuting_states: [KZ]
"""


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    web = make_web(store, tmp_path)
    files = {"file": ("case.yaml", CASE.encode(), "application/yaml")}
    response = web.api("editor").post("/api/cases/import", files=files)
    assert response.status_code == 200, response.text
    return web


def _person(web: Web) -> dict[str, Any]:
    person: dict[str, Any] = web.api("editor").get("/api/cases/fictional").json()["case"]["person"]
    return person


def test_the_person_forms_cover_every_field_of_their_models() -> None:
    models = {"names": PersonName, "statuses": PersonStatus, "interpol_notices": InterpolNotice}
    for name, model in models.items():
        section = SECTIONS[name]
        edited = [f for f in model.model_fields if f not in section.yaml_only]
        assert list(section.fields) == edited, name
        assert set(section.yaml_only) <= set(model.model_fields), name


def test_the_editor_lists_the_names_and_the_statuses(web: Web) -> None:
    page = web.browser("editor").get("/cases/fictional/edit").text
    assert 'id="sec-names"' in page
    assert 'id="sec-statuses"' in page
    assert 'href="/cases/fictional/edit/names/0"' in page
    assert 'href="/cases/fictional/edit/statuses/new"' in page


def test_add_edit_and_remove_a_name(web: Web) -> None:
    page = "/cases/fictional/edit/names/new"
    fields = _set(_form(web, page), name="Персона А", lang="ru", kind="transliteration")
    status, location = _post(web, page, fields)
    assert status == 303
    assert location.endswith("#h-person")
    assert _person(web)["names"][1] == {"name": "Персона А", "lang": "ru", "kind": "transliteration"}
    page = "/cases/fictional/edit/names/1"
    assert _post(web, page, _set(_form(web, page), kind="alias"))[0] == 303
    assert _person(web)["names"][1]["kind"] == "alias"
    page = "/cases/fictional/edit/names/1/delete"
    assert _post(web, page, _form(web, page))[0] == 303
    assert [n["name"] for n in _person(web)["names"]] == ["Person A"]


def test_a_bad_kind_of_name_is_shown_beside_its_field_and_the_last_name_cannot_be_removed(web: Web) -> None:
    page = "/cases/fictional/edit/names/0"
    status, html = _post(web, page, _set(_form(web, page), kind="nickname"))
    assert status == 422
    assert "nickname" in _error_of(html, "kind")
    page = "/cases/fictional/edit/names/0/delete"
    status, html = _post(web, page, _form(web, page))
    assert status == 422
    assert "person.names" in html
    assert [n["name"] for n in _person(web)["names"]] == ["Person A"]


def test_add_a_status_with_problems_beside_their_fields_then_fix_them(web: Web) -> None:
    page = "/cases/fictional/edit/statuses/new"
    fields: Fields = _set(_form(web, page), kind="refugee_status", granted_by="GBR", date="2011-02-30")
    fields = _set(fields, vis_a_vis="KZ XX")
    status, html = _post(web, page, fields)
    assert status == 422
    assert "GBR" in _error_of(html, "granted_by")
    assert "has no day 30" in _error_of(html, "date")
    assert "XX" in _error_of(html, "vis_a_vis")
    assert "entry 2" in _error_of(html, "vis_a_vis")
    assert 'value="2011-02-30"' in html  # what the reader typed is kept
    assert _person(web).get("statuses", []) == []

    fields = _set(fields, granted_by="GB", date="2011-02", vis_a_vis="KZ", note="a test entry")
    assert _post(web, page, fields)[0] == 303
    (entry,) = _person(web)["statuses"]
    assert entry == {
        "kind": "refugee_status",
        "granted_by": "GB",
        "date": "2011-02",
        "vis_a_vis": ["KZ"],
        "note": "a test entry",
    }
    case_page = web.browser("viewer").get("/cases/fictional")
    assert case_page.status_code == 404  # never shared with the viewer
    page = "/cases/fictional/edit/statuses/0/delete"
    assert _post(web, page, _form(web, page))[0] == 303
    assert _person(web).get("statuses", []) == []


def test_previous_ill_treatment_and_the_person_note_on_the_main_form(web: Web) -> None:
    page = "/cases/fictional/edit"
    status, html = _post(web, page, _set(_form(web, page), previous_ill_treatment="KZ QQ"))
    assert status == 422
    assert "QQ" in _error_of(html, "previous_ill_treatment")
    fields = _set(_form(web, page), previous_ill_treatment="KZ", person_note="held in 2009 (test)", note="")
    assert _post(web, page, fields)[0] == 303
    person = _person(web)
    assert person["previous_ill_treatment"] == ["KZ"]
    assert person["note"] == "held in 2009 (test)"
    fields = _set(_form(web, page), previous_ill_treatment="", person_note="")
    assert _post(web, page, fields)[0] == 303
    person = _person(web)
    assert person.get("previous_ill_treatment", []) == []
    assert person.get("note") is None


def test_sources_on_the_person_are_rows_of_the_main_form(web: Web) -> None:
    page = "/cases/fictional/edit"
    status, html = _post(web, page, _set(_form(web, page), person_sources_0_source="src-none"))
    assert status == 422
    assert "cites a source the case does not declare" in _error_of(html, "person_sources")

    source_page = "/cases/fictional/edit/sources/new"
    fields = _set(_form(web, source_page), id="src-test", publisher="A test publisher", title="A test document")
    assert _post(web, source_page, fields)[0] == 303
    fields = _set(_form(web, page), person_sources_0_source="src-test", person_sources_0_locator="p. 2")
    status, html = _post(web, page, fields)
    assert status == 303, html
    assert _person(web)["sources"] == [{"source": "src-test", "locator": "p. 2"}]
    fields = _set(_form(web, page), person_sources_0_source="")  # a locator without its source is reported
    status, html = _post(web, page, fields)
    assert status == 422
    assert 'value="p. 2"' in html
    fields = _set(fields, person_sources_0_locator="")  # a row cleared of every field is removed
    assert _post(web, page, fields)[0] == 303
    assert _person(web).get("sources", []) == []


def test_saving_the_example_case_unchanged_through_the_main_form_keeps_every_person_field(
    store: Store, tmp_path: Path
) -> None:
    web = make_web(store, tmp_path)
    import_example(web)
    before = web.api("editor").get("/api/cases/ablyazov").json()["case"]
    page = "/cases/ablyazov/edit"
    status, location = _post(web, page, _form(web, page))
    assert status == 303, location
    after = web.api("editor").get("/api/cases/ablyazov").json()["case"]
    assert after == before


def test_a_status_edited_in_its_form_keeps_its_history_from_the_yaml(web: Web) -> None:
    page = "/cases/fictional/edit/statuses/new"
    fields = _set(_form(web, page), kind="refugee_status", granted_by="GB", date="2011-02", vis_a_vis="KZ")
    assert _post(web, page, fields)[0] == 303
    case = web.api("editor").get("/api/cases/fictional").json()
    document = case["case"]
    document["person"]["statuses"][0]["events"] = [{"event": "revocation_sought", "date": "2014-03"}]
    response = web.api("editor").put("/api/cases/fictional", json={"version": case["version"], "case": document})
    assert response.status_code == 200, response.text

    page = "/cases/fictional/edit/statuses/0"
    fields = _set(_form(web, page), note="revocation contested")
    assert _post(web, page, fields)[0] == 303
    (entry,) = _person(web)["statuses"]
    assert entry["note"] == "revocation contested"
    assert entry["events"] == [{"event": "revocation_sought", "date": "2014-03"}]


def test_a_deportation_to_a_state_that_never_asked_is_added_in_its_form(web: Web) -> None:
    page = "/cases/fictional/edit/removals/new"
    fields = _set(_form(web, page), id="dep-by", kind="deportation", destination="BY", status="considered")
    assert _post(web, page, fields)[0] == 303
    case = web.api("editor").get("/api/cases/fictional").json()["case"]
    assert case["removals"] == [{"id": "dep-by", "kind": "deportation", "destination": "BY"}]

    fields = _set(_form(web, page), id="ex-by", kind="extradition", destination="BY", status="considered")
    status, html = _post(web, page, fields)
    assert status == 422
    assert "an extradition can only go to a requesting state" in _error_of(html, "destination")
