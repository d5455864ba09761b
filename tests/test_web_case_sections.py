"""The item editors of a case's requests, proceedings, assurances and sources: add, edit, remove,
problems beside their fields, removals that would break references refused, conflicts and access."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from onward.model.case import Assurance, ExtraditionRequest, Proceeding, Removal
from onward.model.source import Source
from onward.store import Store, web_audit
from onward.web.pages.section_forms import SECTIONS
from tests.webhelpers import Web, import_example, make_web

Fields = list[tuple[str, str]]


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    web = make_web(store, tmp_path)
    import_example(web)
    return web


class _FormReader(HTMLParser):
    """The fields of a page's POST forms as a browser would submit them unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: dict[str, Fields] = {}
        self._action: str | None = None
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._area: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form" and a.get("method") == "post":
            self._action = a["action"]
            self.forms[self._action] = []
        if self._action is None:
            return
        fields = self.forms[self._action]
        if tag == "input" and a.get("name"):
            if a.get("type") != "checkbox" or "checked" in a:
                fields.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self._select, self._options = a["name"], []
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea":
            self._area, self._text = a["name"], ""

    def handle_data(self, data: str) -> None:
        if self._area is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if self._action is None:
            return
        fields = self.forms[self._action]
        if tag == "select" and self._select is not None:
            chosen = [value for value, selected in self._options if selected] or [self._options[0][0]]
            fields.append((self._select, chosen[0]))
            self._select = None
        elif tag == "textarea" and self._area is not None:
            fields.append((self._area, self._text.removeprefix("\n")))
            self._area = None
        elif tag == "form":
            self._action = None


def _form(web: Web, page: str, who: str = "editor") -> Fields:
    response = web.browser(who).get(page)
    assert response.status_code == 200, response.text
    reader = _FormReader()
    reader.feed(response.text)
    return reader.forms[page]


def _set(fields: Fields, **values: str) -> Fields:
    """The fields with some values replaced (or added); ``name-0-source`` is written ``name_0_source``."""
    changed = {key.replace("_0_", "-0-").replace("_1_", "-1-"): value for key, value in values.items()}
    kept = [(key, value) for key, value in fields if key not in changed]
    return kept + list(changed.items())


def _post(web: Web, page: str, fields: Fields, who: str = "editor") -> tuple[int, str]:
    response = web.browser(who).post(page, data=dict(_grouped(fields)))
    return response.status_code, response.text if response.status_code != 303 else response.headers["location"]


def _grouped(fields: Fields) -> dict[str, str | list[str]]:
    grouped: dict[str, str | list[str]] = {}
    for key, value in fields:
        if key in grouped:
            earlier = grouped[key]
            grouped[key] = [*earlier, value] if isinstance(earlier, list) else [earlier, value]
        else:
            grouped[key] = value
    return grouped


def _case(web: Web) -> dict[str, Any]:
    body = web.api("editor").get("/api/cases/ablyazov").json()
    case: dict[str, Any] = body["case"]
    case["version"] = body["version"]
    return case


def _ids(web: Web, section: str) -> list[str]:
    return [item["id"] for item in _case(web)[section]]


def _error_of(html: str, field: str) -> str:
    """The text of the problems shown beside ``field``."""
    start = html.find(f'id="e-{field}"')
    assert start != -1, f"no problem shown beside {field}"
    return html[start : html.find("</div>", start)]


def test_the_forms_cover_every_field_of_the_model() -> None:
    models = {
        "requests": ExtraditionRequest,
        "proceedings": Proceeding,
        "removals": Removal,
        "assurances": Assurance,
        "sources": Source,
    }
    for name, model in models.items():
        assert list(SECTIONS[name].fields) == list(model.model_fields), name


def test_the_editor_lists_each_section_with_edit_remove_and_add(web: Web) -> None:
    page = web.browser("editor").get("/cases/ablyazov/edit").text
    for section in ("requests", "proceedings", "assurances", "sources"):
        assert f'id="sec-{section}"' in page
        assert f'href="/cases/ablyazov/edit/{section}/new"' in page
        assert f'href="/cases/ablyazov/edit/{section}/0"' in page
        assert f'href="/cases/ablyazov/edit/{section}/0/delete"' in page
    case_page = web.browser("editor").get("/cases/ablyazov").text
    assert 'href="/cases/ablyazov/edit#sec-assurances"' in case_page


