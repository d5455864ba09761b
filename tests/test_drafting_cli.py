"""``onward draft`` and ``onward draft --check`` from the command line, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from onward.store import open_store
from tests.clihelpers import run_cli
from tests.drafthelpers import EXAMPLE, curated_view, example_case

CASE = str(EXAMPLE / "case.yaml")
ORG = str(EXAMPLE / "org.yaml")


def test_draft_then_check_with_and_without_the_knowledge_base(
    capsys: pytest.CaptureFixture[str], store_url: str, tmp_path: Path
):
    out = tmp_path / "letter.md"
    first = run_cli(capsys, "--database-url", store_url, "draft", "open_letter", CASE, "--org", ORG, "-o", str(out))
    assert first.code == 0, first.err
    assert "wrote" in first.err
    assert "gaps marked where evidence is needed" in first.err
    failed = run_cli(capsys, "--database-url", store_url, "draft", "--check", str(out), "--case", CASE)
    assert failed.code == 1
    assert "evidence still needed: documented transfers by Russia" in failed.err

    store = open_store(store_url)
    try:
        curated_view(store, example_case())
    finally:
        store.close()
    for fmt in ("md", "docx", "pdf"):
        target = tmp_path / f"letter-fr.{fmt}"
        made = run_cli(
            capsys, "--database-url", store_url, "draft", "open_letter", CASE, "--lang", "fr", "--org", ORG,
            "-o", str(target),
        )  # fmt: skip
        assert made.code == 0, made.err
        checked = run_cli(capsys, "--database-url", store_url, "draft", "--check", str(target), "--case", CASE)
        assert checked.code == 0, checked.err
        assert "passed" in checked.out
    # Without --case, the check finds the case the draft names in the store.
    assert run_cli(capsys, "--database-url", store_url, "case", "import", CASE).code == 0
    by_id = run_cli(capsys, "--database-url", store_url, "draft", "--check", str(tmp_path / "letter-fr.md"))
    assert by_id.code == 0, by_id.err


def test_report_has_the_chain_graph(capsys: pytest.CaptureFixture[str], store_url: str, tmp_path: Path):
    store = open_store(store_url)
    try:
        curated_view(store, example_case())
    finally:
        store.close()
    out = tmp_path / "report.html"
    made = run_cli(capsys, "--database-url", store_url, "draft", "report", CASE, "-o", str(out))
    assert made.code == 0, made.err
    html = out.read_text(encoding="utf-8")
    assert "<figure><svg" in html
    assert "Kazakhstan" in html
    checked = run_cli(capsys, "--database-url", store_url, "draft", "--check", str(out), "--case", CASE)
    assert checked.code == 0, checked.err


def test_usage_mistakes_are_one_clear_message(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    missing = run_cli(capsys, "draft")
    assert missing.code == 2
    assert "needs TYPE and CASE" in missing.err
    unreadable = tmp_path / "notes.txt"
    unreadable.write_text("hello", encoding="utf-8")
    wrong = run_cli(capsys, "draft", "--check", str(unreadable))
    assert wrong.code == 2
    assert "cannot check a .txt file" in wrong.err
    assert "Traceback" not in wrong.err
