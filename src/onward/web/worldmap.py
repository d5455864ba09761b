"""A world map of the states a case concerns, each country filled by its direct risk.

The assessment page draws this map when the country shapes are installed: ``countries-110m.json``
of the npm package world-atlas 2.0.2 (ISC licence; the shapes are Natural Earth's 1:110m admin-0
countries, public domain), which ``scripts/web-assets.sh`` puts in ``build/web-vendor`` and
``WebSettings.world_atlas`` points to. Without the file (no npm), or when it cannot be read, the page
draws the tile map of ``onward.web.tilemap`` instead and says so.

The file is TopoJSON. A border is stored once, as an *arc* shared by the two countries it
separates. In a quantized file (one with a ``transform``) an arc's first position is absolute and
each following one is the step from the one before, in integer grid units that ``transform.scale``
and ``transform.translate`` turn into longitude and latitude. A polygon is a list of rings, a ring a
list of arc indices; the index ``~i`` (``-i - 1``) means arc ``i`` walked backwards, and consecutive
arcs of a ring share their end and start position. Country ids are ISO 3166-1 numeric codes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Literal

import pycountry
from pydantic import BaseModel, Field, ValidationError

from onward.errors import ConfigurationError
from onward.risk.direct import DirectRisk
from onward.web.tilemap import UNASSESSED_FILL, risk_colour, risk_legend

Point = tuple[float, float]
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]

WIDTH = 1000  # SVG units across the map; the page scales it to the column's width
_LEGEND_HEIGHT = 44
_FONT = 'font-family="DejaVu Sans, sans-serif"'
# Shapes the atlas leaves without a numeric id because ISO 3166-1 lists none; Kosovo has the
# user-assigned code the rest of Onward uses (onward.model.states).
_UNNUMBERED = {"Kosovo": "XK"}
# Antarctica: stretched across the bottom of the map it would take a sixth of the height for a
# continent no one is removed to.
_LEFT_OUT = frozenset({"AQ"})
# Natural Earth projection (Šavrič, Jenny, Patterson, Petrovič and Hurni, "A polynomial equation for
# the Natural Earth projection", Cartography and Geographic Information Science 38(4), 2011):
# x = λ·(A0 + A1·φ² + A2·φ⁴ + A3·φ¹⁰ + A4·φ¹²), y = φ·(B0 + B1·φ² + B2·φ⁶ + B3·φ⁸ + B4·φ¹⁰).
_A = (0.8707, -0.131979, -0.013791, 0.003971, -0.001529)
_B = (1.007226, 0.015085, -0.044475, 0.028874, -0.005916)


class _Transform(BaseModel):
    scale: tuple[float, float]
    translate: tuple[float, float]


class _Properties(BaseModel):
    name: str = ""


class _Polygon(BaseModel):
    type: Literal["Polygon"]
    arcs: list[list[int]]
    id: str | int | None = None
    properties: _Properties = _Properties()


class _MultiPolygon(BaseModel):
    type: Literal["MultiPolygon"]
    arcs: list[list[list[int]]]
    id: str | int | None = None
    properties: _Properties = _Properties()


class _Countries(BaseModel):
    type: Literal["GeometryCollection"]
    geometries: list[Annotated[_Polygon | _MultiPolygon, Field(discriminator="type")]]


class _Objects(BaseModel):
    countries: _Countries


class Topology(BaseModel):
    """The parts of a world-atlas TopoJSON file the map reads: arcs, their transform, the countries."""

    type: Literal["Topology"]
    arcs: list[list[tuple[float, float]]]
    transform: _Transform | None = None
    objects: _Objects


@dataclass(frozen=True)
class CountryShape:
    """One country of the atlas in longitude/latitude degrees; ``code`` is None for areas ISO does not list."""

    code: str | None
    name: str
    polygons: tuple[Polygon, ...]


@dataclass(frozen=True)
class CountryPath:
    """One country drawn: its SVG path data in map units."""

    code: str | None
    name: str
    path: str


@dataclass(frozen=True)
class WorldOutline:
    """Every country projected onto a map ``WIDTH`` units wide and ``height`` units high."""

    countries: tuple[CountryPath, ...]
    height: int
    sphere: str  # the outline of the whole globe: the map's clip and its sea

    def codes(self) -> set[str]:
        return {c.code for c in self.countries if c.code}


def decode_arcs(topology: Topology) -> list[list[Point]]:
    """Each arc as absolute (longitude, latitude) positions, undoing the quantization's deltas."""
    if topology.transform is None:
        return [list(arc) for arc in topology.arcs]
    (sx, sy), (tx, ty) = topology.transform.scale, topology.transform.translate
    decoded = []
    for arc in topology.arcs:
        x = y = 0.0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def ring(indices: Sequence[int], arcs: Sequence[Sequence[Point]]) -> Ring:
    """The closed ring the arcs ``indices`` make; ``~i`` walks arc ``i`` backwards."""
    points: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)  # an arc starts where the one before it ended
    return tuple(points)


