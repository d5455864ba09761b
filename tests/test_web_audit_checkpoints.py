"""Signed checkpoints of the audit trail's head (key outside the database) and the expected head:
deleting the newest entries, appending a forged one, rewriting the whole chain, or forging a
checkpoint is detected; PostgreSQL refuses TRUNCATE."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import DatabaseError

from onward.store import Store, web_audit
from onward.store.tables_web import audit_log
from onward.web import checkpoints
from tests.clihelpers import run_cli

KEY = b"k" * 64


def _trail(store: Store, count: int = 5) -> None:
    for number in range(count):
        web_audit.append(store, actor=f"reader-{number}", action="case.read", ip="127.0.0.1", case_id="c")


def _unguarded(store: Store) -> None:
    """What the database's owner could do: switch the append-only guard off."""
    with store.transaction() as connection:
        if store.dialect == "postgresql":
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"))
        else:
            connection.execute(text("DROP TRIGGER audit_log_no_update"))
            connection.execute(text("DROP TRIGGER audit_log_no_delete"))


def test_postgresql_refuses_to_truncate_the_trail(store: Store) -> None:
    if store.dialect != "postgresql":
        pytest.skip("TRUNCATE is PostgreSQL's; SQLite's DELETE is refused by its own trigger")
    _trail(store)
    with pytest.raises(DatabaseError, match="append-only"), store.transaction() as connection:
        connection.execute(text("TRUNCATE audit_log"))
    assert web_audit.verify_chain(store).entries == 5


def test_deleting_the_newest_entries_is_found_by_a_checkpoint(store: Store, tmp_path: Path) -> None:
    _trail(store)
    written = checkpoints.write_checkpoint(store, KEY, tmp_path / "cp.jsonl")
    _unguarded(store)
    with store.transaction() as connection:
        connection.execute(text(f"DELETE FROM audit_log WHERE seq >= {written.seq - 1}"))
    assert web_audit.verify_chain(store).intact  # the chain alone cannot tell
    found = checkpoints.check_against(store, checkpoints=checkpoints.read_checkpoints(tmp_path / "cp.jsonl"), key=KEY)
    assert not found.ok
    assert "missing" in found.problems[0]


def test_a_forged_entry_appended_after_the_known_head_is_named(store: Store) -> None:
    _trail(store)
    known = web_audit.head(store)[2]
    web_audit.append(store, actor="intruder", action="case.read", ip="127.0.0.1", case_id="c")
    found = checkpoints.check_against(store, head=known)
    assert found.problems == [
        f"1 entries follow the expected head #{web_audit.seq_of(store, known)} (appended after it)"
    ]
    assert checkpoints.check_against(store, head=web_audit.head(store)[2]).ok


def test_a_chain_rewritten_from_the_start_is_found_by_a_checkpoint(store: Store, tmp_path: Path) -> None:
    _trail(store)
    file = tmp_path / "cp.jsonl"
    checkpoints.write_checkpoint(store, KEY, file)
    _unguarded(store)
    previous = web_audit.GENESIS
    with store.transaction() as connection:
        for row in connection.execute(select(audit_log).order_by(audit_log.c.seq)).all():
            digest = web_audit.entry_hash(previous, row.at, "someone else", row.action, row.case_id, row.ip, row.detail)
            connection.execute(
                update(audit_log)
                .where(audit_log.c.seq == row.seq)
                .values(actor="someone else", prev_hash=previous, hash=digest)
            )
            previous = digest
    assert web_audit.verify_chain(store).intact  # re-hashed: the chain alone cannot tell
    found = checkpoints.check_against(store, checkpoints=checkpoints.read_checkpoints(file), key=KEY)
    assert any("rewritten" in problem for problem in found.problems)


def test_a_checkpoint_signed_with_another_key_is_refused(store: Store, tmp_path: Path) -> None:
    _trail(store)
    file = tmp_path / "cp.jsonl"
    checkpoints.write_checkpoint(store, b"x" * 64, file)
    found = checkpoints.check_against(store, checkpoints=checkpoints.read_checkpoints(file), key=KEY)
    assert "signature" in found.problems[0]


def test_the_cli_writes_checkpoints_and_verifies_against_them(
    store: Store, store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONWARD_DATABASE_URL", store_url)
    monkeypatch.setenv("ONWARD_DATA_DIR", str(tmp_path / "data"))
    _trail(store)
    assert run_cli(capsys, "audit", "checkpoint").code == 0
    key_file = tmp_path / "data" / "audit-checkpoint-key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    file = tmp_path / "data" / "audit-checkpoints.jsonl"
    head = json.loads(file.read_text().splitlines()[-1])["head"]
    good = run_cli(capsys, "audit", "verify", "--checkpoints", str(file), "--head", head)
    assert good.code == 0, good.out + good.err
    assert "consistent with 1 checkpoints" in good.out
    _unguarded(store)
    with store.transaction() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)"))
    bad = run_cli(capsys, "audit", "verify", "--checkpoints", str(file), "--head", head)
    assert bad.code == 1
    assert "TAMPERED" in bad.out
    assert "missing" in bad.out
