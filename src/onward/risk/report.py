"""Rendering an ``Assessment`` for people: a Rich terminal report, Markdown and HTML.

The terminal report draws the top chain paths as arrows ("Ukraine → Russia → Kazakhstan 0.31")
with the evidence behind each edge; Markdown and HTML come from Jinja2 templates shipped in the
package (``onward/risk/templates``), so a firm can restyle them without touching code. Every
rendering shows the model version and digest the assessment was made with.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from onward.model.states import state_name
from onward.risk.assess import Assessment, ChainRisk, EdgeView
from onward.risk.explain import EvidenceRef, Reason
from onward.risk.findings import ESTABLISHED, INSUFFICIENT

STATUS_STYLE = {ESTABLISHED: "bold red", INSUFFICIENT: "yellow"}
EVIDENCE_SHOWN = 4


def arrow(states: list[str]) -> str:
    return " → ".join(state_name(s) for s in states)


def _reason_tree(tree: Tree, reason: Reason) -> None:
    label = Text(reason.factor, style="bold")
    if reason.contribution is not None:
        label.append(f" · {reason.contribution:+.2f} {reason.unit}")
    if reason.note:
        label.append(f" · {reason.note}", style="dim")
    node = tree.add(label)
    for ref in reason.evidence[:EVIDENCE_SHOWN]:
        node.add(Text(f"↳ {ref.cite()}", style="cyan"))
    if len(reason.evidence) > EVIDENCE_SHOWN:
        node.add(Text(f"↳ … and {len(reason.evidence) - EVIDENCE_SHOWN} more", style="cyan"))
    for child in reason.children:
        _reason_tree(node, child)


def _edge_line(edge: EdgeView) -> str:
    evidence = _edge_evidence(edge)
    cited = "; ".join(ref.cite() for ref in evidence[:EVIDENCE_SHOWN]) or "structural prior only"
    flag = ", informal transfers documented" if edge.informal else ""
    measured = edge.basis.startswith("documented")
    figure = f"{edge.probability:.2f}" if measured or not edge.basis else f"prior ≈ {edge.probability:.2f}"
    basis = f"; {edge.basis}" if edge.basis else ""
    return (
        f"{state_name(edge.source)} → {state_name(edge.target)}: {figure} "
        f"(after assurances {edge.after_assurances:.2f}; {edge.documented} documented{flag}{basis}) — {cited}"
    )


def _chain_table(chains: list[ChainRisk], interval: float) -> Table:
    table = Table(title="Onward transfer", show_lines=True)
    for column in ("to", "probability", f"{interval:.0%} interval", "before assurances", "top paths (share)"):
        table.add_column(column)
    for chain in chains:
        paths = "\n".join(f"{arrow(p.states)}  {p.probability:.2f} ({p.share:.0%})" for p in chain.top_paths)
        bounds = f" (≤ {chain.upper:.2f})" if chain.upper > chain.probability + 0.005 else ""
        table.add_row(
            state_name(chain.target),
            f"{chain.probability:.2f}{bounds}",
            _interval(chain),
            f"{chain.before_assurances:.2f}",
            paths or "no path within the hop limit",
        )
    return table


def _interval(chain: ChainRisk) -> str:
    if chain.low is None or chain.high is None:
        return "not sampled"
    return f"{chain.low:.2f}–{chain.high:.2f}"


def render_text(assessment: Assessment) -> RenderableType:
    """The terminal report: conclusions first, then the reasons behind each of them."""
    parts: list[RenderableType] = [
        Text(
            f"{assessment.title} — as of {assessment.as_of}; custodial state "
            f"{state_name(assessment.custodial_state)}; model {assessment.model_version} ({assessment.model_digest}), "
            f"{assessment.hops} hops, seed {assessment.seed}"
        ),
        Panel(Text(assessment.conclusion), title="Conclusion", border_style="red"),
    ]
    political = Table(title="Political purpose: indicators (the findings name the bases that apply)")
    for column in ("indicator", "present", "why"):
        political.add_column(column)
    for indicator in assessment.political:
        political.add_row(indicator.indicator, "yes" if indicator.present else "no", Text(indicator.note))
    parts.append(political)
    for destination in assessment.destinations:
        findings = Table(title=f"Findings: removal to {state_name(destination.state)}", show_lines=True)
        for column in ("question", "status", "reasoning", "would change it"):
            findings.add_column(column)
        for finding in destination.findings:
            question = finding.question if finding.via is None else f"onward to {state_name(finding.via)}"
            style = STATUS_STYLE.get(finding.status, "green")
            findings.add_row(
                question, Text(finding.status, style=style), finding.reasoning, "; ".join(finding.would_change)
            )
        parts.append(findings)
        parts.append(_chain_table(destination.chains, assessment.interval))
        direct = destination.direct
        tree = Tree(f"Direct risk in {state_name(direct.state)}: {direct.level} ({direct.score:.2f})")
        for reason in destination.direct.reasons:
            _reason_tree(tree, reason)
        parts.append(tree)
    for risk in assessment.persecuting:
        tree = Tree(f"Direct risk in {state_name(risk.state)} (feared): {risk.level} ({risk.score:.2f})")
        for reason in risk.reasons:
            _reason_tree(tree, reason)
        parts.append(tree)
    if assessment.edges:
        parts.append(
            Panel(
                Text("\n".join(_edge_line(e) for e in assessment.edges)), title="Edges of the top paths, with evidence"
            )
        )
    for item in assessment.assurances:
        table = Table(
            title=f"Assurance {item.assurance} ({state_name(item.giving_state)}): {item.verdict}", show_lines=True
        )
        for column in ("Othman §189", "factor", "status", "reason"):
            table.add_column(column)
        for factor in item.factors:
            style = {"not satisfied": "red", "unknown": "yellow"}.get(factor.status, "green")
            table.add_row(f"({factor.number})", factor.title, Text(factor.status, style=style), Text(factor.reason))
        parts.append(table)
    parts.append(Text("\n".join(f"• {note}" for note in assessment.notes), style="dim"))
    return Group(*parts)


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("onward.risk", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["state"] = state_name
    environment.filters["arrow"] = arrow
    environment.filters["interval"] = _interval
    environment.filters["cite"] = lambda ref: ref.cite() if isinstance(ref, EvidenceRef) else str(ref)
    return environment


def _context(assessment: Assessment) -> dict[str, Any]:
    return {"a": assessment, "edge_evidence": {(e.source, e.target): _edge_evidence(e) for e in assessment.edges}}


def _edge_evidence(edge: EdgeView) -> list[EvidenceRef]:
    return [r for reason in edge.reasons for r in reason.all_evidence()][: EVIDENCE_SHOWN * 2]


def render_markdown(assessment: Assessment) -> str:
    return _environment().get_template("assessment.md.j2").render(**_context(assessment))


def render_html(assessment: Assessment) -> str:
    return _environment().get_template("assessment.html.j2").render(**_context(assessment))
