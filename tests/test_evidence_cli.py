import json
from pathlib import Path

import pytest

from onward.evidence.proposals import run_extraction
from onward.store import evidence as evidence_store
from onward.store import kb as kb_store
from onward.store import open_store
from tests.clihelpers import run_cli
from tests.evidencehelpers import copy_fixture, returns_from_ukraine


def _ingested(capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path) -> Path:
    letter = copy_fixture("letter.txt", tmp_path)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    result = run_cli(capsys, "--database-url", url, "ingest", str(letter), str(tmp_path / "broken.pdf"))
    assert result.code == 0
    assert "2 files: 1 documents added (6 passages), 0 already ingested, 1 skipped" in result.out
    assert "skipped" in result.err
    assert "broken.pdf: not a readable PDF" in result.err
    return letter


def test_ingest_and_search_from_the_command_line(
    capsys: pytest.CaptureFixture[str], store_url: str, tmp_path: Path
) -> None:
    letter = _ingested(capsys, store_url, tmp_path)
    again = run_cli(capsys, "--database-url", store_url, "ingest", str(letter), "--format", "json")
    assert json.loads(again.out)["unchanged"] == 1

    found = run_cli(capsys, "--database-url", store_url, "search", '"asylum seekers"', "--country", "ua")
    assert found.code == 0
    assert "letter.txt — ¶ 5, line 10, chars" in found.out
    assert "1–1 of 1 passages match" in found.out  # ¶ 4 mentions asylum seekers, but no state

    data = json.loads(run_cli(capsys, "--database-url", store_url, "search", "Kyiv", "-f", "json").out)
    assert data["total"] == 1
    (hit,) = data["hits"]
    assert hit["locator"].startswith("¶ 6, line 13")
    assert [hit["snippet"][s:e] for s, e in hit["highlights"]] == ["Kyiv"]

    bad = run_cli(capsys, "--database-url", store_url, "search", "NOT Kyiv")
    assert bad.code == 2
    assert "NOT needs something to exclude from" in bad.err
    country = run_cli(capsys, "--database-url", store_url, "search", "Kyiv", "--country", "Ukraine")
    assert country.code == 2
    assert "ISO 3166-1 alpha-2" in country.err


def test_attach_hits_to_a_case(
    capsys: pytest.CaptureFixture[str],
    store_url: str,
    tmp_path: Path,
    example_case_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ONWARD_ACTOR", "alice")
    _ingested(capsys, store_url, tmp_path)
    assert run_cli(capsys, "--database-url", store_url, "case", "import", str(example_case_path)).code == 0
    shown = run_cli(capsys, "--database-url", store_url, "search", "Kyiv", "--attach", "ablyazov")
    assert "attached 1 passages to case 'ablyazov'" in shown.out
    passage_id = json.loads(run_cli(capsys, "--database-url", store_url, "search", "Kyiv", "-f", "json").out)["hits"][
        0
    ]["id"]
    again = run_cli(capsys, "--database-url", store_url, "evidence", "attach", "ablyazov", passage_id)
    assert f"already attached: passage {passage_id} to case 'ablyazov'" in again.out
    missing = run_cli(capsys, "--database-url", store_url, "evidence", "attach", "no-such-case", passage_id)
    assert missing.code == 4
    assert "no case with id 'no-such-case'" in missing.err
    statement = run_cli(capsys, "--database-url", store_url, "evidence", "attach", "--statement", "abc", passage_id)
    assert statement.code == 4
    assert "no statement with id 'abc'" in statement.err
    linked = json.loads(run_cli(capsys, "--database-url", store_url, "evidence", "links", "ablyazov", "-f", "json").out)
    assert [(link["passage_id"], link["actor"]) for link in linked] == [(passage_id, "alice")]
    shown = run_cli(capsys, "--database-url", store_url, "evidence", "show", passage_id)
    assert "Kyiv" in shown.out
    assert "chars" in shown.out


def test_review_queue_from_the_command_line(
    capsys: pytest.CaptureFixture[str], store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONWARD_ACTOR", "carol")
    _ingested(capsys, store_url, tmp_path)
    store = open_store(store_url)
    try:
        (proposal_id,) = run_extraction(store, returns_from_ukraine, actor="alice").new_ids
    finally:
        store.close()
    listed = run_cli(capsys, "--database-url", store_url, "review")
    assert listed.code == 0
    assert "forcible_retu" in listed.out
    (queued,) = json.loads(run_cli(capsys, "--database-url", store_url, "review", "-f", "json").out)
    assert (queued["id"], queued["status"], queued["incident"]["to_state"]) == (proposal_id, "pending", "UZ")
    accepted = run_cli(
        capsys, "--database-url", store_url, "review", "accept", str(proposal_id), "--edit", "date=2006-02"
    )
    assert accepted.code == 0
    assert f"accepted proposal {proposal_id} as incident 'ua-uz-2006-02-p{proposal_id}'" in accepted.out
    twice = run_cli(capsys, "--database-url", store_url, "review", "reject", str(proposal_id))
    assert twice.code == 5
    assert "already accepted" in twice.err
    log = json.loads(run_cli(capsys, "--database-url", store_url, "review", "log", "-f", "json").out)
    assert [(e["action"], e["actor"], e["edits"]) for e in log] == [("accept", "carol", {"date": "2006-02"})]
    empty = run_cli(capsys, "--database-url", store_url, "review")
    assert "no pending proposals" in empty.out
    everything = json.loads(run_cli(capsys, "--database-url", store_url, "review", "--status", "all", "-f", "json").out)
    assert [p["status"] for p in everything] == ["accepted"]
    neither = run_cli(capsys, "--database-url", store_url, "extract")
    assert neither.code == 2
    assert "--document ID or --all" in neither.err


def test_extract_queues_proposals_whose_quotes_are_in_their_passages(
    capsys: pytest.CaptureFixture[str], store_url: str, tmp_path: Path
) -> None:
    _ingested(capsys, store_url, tmp_path)
    first = run_cli(capsys, "--database-url", store_url, "extract", "--all", "-f", "json")
    assert first.code == 0, first.err
    report = json.loads(first.out)
    assert report["passages"] == 6
    again = json.loads(run_cli(capsys, "--database-url", store_url, "extract", "--all", "-f", "json").out)
    assert (again["proposed"], again["already_proposed"]) == (0, report["proposed"])
    proposals = json.loads(run_cli(capsys, "--database-url", store_url, "review", "-f", "json").out)
    assert len(proposals) == report["proposed"]
    store = open_store(store_url)
    try:
        for proposal in proposals:
            text = evidence_store.get_passage(store, proposal["passage_id"]).text
            incident = proposal["incident"]
            assert text[incident["quote_start"] : incident["quote_end"]] == incident["quote"]
    finally:
        store.close()
    store = open_store(store_url)
    try:
        with store.read() as connection:
            assert kb_store.count_statements(connection) == 0  # nothing enters the knowledge base without review
    finally:
        store.close()
