"""A tile map of the world coloured by direct risk: one square per state, placed near its capital region.

No country shapes ship with our dependencies under a licence we can use, so the map is a
clearly labelled tile cartogram: each state's square sits at the median coordinates of its time
zones in the IANA time-zone database (``zone.tab``, public domain, shipped by the ``tzdata``
package), snapped to a grid so squares never overlap. It shows where the assessed states lie
relative to each other, not their shape or size.

The assessment page draws it only when the world map's country shapes (the npm package world-atlas,
see ``onward.web.worldmap``) are not installed or cannot be read; both share this module's colour
scale and legend.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Mapping
from functools import cache
from html import escape
from importlib import resources

_CELL, _COLS, _ROWS = 22, 56, 26
UNASSESSED_FILL = "#e6e9ee"  # states the assessment gives no score


def _degrees(text: str, width: int) -> float:
    sign = -1 if text[0] == "-" else 1
    digits = text[1:]
    degrees, minutes = int(digits[:width]), int(digits[width : width + 2])
    return sign * (degrees + minutes / 60)


@cache
def _zone_positions() -> dict[str, tuple[float, float]]:
    """(latitude, longitude) per ISO code: the median of the country's zone coordinates."""
    text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    points: dict[str, list[tuple[float, float]]] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, coordinates = line.split("\t")[:2]
        split = max(coordinates.rfind("+"), coordinates.rfind("-"))
        points.setdefault(code, []).append((_degrees(coordinates[:split], 2), _degrees(coordinates[split:], 3)))
    return {
        code: (statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts))
        for code, pts in points.items()
    }


@cache
def tile_positions() -> dict[str, tuple[int, int]]:
    """Grid cell (column, row) per state; a taken cell sends the state to the nearest free one."""
    taken: dict[tuple[int, int], str] = {}
    placed: dict[str, tuple[int, int]] = {}
    for code, (lat, lon) in sorted(_zone_positions().items(), key=lambda item: (-abs(item[1][0]), item[0])):
        want = (round((lon + 180) / 360 * (_COLS - 1)), round((80 - max(min(lat, 80), -58)) / 138 * (_ROWS - 1)))
        for ring in range(0, 12):
            cells = [(want[0] + dx, want[1] + dy) for dx in range(-ring, ring + 1) for dy in range(-ring, ring + 1)]
            free = [c for c in cells if c not in taken and 0 <= c[0] < _COLS and 0 <= c[1] < _ROWS]
            if free:
                cell = min(free, key=lambda c: (abs(c[0] - want[0]) + abs(c[1] - want[1]), c))
                taken[cell] = code
                placed[code] = cell
                break
    return placed


def risk_colour(score: float) -> str:
    """Green (0) through amber to red (1)."""
    score = max(0.0, min(1.0, score))
    if score < 0.5:
        r, g = int(90 + 330 * score), 170
    else:
        r, g = 235, int(170 - 260 * (score - 0.5))
    return f"rgb({r},{max(g, 40)},60)"


def risk_legend(y: float) -> str:
    """The colour scale as five swatches from 0 % to 100 %, 300 units wide, starting at x = 10."""
    parts = []
    for index, score in enumerate((0.0, 0.25, 0.5, 0.75, 1.0)):
        x = 10 + index * 60
        parts.append(
            f'<rect x="{x}" y="{y}" width="18" height="14" fill="{risk_colour(score)}"/>'
            f'<text x="{x + 22}" y="{y + 11}" font-size="11" font-family="DejaVu Sans, sans-serif">'
            f"{score:.0%}</text>"
        )
    return "".join(parts)


def tile_map_svg(scores: Mapping[str, float], name: Callable[[str], str], title: str, note: str) -> str:
    """The tile map; states in ``scores`` are coloured by their score, others are pale grey."""
    width, height = _COLS * _CELL, _ROWS * _CELL + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="tilemap-title">',
        f'<title id="tilemap-title">{escape(title)}</title>',
    ]
    for code, (col, row) in sorted(tile_positions().items()):
        x, y = col * _CELL, row * _CELL
        scored = code in scores
        fill = risk_colour(scores[code]) if scored else UNASSESSED_FILL
        label = f"{name(code)}: {scores[code]:.0%}" if scored else name(code)
        parts.append(
            f'<g><title>{escape(label)}</title><rect x="{x + 1}" y="{y + 1}" width="{_CELL - 2}" height="{_CELL - 2}" '
            f'rx="3" fill="{fill}" stroke="{"#14263d" if scored else "none"}"/>'
            f'<text x="{x + _CELL / 2}" y="{y + _CELL / 2 + 4}" text-anchor="middle" font-size="8" '
            f'font-family="DejaVu Sans, sans-serif" fill="{"#000" if scored else "#8a94a3"}">{code}</text></g>'
        )
    legend_y = _ROWS * _CELL + 12
    parts.append(risk_legend(legend_y))
    parts.append(
        f'<text x="{10 + 5 * 60 + 10}" y="{legend_y + 11}" font-size="11" fill="#5b6673" '
        f'font-family="DejaVu Sans, sans-serif">{escape(note)}</text></svg>'
    )
    return "".join(parts)
