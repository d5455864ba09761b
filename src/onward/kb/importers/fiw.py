"""Freedom House's Freedom in the World: status and ratings (1972–2023) and indicator scores (2012–2023).

Two files, told apart by their header: the ratings file (``political_rights``, ``civil_liberties``
1–7 and ``status`` Free / Partly Free / Not Free) and the scores file (one row per indicator
``A1`` … ``G4``, scored 0–4). They become ``fiw_political_rights``, ``fiw_civil_liberties``,
``fiw_status`` (``F``/``PF``/``NF``) and ``fiw_a1`` … ``fiw_g4``, valid for the year covered.

``year`` is the year COVERED, not the edition year — established from the data itself: (1) the
report passages of the same package, whose ``year`` is the year their text describes, announce
rating and score changes ("political rights rating improved from 6 to 5") that match the change
between ``year - 1`` and ``year`` of these files (21 of 23 rating changes, 1,441 of 1,471 indicator
score changes in the 2017–2023 passages; no rating change matches a one-year shift); (2) South Sudan, independent
in July 2011, first appears with ``year`` 2011. Each edition is published early in the year after
the one it covers: ``known_from`` is the edition's date where a source gives it, else ``year + 1``
at year precision (31 December of that year in an as-of view: late rather than early); see
``fiw_editions``. The ratings file has no rows for 1982.
"""

from __future__ import annotations

import re
from pathlib import Path

from onward.errors import Problem
from onward.kb.importers import state_codes
from onward.kb.importers.audit import ImportAudit, ParsedDataset
from onward.kb.importers.fiw_editions import known_from
from onward.kb.importers.sources import FIW, dataset_source, expected_rows, source_id
from onward.kb.importers.tabular import Row, Table, check_row_count, narrow, read_table, refuse
from onward.model.dates import PartialDate
from onward.model.source import Source
from onward.model.statement import Statement

DATASET = "fiw"
WHAT = (
    "a Freedom in the World file: ratings (year, country, iso2c, political_rights, civil_liberties, status) "
    "or indicator scores (year, country, iso2c, sub_item, score)"
)
RATINGS_REQUIRED = ("year", "country", "iso2c", "political_rights", "civil_liberties", "status")
SCORES_REQUIRED = ("year", "country", "iso2c", "sub_item", "score")
UNDERSTOOD = ("iso3c", "item")
STATUS = {"Free": "F", "Partly Free": "PF", "Partially Free": "PF", "Not Free": "NF"}
# The 25 indicators of the methodology: A1–A3, B1–B4, C1–C3, D1–D4, E1–E3, F1–F4, G1–G4.
INDICATORS = {
    f"{letter}{n}" for letter, top in zip("ABCDEFG", (3, 4, 3, 4, 3, 4, 4), strict=True) for n in range(1, top + 1)
}
# Entities the files name without ISO codes that are states in Onward (Kosovo is XK by convention).
NAMED_STATES = {"Kosovo": "XK", "Micronesia": "FM"}
YEAR = re.compile(r"^(19[7-9]\d|2[01]\d\d)$")


def parse_fiw(path: Path, *, file_name: str | None = None) -> ParsedDataset:
    """Read a ratings or a scores file, recognised by its header, into statements."""
    table = read_table(path, what=WHAT, required=("year", "country", "iso2c"), understood=())
    name = file_name or path.name
    check_row_count(path, name, len(table.rows), expected_rows(name), WHAT)
    if "political_rights" in table.columns:
        table = narrow(table, what=WHAT, required=RATINGS_REQUIRED, understood=UNDERSTOOD)
        kind, title = "Freedom in the World ratings", "Freedom in the World: status and ratings"
    elif "sub_item" in table.columns:
        table = narrow(table, what=WHAT, required=SCORES_REQUIRED, understood=UNDERSTOOD)
        kind, title = "Freedom in the World indicator scores", "Freedom in the World: indicator scores"
    else:
        found = ", ".join(table.columns)
        problem = Problem(str(path), 1, None, "header", "neither a ratings nor a scores header", WHAT, found)
        raise refuse(path, [problem], WHAT)
    source = dataset_source(FIW, source_id=source_id("fiw", name), file_name=name, title=title)
    audit = ImportAudit(DATASET, str(path), kind, ignored_columns=list(table.ignored_columns))
    statements = _statements(table, name, source, audit, ratings=kind.endswith("ratings"))
    return ParsedDataset(DATASET, [source], statements, audit)


def _state_of(row: Row) -> str | None:
    return (
        state_codes.from_alpha2(row.get("iso2c"))
        or state_codes.from_alpha3(row.get("iso3c"))
        or NAMED_STATES.get(row.get("country"))
    )


def _values(row: Row, ratings: bool, name: str, problems: list[Problem]) -> dict[str, tuple[str | int, str]]:
    """The row's checked values by property: (value, raw value); problems are appended, not raised."""
    found: dict[str, tuple[str | int, str]] = {}
    if ratings:
        for column in ("political_rights", "civil_liberties"):
            raw = row.get(column)
            if raw not in {"1", "2", "3", "4", "5", "6", "7"}:
                problems.append(Problem(name, row.line, None, column, "not a rating", "1–7", repr(raw)))
            else:
                found[f"fiw_{column}"] = (int(raw), raw)
        raw = row.get("status")
        if raw not in STATUS:
            problems.append(Problem(name, row.line, None, "status", "unknown status", ", ".join(STATUS), repr(raw)))
        else:
            found["fiw_status"] = (STATUS[raw], raw)
        return found
    indicator, raw = row.get("sub_item"), row.get("score")
    if indicator not in INDICATORS:
        problems.append(Problem(name, row.line, None, "sub_item", "unknown indicator", "A1 … G4", repr(indicator)))
    elif row.get("item") and row.get("item") != indicator[0]:
        problems.append(Problem(name, row.line, None, "item", "does not match sub_item", indicator[0], row.get("item")))
    elif raw not in {"0", "1", "2", "3", "4"}:
        problems.append(Problem(name, row.line, None, "score", "not an indicator score", "0–4", repr(raw)))
    else:
        found[f"fiw_{indicator.lower()}"] = (int(raw), raw)
    return found


def _statements(table: Table, name: str, source: Source, audit: ImportAudit, *, ratings: bool) -> list[Statement]:
    problems: list[Problem] = []
    statements: list[Statement] = []
    for row in table.rows:
        audit.rows_read += 1
        before = len(problems)
        year_text = row.get("year")
        if not YEAR.match(year_text):
            problems.append(
                Problem(str(table.path), row.line, None, "year", "not a year", "1972–2199", repr(year_text))
            )
        values = _values(row, ratings, str(table.path), problems)
        if len(problems) > before:
            continue
        locator = f"{name} line {row.line}"
        code = _state_of(row)
        if code is None:
            group = f"no ISO 3166-1 alpha-2 code: {row.get('country')!r}"
            audit.skip(locator, f"{group}, {year_text}", group=group)
            continue
        year = int(year_text)
        published, evidence = known_from(year)
        for prop, (value, raw) in values.items():
            audit.tallies[prop] += 1
            statements.append(
                Statement(
                    subject=f"state:{code}",
                    property=prop,
                    value=value,
                    raw_value=raw,
                    source=source.id,
                    locator=locator,
                    verification=source.verification,
                    valid_from=PartialDate(year=year),
                    valid_to=PartialDate(year=year),
                    known_from=published,
                    dataset=DATASET,
                    note=evidence,
                )
            )
    if problems:
        raise refuse(table.path, problems, WHAT)
    return statements
