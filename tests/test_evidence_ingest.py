import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from onward.errors import InputError
from onward.evidence.ingest import DocumentEvent, Outcome, ingest
from onward.evidence.sourcemeta import load_source_meta
from onward.store import Store, open_store
from onward.store.tables_evidence import evidence_documents, evidence_passages
from tests.conftest import make_store_url
from tests.evidencehelpers import copy_fixture, encrypt_pdf, make_docx, make_jsonl_gz, make_pdf, report_line


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    copy_fixture("letter.txt", folder)
    copy_fixture("report.md", folder)
    copy_fixture("statement.html", folder)
    make_pdf(folder / "report.pdf", [["Kazakhstan requested the extradition of a journalist."], ["Second page."]])
    make_docx(folder / "note.docx", "Note", ["Russia extradited an asylum seeker to Uzbekistan."])
    make_jsonl_gz(
        folder / "fiw.jsonl.gz",
        [
            report_line("UA", "Ukraine", 2019, "F2", "Courts remain subject to political pressure."),
            report_line("UA", "Ukraine", 2020, "F2", "Asylum seekers were returned to Uzbekistan."),
            report_line("RU", "Russia", 2019, "G1", "Internal movement is restricted."),
        ],
    )
    return folder


def _snapshot(store: Store) -> dict[str, Any]:
    """Everything a document leaves in the store, without timestamps and row numbers."""
    documents = sa.select(*(c for c in evidence_documents.c if c.name not in ("ingested_at", "ingested_by", "path")))
    passages = sa.select(*(c for c in evidence_passages.c if c.name != "seq"))
    with store.read() as connection:
        snapshot: dict[str, Any] = {
            "documents": sorted(tuple(r) for r in connection.execute(documents).all()),
            "passages": sorted(repr(tuple(r)) for r in connection.execute(passages).all()),
        }
        if store.dialect == "postgresql":
            index = "SELECT id, search_vector::text FROM evidence_passages ORDER BY id"
        else:
            index = "SELECT count(*) FROM evidence_passage_fts"
        snapshot["index"] = [tuple(r) for r in connection.exec_driver_sql(index).all()]
    return snapshot


def _consistent(store: Store) -> None:
    """Every stored document has all its passages, and every passage is indexed."""
    with store.read() as connection:
        for document_id, expected in connection.execute(
            sa.select(evidence_documents.c.id, evidence_documents.c.passage_count)
        ):
            count = sa.select(sa.func.count()).where(evidence_passages.c.document_id == document_id)
            assert connection.execute(count).scalar_one() == expected
        total = connection.execute(sa.select(sa.func.count()).select_from(evidence_passages)).scalar_one()
        if store.dialect == "postgresql":
            indexed = connection.exec_driver_sql(
                "SELECT count(*) FROM evidence_passages WHERE search_vector <> ''::tsvector"
            ).scalar_one()
        else:
            indexed = connection.exec_driver_sql("SELECT count(*) FROM evidence_passage_fts").scalar_one()
        assert indexed == total


def test_ingest_every_format_then_reingest_is_a_no_op(store: Store, tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "docs")
    report = ingest(store, [folder], actor="alice")
    assert (report.files, report.added, report.unchanged, report.skipped) == (6, 8, 0, 0)
    assert report.passages == 6 + 4 + 6 + 2 + 2 + 3  # text, Markdown, HTML, PDF, DOCX, three one-line reports
    before = _snapshot(store)
    _consistent(store)

    again = ingest(store, [folder], actor="bob")
    assert (again.added, again.unchanged, again.skipped, again.passages) == (0, 8, 0, 0)
    assert _snapshot(store) == before