def test_editing_an_unchanged_item_changes_nothing(web: Web) -> None:
    for section in ("requests", "proceedings", "assurances", "sources"):
        page = f"/cases/ablyazov/edit/{section}/0"
        status, location = _post(web, page, _form(web, page))
        assert (status, location) == (303, "/cases/ablyazov?flash=unchanged#h-" + section)
    assert _case(web)["version"] == 1


def test_add_edit_and_remove_a_request(web: Web) -> None:
    page = "/cases/ablyazov/edit/requests/new"
    fields = _set(
        _form(web, page),
        id="req-by",
        requesting_state="BY",
        received="2014-02",
        charges="fraud\n\nembezzlement\n",
        sources_0_source="hrw-2015-05-18",
        sources_0_locator="p. 2",
    )
    assert _post(web, page, fields)[0] == 303
    added = _case(web)["requests"][-1]
    assert added == {
        "id": "req-by",
        "requesting_state": "BY",
        "received": "2014-02",
        "charges": ["fraud", "embezzlement"],
        "sources": [{"source": "hrw-2015-05-18", "locator": "p. 2"}],
    }
    index = len(_ids(web, "requests")) - 1
    page = f"/cases/ablyazov/edit/requests/{index}"
    assert _post(web, page, _set(_form(web, page), legal_basis="Minsk Convention 1993"))[0] == 303
    assert _case(web)["requests"][index]["legal_basis"] == "Minsk Convention 1993"
    page = f"/cases/ablyazov/edit/requests/{index}/delete"
    assert "req-by" in web.browser("editor").get(page).text
    assert _post(web, page, _form(web, page))[0] == 303
    assert "req-by" not in _ids(web, "requests")
    assert _case(web)["version"] == 4


def test_add_edit_and_remove_a_proceeding(web: Web) -> None:
    page = "/cases/ablyazov/edit/proceedings/new"
    fields = _form(web, page)
    assert ("outcome", "pending") in fields
    fields = _set(fields, id="rule39", date="2015-05", body="European Court of Human Rights", stage="rule39")
    fields += [("requests", "req-ru")]
    status, text = _post(web, page, fields)
    assert status == 303, text
    added = _case(web)["proceedings"][-1]
    assert added["stage"] == "rule39"
    assert added["requests"] == ["req-ru"]
    assert "outcome" not in added
    index = len(_ids(web, "proceedings")) - 1
    page = f"/cases/ablyazov/edit/proceedings/{index}"
    fields = _form(web, page)
    assert ("requests", "req-ru") in fields
    assert _post(web, page, _set(fields, outcome="granted", destinations="RU, UA"))[0] == 303
    changed = _case(web)["proceedings"][index]
    assert changed["outcome"] == "granted"
    assert changed["destinations"] == ["RU", "UA"]
    page = f"/cases/ablyazov/edit/proceedings/{index}/delete"
    assert _post(web, page, _form(web, page))[0] == 303
    assert "rule39" not in _ids(web, "proceedings")


def test_add_edit_and_remove_an_assurance(web: Web) -> None:
    page = "/cases/ablyazov/edit/assurances/new"
    fields = _set(
        _form(web, page),
        id="ua-no-onward",
        giving_state="UA",
        date="2014-06-01",
        terms_0_item="no_onward_transfer",
        terms_0_text="not to surrender him to a third state",
        terms_1_item="consular_visits",
        disclosed="false",
        imposed_by="avis-lyon-2014",
    )
    status, text = _post(web, page, fields)
    assert status == 303, text
    added = _case(web)["assurances"][-1]
    assert added["terms"] == [
        {"item": "no_onward_transfer", "text": "not to surrender him to a third state"},
        {"item": "consular_visits"},
    ]
    assert added["disclosed"] is False
    assert added["imposed_by"] == "avis-lyon-2014"
    index = len(_ids(web, "assurances")) - 1
    page = f"/cases/ablyazov/edit/assurances/{index}"
    fields = _set(_form(web, page), monitoring="embassy staff", disclosed="", terms_1_item="")
    assert _post(web, page, fields)[0] == 303
    changed = _case(web)["assurances"][index]
    assert changed["monitoring"] == ["embassy staff"]
    assert "disclosed" not in changed
    assert [term["item"] for term in changed["terms"]] == ["no_onward_transfer"]
    page = f"/cases/ablyazov/edit/assurances/{index}/delete"
    assert _post(web, page, _form(web, page))[0] == 303
    assert "ua-no-onward" not in _ids(web, "assurances")


