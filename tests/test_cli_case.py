import json
from pathlib import Path

import pytest

from tests.clihelpers import run_cli

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def cli_env(store_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("ONWARD_DATABASE_URL", store_url)
    monkeypatch.setenv("ONWARD_ACTOR", "tester")
    monkeypatch.setenv("COLUMNS", "160")
    return store_url


def test_validate_ok_and_errors(capsys: pytest.CaptureFixture[str], example_case_path: Path) -> None:
    ok = run_cli(capsys, "case", "validate", str(example_case_path))
    assert ok.code == 0
    assert "valid" in ok.out
    bad = run_cli(capsys, "case", "validate", str(FIXTURES / "five_mistakes.yaml"))
    assert bad.code == 1
    assert "five_mistakes.yaml:9:" in bad.err
    assert "5 problems found" in bad.err
    assert "Traceback" not in bad.err


def test_validate_json_lists_problems(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "case", "validate", "--format", "json", str(FIXTURES / "five_mistakes.yaml"))
    assert result.code == 1
    report = json.loads(result.out)
    assert report["valid"] is False
    assert len(report["problems"]) == 5


def test_show_renders_timeline_from_file(
    capsys: pytest.CaptureFixture[str], example_case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    result = run_cli(capsys, "case", "show", str(example_case_path))
    assert result.code == 0
    assert "Mukhtar Ablyazov" in result.out
    assert result.out.index("2014-10-24") < result.out.index("2015-03-04")
    assert "consular visits" in result.out


def test_import_list_export_history(
    capsys: pytest.CaptureFixture[str], cli_env: str, example_case_path: Path, tmp_path: Path
) -> None:
    first = run_cli(capsys, "case", "import", str(example_case_path))
    assert first.code == 0, first.err
    assert "created" in first.out
    again = run_cli(capsys, "case", "import", str(example_case_path))
    assert "unchanged" in again.out
    listed = run_cli(capsys, "case", "list", "--format", "json")
    assert [c["id"] for c in json.loads(listed.out)] == ["ablyazov"]
    out = tmp_path / "exported.yaml"
    assert run_cli(capsys, "case", "export", "ablyazov", "-o", str(out)).code == 0
    assert run_cli(capsys, "case", "validate", str(out)).code == 0
    shown = run_cli(capsys, "case", "show", "ablyazov")
    assert "Lyon" in shown.out
    history = run_cli(capsys, "case", "history", "ablyazov", "--format", "json")
    assert [e["actor"] for e in json.loads(history.out)] == ["tester"]


def test_import_refuses_invalid_file_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], cli_env: str, example_case_path: Path
) -> None:
    result = run_cli(capsys, "case", "import", str(example_case_path), str(FIXTURES / "five_mistakes.yaml"))
    assert result.code == 1
    listed = run_cli(capsys, "case", "list", "--format", "json")
    assert json.loads(listed.out) == []


def test_user_mistakes_never_show_tracebacks(capsys: pytest.CaptureFixture[str], cli_env: str) -> None:
    missing = run_cli(capsys, "case", "show", "no-such-case")
    assert missing.code == 4
    assert "no case with id 'no-such-case'" in missing.err
    assert "Traceback" not in missing.err
    absent = run_cli(capsys, "case", "validate", "absent.yaml")
    assert absent.code == 2
    assert "no such file" in absent.err


def test_uninitialised_store_is_explained(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONWARD_DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    result = run_cli(capsys, "case", "list")
    assert result.code == 3
    assert "onward init" in result.err
    assert run_cli(capsys, "init").code == 0
    assert run_cli(capsys, "case", "list").code == 0


def test_bad_database_url_is_a_clear_error(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONWARD_DATABASE_URL", "mysql-ish:/nowhere")
    result = run_cli(capsys, "case", "list")
    assert result.code == 3
    assert "database URL" in result.err or "unsupported database" in result.err