def test_bad_files_are_skipped_with_a_reason_and_the_run_goes_on(store: Store, tmp_path: Path) -> None:
    good = copy_fixture("letter.txt", tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n \n")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    locked = encrypt_pdf(make_pdf(tmp_path / "plain.pdf", [["Secret."]]), tmp_path / "locked.pdf")
    big = tmp_path / "big.txt"
    big.write_text("word " * 5000)
    image = tmp_path / "scan.tiff"
    image.write_bytes(b"II*\x00")
    files = [tmp_path / "empty.txt", tmp_path / "blank.md", tmp_path / "broken.pdf", locked, big, image]
    files += [tmp_path / "missing.txt", good]
    report = ingest(store, files, actor="alice", max_bytes=10_000)
    assert (report.added, report.skipped) == (1, 7)
    reasons = {event.path.name: event.reason for event in report.events if event.outcome is Outcome.SKIPPED}
    assert "the file is empty" in str(reasons["empty.txt"])
    assert "no text found" in str(reasons["blank.md"])
    assert "not a readable PDF" in str(reasons["broken.pdf"])
    assert "encrypted with a password" in str(reasons["locked.pdf"])
    assert "MB is over the 0 MB limit" in str(reasons["big.txt"])
    assert "not a format Onward reads" in str(reasons["scan.tiff"])
    assert "no such file" in str(reasons["missing.txt"])


class _InterruptedError(Exception):
    """Stands for the ingest being killed (Ctrl-C, a crash) between two documents."""


@pytest.fixture
def clean_store_url(store: Store, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A second empty store on the same backend as ``store``, for a clean run to compare with."""
    yield from make_store_url(store.dialect, tmp_path / "clean", request)


def test_interrupted_ingest_resumes_to_the_same_store_as_a_clean_run(
    store: Store, clean_store_url: str, tmp_path: Path
) -> None:
    folder = _corpus(tmp_path / "docs")
    stored: list[DocumentEvent] = []

    def crash_after_three(event: DocumentEvent) -> None:
        stored.append(event)
        if len(stored) == 3:
            raise _InterruptedError

    with pytest.raises(_InterruptedError):  # one document per transaction: three are stored and reported
        ingest(store, [folder], actor="alice", on_document=crash_after_three, batch_passages=1)
    _consistent(store)  # no half-written document
    with store.read() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(evidence_documents)).scalar_one() == 3

    resumed = ingest(store, [folder], actor="alice")
    assert (resumed.added, resumed.unchanged) == (5, 3)

    clean = open_store(clean_store_url)
    try:
        ingest(clean, [folder], actor="alice")
        assert _snapshot(store) == _snapshot(clean)
    finally:
        clean.close()


_KILLED_INGEST = """
import os, signal, sys
from pathlib import Path
from onward.evidence.ingest import ingest
from onward.store import open_store

events = []

def kill_after_two_commits(event):
    events.append(event)
    if len(events) == 2:  # the second document of a transaction holding several: no cleanup whatsoever
        os.kill(os.getpid(), signal.SIGKILL)

store = open_store(sys.argv[1])
ingest(store, [Path(sys.argv[2])], actor="alice", on_document=kill_after_two_commits, batch_passages=4, workers=1)
"""


def test_a_killed_ingest_with_workers_resumes_to_the_same_store_as_a_clean_run(
    store: Store, clean_store_url: str, tmp_path: Path
) -> None:
    """SIGKILL in the middle of a run that annotates in a worker process and writes several documents per
    transaction: every document is whole or absent, and the rerun gives the store of one clean run."""
    folder = _corpus(tmp_path / "docs")
    url = store.engine.url.render_as_string(hide_password=False)
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_INGEST, url, str(folder)], capture_output=True, check=False, timeout=120
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    _consistent(store)
    with store.read() as connection:
        stored = connection.execute(sa.select(sa.func.count()).select_from(evidence_documents)).scalar_one()
    assert 2 <= stored < 8

    resumed = ingest(store, [folder], actor="alice", workers=1)
    assert (resumed.added, resumed.unchanged) == (8 - stored, stored)
    clean = open_store(clean_store_url)
    try:
        ingest(clean, [folder], actor="alice")
        assert _snapshot(store) == _snapshot(clean)
    finally:
        clean.close()


def test_source_meta_gives_each_file_its_provenance(store: Store, tmp_path: Path) -> None:
    letter = copy_fixture("letter.txt", tmp_path)
    copy_fixture("report.md", tmp_path)
    meta = tmp_path / "sources.yaml"
    meta.write_text(
        "letter.txt:\n  id: ngo-letter-2015\n  publisher: An NGO\n  title: Letter on transfers\n"
        "  date: 2015-03-02\n  url: https://example.org/letter\n  country: FR\n  verification: partial\n"
        "'*':\n  publisher: Unknown NGO\n"
    )
    ingest(store, [letter, tmp_path / "report.md"], actor="alice", source_meta=load_source_meta(meta))
    with store.read() as connection:
        rows = {r.path: r for r in connection.execute(sa.select(evidence_documents))}
        years = set(connection.execute(sa.select(evidence_passages.c.year)).scalars())
    row = rows[str(letter)]
    assert (row.source_id, row.publisher, row.title, row.date) == (
        "ngo-letter-2015",
        "An NGO",
        "Letter on transfers",
        "2015-03-02",
    )
    assert (row.url, row.country, row.verification, row.format) == (
        "https://example.org/letter",
        "FR",
        "partial",
        "text",
    )
    assert rows[str(tmp_path / "report.md")].publisher == "Unknown NGO"
    assert 2015 in years


def test_source_meta_mistakes_name_the_entry_and_field(tmp_path: Path) -> None:
    meta = tmp_path / "sources.yaml"
    meta.write_text("letter.txt:\n  publisher: An NGO\n  date: 2015-13-40\n")
    with pytest.raises(InputError, match=r"entry 'letter.txt', field date"):
        load_source_meta(meta)
    meta.write_text("letter.txt:\n  publisher: An NGO\n  author: someone\n")
    with pytest.raises(InputError, match=r"field author: Extra inputs are not permitted"):
        load_source_meta(meta)


def test_a_corpus_damaged_part_way_keeps_what_came_before(store: Store, tmp_path: Path) -> None:
    lines = [
        report_line("UA", "Ukraine", year, "F2", f"Report text number {year}. " * 40) for year in range(2000, 2040)
    ]
    whole = make_jsonl_gz(tmp_path / "whole.jsonl.gz", lines).read_bytes()
    damaged = tmp_path / "damaged.jsonl.gz"
    damaged.write_bytes(whole[: len(whole) * 2 // 3])
    report = ingest(store, [damaged], actor="alice", batch_passages=1)
    (skip,) = [event for event in report.events if event.outcome is Outcome.SKIPPED]
    assert "damaged gzip file" in str(skip.reason)
    assert 0 < report.added < 40
    _consistent(store)
