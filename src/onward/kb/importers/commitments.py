"""A second, independent account of treaty participation: Fariss's 0/1 commitment per country and year, 1945–2017.

The UN status compilation says Kazakhstan ratified CAT in 1998; ``hr_commitments_1945_2017.csv``
(Christopher J. Fariss, Human-Rights-Search) codes Kazakhstan's ``cat`` column 0 or 1 for every
year. Each unbroken run of 1s becomes ``state:KZ  party_to  "CAT"`` valid from the run's first year
to the first year coded 0 again (Jamaica's ICCPR-OP1 run: 1 from 1975, 0 from 1997). Where the two
sources give different years, the knowledge base keeps both and shows the disagreement (issue 3:
"where sources disagree, both are kept"). Reading "commitment = 1" as party status is Onward's
inference, so these statements are unverified.

Entities are the file's ``country_case`` (stable across renamings: "Russia (Soviet Union)" is one
series, coded under the name "Soviet Union" in its early years), mapped to ISO alpha-2 by exact
name (a former name in parentheses set aside: "Sri Lanka (Ceylon)") or by the short table below.
Entities without a present-day code (Czechoslovakia, East Germany, Yugoslavia, South Vietnam, South
Yemen) are reported. A run already coded 1 in the first year of an entity's series may be older
than the series: such statements say so in a note. Columns for instruments Onward does not model,
or whose identity the file leaves ambiguous (``crc_op1`` … ``crc_op3``), are reported as ignored.
``NA`` is unknown. The repository is GPL-3: the file is imported from a user's copy, never shipped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pycountry

from onward.errors import Problem
from onward.kb.importers.audit import ImportAudit, ParsedDataset
from onward.kb.importers.sources import Publisher, dataset_source
from onward.kb.importers.tabular import Row, read_table, refuse
from onward.model.dates import PartialDate
from onward.model.source import Verification
from onward.model.statement import Statement
from onward.model.states import is_state

DATASET = "treaty_commitments"
SOURCE_ID = "fariss-hr-commitments"
WHAT = "a treaty-commitment file (columns country_case, country, year, cat, iccpr, …: 0, 1 or NA per year)"
FARISS = Publisher(
    name="Christopher J. Fariss, Human-Rights-Search",
    title="Human rights treaty commitments per country and year, 1945–2017",
    url="https://github.com/CJFariss/Human-Rights-Search",
    terms="GPL-3 repository; cite Fariss",
)
# Column -> instrument id, for the columns whose instrument is unambiguous.
COLUMNS = {
    "cat": "CAT",
    "cat_op": "OP-CAT",
    "iccpr": "ICCPR",
    "iccpr_op": "ICCPR-OP1",
    "iccpr_op2": "ICCPR-OP2",
    "icescr": "ICESCR",
    "icescr_op": "OP-ICESCR",
    "cerd": "ICERD",
    "cedaw": "CEDAW",
    "cedaw_op": "OP-CEDAW",
    "crc": "CRC",
    "disability": "CRPD",
    "disab_op": "OP-CRPD",
    "disap": "CED",
    "migrant": "ICMW",
}
# country_case values that are not exact ISO 3166-1 names but name one present-day state.
CASES = {
    "Brunei": "BN",
    "Cape Verde": "CV",
    "Congo (Brazzaville)": "CG",
    "Congo, DRC (Zaire)": "CD",
    "Cote d'Ivoire": "CI",
    "Ethiopia": "ET",
    "Germany": "DE",
    "Iran (Persia)": "IR",
    "Kosovo": "XK",
    "Macedonia": "MK",
    "Micronesia": "FM",
    "Myanmar (Burma)": "MM",
    "Palestine": "PS",
    "Russia (Soviet Union)": "RU",
    "Swaziland": "SZ",
    "Tanzania (Tanganyika)": "TZ",
    "Timor-Leste (East Timor)": "TL",
    "Turkey (Ottoman Empire)": "TR",
}


def state_of_case(case: str) -> str | None:
    """``Kazakhstan`` -> KZ; a former name in parentheses is ignored (``Sri Lanka (Ceylon)`` -> LK)."""
    if case in CASES:
        return CASES[case]
    current = re.sub(r"\s*\([^)]*\)$", "", case).replace(" & ", " and ")
    try:
        code = str(pycountry.countries.lookup(current).alpha_2)
    except LookupError:
        return None
    return code if is_state(code) else None


def parse_commitments(path: Path, *, file_name: str | None = None) -> ParsedDataset:
    """Read a commitments file into ``party_to`` statements, one per run of years coded 1."""
    table = read_table(path, what=WHAT, required=("country_case", "country", "year", *COLUMNS))
    name = file_name or path.name
    source = dataset_source(FARISS, source_id=SOURCE_ID, file_name=name)
    kind = "treaty commitments (Fariss)"
    audit = ImportAudit(DATASET, str(path), kind, ignored_columns=list(table.ignored_columns))
    series: dict[str, list[tuple[int, Row]]] = defaultdict(list)
    problems: list[Problem] = []
    for row in table.rows:
        audit.rows_read += 1
        year = row.get("year")
        bad = [c for c in COLUMNS if row.get(c) not in {"0", "1", "NA", ""}]
        if not year.isdigit() or bad:
            field = "year" if not year.isdigit() else bad[0]
            found = row.get(field)
            problems.append(Problem(str(path), row.line, None, field, "unexpected value", "0, 1 or NA", found))
            continue
        series[row.get("country_case")].append((int(year), row))
    if problems:
        raise refuse(path, problems, WHAT)
    statements: list[Statement] = []
    for case, rows in series.items():
        code = state_of_case(case)
        if code is None:
            group = f"no present-day ISO 3166-1 alpha-2 code: {case!r}"
            for when, row in rows:
                audit.skip(f"{name} line {row.line}", f"{group}, {when}", group=group)
            continue
        for column, instrument in COLUMNS.items():
            ordered = sorted(rows, key=lambda r: r[0])
            statements.extend(_runs(code, case, column, instrument, ordered, name, source.id))
    for statement in statements:
        audit.tallies[f"party_to {statement.value}"] += 1
    return ParsedDataset(DATASET, [source], statements, audit)


def _runs(
    code: str, case: str, column: str, instrument: str, rows: list[tuple[int, Row]], name: str, source: str
) -> list[Statement]:
    made: list[Statement] = []
    start: tuple[int, Row] | None = None
    for index, (year, row) in enumerate(rows):
        value = row.get(column)
        if value == "1" and start is None:
            start = (year, row)
        elif value != "1" and start is not None:
            end = (year, row) if value == "0" else None
            made.append(
                _statement(code, case, column, instrument, start, end, rows[0][0], name, source, ended_unknown=not end)
            )
            start = None
        if index == len(rows) - 1 and start is not None:
            made.append(_statement(code, case, column, instrument, start, None, rows[0][0], name, source))
    return made


def _statement(
    code: str,
    case: str,
    column: str,
    instrument: str,
    start: tuple[int, Row],
    end: tuple[int, Row] | None,
    first_year: int,
    name: str,
    source: str,
    *,
    ended_unknown: bool = False,
) -> Statement:
    notes = []
    if start[0] == first_year:
        notes.append(f"Coded 1 from the first year of {case!r} in the file ({first_year}): it may be older.")
    if ended_unknown:
        notes.append("The run is followed by NA: whether it continued is not known.")
    coded = f"{column} coded 1 from {start[0]}" + (f", 0 from {end[0]}" if end else "")
    locator = f"{name} line {start[1].line}" + (f" to line {end[1].line}" if end else "") + f", column {column}"
    return Statement(
        subject=f"state:{code}",
        property="party_to",
        value=instrument,
        raw_value=coded,
        source=source,
        locator=locator,
        valid_from=PartialDate(year=start[0]),
        valid_to=PartialDate(year=end[0]) if end else None,
        known_from=PartialDate(year=start[0]),
        # Reading "commitment = 1" as party status is Onward's inference, not the file's words.
        verification=Verification.UNVERIFIED,
        dataset=DATASET,
        note=" ".join(notes) or None,
    )
