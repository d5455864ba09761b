"""UN human-rights treaty status per state: who is party to CAT, OP-CAT, ICCPR and its protocols, and since when.

One ``hr_status_<treaty>.csv`` file per instrument, one row per UN member state, compiled from the
UN Treaty Collection (status as of 2022): flags ``state party`` / ``signatory`` / ``no action``, the
``year ratification or accession`` and a ``status`` text. A party becomes ``state:KZ  party_to
"CAT"`` valid from the year (year precision: the compilation gives no day) and known from that
year; a signatory becomes ``signatory_to``, with no date, known from 2022 (the compilation does not
say when it signed); "no action" becomes ``not_party_to`` valid from 2022 — the compilation lists
the parties of 2022 without that state, which says nothing about earlier years.

The compilation contradicts itself in places. Kazakhstan's ICCPR-OP1 row says ``state party = 0``
but status "state party" with the year 2009; Jamaica's row says "state party" and also "Denounced
the OP 1997". Such rows are imported by their ``status`` text AND, when the flags deny party status, by their
flags (a ``not_party_to`` as of 2022): both readings are kept, with a note stating the
contradiction, partial verification, and a line in the audit's ``flagged`` list, so the knowledge
base shows a conflict that a person can settle from the UN Treaty Collection. A denunciation year
given in the row's note becomes ``valid_to``.
"""

from __future__ import annotations

import re
from pathlib import Path

from onward.errors import InputError, Problem
from onward.kb import vocabulary as v
from onward.kb.importers import state_codes
from onward.kb.importers.audit import ImportAudit, ParsedDataset, weakened
from onward.kb.importers.sources import UN_TREATIES, dataset_source, expected_rows
from onward.kb.importers.tabular import Row, check_row_count, read_table, refuse
from onward.model.dates import PartialDate
from onward.model.source import Source
from onward.model.statement import Statement

DATASET = "treaties"
SOURCE_ID = "untc-hr-treaty-status"
WHAT = "a treaty-status file (columns iso2, member, state party, year ratification or accession, signatory, status…)"
REQUIRED = ("iso2", "state party", "year ratification or accession", "signatory", "no action", "status")
UNDERSTOOD = ("member", "note")
# File name part -> instrument id (``instrument:CAT``), as the curated instruments name them.
INSTRUMENTS = {
    "cat": "CAT",
    "opcat": "OP-CAT",
    "iccpr": "ICCPR",
    "iccpr_op1": "ICCPR-OP1",
    "iccpr_op2": "ICCPR-OP2",
    "icescr": "ICESCR",
    "icescr_op": "OP-ICESCR",
    "icerd": "ICERD",
    "cedaw": "CEDAW",
    "op_cedaw": "OP-CEDAW",
    "crc": "CRC",
    "op_crc_ac": "OP-CRC-AC",
    "op_crc_sc": "OP-CRC-SC",
    "op_crc_ic": "OP-CRC-IC",
    "crpd": "CRPD",
    "op_crpd": "OP-CRPD",
    "cped": "CED",
    "icmw": "ICMW",
}
# The instruments a refoulement analysis cannot do without (CAT Art. 3, ICCPR Art. 7, and the
# individual-complaint and visiting mechanisms): a directory without them is reported.
CORE = ("CAT", "OP-CAT", "ICCPR", "ICCPR-OP1")
STATUS = {
    "state party": "state party",
    "signatory state": "signatory",
    "signatory": "signatory",
    "no action": "no action",
}
STATUS_YEAR = PartialDate(year=2022)
DENOUNCED = re.compile(r"denounced\b.*?\b(\d{4})", re.IGNORECASE)


def instrument_of(path: Path) -> str | None:
    match = re.fullmatch(r"hr_status_([a-z0-9_]+)\.csv", path.name)
    return INSTRUMENTS.get(match.group(1)) if match else None


def treaty_files(directory: Path) -> list[Path]:
    """The ``hr_status_*.csv`` files of a directory (or the one file given)."""
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        raise InputError(f"{directory}: no such directory", hint="give the folder holding the hr_status_*.csv files")
    files = sorted(directory.glob("hr_status_*.csv"))
    if not files:
        raise InputError(f"{directory}: no hr_status_*.csv files in this folder")
    return files


def parse_treaties(directory: Path, *, file_names: dict[str, str] | None = None) -> list[ParsedDataset]:
    """One parsed file per instrument; ``file_names`` maps a file's name to the upstream name its locators use."""
    files = treaty_files(directory)
    names = file_names or {}
    source = dataset_source(UN_TREATIES, source_id=SOURCE_ID, file_name="hr_status_*.csv")
    parsed: list[ParsedDataset] = []
    for path in files:
        instrument = instrument_of(path)
        if instrument is None:
            problem = Problem(str(path), None, None, "", "unknown instrument", ", ".join(INSTRUMENTS), path.name)
            raise refuse(path, [problem], "a hr_status_<instrument>.csv file of a known instrument")
        parsed.append(_parse_file(path, instrument, names.get(path.name, path.name), source))
    return parsed


