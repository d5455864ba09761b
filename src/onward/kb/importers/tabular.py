"""Reading a dataset file defensively: the right encoding, the expected header, no truncated rows.

A Political Terror Scale CSV that was cut off half-way, saved as Latin-1, or exported with renamed
columns must be refused before anything reaches the knowledge base, with a message that names the
file, the line and the field. Every importer reads its file through ``read_table``; the columns it
does not use are kept in the result so that the importer can report them ("pop and audit").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from onward.errors import InputError, Problem

MAX_LISTED_PROBLEMS = 10


@dataclass(frozen=True)
class Row:
    """One data row: its line number in the file (the header is line 1) and its cells by column name."""

    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()


@dataclass(frozen=True)
class Table:
    """A validated CSV file: its columns, the ones the importer does not use, and its rows."""

    path: Path
    columns: tuple[str, ...]
    ignored_columns: tuple[str, ...]
    rows: tuple[Row, ...]


def refuse(path: Path, problems: Sequence[Problem], what: str) -> InputError:
    """One error for a file that does not look like ``what``, listing its first problems."""
    shown = [p.render() for p in problems[:MAX_LISTED_PROBLEMS]]
    more = len(problems) - len(shown)
    if more > 0:
        shown.append(f"… and {more} more")
    count = len(problems)
    return InputError(
        f"{path}: refused, it does not look like {what} ({count} problem{'s' if count != 1 else ''}):\n"
        + "\n".join(shown),
        hint="nothing was imported; fix the file or check that it is the dataset named",
    )


def read_text(path: Path, what: str) -> str:
    """The file's text as UTF-8 (a byte-order mark is allowed); refuses a missing, empty or mis-encoded file."""
    if not path.is_file():
        raise InputError(f"{path}: no such file", hint=f"give the path of {what}")
    data = path.read_bytes()
    if not data.strip():
        raise refuse(path, [Problem(str(path), None, None, "", "the file is empty", expected=what)], what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problem = Problem(
            str(path),
            line,
            None,
            "",
            f"byte {data[exc.start]:#04x} at offset {exc.start} is not UTF-8",
            expected="a UTF-8 encoded file",
            found="another encoding (Latin-1 or Windows-1252?)",
            hint="convert it with `iconv -f WINDOWS-1252 -t UTF-8`",
        )
        raise refuse(path, [problem], what) from None


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """CSV records with the line each starts on (a quoted cell may span lines)."""
    buffer = io.StringIO(text, newline="")
    reader = csv.reader(buffer, strict=True)
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        yield start, record


def read_table(
    path: Path,
    *,
    what: str,
    required: Sequence[str],
    understood: Sequence[str] = (),
) -> Table:
    """Read a CSV file whose header must contain ``required``; other columns not in ``understood`` are ignored.

    Refuses: an empty or non-UTF-8 file, a missing column, a duplicated column, a row with more or
    fewer cells than the header (a download cut off mid-row), an unterminated quote. A file cut at a
    row boundary is caught by ``check_row_count`` for the releases whose size is known.
    """
    text = read_text(path, what)
    name = str(path)
    try:
        records = list(_records(text))
    except csv.Error as exc:
        problem = Problem(name, None, None, "", f"not a readable CSV file: {exc}", expected=what)
        raise refuse(path, [problem], what) from None
    if not records:
        raise refuse(path, [Problem(name, 1, None, "", "no header", expected=what)], what)
    header_line, header = records[0]
    columns = tuple(cell.strip() for cell in header)
    problems = _header_problems(name, header_line, columns, required)
    if problems:
        raise refuse(path, problems, what)
    rows: list[Row] = []
    for line, record in records[1:]:
        if not record:
            continue  # a blank line
        if len(record) != len(columns):
            field = columns[len(record)] if len(record) < len(columns) else "row"
            problems.append(
                Problem(
                    name,
                    line,
                    None,
                    field,
                    "wrong number of cells",
                    expected=f"{len(columns)} cells, as in the header",
                    found=f"{len(record)}",
                )
            )
            continue
        rows.append(Row(line, dict(zip(columns, record, strict=True))))
    if not rows:
        problems.append(Problem(name, header_line + 1, None, "", "no data rows after the header", expected=what))
    if problems:
        raise refuse(path, problems, what)
    used = set(required) | set(understood)
    return Table(path, columns, tuple(c for c in columns if c not in used), tuple(rows))


def _header_problems(name: str, line: int, columns: Sequence[str], required: Sequence[str]) -> list[Problem]:
    problems: list[Problem] = []
    missing = [c for c in required if c not in columns]
    if missing:
        problems.append(
            Problem(
                name,
                line,
                None,
                "header",
                f"missing column{'s' if len(missing) > 1 else ''} {', '.join(repr(c) for c in missing)}",
                expected=", ".join(required),
                found=", ".join(columns),
            )
        )
    repeated = sorted({c for c in columns if list(columns).count(c) > 1})
    if repeated:
        problems.append(Problem(name, line, None, "header", f"repeated columns {repeated}"))
    return problems


def narrow(table: Table, *, what: str, required: Sequence[str], understood: Sequence[str] = ()) -> Table:
    """The same table checked against a more specific header (a file recognised by its columns)."""
    problems = _header_problems(str(table.path), 1, table.columns, required)
    if problems:
        raise refuse(table.path, problems, what)
    used = set(required) | set(understood)
    return Table(table.path, table.columns, tuple(c for c in table.columns if c not in used), table.rows)


def check_row_count(path: Path, name: str, rows: int, expected: int | None, what: str) -> None:
    """Refuse a copy of a known release with fewer or more rows than the release has (a truncated file)."""
    if expected is None or rows == expected:
        return
    problem = Problem(
        str(path),
        None,
        None,
        "",
        f"{rows} data rows where the release named {name!r} has {expected}",
        expected=f"{expected} rows",
        found=f"{rows}: {'the file looks truncated' if rows < expected else 'rows were added'}",
        hint="a file with other content should be given another name",
    )
    raise refuse(path, [problem], what)