def test_add_edit_and_remove_a_source(web: Web) -> None:
    page = "/cases/ablyazov/edit/sources/new"
    fields = _form(web, page)
    assert ("verification", "unverified") in fields
    fields = _set(fields, id="un-cat-2014", publisher="UN Committee against Torture", title="Concluding observations")
    assert _post(web, page, fields)[0] == 303
    index = len(_ids(web, "sources")) - 1
    page = f"/cases/ablyazov/edit/sources/{index}"
    fields = _set(_form(web, page), date="2014", verification="partial", note="seen in print\r\nnot online")
    assert _post(web, page, fields)[0] == 303
    assert _case(web)["sources"][index]["verification"] == "partial"
    assert _case(web)["sources"][index]["note"] == "seen in print\nnot online"
    assert _post(web, page, _form(web, page))[1].endswith("flash=unchanged#h-sources")
    page = f"/cases/ablyazov/edit/sources/{index}/delete"
    assert _post(web, page, _form(web, page))[0] == 303
    assert "un-cat-2014" not in _ids(web, "sources")


def test_a_bad_date_is_shown_beside_its_field(web: Web) -> None:
    page = "/cases/ablyazov/edit/assurances/0"
    status, html = _post(web, page, _set(_form(web, page), date="2014-02-30"))
    assert status == 422
    assert "has no day 30" in _error_of(html, "date")
    assert 'aria-invalid="true" aria-describedby="e-date"' in html
    assert 'value="2014-02-30"' in html  # the reader's input is kept
    assert _case(web)["version"] == 1


def test_a_bad_enum_a_bad_code_and_an_unknown_reference_are_shown_beside_their_fields(web: Web) -> None:
    page = "/cases/ablyazov/edit/proceedings/1"
    fields = _set(_form(web, page), outcome="won", destinations="RU RUS")
    fields += [("requests", "req-zz")]
    status, html = _post(web, page, fields)
    assert status == 422
    assert "won" in _error_of(html, "outcome")
    assert "RUS" in _error_of(html, "destinations")
    assert "entry 2" in _error_of(html, "destinations")
    assert "refers to an unknown request" in _error_of(html, "requests")
    page = "/cases/ablyazov/edit/requests/0"
    status, html = _post(web, page, _set(_form(web, page), sources_0_source="no-such-source"))
    assert status == 422
    assert "cites a source the case does not declare" in _error_of(html, "sources")


def test_cross_field_problems_show(web: Web) -> None:
    # avis-aix-2014 decides req-ru and req-ua, received in 2013-08
    page = "/cases/ablyazov/edit/proceedings/1"
    status, html = _post(web, page, _set(_form(web, page), date="2013-07"))
    assert status == 422
    assert "dated before the request it concerns" in _error_of(html, "date")
    status, html = _post(web, page, _set(_form(web, page), date="2016"))
    assert status == 422
    assert "dated after the case&#39;s as_of date" in _error_of(html, "date")
    # renaming a request that proceedings refer to: the problems are theirs, listed at the top by path and id
    page = "/cases/ablyazov/edit/requests/1"
    status, html = _post(web, page, _set(_form(web, page), id="req-rus"))
    assert status == 422
    assert 'id="other-problems"' in html
    assert "proceedings[1] (avis-aix-2014).requests[0]" in html
    assert "refers to an unknown request" in html
    # an assurance imposed by a proceeding that does not exist
    page = "/cases/ablyazov/edit/assurances/1"
    status, html = _post(web, page, _set(_form(web, page), imposed_by="no-such-proceeding"))
    assert status == 422
    assert "refers to an unknown proceeding" in _error_of(html, "imposed_by")


