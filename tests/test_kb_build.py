"""The shipped default knowledge base: built from the repository's data/ folder, idempotently."""

import datetime as dt
import json
import shutil
from pathlib import Path

from onward.kb.build import build_default_kb, repository_data_dir
from onward.kb.view import KnowledgeView
from onward.store import Store
from onward.store import kb as kb_store

SEED_LETTER_DATE = dt.date(2015, 5, 18)


# The shipped files minus the large indicator tables (PTS, Freedom House), to keep the test quick.
SMALL_REFERENCE = ("countries", "treaties/hr_status_cat.csv", "treaties/hr_status_iccpr.csv")


def _small_data_dir(folder: Path) -> Path:
    source = repository_data_dir()
    shutil.copytree(source / "curated", folder / "curated")
    manifest = json.loads((source / "reference" / "MANIFEST.json").read_text(encoding="utf-8"))
    manifest["files"] = [f for f in manifest["files"] if f["path"].startswith(SMALL_REFERENCE)]
    for entry in manifest["files"]:
        target = folder / "reference" / entry["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source / "reference" / entry["path"], target)
    (folder / "reference" / "MANIFEST.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def test_build_is_idempotent_and_sees_nothing_after_as_of(store: Store, tmp_path: Path) -> None:
    data_dir = _small_data_dir(tmp_path)
    first = build_default_kb(store, actor="tester", data_dir=data_dir)
    assert first.changed
    assert first.notes == []
    with store.read() as connection:
        loaded = kb_store.count_statements(connection)
    again = build_default_kb(store, actor="tester", data_dir=data_dir)
    assert not again.changed
    with store.read() as connection:
        assert kb_store.count_statements(connection) == loaded
    view = KnowledgeView(store, as_of=SEED_LETTER_DATE)
    summary = view.state_summary("KZ")
    assert view.membership("KZ", "CAT").is_party
    for stored in view.stored(subject="state:KZ"):
        assert stored.statement.is_known_at(SEED_LETTER_DATE, stored.source_date)
    for incident in [*summary.incidents_from, *summary.incidents_to]:
        for statement in incident.statements:
            source = view.source(statement.source)
            assert statement.is_known_at(SEED_LETTER_DATE, source.date if source else None)
    for judgment in summary.judgments:
        assert judgment.judgment_date is None or judgment.judgment_date.latest() <= SEED_LETTER_DATE


def test_build_names_what_is_missing(store: Store, tmp_path: Path) -> None:
    shutil.copytree(repository_data_dir() / "curated", tmp_path / "curated")
    result = build_default_kb(store, actor="tester", data_dir=tmp_path)
    assert [r.dataset for r in result.reports] == ["curated", "judgments"]
    assert len(result.notes) == 1
    assert "no reference data" in result.notes[0]
    empty = build_default_kb(store, actor="tester", data_dir=tmp_path / "nothing")
    assert empty.reports == []
    assert len(empty.notes) == 3
