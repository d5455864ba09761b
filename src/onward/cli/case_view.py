"""Rich rendering of a case: parties, a timeline of requests and proceedings, assurances, sources."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table

from onward.model.case import Case, Removal
from onward.model.dates import PartialDate, chronological
from onward.model.person import InterpolNotice, PersonStatus, StatusKind
from onward.model.source import Citation
from onward.model.states import state_name


def _states(codes: list[str]) -> str:
    return ", ".join(f"{state_name(c)} ({c})" for c in codes) or "—"


def _cites(citations: list[Citation]) -> str:
    return "; ".join(c.source + (f", {c.locator}" if c.locator else "") for c in citations)


def _date(date: PartialDate | None) -> str:
    return date.isoformat() if date else "undated"


def _status_line(status: PersonStatus) -> str:
    by = "examined by" if status.kind is StatusKind.ASYLUM_APPLICATION else "granted by"
    text = f"status: {status.kind.value.replace('_', ' ')}"
    text += f" {by} {state_name(status.granted_by)}" if status.granted_by else ""
    text += f" against {_states(status.vis_a_vis)}" if status.vis_a_vis else ""
    text += f" ({_date(status.date)})"
    if status.stage or status.outcome:
        text += f"; {', '.join(v for v in (status.stage, status.outcome and status.outcome.value) if v)}"
    for event in status.events:
        text += f"; {event.event.value.replace('_', ' ')} {_date(event.date)}"
    return text


def _notice_line(notice: InterpolNotice) -> str:
    text = f"INTERPOL {notice.kind.value} notice of {state_name(notice.requesting_state)} ({_date(notice.date)})"
    text += f", {notice.status.value}" if notice.status.value != "unknown" else ""
    if notice.challenge is not None:
        text += f"; challenged before {notice.challenge.body}: {notice.challenge.outcome.value}"
    return text


def _removal_line(removal: Removal) -> str:
    text = f"{removal.kind.value.replace('_', ' ')} to {state_name(removal.destination)} ({removal.destination})"
    text += f": {removal.status.value.replace('_', ' ')}"
    return text + (f" — {removal.legal_basis}" if removal.legal_basis else "")


def parties(case: Case) -> Panel:
    person = case.person
    lines = [
        f"[bold]{person.display_name}[/bold]"
        + (f" (also {', '.join(n.name for n in person.names[1:])})" if len(person.names) > 1 else ""),
        f"nationality: {_states(person.nationalities)}",
        f"profile: {', '.join(p.value.replace('_', ' ') for p in person.profile) or '—'}",
    ]
    for status in person.statuses:
        lines.append(_status_line(status))
    for notice in person.interpol_notices:
        lines.append(_notice_line(notice))
    lines += [
        "",
        f"held in: {_states([case.custodial_state])}",
        f"fears persecution in: {_states(case.persecuting_states)}",
        f"requested by: {_states(case.requesting_states)}",
        f"proposed destinations (extradition): {_states(case.proposed_destinations)}",
        *(_removal_line(r) for r in case.removals),
        f"as of: {case.as_of}   jurisdiction: {case.jurisdiction}   language: {case.language}",
    ]
    return Panel("\n".join(lines), title=f"{case.title} [dim]({case.id})[/dim]", expand=False)


def timeline(case: Case) -> Table:
    table = Table(title="Timeline", title_justify="left", show_lines=False)
    for column in ("date", "event", "outcome", "sources"):
        table.add_column(column, overflow="fold")
    rows: list[tuple[PartialDate | None, str, str, str]] = []
    for request in case.requests:
        charges = f": {', '.join(request.charges)}" if request.charges else ""
        rows.append(
            (
                request.received,
                f"request from {state_name(request.requesting_state)}{charges}",
                "received",
                _cites(request.sources),
            )
        )
    for proceeding in case.proceedings:
        text = f"{proceeding.stage.replace('_', ' ')} — {proceeding.body}"
        if proceeding.destinations:
            text += f" (to {_states(proceeding.destinations)})"
        if proceeding.reference:
            text += f" [{proceeding.reference}]"
        for condition in proceeding.conditions:
            text += f"\n  condition: {condition}"
        rows.append((proceeding.date, text, proceeding.outcome.value.replace("_", " "), _cites(proceeding.sources)))
    for date, text, outcome, cites in sorted(rows, key=lambda r: chronological(r[0])):
        table.add_row(_date(date), text, outcome, cites)
    return table


def assurances(case: Case) -> Table:
    table = Table(title="Assurances and conditions", title_justify="left")
    for column in ("from", "terms", "monitoring", "sources"):
        table.add_column(column, overflow="fold")
    for assurance in case.assurances:
        origin = state_name(assurance.giving_state)
        if assurance.imposed_by:
            origin += f"\n(imposed by {assurance.imposed_by})"
        terms = "\n".join(f"{t.item.value.replace('_', ' ')}: {t.text or ''}".rstrip(": ") for t in assurance.terms)
        table.add_row(origin, terms, "\n".join(assurance.monitoring) or "none stated", _cites(assurance.sources))
    return table


def sources(case: Case) -> Table:
    table = Table(title="Sources", title_justify="left")
    for column in ("id", "publisher", "title", "date", "verification"):
        table.add_column(column, overflow="fold")
    for source in case.sources:
        table.add_row(source.id, source.publisher, source.title, _date(source.date), source.verification.value)
    return table


def render_case(case: Case) -> RenderableType:
    parts: list[RenderableType] = [parties(case), timeline(case)]
    if case.assurances:
        parts.append(assurances(case))
    parts.append(sources(case))
    return Group(*parts)