def missing_core(parsed: list[ParsedDataset]) -> list[str]:
    present = {p.audit.kind.split()[0] for p in parsed}
    return [i for i in CORE if i not in present]


def _flags(row: Row) -> set[str]:
    return {column for column in ("state party", "signatory", "no action") if row.get(column) == "1"}


def _parse_file(path: Path, instrument: str, name: str, source: Source) -> ParsedDataset:
    table = read_table(path, what=WHAT, required=REQUIRED, understood=UNDERSTOOD)
    check_row_count(path, name, len(table.rows), expected_rows(name), WHAT)
    audit = ImportAudit(DATASET, str(path), f"{instrument} status", ignored_columns=list(table.ignored_columns))
    problems: list[Problem] = []
    statements: list[Statement] = []
    for row in table.rows:
        audit.rows_read += 1
        status, year = STATUS.get(row.get("status").lower()), row.get("year ratification or accession")
        if status is None:
            problems.append(
                Problem(str(path), row.line, None, "status", "unknown status", ", ".join(STATUS), row.get("status"))
            )
            continue
        if year and not re.fullmatch(r"(19|20)\d\d", year):
            problems.append(
                Problem(str(path), row.line, None, "year ratification or accession", "not a year", "YYYY", year)
            )
            continue
        locator = f"{name} line {row.line}"
        code = state_codes.from_alpha2(row.get("iso2"))
        if code is None and (code := state_codes.from_name(row.get("member"))) is not None:
            audit.flag(locator, f"iso2 {row.get('iso2')!r} is not a code; {row.get('member')!r} is {code} by name")
        if code is None:
            audit.skip(locator, f"no ISO 3166-1 alpha-2 code: {row.get('iso2')!r} ({row.get('member')})")
            continue
        audit.tallies[status] += 1
        statements.extend(_statement(row, code, instrument, status, year, locator, source, audit))
    if problems:
        raise refuse(path, problems, WHAT)
    return ParsedDataset(DATASET, [source], statements, audit)


def _contradictions(row: Row, status: str, year: str) -> list[str]:
    found: list[str] = []
    flags = _flags(row)
    if flags != {status}:
        shown = ", ".join(f"{c}={row.get(c) or 'blank'}" for c in ("state party", "signatory", "no action"))
        found.append(f"status says {row.get('status')!r} but the flags say {shown}")
    if status == "state party" and not year:
        found.append("status says 'state party' but no year of ratification or accession is given")
    if status != "state party" and year:
        found.append(f"status says {row.get('status')!r} but a ratification year ({year}) is given")
    if (denounced := DENOUNCED.search(row.get("note"))) is not None:
        found.append(f"the row's note says it was denounced in {denounced.group(1)}")
    return found


def _statement(
    row: Row, code: str, instrument: str, status: str, year: str, locator: str, source: Source, audit: ImportAudit
) -> list[Statement]:
    """The statement the status text makes, and the other reading when the row's flags contradict it."""
    contradictions = _contradictions(row, status, year)
    for contradiction in contradictions:
        audit.flag(locator, f"{code} {instrument}: {contradiction}")
    notes = []
    if contradictions:
        notes.append(
            f"The row contradicts itself: {'; '.join(contradictions)}. Check against the UN Treaty Collection."
        )
    if row.get("note"):
        notes.append(f"Compiler's note: {row.get('note')}")
    verification = weakened(source.verification) if contradictions else source.verification

    def make(prop: str, reading: str, **dates: PartialDate | None) -> Statement:
        return Statement(
            subject=f"state:{code}",
            property=prop,
            value=instrument,
            raw_value=reading,
            source=source.id,
            locator=locator,
            verification=verification,
            dataset=DATASET,
            note=" ".join(notes) or None,
            **dates,
        )

    status_text = f"status {row.get('status')!r}" + (f", year {year}" if year else "")
    if status == "no action":
        # The compilation lists the parties as of 2022 without this state: not party then, earlier unknown.
        return [make(v.NOT_PARTY_TO, status_text, valid_from=STATUS_YEAR, known_from=STATUS_YEAR)]
    if status == "signatory":
        return [make(v.SIGNATORY_TO, status_text, known_from=STATUS_YEAR)]
    ratified = PartialDate(year=int(year)) if year else None
    denounced = DENOUNCED.search(row.get("note"))
    made = [
        make(
            v.PARTY_TO,
            status_text,
            valid_from=ratified,
            valid_to=PartialDate(year=int(denounced.group(1))) if denounced else None,
            known_from=ratified or STATUS_YEAR,
        )
    ]
    if row.get("state party") != "1" or row.get("no action") == "1":
        # Both readings are kept (issue 3: never silently pick one): the flags say "not a party".
        flags = ", ".join(f"{c}={row.get(c) or 'blank'}" for c in ("state party", "signatory", "no action"))
        made.append(make(v.NOT_PARTY_TO, f"flags {flags}", valid_from=STATUS_YEAR, known_from=STATUS_YEAR))
    return made
