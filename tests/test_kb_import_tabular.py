"""Reading dataset files defensively: byte-order marks accepted, repeated or missing columns refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from onward.errors import InputError
from onward.kb.importers.pts import parse_pts
from onward.kb.importers.tabular import read_table

FIXTURES = Path(__file__).parent / "fixtures" / "kb_import"


def test_a_spreadsheet_export_with_a_byte_order_mark_and_crlf_is_read(tmp_path: Path) -> None:
    text = (FIXTURES / "pts.csv").read_text(encoding="utf-8").replace("\n", "\r\n")
    exported = tmp_path / "pts.csv"
    exported.write_bytes("\ufeff".encode() + text.encode("utf-8"))
    assert len(parse_pts(exported).statements) == len(parse_pts(FIXTURES / "pts.csv").statements)


def test_a_repeated_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "repeated.csv"
    path.write_text("a,b,a\n1,2,3\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_table(path, what="a test table", required=("a",))
    assert "repeated.csv:1:1: header: repeated columns ['a']" in caught.value.message


def test_a_header_without_rows_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "header_only.csv"
    path.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_table(path, what="a test table", required=("a",))
    assert "header_only.csv:2:1: <document>: no data rows after the header" in caught.value.message


def test_columns_neither_required_nor_understood_are_reported_as_ignored(tmp_path: Path) -> None:
    path = tmp_path / "extra.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    table = read_table(path, what="a test table", required=("a",), understood=("b",))
    assert table.ignored_columns == ("c",)
    assert table.rows[0].line == 2
    assert table.rows[0].get("c") == "3"


def test_a_missing_file_names_itself(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        parse_pts(tmp_path / "PTS-2099.csv")
    assert "PTS-2099.csv: no such file" in caught.value.message
