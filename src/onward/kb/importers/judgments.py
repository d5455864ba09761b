"""Import ECtHR removal judgments as statements, and the completed removals they concern as incidents.

A row such as Zokhidov v. Russia (67286/10, 5 Feb 2013) becomes ``judgment:67286/10`` with its
case name, respondent, destination, kind of removal, the applicant's profile and — as separate
properties a backtest withholds (``onward.kb.vocabulary.OUTCOME_PROPERTIES``) — its Art. 3 and
Art. 34 outcomes (and Art. 2, where examined). A row with structured facts
(``judgments_removal.csv``) adds its charges, assurances, monitoring, Rule 39 and whether the
removal happened, and its profile codes replace the keywords read from the free text. The source
of every statement is the judgment itself, described by the row's ``source_note`` and located by
its ``source_locator``, with the row's verification status; it is known from the judgment's date. A
completed removal also becomes ``incident:ecthr-67286-10`` (RU → UZ, extradition, December 2011,
despite Rule 39), linked from the judgment by its ``incident`` property.

Joined with the ECHR-OD table (``--ecthr``), a judgment gains its HUDOC item id and the articles
examined — not the articles found violated, which are outcomes under another name — and a judgment
date HUDOC records differently is kept beside the file's, as a conflict.
"""

from __future__ import annotations

from pathlib import Path

from onward.kb import vocabulary as v
from onward.kb.importers.audit import ImportAudit, ParsedDataset
from onward.kb.importers.ecthr_od import EcthrTable, read_ecthr_od
from onward.kb.importers.judgment_facts import (
    despite_interim_measures,
    named_destination,
    profiles,
    removal_date,
    removal_state,
)
from onward.kb.importers.judgments_csv import OUTCOMES, JudgmentRow, read_judgments
from onward.kb.importers.reference import ImportOutcome
from onward.kb.loader import load_dataset
from onward.model.incident import IncidentStatus
from onward.model.person import Profile
from onward.model.source import Source, Verification
from onward.model.statement import JsonScalar, Statement
from onward.store import Store

DATASET = "judgments"
ECTHR_OD_SOURCE = Source(
    id="echr-od-judgments",
    publisher="ECHR-OD project (metadata derived from HUDOC)",
    title="ECtHR judgments table (echrod_judgments_1904.csv)",
    identifier="mattokumus/assignment2@499a8ad",
    verification=Verification.PARTIAL,
    note="derived metadata; only the articles examined are imported (the violation lists are outcomes)",
)


def judgment_source(row: JudgmentRow) -> Source:
    """The judgment as a source: the Court, the case name and date, with where its facts were read."""
    return Source(
        id="ecthr-" + row.application_no.replace("/", "-"),
        publisher="European Court of Human Rights",
        title=row.case_name,
        date=row.judgment_date,
        identifier="; ".join(row.application_nos),
        locator=row.facts.source_locator or None,
        verification=row.verification,
        note=row.source_note or None,
    )


class _Builder:
    def __init__(self, row: JudgmentRow, source: Source, file: str) -> None:
        self.row, self.source = row, source
        self.locator = f"{Path(file).name} line {row.line}"
        self.out: list[Statement] = []

    def add(
        self,
        subject: str,
        prop: str,
        value: JsonScalar | list[JsonScalar],
        *,
        raw: str | None = None,
        source: Source | None = None,
        locator: str | None = None,
        note: str | None = None,
    ) -> None:
        cited = source or self.source
        self.out.append(
            Statement(
                subject=subject,
                property=prop,
                value=value,
                raw_value=raw,
                source=cited.id,
                locator=locator or self.locator,
                verification=cited.verification,
                known_from=self.row.judgment_date,
                dataset=DATASET,
                note=note,
            )
        )


def row_statements(row: JudgmentRow, file: str, audit: ImportAudit) -> tuple[Source, list[Statement]]:
    """The judgment's statements and, for a completed removal, those of the incident it concerns."""
    source = judgment_source(row)
    build = _Builder(row, source, file)
    judgment = v.subject(v.JUDGMENT, row.application_no)
    build.add(judgment, v.CASE_NAME, row.case_name)
    build.add(judgment, "application_no", list(row.application_nos))
    build.add(judgment, v.JUDGMENT_DATE, row.judgment_date.isoformat())
    build.add(judgment, v.RESPONDENT, row.respondent)
    build.add(judgment, v.DESTINATION, row.destination)
    if row.onward_destinations:
        build.add(judgment, v.ONWARD_DESTINATION, list(row.onward_destinations))
    build.add(judgment, v.REMOVAL, row.removal.value, raw=row.removal_raw)
    if row.removal_status:
        build.add(judgment, v.REMOVAL_STATUS, row.removal_status)
    tags = list(row.facts.profiles) or profiles(row.applicant_profile)
    if row.applicant_profile or tags:
        build.add(
            judgment,
            v.APPLICANT_PROFILE,
            [t.value for t in tags],
            raw=row.applicant_profile or None,
            note=None if tags else "no listed profile keyword in the text",
        )
    _facts(build, judgment, row)
    outcomes = (
        (v.ART3_OUTCOME, row.art3_outcome_raw),
        (v.ART34_OUTCOME, row.art34_outcome_raw),
        (v.ART2_OUTCOME, row.facts.art2_outcome_raw),
    )
    for prop, raw in outcomes:
        if raw:
            build.add(judgment, prop, OUTCOMES[raw], raw=raw)
    status = _status(row)
    audit.tallies[f"removal {status.value if status else 'status not stated'}"] += 1
    if status is IncidentStatus.COMPLETED:
        incident = _incident(build, row, tags)
        build.add(judgment, v.CONCERNS_INCIDENT, incident)
    elif status is None and row.removal_status:
        audit.flag(build.locator, f"removal_status {row.removal_status!r} does not say whether the removal happened")
    return source, build.out


