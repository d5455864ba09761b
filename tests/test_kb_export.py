import datetime as dt
import json
from pathlib import Path

import pytest
from followthemoney import model

from onward.errors import CaseFileError, InputError
from onward.kb.export import ExportFormat, export_kb
from onward.kb.importfile import import_kb_file
from onward.model.source import Verification
from onward.store import Store, open_store
from onward.store import kb as kb_store
from onward.store.migrate import upgrade
from tests.clihelpers import run_cli
from tests.kbhelpers import fact, load, source

INCIDENT = "incident:fx-ua-uz"


def _fill(store: Store) -> str:
    """A small KB with a conflict, a correction and a later judgment; returns the corrected statement's id."""
    original = fact(INCIDENT, "subject_count", 12, "fx-agency", locator="para 2")
    load(
        store,
        [source("fx-agency", "2006-02-16", verification=Verification.VERIFIED), source("fx-ngo", "2006-02-20")],
        [
            fact(INCIDENT, "kind", "deportation", "fx-agency"),
            fact(INCIDENT, "status", "completed", "fx-agency"),
            fact(INCIDENT, "from_state", "UA", "fx-agency"),
            fact(INCIDENT, "to_state", "UZ", "fx-agency"),
            fact(INCIDENT, "date", "2006-02-14", "fx-agency"),
            fact(INCIDENT, "subject_count", 10, "fx-ngo"),
            fact("state:UA", "party_to", "CAT", "fx-agency", valid_from="1987-02-24"),
            fact("state:UA", "name", {"lang": "fr", "text": "Ukraine"}, "fx-agency"),
            original,
        ],
    )
    load(
        store,
        [],
        [fact(INCIDENT, "subject_count", 11, "fx-agency", locator="para 2", supersedes=original.content_id())],
    )
    load(
        store,
        [source("fx-court", "2016-03-01")],
        [
            fact("judgment:00001/16", "case_name", "Fixture v. Ukraine", "fx-court", dataset="fixture-judgments"),
            fact("judgment:00001/16", "respondent", "UA", "fx-court", dataset="fixture-judgments"),
            fact("judgment:00001/16", "judgment_date", "2016-03-01", "fx-court", dataset="fixture-judgments"),
        ],
        dataset="fixture-judgments",
    )
    return original.content_id()


def _all(store: Store) -> list[tuple[str, str]]:
    with store.read() as connection:
        stored = kb_store.iter_all_statements(connection)
        return sorted((s.id, json.dumps(s.statement.model_dump(mode="json"), sort_keys=True)) for s in stored)


def _fresh(url_of: Path) -> Store:
    store = open_store(f"sqlite:///{url_of}")
    upgrade(store)
    return store


@pytest.mark.parametrize("format", [ExportFormat.JSONL, ExportFormat.CSV])
def test_exports_round_trip_and_reimport_changes_nothing(store: Store, tmp_path: Path, format: ExportFormat) -> None:
    _fill(store)
    path = tmp_path / f"kb.{format.value}"
    report = export_kb(store, path, format)
    assert (report.sources, report.statements) == (3, 13)
    copy = _fresh(tmp_path / "copy.sqlite3")
    reports = import_kb_file(copy, path, actor="tester")
    assert sum(r.statements_added for r in reports) == 13
    assert _all(copy) == _all(store)  # the correction and the statement it corrects both survive
    again = import_kb_file(copy, path, actor="tester")
    assert sum(r.statements_added + r.sources_added + r.sources_updated for r in again) == 0
    into_original = import_kb_file(store, path, actor="tester")
    assert sum(r.statements_added for r in into_original) == 0
    copy.close()


def test_export_as_of_leaves_out_later_facts(store: Store, tmp_path: Path) -> None:
    _fill(store)
    path = tmp_path / "kb.jsonl"
    report = export_kb(store, path, ExportFormat.JSONL, as_of=dt.date(2015, 5, 18))
    text = path.read_text(encoding="utf-8")
    assert report.statements == 10
    assert "fx-court" not in text
    assert json.loads(text.splitlines()[0])["as_of"] == "2015-05-18"


def test_ftm_export_is_valid_followthemoney(store: Store, tmp_path: Path) -> None:
    _fill(store)
    path = tmp_path / "kb.ftm.json"
    report = export_kb(store, path, ExportFormat.FTM, as_of=dt.date(2020, 1, 1))
    entities = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert report.entities == len(entities)
    for data in entities:
        proxy = model.get_proxy(data)
        assert proxy.schema.validate({"properties": data["properties"]}) is None
    by_schema: dict[str, list[dict[str, object]]] = {}
    for data in entities:
        by_schema.setdefault(str(data["schema"]), []).append(data)
    (event,) = by_schema["Event"]
    notes = event["properties"]["notes"]  # type: ignore[index]
    assert any("11 (fx-agency)" in n and "10 (fx-ngo)" in n for n in notes)
    assert {"Document", "PublicBody", "CourtCase", "Membership", "Documentation"} <= set(by_schema)
    (case,) = by_schema["CourtCase"]
    assert case["properties"]["caseNumber"] == ["00001/16"]  # type: ignore[index]


def test_import_refuses_an_edited_statement_with_its_line(store: Store, tmp_path: Path) -> None:
    _fill(store)
    path = tmp_path / "kb.jsonl"
    export_kb(store, path, ExportFormat.JSONL)
    lines = path.read_text(encoding="utf-8").splitlines()
    edited = json.loads(lines[5])
    edited["value"] = "tampered"
    lines[5] = json.dumps(edited)
    lines[6] = "{not json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CaseFileError) as error:
        import_kb_file(_fresh(tmp_path / "copy.sqlite3"), path, actor="tester")
    rendered = [p.render() for p in error.value.problems]
    assert rendered[0].startswith(f"{path}:6:")
    assert "does not match its id" in rendered[0]
    assert rendered[1].startswith(f"{path}:7:")
    assert "not valid JSON" in rendered[1]


def test_import_refuses_files_that_are_not_exports(tmp_path: Path, store: Store) -> None:
    wrong = tmp_path / "kb.jsonl"
    wrong.write_text('{"record": "statement"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="not an Onward knowledge-base header"):
        import_kb_file(store, wrong, actor="tester")
    csv_file = tmp_path / "kb.csv"
    csv_file.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing columns"):
        import_kb_file(store, csv_file, actor="tester")
    xml = tmp_path / "kb.xml"
    xml.write_text("<kb/>", encoding="utf-8")
    with pytest.raises(InputError, match=r"expected a \.jsonl or \.csv"):
        import_kb_file(store, xml, actor="tester")


def test_export_and_import_commands(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONWARD_DATABASE_URL", store_url)
    store = open_store(store_url)
    _fill(store)
    store.close()
    out = tmp_path / "kb.csv"
    written = run_cli(capsys, "kb", "export", "--format", "csv", "-o", str(out))
    assert written.code == 0, written.err
    assert "13 statements, 3 sources" in written.out
    imported = run_cli(capsys, "kb", "import-file", str(out), "--format", "json")
    assert imported.code == 0
    assert all(r["statements_added"] == 0 for r in json.loads(imported.out))
    folder = run_cli(capsys, "kb", "export", "-o", str(tmp_path))
    assert folder.code == 2
    assert "is a folder" in folder.err
    missing = run_cli(capsys, "kb", "import-file", str(tmp_path / "none.jsonl"))
    assert missing.code == 2
    assert "no such file" in missing.err
