"""Sensitive cases are stored encrypted with keys the database does not hold (a fictional person throughout)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa

from onward.casefile.io import parse_case
from onward.errors import ConfigurationError, StoreError
from onward.model.case import Case
from onward.store import Store, changelog
from onward.store.cases import ImportOutcome, get_case, list_cases, rewrap_sensitive, save_case
from onward.store.sealing import add_key, read_keyring
from onward.store.tables import cases
from tests.clihelpers import run_cli

NAME = "Zarina Fictionalova"
CASE = f"""\
id: secret
title: Extradition of {NAME}
sensitive: true
jurisdiction: FR
as_of: 2020-01-01
custodial_state: FR
person: {{names: [{{name: {NAME}}}], note: lives at a fictional address}}
persecuting_states: [KZ]
"""


def _case(text: str = CASE) -> Case:
    case, problems = parse_case(text, "case.yaml")
    assert case is not None, problems
    return case


def _raw(store: Store) -> str:
    with store.read() as connection:
        row = connection.execute(sa.select(cases.c.title, cases.c.document).where(cases.c.id == "secret")).one()
    return json.dumps([row.title, row.document])


def test_a_sensitive_case_is_unreadable_in_the_database_and_whole_through_the_key(store: Store, tmp_path: Path) -> None:
    key_file = tmp_path / "onward.keys"
    add_key(key_file)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    store.keyring = read_keyring(key_file)
    assert save_case(store, _case(), actor="a").outcome is ImportOutcome.CREATED
    assert NAME not in _raw(store)
    assert "fictional address" not in _raw(store)
    case, version = get_case(store, "secret")
    assert case == _case()
    assert version == 1
    assert [s.title for s in list_cases(store)] == [f"Extradition of {NAME} (sensitive case)"]
    assert save_case(store, _case(), actor="a").outcome is ImportOutcome.UNCHANGED

    edited = _case(CASE.replace("lives at a fictional address", "moved"))
    result = save_case(store, edited, actor="a")
    assert [c.path for c in result.changes] == ["person.note"]
    with store.read() as connection:
        logged = changelog.entries(connection, entity="case", entity_id="secret")
    assert "fictional address" not in json.dumps([e.changes for e in logged], default=str)

    store.keyring = None
    with pytest.raises(ConfigurationError, match="no key file"):
        get_case(store, "secret")
    with pytest.raises(ConfigurationError, match="no key file to encrypt"):
        save_case(store, edited, actor="a")
    assert [s.title for s in list_cases(store)] == ["(sensitive case)"]


def test_rotation_rewraps_and_old_keys_still_open(store: Store, tmp_path: Path) -> None:
    key_file = tmp_path / "onward.keys"
    first = add_key(key_file)
    store.keyring = read_keyring(key_file)
    save_case(store, _case(), actor="a")
    second = add_key(key_file)
    store.keyring = read_keyring(key_file)
    assert get_case(store, "secret")[0].title.endswith(NAME)  # sealed with the first, opened with the ring
    assert rewrap_sensitive(store, actor="a") == 1
    assert rewrap_sensitive(store, actor="a") == 0
    assert second in _raw(store)
    assert first not in _raw(store)
    key_file.write_text(key_file.read_text().splitlines()[0] + "\n")  # a ring that lost the new key
    store.keyring = read_keyring(key_file)
    with pytest.raises(ConfigurationError, match="does not hold"):
        get_case(store, "secret")


def test_an_envelope_moved_to_another_case_does_not_open(store: Store, tmp_path: Path) -> None:
    key_file = tmp_path / "onward.keys"
    add_key(key_file)
    store.keyring = read_keyring(key_file)
    save_case(store, _case(), actor="a")
    save_case(store, _case(CASE.replace("id: secret", "id: other")), actor="a")
    with store.transaction() as connection:
        moved = connection.execute(sa.select(cases.c.document).where(cases.c.id == "secret")).scalar_one()
        connection.execute(sa.update(cases).where(cases.c.id == "other").values(document=moved))
    with pytest.raises(StoreError, match="altered or moved"):
        get_case(store, "other")


def test_a_bad_key_file_names_its_line(tmp_path: Path) -> None:
    key_file = tmp_path / "onward.keys"
    key_file.write_text("# keys\nk1:not-a-key\n")
    with pytest.raises(ConfigurationError, match=r"onward.keys:2"):
        read_keyring(key_file)


def test_cli_imports_a_sensitive_case_with_the_key_file(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    key_file = tmp_path / "onward.keys"
    assert run_cli(capsys, "keys", "add", str(key_file)).code == 0
    path = tmp_path / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    refused = run_cli(capsys, "--database-url", store_url, "case", "import", str(path))
    assert refused.code == 3
    assert "key file" in refused.err
    monkeypatch.setenv("ONWARD_KEY_FILE", str(key_file))
    assert run_cli(capsys, "--database-url", store_url, "case", "import", str(path)).code == 0
    shown = run_cli(capsys, "--database-url", store_url, "case", "show", "secret")
    assert NAME in shown.out
