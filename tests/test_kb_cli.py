import io
import json
from pathlib import Path

import pytest

from tests.clihelpers import CliResult, run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "kb"


@pytest.fixture
def cli_env(store_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("ONWARD_DATABASE_URL", store_url)
    monkeypatch.setenv("ONWARD_ACTOR", "tester")
    monkeypatch.setenv("COLUMNS", "200")
    return store_url


def _added(capsys: pytest.CaptureFixture[str]) -> CliResult:
    result = run_cli(capsys, "kb", "add", str(FIXTURES / "addition.yaml"))
    assert result.code == 0, result.err
    return result


def test_add_file_is_idempotent(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    first = _added(capsys)
    assert "14 statements added" in first.out
    again = run_cli(capsys, "kb", "add", "--format", "json", str(FIXTURES / "addition.yaml"))
    (report,) = json.loads(again.out)
    assert (report["statements_added"], report["statements_unchanged"]) == (0, 14)


def test_add_file_reports_every_mistake_with_its_line(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "kb", "add", str(FIXTURES / "mistakes.yaml"))
    assert result.code == 1
    assert "mistakes.yaml:6:" in result.err  # 2015-02-30
    assert "has no day 30" in result.err
    assert "mistakes.yaml:12:" in result.err  # verification: certain
    assert "mistakes.yaml:13:" in result.err  # subject without prefix
    assert "mistakes.yaml:21:" in result.err  # sauce
    assert "did you mean 'source'?" in result.err
    assert "4 problems found" in result.err
    assert "Traceback" not in result.err


def test_add_file_catches_vocabulary_mistakes(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "kb", "add", str(FIXTURES / "vocabulary_mistakes.yaml"))
    assert result.code == 1
    assert "vocabulary_mistakes.yaml:8:" in result.err
    assert "did you mean 'party_to'?" in result.err
    assert "vocabulary_mistakes.yaml:13:" in result.err
    assert "did you mean KZ?" in result.err
    assert "2 problems found" in result.err  # the x_ property is accepted


def test_add_file_refuses_an_undeclared_source(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "kb", "add", str(FIXTURES / "unknown_source.yaml"))
    assert result.code == 1
    assert "unknown_source.yaml:6:" in result.err
    assert "fx-nowhere" in result.err


def test_add_file_that_does_not_exist(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "kb", "add", str(FIXTURES / "nope.yaml"))
    assert result.code == 2
    assert "no such file" in result.err


def test_state_shows_sources_and_conflicts_as_of(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    _added(capsys)
    result = run_cli(capsys, "kb", "state", "UA", "--as-of", "2015-05-18")
    assert result.code == 0, result.err
    assert "Ukraine (UA)" in result.out
    assert "party since 1987-02-24" in result.out
    assert "subject_count: sources disagree: " in result.out
    assert "11 [fx-agency-2006, para 2]" in result.out
    assert "10 [fx-ngo-2006, para 1]" in result.out
    assert "Fixture v. Ukraine" not in result.out  # judged in 2016
    assert "fx-court-2016" not in result.out
    later = run_cli(capsys, "kb", "state", "ua", "--as-of", "2017")
    assert "Fixture v. Ukraine" in later.out


def test_state_json_and_bad_inputs(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    _added(capsys)
    result = run_cli(capsys, "kb", "state", "UZ", "--as-of", "2020-01-01", "--format", "json")
    data = json.loads(result.out)
    (incident,) = data["incidents_to"]
    assert incident["conflicts"] == ["subject_count"]
    assert sorted(f["value"] for f in incident["facts"]["subject_count"]) == [10, 11]
    assert [j["application_no"] for j in data["judgments"]] == ["00001/16"]
    wrong_state = run_cli(capsys, "kb", "state", "Kazakstan")
    assert wrong_state.code == 2
    assert "did you mean KZ" in wrong_state.err
    wrong_date = run_cli(capsys, "kb", "state", "KZ", "--as-of", "18/05/2015")
    assert wrong_date.code == 2
    assert "--as-of: expected a date" in wrong_date.err


def test_incidents_filters(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    _added(capsys)
    found = run_cli(capsys, "kb", "incidents", "--from", "UA", "--to", "UZ", "--since", "2005", "--kind", "deportation")
    assert "fx-ua-uz" in found.out
    assert "subject_count: sources disagree" in found.out
    none = run_cli(capsys, "kb", "incidents", "--kind", "abduction")
    assert "no incidents known" in none.out
    before = run_cli(capsys, "kb", "incidents", "--as-of", "2006-02-15")
    assert "no incidents known" in before.out
    bad_kind = run_cli(capsys, "kb", "incidents", "--kind", "kidnapping")
    assert bad_kind.code == 2
    assert "unknown kind 'kidnapping'" in bad_kind.err
    bad_since = run_cli(capsys, "kb", "incidents", "--since", "last year")
    assert bad_since.code == 2
    assert "--since" in bad_since.err


def test_sources_and_history(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    _added(capsys)
    listed = run_cli(capsys, "kb", "sources", "--as-of", "2010-01-01", "--format", "json")
    assert {s["id"]: s["statements"] for s in json.loads(listed.out)} == {"fx-agency-2006": 8, "fx-ngo-2006": 1}
    history = run_cli(capsys, "kb", "history", "incident:fx-ua-uz", "subject_count", "--format", "json")
    entries = json.loads(history.out)
    assert sorted(e["value"] for e in entries) == [10, 11]
    assert all(e["loaded_by"] == "tester" and e["current"] for e in entries)
    bad = run_cli(capsys, "kb", "history", "KZ")
    assert bad.code == 2
    assert "not a subject" in bad.err


def test_interactive_add_asks_and_stores(
    cli_env: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [
        "fx-new",  # source id
        "Fixture Publisher (fictional)",
        "Fictional report",
        "2015-02-30",  # impossible: asked again
        "2015-02",
        "",  # url
        "partial",
        "state:KZ",
        "party_to",
        "CAT",
        "p. 3",
        "",  # quote
        "verified",
        "1998-08",
        "",
        "",
        "",
        "y",
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(answers) + "\n"))
    result = run_cli(capsys, "kb", "add")
    assert result.code == 0, result.err
    assert "has no day 30" in result.out
    assert "1 statements added" in result.out
    shown = run_cli(capsys, "kb", "state", "KZ", "--as-of", "2016-01-01")
    assert "party since 1998-08" in shown.out
    assert "fx-new, p. 3" in shown.out


def test_build_names_missing_folders(cli_env: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = run_cli(capsys, "kb", "build", "--data-dir", str(tmp_path))
    assert result.code == 0
    assert "no reference data" in result.err
    assert "no curated knowledge" in result.err
    missing = run_cli(capsys, "kb", "build", "--data-dir", str(tmp_path / "absent"))
    assert missing.code == 2
    assert "is not a folder" in missing.err


def test_kb_commands_need_an_initialised_store(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = run_cli(capsys, "--database-url", f"sqlite:///{tmp_path / 'empty.sqlite3'}", "kb", "state", "KZ")
    assert result.code == 3
    assert "onward init" in result.err
