from pathlib import Path

import pytest

from onward.errors import ConflictError, InputError, NotFoundError
from onward.evidence import review
from onward.evidence.ingest import ingest
from onward.evidence.proposals import run_extraction
from onward.store import Store
from onward.store import evidence as evidence_store
from onward.store import evidence_review as review_store
from onward.store import kb as kb_store
from tests.evidencehelpers import TRIGGER, copy_fixture, returns_from_ukraine


def _queued(store: Store, tmp_path: Path) -> int:
    ingest(store, [copy_fixture("letter.txt", tmp_path)], actor="alice")
    report = run_extraction(store, returns_from_ukraine, actor="alice")
    assert (report.passages, report.proposed) == (6, 1)
    return report.new_ids[0]


def _incident(store: Store, incident_id: str) -> dict[str, list[object]]:
    with store.read() as connection:
        statements = kb_store.select_statements(connection, as_of=None, subjects=[f"incident:{incident_id}"])
    values: dict[str, list[object]] = {}
    for stored in statements:
        values.setdefault(stored.statement.property, []).append(stored.statement.value)
    return values


def test_extraction_is_idempotent_and_nothing_enters_the_kb_unreviewed(store: Store, tmp_path: Path) -> None:
    proposal_id = _queued(store, tmp_path)
    again = run_extraction(store, returns_from_ukraine, actor="bob")
    assert (again.proposed, again.already_proposed) == (0, 1)
    (pending,) = review_store.list_proposals(store)
    assert pending.id == proposal_id
    assert pending.incident["quote"] == TRIGGER
    with store.read() as connection:
        assert kb_store.count_statements(connection, dataset=review.DATASET) == 0


def test_accept_with_edits_enters_statements_citing_the_passage(store: Store, tmp_path: Path) -> None:
    proposal_id = _queued(store, tmp_path)
    edits = review.parse_edits(["date=2006-02", "subject_count=11", "profile=asylum_seeker"])
    decision = review.accept(store, proposal_id, actor="carol", edits=edits)
    assert decision.incident_id == f"ua-uz-2006-02-p{proposal_id}"
    values = _incident(store, decision.incident_id)
    assert values["kind"] == ["forcible_return"]
    assert values["from_state"] == ["UA"]
    assert values["to_state"] == ["UZ"]
    assert values["date"] == ["2006-02"]
    assert values["subject_count"] == [11]
    assert values["profile"] == [["asylum_seeker"]]
    with store.read() as connection:
        stored = kb_store.select_statements(connection, as_of=None, subjects=[f"incident:{decision.incident_id}"])
    statement = stored[0].statement
    passage = evidence_store.get_passage(store, review_store.get_proposal(store, proposal_id).passage_id)
    assert statement.quote == TRIGGER
    assert TRIGGER in passage.text
    start = passage.char_start + passage.text.index(TRIGGER)
    assert statement.locator == f"¶ 5, line 10, chars {start}–{start + len(TRIGGER)} (passage {passage.id})"
    assert statement.source == passage.source_id
    assert statement.verification.value == "verified"
    assert statement.known_from is not None  # the letter has no publication date: known from its review
    (logged,) = review_store.decisions(store, proposal_id)
    assert (logged.action, logged.actor, logged.edits["date"]) == ("accept", "carol", "2006-02")
    assert sorted(logged.statements) == sorted(s.statement.content_id() for s in stored)
    assert review_store.get_proposal(store, proposal_id).status == "accepted"


def test_a_proposal_is_decided_once(store: Store, tmp_path: Path) -> None:
    proposal_id = _queued(store, tmp_path)
    review.reject(store, proposal_id, actor="carol", reason="already in the knowledge base")
    with pytest.raises(ConflictError, match="already rejected"):
        review.accept(store, proposal_id, actor="dave")
    (logged,) = review_store.decisions(store)
    assert (logged.action, logged.reason, logged.actor) == ("reject", "already in the knowledge base", "carol")
    with pytest.raises(NotFoundError, match="no proposal with id 999"):
        review.reject(store, 999, actor="carol")


def test_merge_adds_a_second_source_and_keeps_conflicts(store: Store, tmp_path: Path) -> None:
    first = _queued(store, tmp_path)
    decision = review.accept(store, first, actor="carol", edits=review.parse_edits(["date=2006-02"]))
    other = tmp_path / "other"
    other.mkdir()
    (other / "hrw.txt").write_text("Ukraine forcibly returned 11 Uzbek asylum seekers, one was kept back.\n")
    second = run_extraction(store, returns_from_ukraine, actor="alice").new_ids
    assert second == []  # the new file is not ingested yet
    ingest(store, [other / "hrw.txt"], actor="alice")
    (second_id,) = run_extraction(store, returns_from_ukraine, actor="alice").new_ids
    assert decision.incident_id is not None
    merged = review.merge(
        store, second_id, into=decision.incident_id, actor="carol", edits=review.parse_edits(["subject_count=10"])
    )
    assert merged.incident_id == decision.incident_id
    values = _incident(store, decision.incident_id)
    assert sorted(values["subject_count"]) == [10, 11]  # the disagreement stays visible
    assert review_store.get_proposal(store, second_id).status == "merged"
    with pytest.raises(NotFoundError, match="no incident 'nowhere'"):
        review.merge(store, first, into="incident:nowhere", actor="carol")


def test_auto_accept_is_explicit_and_unverified(store: Store, tmp_path: Path) -> None:
    ingest(store, [copy_fixture("letter.txt", tmp_path)], actor="alice")
    report = run_extraction(store, returns_from_ukraine, actor="robot", auto_accept=True)
    assert report.auto_accepted == 1
    (logged,) = review_store.decisions(store)
    assert logged.action == "auto-accept"
    assert logged.incident_id is not None
    with store.read() as connection:
        stored = kb_store.select_statements(connection, as_of=None, subjects=[f"incident:{logged.incident_id}"])
    assert {s.statement.verification.value for s in stored} == {"unverified"}


def test_bad_edits_are_explained(store: Store, tmp_path: Path) -> None:
    proposal_id = _queued(store, tmp_path)
    with pytest.raises(InputError, match="FIELD one of kind, status"):
        review.parse_edits(["colour=red"])
    with pytest.raises(InputError, match=r"--edit to_state: .*'ZZ'"):
        review.accept(store, proposal_id, actor="carol", edits=review.parse_edits(["to_state=ZZ"]))
    with pytest.raises(InputError, match="--edit kind"):
        review.accept(store, proposal_id, actor="carol", edits=review.parse_edits(["kind=teleportation"]))
    assert review_store.get_proposal(store, proposal_id).status == "pending"
