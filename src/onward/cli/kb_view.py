"""Rich rendering of knowledge-base answers: every value with its sources, every conflict with both values.

``onward kb state KZ --as-of 2015-05-18`` prints Kazakhstan's memberships, its latest indicators,
the transfers from and to it and the judgments involving it; each line ends with the sources it
rests on, unverified facts say so, and where sources disagree both values are printed side by side.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from onward.kb import vocabulary as v
from onward.kb.facts import Fact
from onward.kb.history import HistoryEntry
from onward.kb.membership import MembershipStatus
from onward.kb.records import KnownIncident, KnownJudgment, SubjectFacts
from onward.kb.summary import StateSummary
from onward.model.source import Source, Verification
from onward.model.statement import Statement

_FIW_SUB_SCORE = re.compile(r"^fiw_[a-g]\d$")
_STATUS_STYLE = {MembershipStatus.PARTY: "green", MembershipStatus.NOT_PARTY: "red", MembershipStatus.UNKNOWN: "yellow"}


def _value(value: object) -> str:
    if isinstance(value, dict) and "text" in value:
        return f"{value['text']} ({value.get('lang', '?')})"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _joined(record: SubjectFacts, name: str) -> str:
    return "/".join(map(str, record.values(name))) or "?"


def cited(fact: Fact) -> str:
    """``11 [unhcr-2006-02-16]``, with "(unverified)" where no source is verified."""
    mark = "" if fact.verification is Verification.VERIFIED else f" ({fact.verification.value})"
    return f"{_value(fact.value)} [{'; '.join(fact.citations())}]{mark}"


def facts_line(facts: Sequence[Fact]) -> str:
    """One value, or every value with "sources disagree" when there are several."""
    if not facts:
        return "—"
    if len(facts) == 1:
        return cited(facts[0])
    return "sources disagree: " + " | ".join(cited(f) for f in facts)


def qualification_lines(statements: Sequence[Statement], as_of: dt.date) -> list[str]:
    """``reservation, Art. 1 B(1) (1962): … [source; other source] (partial)``: one line per distinct
    reservation or declaration, with every source that gives it."""
    grouped: dict[tuple[str, str, str, str], list[Statement]] = {}
    for statement in statements:
        key = (
            statement.property,
            json.dumps(statement.value, sort_keys=True),
            str(statement.valid_from),
            str(statement.valid_to),
        )
        grouped.setdefault(key, []).append(statement)
    lines = []
    for group in grouped.values():
        first = group[0]
        value = first.value if isinstance(first.value, dict) else {}
        head = first.property + (f", Art. {value['article']}" if value.get("article") else "")
        if first.valid_from:
            head += f" ({first.valid_from})"
        until = first.valid_to
        if until is not None and until.latest() <= as_of:
            head += f", withdrawn {until}"
        verified = any(s.verification is Verification.VERIFIED for s in group)
        mark = "" if verified else f" ({first.verification.value})"
        sources = "; ".join(dict.fromkeys(s.source for s in group))
        lines.append(f"{head}: {value.get('text', '?')} [{sources}]{mark}")
    return lines


def incidents_table(title: str, incidents: Sequence[KnownIncident]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=True)
    for column in ("date", "incident", "people", "sources"):
        table.add_column(column, overflow="fold")
    for known in incidents:
        incident = known.incident
        date = str(incident.date) if incident and incident.date else "undated"
        kind = "/".join(str(k) for k in known.values(v.KIND)).replace("_", " ")
        route = f"{_joined(known, v.FROM_STATE)} → {_joined(known, v.TO_STATE)}"
        text = f"{kind} {route} ({known.id})"
        status = known.values(v.STATUS)
        if status:
            text += f", {'/'.join(map(str, status))}"
        if known.values(v.DESPITE_INTERIM_MEASURES) and known.value(v.DESPITE_INTERIM_MEASURES) is True:
            text += ", despite interim measures"
        for name, facts in known.conflicts.items():
            text += f"\n{name}: {facts_line(facts)}"
        if known.problem:
            text += f"\nincomplete: {known.problem}"
        named = incident.subjects if incident else []
        people = [*named, *map(str, known.values(v.GROUP_NAME))]
        count = known.facts.get(v.SUBJECT_COUNT)
        if count and len(count) == 1:
            people.append(f"{count[0].value} {'person' if count[0].value == 1 else 'people'}")
        table.add_row(date, escape(text), escape(", ".join(people)), escape("; ".join(known.sources)))
    return table


def judgments_table(judgments: Sequence[KnownJudgment]) -> Table:
    table = Table(title="Judgments", title_justify="left", show_lines=True)
    for column in ("date", "case", "removal", "outcome", "sources"):
        table.add_column(column, overflow="fold")
    for known in judgments:
        date = str(known.judgment_date) if known.judgment_date else "undated"
        case = f"{known.text(v.CASE_NAME) or known.id} ({known.application_no})"
        route = [
            f"{'/'.join(map(str, known.values(v.RESPONDENT)))} → {'/'.join(map(str, known.values(v.DESTINATION)))}"
        ]
        if known.values(v.ONWARD_DESTINATION):
            route.append(f"onward → {'/'.join(map(str, known.values(v.ONWARD_DESTINATION)))}")
        route += [str(x) for x in known.values(v.REMOVAL)]
        outcome = [f"Art. 3: {facts_line(known.facts.get(v.ART3_OUTCOME, []))}"]
        if known.facts.get(v.ART34_OUTCOME):
            outcome.append(f"Art. 34: {facts_line(known.facts[v.ART34_OUTCOME])}")
        table.add_row(
            date, escape(case), escape(", ".join(route)), escape("\n".join(outcome)), escape("; ".join(known.sources))
        )
    return table


def sources_table(sources: Iterable[Source], title: str = "Sources", counts: dict[str, int] | None = None) -> Table:
    table = Table(title=title, title_justify="left")
    columns = ["id", "publisher", "title", "date", "verification"] + (["statements"] if counts is not None else [])
    for column in columns:
        table.add_column(column, overflow="fold")
    for source in sources:
        date = str(source.date) if source.date else "undated"
        cells = [escape(x) for x in (source.id, source.publisher, source.title, date, source.verification.value)]
        if counts is not None:
            cells.append(str(counts.get(source.id, 0)))
        table.add_row(*cells)
    return table


def render_state(summary: StateSummary, sources: Iterable[Source]) -> RenderableType:
    lines = [f"[bold]{escape(summary.name)}[/bold] ({summary.code}) — as known on {summary.as_of.isoformat()}"]
    other_names = [f for f in summary.names if isinstance(f.value, dict) and f.value.get("lang") != "en"]
    if other_names:
        lines.append("names: " + escape("; ".join(cited(f) for f in other_names)))
    memberships = Table(title="Memberships and treaty status", title_justify="left")
    for column in ("instrument", "status", "detail", "sources"):
        memberships.add_column(column, overflow="fold")
    for m in summary.memberships:
        style = _STATUS_STYLE[m.status]
        sources_of = "; ".join(dict.fromkeys(s.source + (f", {s.locator}" if s.locator else "") for s in m.statements))
        detail = "\n".join([m.reason, *qualification_lines(m.qualifications, m.as_of)])
        memberships.add_row(
            escape(m.instrument),
            Text(m.status.value.replace("_", " "), style=style),
            escape(detail),
            escape(sources_of),
        )
    indicators = Table(title="Indicators (latest year known)", title_justify="left")
    for column in ("indicator", "year", "value and sources"):
        indicators.add_column(column, overflow="fold")
    sub_scores: dict[tuple[int, str], list[str]] = {}
    for i in summary.indicators:
        if _FIW_SUB_SCORE.match(i.name):
            # Freedom House's 25 sub-scores (A1…G4) share a source: one line, not 25.
            sub_scores.setdefault((i.year, ", ".join(i.fact.sources)), []).append(
                f"{i.name.removeprefix(v.FIW_PREFIX).upper()} {_value(i.fact.value)}"
            )
            continue
        facts = [i.fact, *i.fact.alternatives]
        indicators.add_row(i.name, str(i.year), escape(facts_line(facts)))
    for (year, source), scores in sub_scores.items():
        indicators.add_row("fiw sub-scores", str(year), escape(f"{', '.join(scores)} [{source}]"))
    parts: list[RenderableType] = [Text.from_markup("\n".join(lines))]
    parts.append(memberships if summary.memberships else Text("memberships: none known"))
    parts.append(indicators if summary.indicators else Text("indicators: none known"))
    for direction, found in (("from", summary.incidents_from), ("to", summary.incidents_to)):
        title = f"Transfers {direction} {summary.code}"
        parts.append(
            incidents_table(title, found) if found else Text(f"transfers {direction} {summary.code}: none known")
        )
    parts.append(judgments_table(summary.judgments) if summary.judgments else Text("judgments: none known"))
    parts.append(sources_table(sources, "Sources cited above"))
    return Group(*parts)


def history_table(entries: Sequence[HistoryEntry]) -> Table:
    table = Table(title="History", title_justify="left", show_lines=True)
    for column in ("id", "property", "value", "source", "known from", "loaded", "state"):
        table.add_column(column, overflow="fold")
    for e in entries:
        s = e.statement
        state = "current" if e.current else f"superseded by {', '.join(e.superseded_by)}"
        if s.supersedes:
            state += f"\ncorrects {s.supersedes}"
        if s.value is None and s.supersedes:
            state += " (retraction)"
        source = s.source + (f", {s.locator}" if s.locator else "") + f" ({s.verification.value})"
        loaded = f"{e.loaded_at.isoformat(timespec='seconds')} by {e.loaded_by}\nasserted by {s.asserted_by}"
        known = e.known_from.isoformat() if e.known_from else "timeless"
        table.add_row(e.id, s.property, escape(_value(s.value)), escape(source), known, escape(loaded), escape(state))
    return table
