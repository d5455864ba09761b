from pathlib import Path

import pytest

from onward.casefile.io import load_case
from onward.errors import ConflictError, NotFoundError
from onward.store import Store, changelog
from onward.store import cases as case_store
from onward.store.cases import ImportOutcome


def test_import_is_idempotent(store: Store, example_case_path: Path) -> None:
    case = load_case(example_case_path)
    first = case_store.save_case(store, case, actor="alice")
    second = case_store.save_case(store, case, actor="bob")
    assert first.outcome is ImportOutcome.CREATED
    assert second.outcome is ImportOutcome.UNCHANGED
    assert second.version == 1
    stored, version = case_store.get_case(store, "ablyazov")
    assert stored == case
    assert version == 1
    with store.read() as connection:
        assert len(changelog.entries(connection, entity_id="ablyazov")) == 1


def test_update_records_who_changed_which_fields(store: Store, example_case_path: Path) -> None:
    case = load_case(example_case_path)
    case_store.save_case(store, case, actor="alice")
    edited = case.model_copy(deep=True)
    edited.title = "Extradition of M. Ablyazov"
    result = case_store.save_case(store, edited, actor="bob")
    assert result.outcome is ImportOutcome.UPDATED
    assert result.version == 2
    with store.read() as connection:
        log = changelog.entries(connection, entity="case", entity_id="ablyazov")
    assert [e.action for e in log] == ["create", "update"]
    assert log[1].actor == "bob"
    assert [(c.path, c.after) for c in log[1].changes] == [("title", "Extradition of M. Ablyazov")]
    assert log[1].at.tzinfo is not None or store.dialect == "sqlite"


def test_stale_version_is_refused_not_overwritten(store: Store, example_case_path: Path) -> None:
    case = load_case(example_case_path)
    case_store.save_case(store, case, actor="alice")
    first = case.model_copy(update={"title": "first edit"})
    case_store.save_case(store, first, actor="alice", expected_version=1)
    second = case.model_copy(update={"title": "second edit"})
    with pytest.raises(ConflictError, match="version 2"):
        case_store.save_case(store, second, actor="bob", expected_version=1)
    assert case_store.get_case(store, "ablyazov")[0].title == "first edit"


def test_failed_write_leaves_nothing_behind(
    store: Store, example_case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = load_case(example_case_path)

    def failing_log(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full while logging")

    # The case row is inserted first; the log write then fails inside the same transaction.
    monkeypatch.setattr(changelog, "record", failing_log)
    with pytest.raises(RuntimeError):
        case_store.save_case(store, case, actor="alice")
    assert case_store.list_cases(store) == []


def test_missing_case_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        case_store.get_case(store, "nobody")


def test_delete_is_logged(store: Store, example_case_path: Path) -> None:
    case_store.save_case(store, load_case(example_case_path), actor="alice")
    case_store.delete_case(store, "ablyazov", actor="carol")
    assert case_store.list_cases(store) == []
    with store.read() as connection:
        assert [e.action for e in changelog.entries(connection, entity_id="ablyazov")] == ["create", "delete"]


def test_diff_reports_field_paths() -> None:
    changes = changelog.diff({"a": 1, "b": [{"c": 1}], "d": "x"}, {"a": 1, "b": [{"c": 2}], "e": "y"})
    assert [(c.path, c.before, c.after) for c in changes] == [
        ("b[0].c", 1, 2),
        ("d", "x", None),
        ("e", None, "y"),
    ]