def _code(numeric: str | int | None, name: str) -> str | None:
    if numeric is None:
        return _UNNUMBERED.get(name)
    country = pycountry.countries.get(numeric=f"{int(numeric):03d}")
    return country.alpha_2 if country is not None else None


def countries(topology: Topology) -> list[CountryShape]:
    """The atlas's countries with their ISO 3166-1 alpha-2 codes and their polygons."""
    arcs = decode_arcs(topology)
    shapes = []
    for geometry in topology.objects.countries.geometries:
        polygons = [geometry.arcs] if isinstance(geometry, _Polygon) else geometry.arcs
        name = geometry.properties.name
        shapes.append(
            CountryShape(
                code=_code(geometry.id, name),
                name=name,
                polygons=tuple(tuple(ring(r, arcs) for r in polygon) for polygon in polygons),
            )
        )
    return shapes


def natural_earth(longitude: float, latitude: float) -> Point:
    """The Natural Earth projection of a position in degrees, on a unit sphere (y grows northwards)."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    p2 = phi * phi
    x = lam * (_A[0] + _A[1] * p2 + _A[2] * p2**2 + _A[3] * p2**5 + _A[4] * p2**6)
    y = phi * (_B[0] + _B[1] * p2 + _B[2] * p2**3 + _B[3] * p2**4 + _B[4] * p2**5)
    return x, y


def _path(polygons: Sequence[Sequence[Sequence[Point]]]) -> str:
    """SVG path data: each ring moved to absolutely, then drawn in relative whole-unit steps."""
    parts = []
    for polygon in polygons:
        for points in polygon:
            rounded = [(round(x), round(y)) for x, y in points]
            steps = [(b[0] - a[0], b[1] - a[1]) for a, b in pairwise(rounded)]
            moves = "".join(f"l{dx} {dy}" for dx, dy in steps if dx or dy)
            if moves:
                parts.append(f"M{rounded[0][0]} {rounded[0][1]}{moves}z")
    return "".join(parts)


def unwrap(points: Sequence[Point]) -> list[Point]:
    """The ring with continuous longitudes: a step across the antimeridian (179° → -179°) becomes 179° → 181°.

    World-atlas keeps rings whole where they cross 180° (Chukotka, Fiji); drawn as they are they would
    streak across the whole map.
    """
    unwrapped: list[Point] = []
    shift = 0.0
    for lon, lat in points:
        if unwrapped:
            step = lon + shift - unwrapped[-1][0]
            shift += -360.0 if step > 180 else 360.0 if step < -180 else 0.0
        unwrapped.append((lon + shift, lat))
    return unwrapped


def _on_the_map(points: list[Point]) -> list[list[Point]]:
    """A ring reaching past ±180° is drawn again 360° away; the clip to the sphere keeps each half once."""
    lons = [lon for lon, _ in points]
    rings = [points]
    if max(lons) > 180:
        rings.append([(lon - 360, lat) for lon, lat in points])
    if min(lons) < -180:
        rings.append([(lon + 360, lat) for lon, lat in points])
    return rings


def outline(shapes: Sequence[CountryShape]) -> WorldOutline:
    """Project ``shapes`` (less Antarctica) onto a map ``WIDTH`` units wide, as tall as the shapes reach."""
    kept = [s for s in shapes if s.code not in _LEFT_OUT]
    projected = [
        [
            [[natural_earth(lon, lat) for lon, lat in copy] for r in polygon for copy in _on_the_map(unwrap(r))]
            for polygon in s.polygons
        ]
        for s in kept
    ]
    ys = [y for country in projected for polygon in country for r in polygon for _, y in r]
    if not ys:
        raise ConfigurationError("the world atlas holds no country outlines")
    margin = 4
    left = natural_earth(-180, 0)[0]  # the equator is the widest parallel
    scale = (WIDTH - 2 * margin) / (-2 * left)
    top = max(ys)

    def fit(points: Sequence[Point]) -> list[Point]:
        return [(margin + (x - left) * scale, margin + (top - y) * scale) for x, y in points]

    east, west = range(-90, 91), range(90, -91, -1)
    sphere = [natural_earth(180, lat) for lat in east] + [natural_earth(-180, lat) for lat in west]
    return WorldOutline(
        countries=tuple(
            CountryPath(s.code, s.name, _path([[fit(r) for r in polygon] for polygon in c]))
            for s, c in zip(kept, projected, strict=True)
        ),
        height=math.ceil((top - min(ys)) * scale + 2 * margin),
        sphere=_path([[fit(sphere)]]),
    )


@cache
def world_outline(path: Path) -> WorldOutline:
    """The projected countries of the world-atlas file at ``path``, read once per process."""
    try:
        topology = Topology.model_validate_json(path.read_bytes())
        return outline(countries(topology))
    except OSError as error:
        raise ConfigurationError(f"the world atlas {path} cannot be read: {error.strerror}") from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ConfigurationError(
            f"the world atlas {path} is not a world-atlas TopoJSON file: {where}: {first['msg']}"
        ) from None
    except IndexError:
        raise ConfigurationError(f"the world atlas {path} names an arc it does not hold") from None


def world_map_svg(
    world: WorldOutline,
    risks: Mapping[str, DirectRisk],
    persecuting: Collection[str],
    name: Callable[[str], str],
    labels: Mapping[str, str],
) -> str:
    """The map: assessed states filled by direct risk, others grey, the persecuting states outlined in red.

    ``labels`` holds the interface text in the reader's language (risk level names too, keyed by the
    engine's: ``low``, ``high``…): ``title``, ``unassessed`` and
    ``persecuting`` (the legend's last two entries).
    """
    height = world.height + _LEGEND_HEIGHT
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-label="{escape(labels["title"])}" class="worldmap">',
        f"<title>{escape(labels['title'])}</title>",
    ]
    parts.append(
        f'<clipPath id="worldmap-sphere"><path d="{world.sphere}"/></clipPath>'
        f'<path d="{world.sphere}" fill="#f3f6fa" stroke="#d5dbe2"/><g clip-path="url(#worldmap-sphere)">'
    )
    # Unassessed countries first, then assessed ones, then persecuting states, so outlines stay on top.
    order = sorted(world.countries, key=lambda c: (c.code in risks, c.code in persecuting, c.name))
    for country in order:
        risk = risks.get(country.code) if country.code else None
        if country.code in persecuting:
            stroke, width = "#a61b1b", 2.5
        elif risk is not None:
            stroke, width = "#14263d", 1.2
        else:
            stroke, width = "#ffffff", 0.6
        fill = risk_colour(risk.score) if risk is not None else UNASSESSED_FILL
        label = name(country.code) if country.code else country.name
        if risk is not None:
            label = f"{label}: {risk.score:.0%} ({labels.get(risk.level, risk.level)})"
        parts.append(
            f'<path d="{country.path}" fill="{fill}" fill-rule="evenodd" stroke="{stroke}" stroke-width="{width}" '
            f'stroke-linejoin="round" data-state="{country.code or ""}"><title>{escape(label)}</title></path>'
        )
    parts.append(f'</g><rect x="0" y="{world.height}" width="{WIDTH}" height="{_LEGEND_HEIGHT}" fill="#ffffff"/>')
    y = world.height + 14
    parts.append(f'<g class="legend">{risk_legend(y)}')
    parts.append(
        f'<rect x="330" y="{y}" width="18" height="14" fill="{UNASSESSED_FILL}" stroke="#9aa5b1"/>'
        f'<text x="352" y="{y + 11}" font-size="11" {_FONT}>{escape(labels["unassessed"])}</text>'
        f'<rect x="530" y="{y}" width="18" height="14" fill="#ffffff" stroke="#a61b1b" stroke-width="2.5"/>'
        f'<text x="552" y="{y + 11}" font-size="11" {_FONT}>{escape(labels["persecuting"])}</text></g></svg>'
    )
    return "".join(parts)
