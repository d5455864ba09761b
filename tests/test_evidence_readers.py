from pathlib import Path

import pytest

from onward.errors import InputError
from onward.evidence.readers import reader_for
from onward.evidence.readers.base import ReadDocument
from tests.evidencehelpers import copy_fixture, encrypt_pdf, make_docx, make_jsonl_gz, make_pdf, report_line


def _read(path: Path) -> list[ReadDocument]:
    found = reader_for(path)
    assert found is not None
    return list(found[1](path, path.read_bytes()))


def test_text_passages_are_exact_slices_of_the_file(tmp_path: Path) -> None:
    path = copy_fixture("letter.txt", tmp_path)
    text = path.read_text(encoding="utf-8")
    (document,) = _read(path)
    assert [p.paragraph for p in document.passages] == [1, 2, 3, 4, 5, 6]
    for passage in document.passages:
        assert text[passage.char_start : passage.char_end] == passage.text
    fifth = document.passages[4]
    assert fifth.text.startswith("In February 2006, Ukraine forcibly returned")
    assert fifth.locator == f"¶ 5, line 10, chars {fifth.char_start}–{fifth.char_end}"


def test_markdown_headings_become_sections(tmp_path: Path) -> None:
    (document,) = _read(copy_fixture("report.md", tmp_path))
    assert document.title == "Returns from Kazakhstan"
    last = document.passages[-1]
    assert last.text.startswith("The UN Committee against Torture")
    assert last.meta == {"section": "Interim measures"}


def test_html_blocks_skip_scripts_navigation_and_nesting(tmp_path: Path) -> None:
    (document,) = _read(copy_fixture("statement.html", tmp_path))
    texts = [p.text for p in document.passages]
    assert texts == [
        "Removals to Central Asia",
        "Russia deported a Tajik opposition activist to Tajikistan.",
        "Extradition requests from Uzbekistan are pending.",
        "A nested paragraph inside a list item.",
        "Assurances",
        "Diplomatic assurances were given by the requesting state.",
    ]
    assert document.title == "Statement on removals"
    assert document.language == "en"
    assert document.passages[-1].locator == "¶ 6"
    assert document.passages[-1].meta == {"section": "Assurances"}


def test_docx_paragraphs_and_table_cells_in_order(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "submission.docx",
        "Submission",
        ["Kazakhstan requested the extradition of the applicant.", "", "The request is pending."],
        table=[["2011", "28 returned to Uzbekistan"]],
    )
    (document,) = _read(path)
    assert [p.text for p in document.passages] == [
        "Submission",
        "Kazakhstan requested the extradition of the applicant.",
        "The request is pending.",
        "2011",
        "28 returned to Uzbekistan",
    ]
    assert document.passages[1].locator == "¶ 2"
    assert document.passages[1].meta == {"section": "Submission"}
    assert document.title == "Submission"


def test_pdf_passages_are_located_by_page_and_paragraph(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "report.pdf",
        [
            ["Ukraine forcibly returned 11 Uzbek asylum seekers to Uzbekistan.", "A second paragraph on page one."],
            ["Page two mentions an extradition request from Kazakhstan."],
        ],
    )
    (document,) = _read(path)
    located = [(p.page, p.paragraph, p.text) for p in document.passages]
    assert located == [
        (1, 1, "Ukraine forcibly returned 11 Uzbek asylum seekers to Uzbekistan."),
        (1, 2, "A second paragraph on page one."),
        (2, 1, "Page two mentions an extradition request from Kazakhstan."),
    ]
    assert document.passages[2].locator == "p. 2, ¶ 1"
    assert document.title == "Transfers report"
    # Offsets are into the extracted text: the passages joined by blank lines.
    joined = "\n\n".join(p.text for p in document.passages)
    assert all(joined[p.char_start : p.char_end] == p.text for p in document.passages)


def test_encrypted_pdf_is_refused_with_a_reason(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", [["Confidential."]])
    locked = encrypt_pdf(plain, tmp_path / "locked.pdf")
    with pytest.raises(InputError, match="encrypted with a password"):
        _read(locked)


def test_corrupt_pdf_is_refused_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n this is not really a PDF \x00\x01")
    with pytest.raises(InputError, match="not a readable PDF"):
        _read(path)


def test_jsonl_groups_lines_into_country_year_reports(tmp_path: Path) -> None:
    path = make_jsonl_gz(
        tmp_path / "fiw.jsonl.gz",
        [
            report_line("UA", "Ukraine", 2019, "Overview", "Ukraine has a competitive electoral system."),
            report_line("UA", "Ukraine", 2019, "F2", "Courts remain subject to political pressure."),
            report_line("KZ", "Kazakhstan", 2019, "D1", "Independent media are constrained."),
        ],
    )
    documents = _read(path)
    assert [(d.key, d.country, d.year, len(d.passages)) for d in documents] == [
        ("Ukraine 2019", "UA", 2019, 2),
        ("Kazakhstan 2019", "KZ", 2019, 1),
    ]
    passage = documents[0].passages[1]
    assert passage.locator == "F2 (line 2)"
    assert (passage.country, passage.year, passage.line) == ("UA", 2019, 2)
    assert passage.meta["sub_item"] == "F2"
    assert passage.meta["iso2c"] == "UA"
    assert "detail" not in passage.meta


def test_jsonl_reports_bad_lines_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": "a", "text": "Readable passage."}\nnot json\n{"id": "b", "title": "no text"}\n')
    (document,) = _read(path)
    assert [p.text for p in document.passages] == ["Readable passage."]
    assert any(":2: line skipped: not JSON" in w for w in document.warnings)
    assert any(":3: line skipped: no text field" in w for w in document.warnings)


def test_unknown_extensions_have_no_reader() -> None:
    assert reader_for(Path("scan.tiff")) is None
    assert reader_for(Path("corpus.JSONL.GZ")) is not None
