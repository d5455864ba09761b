"""``onward user …``, ``onward token create`` and ``onward audit [verify]`` on a real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from onward.casefile.io import load_case
from onward.store import cases as case_store
from onward.store import web as web_store
from onward.store import web_access, web_audit
from tests.clihelpers import run_cli


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, store_url: str) -> None:
    monkeypatch.setenv("ONWARD_DATABASE_URL", store_url)
    monkeypatch.setenv("ONWARD_ACTOR", "operator")
    monkeypatch.setenv("ONWARD_NEW_PASSWORD", "a long enough password")


def test_user_add_list_disable_enable(capsys: pytest.CaptureFixture[str], store_url: str) -> None:
    assert run_cli(capsys, "user", "add", "amina", "--role", "admin", "--name", "Amina").code == 0
    assert run_cli(capsys, "user", "add", "amina").code == 5
    listed = json.loads(run_cli(capsys, "user", "list", "--format", "json").out)
    assert listed[0]["username"] == "amina"
    assert listed[0]["role"] == "admin"
    assert "password_hash" not in listed[0]
    refused = run_cli(capsys, "user", "disable", "amina")
    assert refused.code == 5
    assert "last active admin" in refused.err
    assert run_cli(capsys, "user", "add", "bea", "--role", "admin").code == 0
    assert run_cli(capsys, "user", "disable", "amina").code == 0
    assert json.loads(run_cli(capsys, "user", "list", "-f", "json").out)[0]["active"] is False
    assert run_cli(capsys, "user", "enable", "amina").code == 0
    assert run_cli(capsys, "user", "disable", "nobody").code == 4


def test_bad_role_and_short_password_are_clear_errors(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_cli(capsys, "user", "add", "bo", "--role", "boss")
    assert result.code == 2
    assert "admin, editor, viewer" in result.err
    monkeypatch.setenv("ONWARD_NEW_PASSWORD", "short")
    result = run_cli(capsys, "user", "add", "bo")
    assert result.code == 2
    assert "too short" in result.err
    assert "Traceback" not in result.err


def test_share_token_and_audit(capsys: pytest.CaptureFixture[str], store_url: str, example_case_path: Path) -> None:
    from onward.store import open_store

    store = open_store(store_url)
    try:
        case_store.save_case(store, load_case(example_case_path), actor="operator")
        run_cli(capsys, "user", "add", "sam", "--role", "editor")
        assert run_cli(capsys, "user", "share", "sam", "ablyazov").code == 0
        assert web_access.can_access(store, web_store.get_user(store, "sam"), "ablyazov")
        assert run_cli(capsys, "user", "share", "sam", "nope").code == 4
        token = run_cli(capsys, "token", "create", "sam", "--name", "exports")
        assert token.code == 0
        assert token.out.strip().startswith("onw_")
        entries = json.loads(run_cli(capsys, "audit", "--case", "ablyazov", "--format", "json").out)
        assert [e["action"] for e in entries] == ["case.share"]
        assert entries[0]["actor"] == "operator"
        assert entries[0]["ip"] == "cli"
        assert "case.share" in run_cli(capsys, "audit").out
        verified = run_cli(capsys, "audit", "verify")
        assert verified.code == 0
        assert "intact" in verified.out
        assert run_cli(capsys, "user", "share", "sam", "ablyazov", "--revoke").code == 0
        assert not web_access.can_access(store, web_store.get_user(store, "sam"), "ablyazov")
        first = web_audit.entries(store)[-1]
        with store.transaction() as connection:
            if store.dialect == "postgresql":
                connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"))
            else:
                connection.execute(text("DROP TRIGGER audit_log_no_update"))
            connection.execute(text(f"UPDATE audit_log SET ip = 'elsewhere' WHERE seq = {first.seq}"))
        tampered = run_cli(capsys, "audit", "verify", "--format", "json")
        assert tampered.code == 1
        assert json.loads(tampered.out)["broken_at"] == first.seq
    finally:
        store.close()
