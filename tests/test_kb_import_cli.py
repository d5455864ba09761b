"""``onward kb import …``: counts, skipped and flagged rows, refusals as one clear message, idempotence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.clihelpers import run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "kb_import"


@pytest.fixture
def cli_env(store_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("ONWARD_DATABASE_URL", store_url)
    monkeypatch.setenv("ONWARD_ACTOR", "tester")
    monkeypatch.setenv("COLUMNS", "200")
    return store_url


@pytest.mark.usefixtures("cli_env")
def test_import_pts_reports_counts_skipped_and_ignored(capsys: pytest.CaptureFixture[str]) -> None:
    first = run_cli(capsys, "kb", "import", "pts", str(FIXTURES / "pts.csv"))
    assert first.code == 0, first.err
    assert "6 rows read; statements 11 added, 0 unchanged; 1 row skipped; 1 flagged" in first.out
    assert "ignored (not imported): Country_OLD, COW_Code_A, COW_Code_N, Region" in first.out
    assert "no ISO 3166-1 alpha-2 code: 'Soviet Union' (UN code NA, World Bank code NA): 1 row (pts.csv line 6)" in (
        first.out
    )
    second = run_cli(capsys, "kb", "import", "pts", str(FIXTURES / "pts.csv"))
    assert "statements 0 added, 11 unchanged" in second.out


@pytest.mark.usefixtures("cli_env")
def test_import_json_output_lists_every_skipped_row(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "kb", "import", "fiw", "--format", "json", str(FIXTURES / "fiw_scores.csv"))
    assert result.code == 0, result.err
    (report,) = json.loads(result.out)
    assert report["kind"] == "Freedom in the World indicator scores"
    assert report["statements_added"] == 8
    assert [s["locator"] for s in report["skipped"]] == [f"fiw_scores.csv line {n}" for n in (2, 3, 4, 5)]


@pytest.mark.usefixtures("cli_env")
def test_import_treaties_shows_the_flagged_rows(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "kb", "import", "treaties", str(FIXTURES / "treaties"))
    assert result.code == 0, result.err
    assert "hr_status_iccpr_op1.csv line 3: KZ ICCPR-OP1: status says 'state party' but the flags say" in result.out
    assert "CAT status from" in result.out


def test_check_writes_nothing_and_needs_no_store(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = run_cli(
        capsys,
        "--database-url",
        f"sqlite:///{tmp_path / 'none.sqlite3'}",
        "kb",
        "import",
        "countries",
        "--check",
        str(FIXTURES / "countries.json"),
    )
    assert result.code == 0, result.err
    assert "statements would be loaded (nothing written)" in result.out
    assert not (tmp_path / "none.sqlite3").exists()


@pytest.mark.usefixtures("cli_env")
def test_a_refused_file_is_one_message_with_exit_code_2(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "kb", "import", "pts", str(FIXTURES / "pts_wrong_header.csv"))
    assert result.code == 2
    assert "pts_wrong_header.csv:1:1: header: missing column 'PTS_A'" in result.err
    assert "Traceback" not in result.err


def test_check_with_all_lists_every_group_and_the_tallies(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "kb", "import", "pts", "--check", "--all", str(FIXTURES / "pts.csv"))
    assert result.code == 0, result.err
    assert "11 statements would be loaded (nothing written)" in result.out
    assert "tallies: " in result.out
    assert "PTS_A NA (NA_Status_A=88): 1" in result.out