def test_a_required_field_left_blank_and_an_assurance_without_terms(web: Web) -> None:
    page = "/cases/ablyazov/edit/assurances/new"
    status, html = _post(web, page, _set(_form(web, page), id="x"))
    assert status == 422
    assert "required field is missing" in _error_of(html, "giving_state")
    assert "required field is missing" in _error_of(html, "terms")


def test_removing_an_item_others_refer_to_is_refused(web: Web) -> None:
    ids = _ids(web, "requests")
    page = f"/cases/ablyazov/edit/requests/{ids.index('req-ru')}/delete"
    status, html = _post(web, page, _form(web, page))
    assert status == 422
    assert "This item cannot be removed" in html
    assert "refers to an unknown request" in html
    assert "(avis-aix-2014)" in html
    assert "req-ru" in _ids(web, "requests")
    page = f"/cases/ablyazov/edit/sources/{_ids(web, 'sources').index('hrw-2015-05-18')}/delete"
    status, html = _post(web, page, _form(web, page))
    assert status == 422
    assert "cites a source the case does not declare" in html


def test_a_stale_version_is_a_conflict_that_keeps_the_input(web: Web) -> None:
    page = "/cases/ablyazov/edit/sources/0"
    stale = _form(web, page)
    other = _form(web, "/cases/ablyazov/edit/sources/1")
    assert _post(web, "/cases/ablyazov/edit/sources/1", _set(other, note="saved first"))[0] == 303
    status, html = _post(web, page, _set(stale, note="my late note"))
    assert status == 409
    assert 'id="conflict"' in html
    assert "my late note" in html
    removal = "/cases/ablyazov/edit/sources/1/delete"
    status, html = _post(web, removal, _set(_form(web, removal), version="1"))
    assert status == 409
    assert len(_ids(web, "sources")) == 2


def test_saving_is_audited_with_the_fields_changed(web: Web) -> None:
    page = "/cases/ablyazov/edit/assurances/0"
    assert _post(web, page, _set(_form(web, page), authority="Prosecutor General's Office"))[0] == 303
    update = web_audit.entries(web.store, case_id="ablyazov")[0]
    assert update.action == "case.update"
    assert update.actor == "editor"
    assert update.detail["fields"] == ["assurances[0].authority"]


def test_viewer_sees_the_case_but_cannot_edit_items(web: Web) -> None:
    viewer = web.browser("viewer")
    assert "/edit#sec-" not in viewer.get("/cases/ablyazov").text
    assert viewer.get("/cases/ablyazov/edit/assurances/0").status_code == 403
    assert viewer.get("/cases/ablyazov/edit/assurances/new").status_code == 403
    data = {"csrf_token": web.csrf("viewer"), "version": "1", "id": "x"}
    assert viewer.post("/cases/ablyazov/edit/assurances/0", data=data).status_code == 403
    assert viewer.post("/cases/ablyazov/edit/assurances/0/delete", data=data).status_code == 403
    assert _case(web)["version"] == 1


def test_outsider_gets_404(web: Web) -> None:
    outsider = web.browser("outsider")
    data = {"csrf_token": web.csrf("outsider"), "version": "1"}
    for path in ("/cases/ablyazov/edit/sources/0", "/cases/ablyazov/edit/sources/new"):
        assert outsider.get(path).status_code == 404
        assert outsider.post(path, data=data).status_code == 404
    assert outsider.post("/cases/ablyazov/edit/sources/0/delete", data=data).status_code == 404


def test_unknown_sections_items_and_versions_are_clear_messages(web: Web) -> None:
    editor = web.browser("editor")
    response = editor.get("/cases/ablyazov/edit/people/0")
    assert response.status_code == 404
    assert "no section named" in response.text
    response = editor.get("/cases/ablyazov/edit/sources/9")
    assert response.status_code == 404
    assert "has no item 9" in response.text
    response = editor.post("/cases/ablyazov/edit/sources/0", data={"csrf_token": web.csrf("editor"), "version": "x"})
    assert response.status_code == 422
    assert "version" in response.text


def test_the_item_editor_in_french(web: Web) -> None:
    editor = web.browser("editor")
    editor.cookies.set("onward_lang", "fr")
    page = editor.get("/cases/ablyazov/edit/assurances/0").text
    assert "Assurance diplomatique" in page
    assert "Enregistrer" in page
