"""The Political Terror Scale: levels 1–5 of state terror per state and year, from three report series.

``PTS_A`` is coded from Amnesty International's annual report, ``PTS_H`` from Human Rights Watch's
World Report and ``PTS_S`` from the US State Department's Country Reports on Human Rights Practices
(Gibney et al.). Each score becomes the statement ``state:KZ  pts_a  3`` valid for the year covered.

Known as of: a score for year Y is coded from reports about Y, which their publishers issue during
Y + 1, so ``known_from`` is Y + 1 (at year precision, so an as-of view sees it from 31 December of
Y + 1 — never earlier than it could have been read). The PTS release itself may appear later
still; an assessor could read the underlying reports by then, which is what the date stands for.

Missing scores (``NA``) stay absent: no statement is made, and the reason the file gives in
``NA_Status_*`` is tallied in the audit. Rows for entities without an ISO 3166-1 alpha-2 code (the
Soviet Union, Czechoslovakia, "Gaza (Hamas)", "Crimea"…) are reported one by one, never imported
under a guessed code.
"""

from __future__ import annotations

from pathlib import Path

from onward.errors import Problem
from onward.kb.importers import state_codes
from onward.kb.importers.audit import ImportAudit, ParsedDataset, weakened
from onward.kb.importers.sources import PTS, dataset_source, expected_rows, source_id
from onward.kb.importers.tabular import Row, check_row_count, read_table, refuse
from onward.model.dates import PartialDate
from onward.model.source import Verification
from onward.model.statement import Statement

DATASET = "pts"
WHAT = "a Political Terror Scale file (columns Country, Year, PTS_A, PTS_H, PTS_S, UN_Code_N, WordBank_Code_A…)"
SCORES = {"PTS_A": "pts_a", "PTS_H": "pts_h", "PTS_S": "pts_s"}
REQUIRED = ("Country", "Year", "UN_Code_N", "WordBank_Code_A", *SCORES)
NA_STATUS = ("NA_Status_A", "NA_Status_H", "NA_Status_S")
# The scale starts with 1976; the upper bound only catches typing slips (20014), not future releases.
FIRST_YEAR = 1976
LAST_YEAR = 2199


def _state_of(row: Row) -> tuple[str | None, str | None]:
    """The state's alpha-2 code (UN M49 code first, then the World Bank code) and a disagreement, if any."""
    by_un = state_codes.from_numeric(row.get("UN_Code_N"))
    by_wb = state_codes.from_alpha3(row.get("WordBank_Code_A"))
    if by_un and by_wb and by_un != by_wb:
        return by_un, f"UN code {row.get('UN_Code_N')} is {by_un} but World Bank code is {by_wb}; {by_un} used"
    return by_un or by_wb, None


def _check(row: Row, name: str, problems: list[Problem]) -> int | None:
    text = row.get("Year")
    if not text.isdigit() or not FIRST_YEAR <= int(text) <= LAST_YEAR:
        problems.append(
            Problem(name, row.line, None, "Year", "not a year", expected=f"{FIRST_YEAR}–{LAST_YEAR}", found=repr(text))
        )
        return None
    for column in SCORES:
        value = row.get(column)
        if value != "NA" and value not in {"1", "2", "3", "4", "5"}:
            problems.append(
                Problem(name, row.line, None, column, "not a PTS level", expected="1–5 or NA", found=repr(value))
            )
    for column in NA_STATUS:
        # A code for why a score is missing; an empty cell here is how a cut-off last line looks.
        value = row.get(column)
        if column in row.cells and not value.isdigit():
            problems.append(Problem(name, row.line, None, column, "not a status code", "a number", repr(value)))
    return int(text)


def parse_pts(path: Path, *, file_name: str | None = None) -> ParsedDataset:
    """Read a PTS CSV file into statements; ``file_name`` names the upstream file in locators (default: its own)."""
    table = read_table(path, what=WHAT, required=REQUIRED, understood=NA_STATUS)
    name = file_name or path.name
    check_row_count(path, name, len(table.rows), expected_rows(name), WHAT)
    source = dataset_source(PTS, source_id=source_id("pts", name), file_name=name)
    audit = ImportAudit(DATASET, str(path), "Political Terror Scale", ignored_columns=list(table.ignored_columns))
    problems: list[Problem] = []
    statements: list[Statement] = []
    seen: dict[tuple[str, int], int] = {}
    for row in table.rows:
        audit.rows_read += 1
        before = len(problems)
        year = _check(row, str(path), problems)
        if year is None or len(problems) > before:
            continue
        locator = f"{name} line {row.line}"
        code, disagreement = _state_of(row)
        if code is None:
            scored = [c for c in SCORES if row.get(c) != "NA"]
            entity = (
                f"{row.get('Country')!r} (UN code {row.get('UN_Code_N')}, World Bank code {row.get('WordBank_Code_A')})"
            )
            audit.skip(
                locator,
                f"no ISO 3166-1 alpha-2 code: {entity}, {year}, "
                + (f"scores in {', '.join(scored)} not imported" if scored else "no scores"),
                group=f"no ISO 3166-1 alpha-2 code: {entity}",
            )
            continue
        if disagreement:
            audit.flag(locator, disagreement)
        if (code, year) in seen:
            audit.flag(locator, f"{code} {year} also given on line {seen[(code, year)]}; both kept")
        seen[(code, year)] = row.line
        statements.extend(_row_statements(row, code, year, locator, source.id, source.verification, audit))
    if problems:
        raise refuse(path, problems, WHAT)
    return ParsedDataset(DATASET, [source], statements, audit)


def _row_statements(
    row: Row, code: str, year: int, locator: str, source: str, verification: Verification, audit: ImportAudit
) -> list[Statement]:
    made: list[Statement] = []
    for column, prop in SCORES.items():
        value = row.get(column)
        status_column = f"NA_Status_{column[-1]}"
        status = row.get(status_column)
        if value == "NA":
            audit.tallies[f"{column} NA ({status_column}={status or 'blank'})"] += 1
            if status in {"", "0"}:
                audit.flag(f"{locator}, column {column}", f"no score, but {status_column} is {status or 'blank'}")
            continue
        note = None
        if status not in {"", "0"}:
            note = f"the row gives this score but also {status_column}={status}, which the file uses for missing scores"
            audit.flag(f"{locator}, column {column}", note)
        audit.tallies[f"{column} scored"] += 1
        made.append(
            Statement(
                subject=f"state:{code}",
                property=prop,
                value=int(value),
                raw_value=value,
                source=source,
                locator=f"{locator}, column {column}",
                verification=weakened(verification) if note else verification,
                valid_from=PartialDate(year=year),
                valid_to=PartialDate(year=year),
                known_from=PartialDate(year=year + 1),
                dataset=DATASET,
                note=note,
            )
        )
    return made
