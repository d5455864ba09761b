"""The chain graph as a figure: the paths by which the person could be passed on, with each transfer's likelihood.

For Mukhtar Ablyazov the figure shows France on the left, Russia and Ukraine (the proposed
destinations) next, the states a transfer may pass through (Uzbekistan, Kyrgyzstan…) in the
middle, and Kazakhstan on the right; each arrow is an onward transfer the engine considered on a
top path, labelled with its probability. The SVG is written by hand (no plotting dependency);
Typst turns it into the PNG that Word documents embed.
"""

from __future__ import annotations

import itertools
from html import escape

import typst

from onward.drafting.i18n import Lang, state
from onward.risk.assess import Assessment

_W, _H_ROW, _BOX_W, _BOX_H = 760, 70, 150, 34


def chain_graph_svg(assessment: Assessment, lang: Lang) -> str:
    """An SVG of the top paths from each destination to each persecuting state."""
    paths = [p.states for d in assessment.destinations for c in d.chains for p in c.top_paths]
    custodial = assessment.custodial_state
    targets = list(assessment.persecuting_states)
    destinations = [d.state for d in assessment.destinations]
    middle = sorted({s for p in paths for s in p[1:-1]} - set(destinations) - set(targets))
    columns = [[custodial], destinations, middle, targets]
    columns = [c for c in columns if c]
    rows = max(len(c) for c in columns)
    height = rows * _H_ROW + 40
    step = (_W - _BOX_W - 20) / max(len(columns) - 1, 1)
    where: dict[str, tuple[float, float]] = {}
    for index, column in enumerate(columns):
        top = (height - len(column) * _H_ROW) / 2
        for row, code in enumerate(column):
            where.setdefault(code, (10 + index * step, top + row * _H_ROW + (_H_ROW - _BOX_H) / 2))
    probability = {(e.source, e.target): e.probability for e in assessment.edges}
    arrows: list[tuple[str, str]] = [(custodial, d) for d in destinations]
    for path in paths:
        arrows += [(a, b) for a, b in itertools.pairwise(path)]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{height}" viewBox="0 0 {_W} {height}" '
        'font-family="sans-serif" font-size="12">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>',
    ]
    for a, b in dict.fromkeys(arrows):
        if a not in where or b not in where:
            continue
        (ax, ay), (bx, by) = where[a], where[b]
        x1, y1 = ax + _BOX_W, ay + _BOX_H / 2
        x2, y2 = (bx, by + _BOX_H / 2) if bx > ax else (bx + _BOX_W / 2, by + (_BOX_H if by < ay else 0))
        parts.append(
            f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" stroke="#555" '
            'stroke-width="1.3" marker-end="url(#arrow)"/>'
        )
        if (a, b) in probability:
            label = f"{probability[(a, b)]:.0%}"
            parts.append(
                f'<text x="{(x1 + x2) / 2:.0f}" y="{(y1 + y2) / 2 - 4:.0f}" fill="#333" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    for code, (x, y) in where.items():
        fill = "#f6d5d5" if code in targets else "#dde8f6" if code in destinations else "#eeeeee"
        parts.append(
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{_BOX_W}" height="{_BOX_H}" rx="6" fill="{fill}" stroke="#333"/>'
            f'<text x="{x + _BOX_W / 2:.0f}" y="{y + _BOX_H / 2 + 4:.0f}" text-anchor="middle">'
            f"{escape(state(code, lang, 'bare'))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def svg_to_png(svg: str) -> bytes:
    """Rasterise an SVG with Typst (already a dependency), for formats that want a bitmap (Word)."""
    source = (
        "#set page(width: auto, height: auto, margin: 4pt)\n"
        f'#image(bytes({_typst_string(svg)}), format: "svg", width: 16cm)\n'
    )
    png = typst.compile(source.encode("utf-8"), format="png", ppi=150)
    assert isinstance(png, bytes)
    return png


def _typst_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
