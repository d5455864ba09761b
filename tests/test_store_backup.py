"""`onward backup` and `onward restore`: every table round-trips on each backend, checked before anything is written."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from onward.casefile.io import load_case
from onward.errors import ConflictError, InputError
from onward.evidence.ingest import ingest
from onward.evidence.search import search_evidence
from onward.evidence.text import index_text
from onward.store import Store, open_store
from onward.store import web as web_store
from onward.store.backup import backup, dump_rows, restore, tables
from onward.store.cases import save_case
from onward.store.web import Role
from onward.store.web_access import share_case
from onward.store.web_audit import append, verify_chain
from tests.clihelpers import run_cli
from tests.conftest import make_store_url
from tests.evidencehelpers import FIXTURES
from tests.kbhelpers import fact, load, source


def _fill(store: Store, example_case_path: Path) -> None:
    """A case, its share, a knowledge-base statement, ingested evidence and an audit trail."""
    case = load_case(example_case_path)
    save_case(store, case, actor="tester")
    user = web_store.add_user(store, "editor", display_name="Editor", password_hash="x", role=Role.EDITOR)
    share_case(store, case.id, user, granted_by="tester")
    load(
        store,
        [source("fixture-1", "2019-05-01")],
        [fact("state:KZ", "party_to", "CAT", "fixture-1", valid_from="1998-08-26")],
    )
    ingest(store, sorted(FIXTURES.glob("*.txt")) + sorted(FIXTURES.glob("*.md")), actor="tester", workers=0)
    for action in ("login", "case.read", "case.export"):
        append(store, actor="editor", action=action, ip="127.0.0.1", case_id=case.id, detail={"n": action})


def _content(store: Store) -> dict[str, list[dict[str, Any]]]:
    with store.read() as connection:
        return {table.name: list(dump_rows(connection, table)) for table in tables()}


@pytest.fixture
def empty_store(store: Store, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Store]:
    """A second migrated, empty store on the same backend as ``store``."""
    folder = tmp_path / "target"
    folder.mkdir()
    urls = make_store_url(store.dialect, folder, request)
    target = open_store(next(urls))
    try:
        yield target
    finally:
        target.close()
        next(urls, None)


def test_a_backup_restores_every_row_and_the_search_index(
    store: Store, empty_store: Store, example_case_path: Path, tmp_path: Path
) -> None:
    _fill(store, example_case_path)
    archive = tmp_path / "onward.tar.gz"
    made = backup(store, archive)
    assert made.rows["audit_log"] == 3
    restored = restore(empty_store, archive, index_words=index_text)
    assert restored.rows == made.rows
    assert restored.audit_entries == 3
    original, copy = _content(store), _content(empty_store)
    assert {name: len(rows) for name, rows in original.items() if rows} == {
        name: len(rows) for name, rows in copy.items() if rows
    }
    assert copy == original
    assert verify_chain(empty_store).intact
    assert search_evidence(empty_store, "Uzbekistan").total == search_evidence(store, "Uzbekistan").total > 0
    # Serial numbers carry on after the restored rows: a new audit entry joins the chain.
    append(empty_store, actor="editor", action="login", ip="127.0.0.1")
    assert verify_chain(empty_store).entries == 4


def test_the_manifest_names_every_table_with_its_count_and_checksum(store: Store, tmp_path: Path) -> None:
    archive = tmp_path / "b.tar.gz"
    backup(store, archive)
    with tarfile.open(archive) as opened:
        member = opened.extractfile("manifest.json")
        assert member is not None
        manifest = json.loads(member.read())
    assert manifest["format"] == "onward-backup"
    assert manifest["dialect"] == store.dialect
    assert set(manifest["tables"]) == {t.name for t in tables()}
    assert all(len(entry["sha256"]) == 64 for entry in manifest["tables"].values())
    assert manifest["schema_revision"]


def _rewrite(archive: Path, target: Path, name: str, change: Any) -> None:
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as sink:
        for member in source.getmembers():
            handle = source.extractfile(member)
            assert handle is not None
            data = handle.read()
            if member.name == name:
                data = change(data)
            info = tarfile.TarInfo(member.name)
            info.size = len(data)
            sink.addfile(info, io.BytesIO(data))


def test_a_damaged_table_or_a_forged_audit_trail_restores_nothing(
    store: Store, empty_store: Store, example_case_path: Path, tmp_path: Path
) -> None:
    _fill(store, example_case_path)
    archive = tmp_path / "b.tar.gz"
    backup(store, archive)
    damaged = tmp_path / "damaged.tar.gz"
    _rewrite(archive, damaged, "tables/cases.jsonl", lambda data: data.replace(b"Ablyazov", b"Someone"))
    with pytest.raises(InputError, match="does not match its checksum"):
        restore(empty_store, damaged, index_words=index_text)

    def forge(data: bytes) -> bytes:
        return data.replace(b'"case.read"', b'"case.delete"')

    forged = tmp_path / "forged.tar.gz"
    _rewrite(archive, forged, "tables/audit_log.jsonl", forge)
    with tarfile.open(archive) as opened:
        member = opened.extractfile("manifest.json")
        assert member is not None
        manifest = json.loads(member.read())
    # Forge the checksum too, as someone who edits the archive would: the hash chain still tells.
    with tarfile.open(forged) as opened:
        member = opened.extractfile("tables/audit_log.jsonl")
        assert member is not None
        manifest["tables"]["audit_log"]["sha256"] = hashlib.sha256(member.read()).hexdigest()
    consistent = tmp_path / "consistent.tar.gz"
    _rewrite(forged, consistent, "manifest.json", lambda _: json.dumps(manifest).encode())
    with pytest.raises(InputError, match="audit trail in the backup is broken at entry 2"):
        restore(empty_store, consistent, index_words=index_text)
    assert all(not rows for rows in _content(empty_store).values())


def test_a_store_with_data_is_replaced_only_with_force(
    store: Store, empty_store: Store, example_case_path: Path, tmp_path: Path
) -> None:
    _fill(store, example_case_path)
    archive = tmp_path / "b.tar.gz"
    backup(store, archive)
    ingest(empty_store, [FIXTURES / "letter.txt"], actor="someone", workers=0)
    with pytest.raises(ConflictError, match=r"already holds data: evidence_documents \(1\), evidence_passages"):
        restore(empty_store, archive, index_words=index_text)
    restore(empty_store, archive, index_words=index_text, force=True)
    assert _content(empty_store) == _content(store)
    # An audit trail is never erased, not even with --force.
    with pytest.raises(ConflictError, match="already has an audit trail"):
        restore(empty_store, archive, index_words=index_text, force=True)


def test_the_commands_back_up_and_restore(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONWARD_DATABASE_URL", f"sqlite:///{tmp_path / 'a.sqlite3'}")
    assert run_cli(capsys, "init").code == 0
    assert run_cli(capsys, "ingest", str(FIXTURES / "letter.txt")).code == 0
    archive = tmp_path / "a.tar.gz"
    made = run_cli(capsys, "backup", "-o", str(archive))
    assert made.code == 0, made.err
    assert "backed up sqlite store" in made.out
    other = f"sqlite:///{tmp_path / 'b.sqlite3'}"
    assert run_cli(capsys, "--database-url", other, "init").code == 0
    assert run_cli(capsys, "--database-url", other, "restore", str(archive)).code == 0
    again = run_cli(capsys, "--database-url", other, "restore", str(archive))
    assert again.code != 0
    assert "--force" in again.err
    assert run_cli(capsys, "--database-url", other, "restore", str(archive), "--force").code == 0
    found = run_cli(capsys, "--database-url", other, "search", "Uzbekistan")
    assert "letter.txt" in found.out
    wrong = run_cli(capsys, "--database-url", other, "restore", str(FIXTURES / "letter.txt"))
    assert wrong.code == 2
    assert "cannot read the backup" in wrong.err


def test_a_backup_moves_to_the_other_backend(
    store: Store, example_case_path: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    _fill(store, example_case_path)
    archive = tmp_path / "b.tar.gz"
    backup(store, archive)
    folder = tmp_path / "other"
    folder.mkdir()
    urls = make_store_url("postgresql" if store.dialect == "sqlite" else "sqlite", folder, request)
    other = open_store(next(urls))
    try:
        restore(other, archive, index_words=index_text)
        original, moved = _content(store), _content(other)
        assert {name: len(rows) for name, rows in moved.items()} == {name: len(rows) for name, rows in original.items()}
        assert moved["cases"][0]["document"] == original["cases"][0]["document"]
        assert moved["audit_log"] == original["audit_log"]
        assert verify_chain(other).head == verify_chain(store).head
        assert search_evidence(other, "Uzbekistan").total == search_evidence(store, "Uzbekistan").total
    finally:
        other.close()
        next(urls, None)
