"""The review queue's corrections and merges, on the page and in the API: accept a proposal with its
fields corrected, merge it into an incident the knowledge base already holds (chosen among ranked
candidates or typed), each refused mistake explained beside its field, editors only, audited."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from onward.evidence import review
from onward.evidence.candidates import candidates_for
from onward.evidence.ingest import ingest
from onward.evidence.proposals import run_extraction
from onward.kb.view import KnowledgeView
from onward.store import Store, evidence_review, web_audit
from onward.store import kb as kb_store
from tests.evidencehelpers import copy_fixture, returns_from_ukraine
from tests.webhelpers import Web, make_web

SECOND_REPORT = "Ukraine forcibly returned 11 Uzbek asylum seekers, one was kept back.\n"


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    web = make_web(store, tmp_path)
    ingest(store, [copy_fixture("letter.txt", tmp_path)], actor="researcher")
    return web


def _queue_one(web: Web) -> int:
    (proposal_id,) = run_extraction(web.store, returns_from_ukraine, actor="researcher").new_ids
    return proposal_id


def _second_report(web: Web) -> int:
    """Another document telling of the same transfer, and its proposal."""
    folder = web.tmp_path / "second"
    folder.mkdir()
    (folder / "hrw.txt").write_text(SECOND_REPORT, encoding="utf-8")
    ingest(web.store, [folder / "hrw.txt"], actor="researcher")
    (proposal_id,) = run_extraction(web.store, returns_from_ukraine, actor="researcher").new_ids
    return proposal_id


def _values(store: Store, incident_id: str) -> dict[str, list[object]]:
    with store.read() as connection:
        found = kb_store.select_statements(connection, as_of=None, subjects=[f"incident:{incident_id}"])
    values: dict[str, list[object]] = {}
    for stored in found:
        values.setdefault(stored.statement.property, []).append(stored.statement.value)
    return values


def _edit_form(web: Web, proposal_id: int) -> dict[str, str]:
    """The correction form of one proposal as the page fills it in."""
    html = web.browser("editor").get("/review").text
    form = re.search(rf'<form method="post" action="/review/{proposal_id}/accept" aria-label.*?</form>', html, re.S)
    assert form is not None
    fields = dict(re.findall(r'<input type="text" id="f-[^"]+" name="(\w+)" value="([^"]*)"', form.group(0)))
    for name in ("kind", "status"):
        chosen = re.search(rf'name="{name}".*?<option value="([^"]+)" selected>', form.group(0), re.S)
        assert chosen is not None
        fields[name] = chosen.group(1)
    fields["csrf_token"] = web.csrf("editor")
    return fields


def test_the_correction_form_is_prefilled_and_accepts_the_changes(web: Web) -> None:
    proposal_id = _queue_one(web)
    form = _edit_form(web, proposal_id)
    assert (form["kind"], form["from_state"], form["to_state"], form["subject_count"]) == (
        "forcible_return",
        "UA",
        "UZ",
        "11",
    )
    form.update(date="2006-02", subject_count="10", profile="asylum_seeker", subjects="A. B.; C. D.")
    response = web.browser("editor").post(f"/review/{proposal_id}/accept", data=form)
    assert response.status_code == 303
    (decision,) = evidence_review.decisions(web.store, proposal_id)
    assert decision.action == "accept"
    assert decision.edits == {
        "date": "2006-02",
        "subject_count": "10",
        "profile": ["asylum_seeker"],
        "subjects": ["A. B.", "C. D."],
    }
    assert decision.incident_id is not None
    values = _values(web.store, decision.incident_id)
    assert values["subject_count"] == [10]
    assert values["date"] == ["2006-02"]
    assert values["subjects"] == [["A. B.", "C. D."]]
    entry = web_audit.entries(web.store)[0]
    assert entry.action == "review.accept"
    assert entry.detail["edits"]["subject_count"] == "10"


def test_an_unchanged_form_records_no_edits(web: Web) -> None:
    proposal_id = _queue_one(web)
    form = _edit_form(web, proposal_id)
    form["to_state"] = "uz"  # the same code, typed in lower case
    assert web.browser("editor").post(f"/review/{proposal_id}/accept", data=form).status_code == 303
    (decision,) = evidence_review.decisions(web.store, proposal_id)
    assert decision.edits == {}


def test_invalid_corrections_are_explained_beside_their_fields(web: Web) -> None:
    proposal_id = _queue_one(web)
    form = _edit_form(web, proposal_id)
    form.update(to_state="ZZ", date="2006-13", subject_count="many", kind="teleportation")
    response = web.browser("editor").post(f"/review/{proposal_id}/accept", data=form)
    assert response.status_code == 422
    for name in ("to_state", "date", "subject_count", "kind"):
        error = re.search(rf'<p class="field-error" id="e-{proposal_id}-{name}">([^<]+)</p>', response.text)
        assert error is not None, name
        assert f'aria-describedby="e-{proposal_id}-{name}"' in response.text
    assert "2006-13" in response.text  # what was typed is kept
    assert re.search(r'<details class="review-edit"\s+open>', response.text)
    assert evidence_review.get_proposal(web.store, proposal_id).status == "pending"
    assert [e.action for e in web_audit.entries(web.store) if e.action.startswith("review.")] == []


def test_candidates_rank_the_same_transfer_first(web: Web) -> None:
    first = _queue_one(web)
    accepted = review.accept(web.store, first, actor="editor", edits={"date": "2006-02"})
    second = _second_report(web)
    proposal = evidence_review.get_proposal(web.store, second)
    view = KnowledgeView(web.store, as_of=web.store.clock().date())
    (candidate,) = candidates_for(view, proposal.incident)
    assert candidate.id == accepted.incident_id
    assert candidate.reasons[:3] == ("to_state", "from_state", "kind")
    other = {**proposal.incident, "from_state": "RU", "to_state": "KZ"}
    assert candidates_for(view, other) == []  # no state in common: another transfer
    kinds = {
        kind: candidates_for(view, {**proposal.incident, "kind": kind})[0] for kind in ("deportation", "extradition")
    }
    assert "related kind" in kinds["deportation"].reasons  # a deportation and a forcible return: related
    assert not {"kind", "related kind"} & set(kinds["extradition"].reasons)
    assert kinds["deportation"].score == candidate.score > kinds["extradition"].score


def test_merge_into_a_listed_candidate(web: Web) -> None:
    first = _queue_one(web)
    accepted = review.accept(web.store, first, actor="editor", edits={"date": "2006-02"})
    assert accepted.incident_id is not None
    second = _second_report(web)
    page = web.browser("editor").get("/review").text
    assert f'name="candidate" value="{accepted.incident_id}"' in page
    assert "same destination" in page
    data = {"csrf_token": web.csrf("editor"), "candidate": accepted.incident_id, "into": ""}
    viewer = web.browser("viewer").post(f"/review/{second}/merge", data=data | {"csrf_token": web.csrf("viewer")})
    assert viewer.status_code == 403
    response = web.browser("editor").post(f"/review/{second}/merge", data=data)
    assert response.status_code == 303
    assert evidence_review.get_proposal(web.store, second).status == "merged"
    (decision,) = evidence_review.decisions(web.store, second)
    assert (decision.action, decision.incident_id) == ("merge", accepted.incident_id)
    assert _values(web.store, accepted.incident_id)["kind"] == ["forcible_return", "forcible_return"]
    with web.store.read() as connection:
        found = kb_store.select_statements(connection, as_of=None, subjects=[f"incident:{accepted.incident_id}"])
    assert len({stored.statement.source for stored in found}) == 2  # two documents now support it
    entry = web_audit.entries(web.store)[0]
    assert (entry.action, entry.detail["incident"]) == ("review.merge", accepted.incident_id)


def test_merge_refuses_an_unknown_or_missing_incident_beside_the_field(web: Web) -> None:
    proposal_id = _queue_one(web)
    editor = web.browser("editor")
    unknown = editor.post(
        f"/review/{proposal_id}/merge", data={"csrf_token": web.csrf("editor"), "into": "no-such-incident"}
    )
    assert unknown.status_code == 422
    error = re.search(rf'<p class="field-error" id="e-into-{proposal_id}">([^<]+)</p>', unknown.text)
    assert error is not None
    assert "no incident &#39;no-such-incident&#39;" in error.group(1)
    assert 'value="no-such-incident"' in unknown.text
    empty = editor.post(f"/review/{proposal_id}/merge", data={"csrf_token": web.csrf("editor")})
    assert empty.status_code == 422
    assert "choose one of the incidents listed or type an incident id" in empty.text
    missing = editor.post("/review/9999/merge", data={"csrf_token": web.csrf("editor"), "into": "x"})
    assert missing.status_code == 404
    assert evidence_review.get_proposal(web.store, proposal_id).status == "pending"


def test_api_lists_accepts_with_edits_merges_and_rejects(web: Web) -> None:
    first = _queue_one(web)
    listed = web.api("viewer").get("/api/review").json()
    assert [p["id"] for p in listed] == [first]
    assert listed[0]["incident"]["to_state"] == "UZ"
    body = {"edits": {"date": "2006-02", "subject_count": 10, "profile": None}}
    assert web.api("viewer").post(f"/api/review/{first}/accept", json=body).status_code == 403
    bad = web.api("editor").post(f"/api/review/{first}/accept", json={"edits": {"to_state": "ZZ"}})
    assert bad.status_code == 422
    assert "to_state" in bad.json()["message"]
    unknown_field = web.api("editor").post(f"/api/review/{first}/accept", json={"edits": {"colour": "red"}})
    assert unknown_field.status_code == 422
    accepted = web.api("editor").post(f"/api/review/{first}/accept", json=body)
    assert accepted.status_code == 200, accepted.text
    incident_id = accepted.json()["incident_id"]
    assert _values(web.store, incident_id)["subject_count"] == [10]
    assert web.api("editor").post(f"/api/review/{first}/reject", json={}).status_code == 409

    second = _second_report(web)
    candidates = web.api("viewer").get(f"/api/review/{second}/candidates").json()
    assert [c["incident_id"] for c in candidates] == [incident_id]
    nowhere = web.api("editor").post(f"/api/review/{second}/merge", json={"into": "nowhere"})
    assert nowhere.status_code == 404
    assert "no incident 'nowhere'" in nowhere.json()["message"]
    merged = web.api("editor").post(f"/api/review/{second}/merge", json={"into": incident_id})
    assert merged.status_code == 200
    assert merged.json()["action"] == "merge"
    assert [e.action for e in web_audit.entries(web.store)][:2] == ["review.merge", "review.accept"]

    third_folder = web.tmp_path / "third"
    third_folder.mkdir()
    (third_folder / "note.txt").write_text("Ukraine forcibly returned 11 Uzbek asylum seekers again.\n")
    ingest(web.store, [third_folder / "note.txt"], actor="researcher")
    (third,) = run_extraction(web.store, returns_from_ukraine, actor="researcher").new_ids
    rejected = web.api("editor").post(f"/api/review/{third}/reject", json={"reason": "a duplicate"})
    assert rejected.status_code == 200
    assert evidence_review.decisions(web.store, third)[0].reason == "a duplicate"
    assert web.api("editor").post("/api/review/9999/accept").status_code == 404
