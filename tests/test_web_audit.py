"""The audit trail: every login, read, change, export and share is recorded, chained by SHA-256,
append-only in the database, and a tampered or removed entry is detected."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from onward.store import Store, web_audit
from tests.webhelpers import Web, client_for, import_example, login, make_web


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    return make_web(store, tmp_path)


def _actions(web: Web, case_id: str | None = None) -> list[str]:
    return [e.action for e in reversed(web_audit.entries(web.store, case_id=case_id))]


def test_logins_reads_changes_exports_and_shares_are_recorded(web: Web) -> None:
    web.browser("editor")
    import_example(web)
    web.api("viewer").get("/api/cases/ablyazov")
    web.api("viewer").get("/api/cases/ablyazov/export")
    body = web.api("editor").get("/api/cases/ablyazov").json()
    body["case"]["title"] = "edited"
    web.api("editor").put("/api/cases/ablyazov", json=body)
    assert _actions(web)[0] == "login"
    assert _actions(web, "ablyazov") == [
        "case.create",
        "case.share",
        "case.read",
        "case.export",
        "case.read",
        "case.update",
    ]
    read = next(e for e in web_audit.entries(web.store, case_id="ablyazov") if e.action == "case.read")
    assert read.actor == "editor"
    assert read.ip == "testclient"
    assert read.detail["path"] == "/api/cases/ablyazov"
    assert read.at.endswith("Z")
    update = web_audit.entries(web.store, case_id="ablyazov")[0]
    assert update.detail["fields"] == ["title"]


def test_failed_logins_are_recorded_too(web: Web) -> None:
    login(client_for(web.app), "editor", "wrong password!")
    entry = web_audit.entries(web.store)[0]
    assert entry.action == "login.failed"
    assert entry.actor == "editor"


def test_the_chain_verifies(web: Web) -> None:
    import_example(web)
    check = web.api("admin").get("/api/audit/verify").json()
    assert check["intact"] is True
    assert check["entries"] >= 2
    assert check["head"] == web_audit.entries(web.store, limit=1)[0].hash


def test_the_database_refuses_to_change_or_delete_entries(web: Web) -> None:
    import_example(web)
    with pytest.raises(DatabaseError), web.store.transaction() as connection:
        connection.execute(text("UPDATE audit_log SET actor = 'someone else'"))
    with pytest.raises(DatabaseError), web.store.transaction() as connection:
        connection.execute(text("DELETE FROM audit_log"))
    assert web_audit.verify_chain(web.store).intact


def _bypass_guard(web: Web, statement: str) -> None:
    """What someone with the database's owner rights could do: switch the guard off, then edit."""
    with web.store.transaction() as connection:
        if web.store.dialect == "postgresql":
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"))
        else:
            connection.execute(text("DROP TRIGGER audit_log_no_update"))
            connection.execute(text("DROP TRIGGER audit_log_no_delete"))
        connection.execute(text(statement))


def test_an_edited_entry_is_detected(web: Web) -> None:
    import_example(web)
    web.api("viewer").get("/api/cases/ablyazov")
    target = next(e for e in web_audit.entries(web.store) if e.action == "case.read")
    _bypass_guard(web, f"UPDATE audit_log SET actor = 'nobody' WHERE seq = {target.seq}")
    check = web_audit.verify_chain(web.store)
    assert check.intact is False
    assert check.broken_at == target.seq
    assert check.problem is not None
    assert "changed" in check.problem
    assert web.api("admin").get("/api/audit/verify").json()["broken_at"] == target.seq
    assert "tampered" in web.browser("admin").get("/admin/audit").text


def test_a_removed_entry_is_detected(web: Web) -> None:
    import_example(web)
    web.api("viewer").get("/api/cases/ablyazov")
    entries = list(reversed(web_audit.entries(web.store)))
    _bypass_guard(web, f"DELETE FROM audit_log WHERE seq = {entries[1].seq}")
    check = web_audit.verify_chain(web.store)
    assert check.intact is False
    assert check.broken_at == entries[2].seq
    assert "removed" in (check.problem or "")


def test_the_audit_api_filters_by_case_and_is_admin_only(web: Web) -> None:
    import_example(web)
    entries = web.api("admin").get("/api/audit", params={"case_id": "ablyazov"}).json()
    assert entries
    assert {e["case_id"] for e in entries} == {"ablyazov"}
    assert web.api("editor").get("/api/audit").status_code == 403
    assert web.api("editor").get("/api/audit/verify").status_code == 403
    assert web_audit.entries(web.store, limit=1)[0].action == "audit.read"


def test_simultaneous_reads_queue_on_the_chain_and_never_fail(web: Web) -> None:
    import_example(web)
    clients = [web.api("viewer") for _ in range(32)]
    with ThreadPoolExecutor(max_workers=32) as pool:
        statuses = list(pool.map(lambda client: client.get("/api/cases/ablyazov").status_code, clients))
    assert statuses == [200] * 32
    check = web_audit.verify_chain(web.store)
    assert check.intact
    reads = [e for e in web_audit.entries(web.store, case_id="ablyazov") if e.action == "case.read"]
    assert len(reads) == 32


def test_writers_racing_for_the_head_all_append_and_the_chain_holds(store: Store) -> None:
    start = threading.Barrier(32)

    def write(number: int) -> None:
        start.wait()
        for round_ in range(8):
            web_audit.append(store, actor=f"reader-{number}", action="case.read", ip="127.0.0.1", case_id=str(round_))

    with ThreadPoolExecutor(max_workers=32) as pool:
        list(pool.map(write, range(32)))
    check = web_audit.verify_chain(store)
    assert check.intact
    assert check.entries == 32 * 8