def _facts(build: _Builder, judgment: str, row: JudgmentRow) -> None:
    """The structured facts the row records (none for a ``judgments_dev.csv`` row)."""
    facts = row.facts
    values: tuple[tuple[str, str | bool | None], ...] = (
        (v.CHARGES_KIND, facts.charges_kind or None),
        (v.ASSURANCES, facts.assurances or None),
        (v.MONITORING, facts.monitoring),
        (v.RULE39, facts.rule39),
        (v.REMOVAL_HAPPENED, facts.removal_happened or None),
    )
    for prop, value in values:
        if value is not None:
            build.add(judgment, prop, value)


def _status(row: JudgmentRow) -> IncidentStatus | None:
    """What the status text says; a row that records the removal as having happened is a completed one."""
    if row.facts.removal_happened == "yes":
        return IncidentStatus.COMPLETED
    return removal_state(row.removal_status)


def _incident(build: _Builder, row: JudgmentRow, tags: list[Profile]) -> str:
    incident = v.subject(v.INCIDENT, "ecthr-" + row.application_no.replace("/", "-"))
    raw = row.removal_status
    build.add(incident, v.KIND, row.removal.value, raw=row.removal_raw)
    build.add(incident, v.STATUS, IncidentStatus.COMPLETED.value, raw=raw)
    build.add(incident, v.FROM_STATE, row.respondent)
    named = named_destination(raw)
    build.add(incident, v.TO_STATE, named or row.destination, raw=raw if named else None)
    when = removal_date(raw)
    if when is not None:
        build.add(incident, v.DATE, when.isoformat(), raw=raw)
    if despite_interim_measures(raw):
        build.add(incident, v.DESPITE_INTERIM_MEASURES, True, raw=raw)
    if tags:
        build.add(incident, v.PROFILE, [t.value for t in tags], raw=row.applicant_profile)
    build.add(incident, v.DESCRIPTION, f"removal at issue in {row.case_name} ({row.judgment_date}): {raw}")
    return incident


def _join(row: JudgmentRow, table: EcthrTable, build: _Builder, audit: ImportAudit) -> bool:
    match = next((table.by_application[n] for n in row.application_nos if n in table.by_application), None)
    if match is None:
        return False
    judgment = v.subject(v.JUDGMENT, row.application_no)
    item = f"HUDOC item {match.itemid}"
    build.add(judgment, "hudoc_itemid", match.itemid, source=ECTHR_OD_SOURCE, locator=item)
    # Only the articles examined: HUDOC's violated / not-violated lists are outcomes, and a backtest
    # scored on art3_outcome must not be able to read them under another name.
    if match.articles:
        build.add(judgment, "articles", list(match.articles), source=ECTHR_OD_SOURCE, locator=item)
    if match.judgment_date is not None and match.judgment_date != row.judgment_date:
        # Two sources, two dates: both are kept and the views show the conflict.
        build.add(judgment, v.JUDGMENT_DATE, match.judgment_date.isoformat(), source=ECTHR_OD_SOURCE, locator=item)
        audit.flag(build.locator, f"judgment date {row.judgment_date} differs from HUDOC's {match.judgment_date}")
    if match.respondent and match.respondent != row.respondent:
        audit.flag(build.locator, f"respondent {row.respondent} differs from HUDOC's {match.respondent}")
    return True


def parse_judgments(path: Path, *, ecthr_path: Path | None = None) -> ParsedDataset:
    """Read and map a judgments file (and join the ECHR-OD table); nothing is written."""
    parsed = read_judgments(path)
    audit = ImportAudit(dataset=DATASET, file=str(path), kind="ecthr-removal-judgments")
    audit.ignored_columns = list(parsed.extra_columns)
    audit.rows_read = len(parsed.rows)
    table = read_ecthr_od(ecthr_path) if ecthr_path is not None else None
    sources: list[Source] = [ECTHR_OD_SOURCE] if table is not None else []
    statements: list[Statement] = []
    for row in parsed.rows:
        source, made = row_statements(row, str(path), audit)
        sources.append(source)
        statements.extend(made)
        if table is not None:
            build = _Builder(row, source, str(path))
            joined = _join(row, table, build, audit)
            statements.extend(build.out)
            audit.tallies["joined with ECHR-OD" if joined else "not in ECHR-OD"] += 1
    if table is not None:
        audit.tallies["ECHR-OD rows"] = table.rows
        audit.ignored_columns.extend(f"ECHR-OD {column}" for column in table.unused_columns)
    return ParsedDataset(dataset=DATASET, sources=sources, statements=statements, audit=audit)


def import_judgments(store: Store, path: Path, *, ecthr_path: Path | None, actor: str) -> ImportOutcome:
    """Parse, join and load a judgments file as dataset ``judgments`` (idempotent: twice = no change)."""
    parsed = parse_judgments(path, ecthr_path=ecthr_path)
    load = load_dataset(store, dataset=DATASET, sources=parsed.sources, statements=parsed.statements, actor=actor)
    return ImportOutcome(audit=parsed.audit, load=load)
