"""The chain graph of one destination as an inline SVG figure whose every arrow opens its evidence.

For Ukraine in the Ablyazov case the figure reads left to right: France (holding him), Ukraine
(the proposed destination), the states a transfer may pass through (Uzbekistan, Russia…), and
Kazakhstan, the persecuting state, highlighted. Each arrow is an onward transfer on one of the
engine's top paths, as thick as it is likely (after assurances), labelled with its probability, and
a link to ``#edge-<from>-<to>``, where the page lists that edge's reasons and evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from onward.risk.assess import Assessment, DestinationAssessment, EdgeView

_COL_W, _ROW_H, _BOX_W, _BOX_H, _PAD = 210, 74, 168, 38, 24
_TOP = _PAD + 40  # room above the boxes for arrows that skip a column and arc over it


def edge_anchor(destination: str, source: str, target: str) -> str:
    """The id of the page section holding one edge's evidence, under one destination's graph."""
    return f"edge-{destination}-{source}-{target}"


def _columns(assessment: Assessment, destination: DestinationAssessment) -> list[list[str]]:
    """States by column: custodial, destination, intermediaries by their earliest position, persecutors."""
    paths = [p.states for c in destination.chains for p in c.top_paths]
    targets = [t for t in assessment.persecuting_states if t != destination.state]
    position: dict[str, int] = {}
    for path in paths:
        for index, state in enumerate(path[1:-1], start=1):
            if state not in targets and state != destination.state:
                position[state] = min(position.get(state, index), index)
    depth = max(position.values(), default=0)
    middle = [sorted(s for s, i in position.items() if i == level) for level in range(1, depth + 1)]
    return [[assessment.custodial_state], [destination.state], *middle, targets]


def chain_edges(assessment: Assessment, destination: DestinationAssessment) -> list[EdgeView]:
    """The edges on the destination's top paths, each once, as the engine weighed them."""
    by_pair = {(e.source, e.target): e for e in assessment.edges}
    seen: list[EdgeView] = []
    for chain in destination.chains:
        for path in chain.top_paths:
            for pair in zip(path.states, path.states[1:], strict=False):
                edge = by_pair.get(pair)
                if edge is not None and edge not in seen:
                    seen.append(edge)
    return seen


def chain_graph_svg(
    assessment: Assessment, destination: DestinationAssessment, name: Callable[[str], str], title: str
) -> str:
    """The figure for ``destination``; ``name`` turns a code into the reader's state name."""
    columns = [column for column in _columns(assessment, destination) if column]
    rows = max(len(column) for column in columns)
    width = _PAD * 2 + _COL_W * (len(columns) - 1) + _BOX_W
    height = _TOP + _PAD + _ROW_H * rows
    centre: dict[str, tuple[float, float]] = {}
    for index, column in enumerate(columns):
        top = _TOP + (rows - len(column)) * _ROW_H / 2
        for row, state in enumerate(column):
            centre[state] = (_PAD + index * _COL_W + _BOX_W / 2, top + row * _ROW_H + _ROW_H / 2)
    uid = f"{assessment.case}-{destination.state}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="title-{uid}">',
        f'<title id="title-{uid}">{escape(title)}</title>',
        f'<defs><marker id="arrow-{uid}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#33415c"/></marker></defs>',
    ]
    start, first = centre[assessment.custodial_state], centre[destination.state]
    parts.append(
        f'<line x1="{start[0] + _BOX_W / 2}" y1="{start[1]}" x2="{first[0] - _BOX_W / 2 - 2}" y2="{first[1]}" '
        f'stroke="#8795a8" stroke-width="2" stroke-dasharray="6 4" marker-end="url(#arrow-{uid})"/>'
    )
    for edge in chain_edges(assessment, destination):
        if edge.source not in centre or edge.target not in centre:
            continue
        parts.append(_edge(edge, centre, name, uid, destination.state))
    for state, (x, y) in centre.items():
        persecuting = state in assessment.persecuting_states
        fill, stroke = ("#fbe0e0", "#a61b1b") if persecuting else ("#ffffff", "#33415c")
        weight = "700" if persecuting or state == destination.state else "400"
        parts.append(
            f'<g pointer-events="none"><rect x="{x - _BOX_W / 2}" y="{y - _BOX_H / 2}" '
            f'width="{_BOX_W}" height="{_BOX_H}" rx="6" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="{3 if persecuting else 1.5}"/>'
            f'<text x="{x}" y="{y + 5}" text-anchor="middle" font-size="13" font-weight="{weight}" '
            f'font-family="DejaVu Sans, sans-serif">{escape(_short(name(state)))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _short(label: str) -> str:
    return label if len(label) <= 24 else label[:21] + "…"


def _edge(
    edge: EdgeView, centre: dict[str, tuple[float, float]], name: Callable[[str], str], uid: str, destination: str
) -> str:
    (x1, y1), (x2, y2) = centre[edge.source], centre[edge.target]
    span = round(abs(x2 - x1) / _COL_W)
    forward = x2 >= x1
    sx = x1 + (_BOX_W / 2 if forward else -_BOX_W / 2)
    tx = x2 - (_BOX_W / 2 + 2 if forward else -_BOX_W / 2 - 2)
    sy, ty = y1, y2
    if span == 0:  # same column: leave from the right side and come back in a loop
        sx, tx = x1 + _BOX_W / 2, x2 + _BOX_W / 2 + 2
        cx, cy = x1 + _BOX_W / 2 + 70, (y1 + y2) / 2
    elif span > 1:  # skips a column: arc over the boxes between, from the top edges
        sx, tx = x1 + _BOX_W / 4, x2 - _BOX_W / 4
        sy, ty = y1 - _BOX_H / 2, y2 - _BOX_H / 2 - 2
        apex = _PAD + 6  # above every box: the curve's midpoint is (start + 2 control + end) / 4
        cx, cy = (sx + tx) / 2, (4 * apex - sy - ty) / 2
    else:
        cx, cy = (sx + tx) / 2, (y1 + y2) / 2
    lx, ly = (sx + 2 * cx + tx) / 4, (sy + 2 * cy + ty) / 4  # the curve's midpoint
    probability = edge.after_assurances
    width = 1.5 + 9 * probability
    label = f"{probability:.0%}"
    tooltip = f"{name(edge.source)} → {name(edge.target)}: {label}"
    if edge.after_assurances < edge.probability:
        tooltip += f" ({edge.probability:.0%} before assurances)"
    return (
        f'<a href="#{edge_anchor(destination, edge.source, edge.target)}" aria-label="{escape(tooltip)}">'
        f"<title>{escape(tooltip)}</title>"
        f'<path d="M{sx},{sy} Q{cx},{cy} {tx},{ty}" fill="none" stroke="#1f4e8c" stroke-opacity="0.75" '
        f'stroke-width="{width:.1f}" marker-end="url(#arrow-{uid})"/>'
        f'<text x="{lx}" y="{ly - 6}" text-anchor="middle" font-size="12" fill="#14263d" '
        f'font-family="DejaVu Sans, sans-serif" paint-order="stroke" stroke="#fff" stroke-width="3">{label}</text></a>'
    )
