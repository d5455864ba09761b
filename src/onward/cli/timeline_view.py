"""Rendering a case's procedural timeline: steps placed on the procedure, then next steps and deadlines."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from onward.procedure.timeline import Timeline


def render_timeline(timeline: Timeline) -> RenderableType:
    procedure = timeline.procedure
    steps = Table(title=f"{procedure.name} — as of {timeline.as_of.isoformat()}", title_justify="left")
    for column in ("date", "stage", "body", "outcome", "legal basis", "check"):
        steps.add_column(column, overflow="fold")
    for step in timeline.steps:
        proceeding = step.proceeding
        check = Text(step.problem, style="bold red") if step.problem else Text("ok", style="green")
        steps.add_row(
            proceeding.date.isoformat() if proceeding.date else "undated",
            step.stage.name if step.stage else proceeding.stage,
            proceeding.body,
            proceeding.outcome.value.replace("_", " "),
            step.stage.legal_basis if step.stage else "—",
            check,
        )
    upcoming = Table(title="Next steps and deadlines", title_justify="left")
    for column in ("step", "if", "deadline", "strict", "legal basis", "verification"):
        upcoming.add_column(column, overflow="fold")
    for item in timeline.next_steps:
        deadline = item.deadline
        when = Text(item.describe_deadline(), style="bold red" if item.passed else "")
        upcoming.add_row(
            item.stage.name,
            item.if_outcome.value.replace("_", " ") if item.if_outcome else "",
            when,
            ("yes" if deadline.strict else "no") if deadline else "",
            deadline.legal_basis if deadline else item.stage.legal_basis,
            (deadline.verification if deadline else item.stage.verification).value,
        )
    parts: list[RenderableType] = [steps, upcoming]
    if timeline.note:
        parts.insert(0, Text(timeline.note, style="bold yellow"))
    parts += [Text(f"• passed: {n.stage.name} — {n.describe_deadline()}", style="bold red") for n in timeline.passed]
    parts += [Text(f"• {advice}") for advice in timeline.advice]
    return Group(*parts)


def timeline_document(timeline: Timeline) -> dict[str, Any]:
    return {
        "jurisdiction": timeline.procedure.selected_for,
        "procedure": timeline.procedure.file_name,
        "removal_kind": timeline.procedure.selected_kind.value,
        "fallback": timeline.procedure.is_fallback,
        "note": timeline.note,
        "as_of": timeline.as_of.isoformat(),
        "steps": [
            {
                "proceeding": s.proceeding.id,
                "date": s.proceeding.date.isoformat() if s.proceeding.date else None,
                "stage": s.stage.id if s.stage else s.proceeding.stage,
                "outcome": s.proceeding.outcome.value,
                "problem": s.problem,
            }
            for s in timeline.steps
        ],
        "current": timeline.current.proceeding.id if timeline.current else None,
        "next_steps": [
            {
                "stage": n.stage.id,
                "if_outcome": n.if_outcome.value if n.if_outcome else None,
                "deadline": n.describe_deadline(),
                "due": n.due.isoformat() if n.due else None,
                "overdue": n.overdue,
                "passed": n.passed,
                "strict": n.deadline.strict if n.deadline else None,
                "legal_basis": n.deadline.legal_basis if n.deadline else n.stage.legal_basis,
                "verification": (n.deadline.verification if n.deadline else n.stage.verification).value,
            }
            for n in timeline.next_steps
        ],
        "advice": timeline.advice,
    }
