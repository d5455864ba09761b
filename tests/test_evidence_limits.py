"""Evidence readers refuse a hostile file (zip bomb, paragraph bomb, thousands of pages, gzip bomb) by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from onward.errors import InputError
from onward.evidence.readers import docx, html, jsonl, pdf, plaintext
from onward.evidence.readers.base import ReadLimits
from tests.clihelpers import run_cli
from tests.evidencehelpers import make_docx
from tests.hostile import generate


def test_a_docx_zip_bomb_is_refused_from_its_declared_size_before_parsing() -> None:
    data = generate.zip_bomb_docx(30_000_000)
    with pytest.raises(InputError, match=r"bomb.docx: refused: the unpacked size .* 20,000,000 \(found 29,99"):
        docx.read(Path("bomb.docx"), data, ReadLimits(max_unpacked_bytes=20_000_000))
    with pytest.raises(InputError, match=r"document.xml in bytes"):
        docx.read(Path("bomb.docx"), data, ReadLimits(max_xml_bytes=10_000_000))


def test_a_docx_with_too_many_parts_or_paragraphs_is_refused() -> None:
    with pytest.raises(InputError, match="number of paragraphs exceeds the limit of 50,000 \\(found 300,000\\)"):
        docx.read(Path("empty.docx"), generate.paragraph_bomb_docx(300_000))
    with pytest.raises(InputError, match="number of parts"):
        docx.read(Path("empty.docx"), generate.paragraph_bomb_docx(10), ReadLimits(max_zip_members=2))


def test_an_ordinary_docx_is_still_read(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "r.docx", "Report", ["Kazakhstan extradited him.", "He was detained."])
    (document,) = docx.read(path, path.read_bytes(), ReadLimits(max_paragraphs=3))
    assert [p.text for p in document.passages] == ["Report", "Kazakhstan extradited him.", "He was detained."]
    with pytest.raises(InputError, match="paragraphs"):
        docx.read(path, path.read_bytes(), ReadLimits(max_paragraphs=2))


def test_a_pdf_with_too_many_pages_is_refused() -> None:
    with pytest.raises(InputError, match=r"many.pdf: refused: the number of pages exceeds the limit of 2,000"):
        pdf.read(Path("many.pdf"), generate.many_pages_pdf(2_001))


def test_extracted_text_is_capped_per_document() -> None:
    with pytest.raises(InputError, match=r"letter.txt: refused: the text"):
        plaintext.read(Path("letter.txt"), b"Torture. " * 1000, ReadLimits(max_chars=5000))
    page = b"<html><body>" + b"<p>Extradited to Uzbekistan.</p>" * 400 + b"</body></html>"
    with pytest.raises(InputError, match=r"page.html: refused: the extracted text"):
        html.read(Path("page.html"), page, ReadLimits(max_chars=5000))
    with pytest.raises(InputError, match=r"page.html: refused: the size"):
        html.read(Path("page.html"), page, ReadLimits(max_html_bytes=1000))
    with pytest.raises(InputError, match=r"page.html: refused: the number of paragraphs"):
        html.read(Path("page.html"), page, ReadLimits(max_paragraphs=100))


def test_gzip_bombs_are_stopped_while_streaming() -> None:
    with pytest.raises(InputError, match="length of a line"):
        list(jsonl.read(Path("bomb.jsonl.gz"), generate.gzip_bomb_jsonl(100_000_000)))
    with pytest.raises(InputError, match="number of lines exceeds the limit of 1,000"):
        list(jsonl.read(Path("blank.jsonl.gz"), generate.newline_bomb_jsonl(5_000), ReadLimits(max_lines=1_000)))
    with pytest.raises(InputError, match="unpacked size"):
        list(jsonl.read(Path("blank.jsonl.gz"), generate.newline_bomb_jsonl(5_000), ReadLimits(max_stream_bytes=1_000)))


def test_a_deeply_nested_json_line_is_skipped_with_a_reason() -> None:
    deep = generate.deep_json(100_000)
    good = b'{"text": "Russia deported him."}\n'
    (document,) = jsonl.read(Path("c.jsonl"), deep + good)
    assert [p.text for p in document.passages] == ["Russia deported him."]
    assert document.warnings == [
        "c.jsonl:1: line skipped: not JSON (arrays and objects nested more than 64 levels deep)"
    ]


def test_the_limits_are_settings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONWARD_DATABASE_URL", f"sqlite:///{tmp_path / 'onward.sqlite3'}")
    monkeypatch.setenv("ONWARD_READ_LIMITS", '{"max_pages": 1}')
    assert run_cli(capsys, "init").code == 0
    two_pages = tmp_path / "two.pdf"
    two_pages.write_bytes(generate.many_pages_pdf(2))
    result = run_cli(capsys, "ingest", str(two_pages))
    assert "two.pdf: refused: the number of pages exceeds the limit of 1 (found 2)" in result.out + result.err
