"""The world map: TopoJSON decoded by hand, projected, coloured by risk; the tile map when shapes are missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from onward.errors import ConfigurationError
from onward.risk.direct import DirectRisk
from onward.store import Store
from onward.web.settings import default_world_atlas
from onward.web.tilemap import UNASSESSED_FILL, risk_colour
from onward.web.worldmap import (
    WIDTH,
    Topology,
    countries,
    decode_arcs,
    natural_earth,
    outline,
    ring,
    unwrap,
    world_map_svg,
    world_outline,
)
from tests.webhelpers import import_example, make_web

SQUARES = Path(__file__).parent / "fixtures" / "web" / "three-squares.topo.json"
LABELS = {"title": "Direct risk by state", "unassessed": "not assessed", "persecuting": "persecuting state"}


def _topology() -> Topology:
    return Topology.model_validate_json(SQUARES.read_bytes())


def _risk(state: str, score: float, level: str) -> DirectRisk:
    return DirectRisk(state=state, score=score, level=level, systemic=False, tiers=[], reasons=[])


def _name(code: str) -> str:
    return {"UA": "Ukraine", "UZ": "Uzbekistan", "RU": "Russia", "XK": "Kosovo"}[code] + f" ({code})"


def _paths(svg: str) -> dict[str, str]:
    """Each country's <path …><title>…</title></path> element by its data-state."""
    return {m.group(1): m.group(0) for m in re.finditer(r'<path [^>]*data-state="([A-Z]*)"[^>]*>.*?</path>', svg)}


def test_arcs_are_delta_decoded_with_the_transform() -> None:
    arcs = decode_arcs(_topology())
    assert arcs[0] == [(20.0, 40.0), (20.0, 50.0)]
    assert arcs[1] == [(20.0, 50.0), (30.0, 50.0), (30.0, 40.0), (20.0, 40.0)]
    assert arcs[5][0] == (-10.0, 10.0)


def test_an_untransformed_topology_keeps_its_positions() -> None:
    topology = _topology().model_copy(update={"transform": None})
    assert decode_arcs(topology)[1] == [(0.0, 10.0), (10.0, 0.0), (0.0, -10.0), (-10.0, 0.0)]


def test_a_negative_index_walks_its_arc_backwards_and_shared_ends_appear_once() -> None:
    arcs = decode_arcs(_topology())
    west = ring([-1, 2], arcs)  # arc 0 reversed, then arc 2
    assert west == ((20.0, 50.0), (20.0, 40.0), (10.0, 40.0), (10.0, 50.0), (20.0, 50.0))
    assert ring([0, 1], arcs)[0] == ring([0, 1], arcs)[-1]  # closed


def test_countries_get_alpha_2_codes_and_multipolygons_keep_every_part() -> None:
    shapes = {shape.name: shape for shape in countries(_topology())}
    assert shapes["Squareland East"].code == "UA"
    assert shapes["Squareland West"].code == "UZ"
    assert shapes["Two Islands"].code == "RU"
    assert len(shapes["Two Islands"].polygons) == 2
    assert shapes["Kosovo"].code == "XK"  # no numeric id in the atlas; Onward's user-assigned code
    assert shapes["No Code"].code is None
    assert shapes["Far South"].code == "AQ"


def test_the_natural_earth_projection() -> None:
    assert natural_earth(0, 0) == (0.0, 0.0)
    x, y = natural_earth(180, 0)
    assert x == pytest.approx(3.141592653589793 * 0.8707)
    assert y == 0.0
    assert natural_earth(0, 90)[1] == pytest.approx(1.4224, abs=1e-4)  # the pole is a line, not a point
    assert natural_earth(90, 60)[0] < natural_earth(90, 0)[0]  # meridians bend towards the poles
    assert natural_earth(-30, -45) == (-natural_earth(30, 45)[0], -natural_earth(30, 45)[1])


def test_rings_across_the_antimeridian_are_made_continuous() -> None:
    assert unwrap([(179.0, 60.0), (-179.0, 60.0), (-179.0, 65.0), (179.0, 65.0)]) == [
        (179.0, 60.0),
        (181.0, 60.0),
        (181.0, 65.0),
        (179.0, 65.0),
    ]


def test_the_outline_leaves_antarctica_out_and_fits_the_width() -> None:
    world = outline(countries(_topology()))
    assert {c.code for c in world.countries} == {"UA", "UZ", "RU", "XK", None}
    numbers = [float(n) for c in world.countries for n in re.findall(r"M(-?\d+) (-?\d+)", c.path)[0]]
    assert all(0 <= n <= WIDTH for n in numbers)
    assert 0 < world.height < WIDTH
    two_islands = next(c for c in world.countries if c.code == "RU")
    assert two_islands.path.count("M") == 2
    assert world.sphere.startswith("M")


def test_states_are_filled_by_risk_titled_and_the_persecuting_one_outlined() -> None:
    world = outline(countries(_topology()))
    risks = {"UA": _risk("UA", 0.2, "low"), "UZ": _risk("UZ", 0.85, "very high")}
    svg = world_map_svg(world, risks, {"UZ"}, _name, LABELS)
    paths = _paths(svg)
    assert f'fill="{risk_colour(0.2)}"' in paths["UA"]
    assert "<title>Ukraine (UA): 20% (low)</title>" in paths["UA"]
    assert f'fill="{risk_colour(0.85)}"' in paths["UZ"]
    assert "<title>Uzbekistan (UZ): 85% (very high)</title>" in paths["UZ"]
    assert 'stroke="#a61b1b"' in paths["UZ"]
    assert 'stroke="#a61b1b"' not in paths["UA"]
    assert f'fill="{UNASSESSED_FILL}"' in paths["RU"]
    assert "<title>Russia (RU)</title>" in paths["RU"]
    assert "<title>No Code</title>" in paths[""]
    # The persecuting state is drawn last so that no neighbour covers its outline.
    assert svg.index('data-state="UZ"') > svg.index('data-state="UA"') > svg.index('data-state="RU"')


def test_the_map_is_an_image_with_a_label_and_a_legend() -> None:
    svg = world_map_svg(outline(countries(_topology())), {}, set(), _name, LABELS)
    assert 'role="img"' in svg
    assert 'aria-label="Direct risk by state"' in svg
    legend = svg[svg.index('<g class="legend">') :]
    assert all(f"{p}%</text>" in legend for p in (0, 25, 50, 75, 100))
    assert "not assessed" in legend
    assert "persecuting state" in legend


def test_a_missing_or_broken_atlas_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="cannot be read"):
        world_outline(tmp_path / "absent.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"type": "Topology", "arcs": [], "objects": {}}', encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"not a world-atlas TopoJSON file: objects\.countries"):
        world_outline(broken)
    dangling = tmp_path / "dangling.json"
    dangling.write_text(SQUARES.read_text(encoding="utf-8").replace('"arcs": [[5]]', '"arcs": [[9]]'), "utf-8")
    with pytest.raises(ConfigurationError, match="names an arc it does not hold"):
        world_outline(dangling)


def test_the_installed_world_atlas_has_every_country() -> None:
    path = default_world_atlas()
    if path is None:
        pytest.skip("NOTICE: world-atlas is not installed (scripts/web-assets.sh); the real atlas was not checked")
    world = world_outline(path)
    assert len(world.countries) >= 170
    drawn = {c.code: c.path for c in world.countries if c.code}
    for code in ("UA", "UZ", "RU", "KZ", "FR"):
        assert drawn[code].startswith("M")
    assert "AQ" not in drawn
    assert 400 < world.height < 500  # about 2.2 times as wide as high without Antarctica


def test_the_assessment_page_draws_the_world_map_when_the_atlas_is_there(store: Store, tmp_path: Path) -> None:
    web = make_web(store, tmp_path, world_atlas=SQUARES)
    import_example(web)
    page = web.browser("viewer").get("/cases/ablyazov/assessment")
    assert page.status_code == 200
    assert "Direct risk by state (world map)" in page.text
    assert "Country shapes: Natural Earth (public domain), via world-atlas (ISC)." in page.text
    assert "Tile map:" not in page.text
    assert re.search(r'data-state="UA"><title>Ukraine \(UA\): \d+% \((low|moderate|high|very high)\)', page.text)
    assert "Too small to draw at this scale: Kazakhstan (KZ)." in page.text
    table = page.text[page.text.index('<table class="map-states">') :]
    assert "<td>Kazakhstan (KZ)</td>" in table
    assert "persecuting state" in table
    assert "proposed destination" in table
    viewer = web.browser("viewer")
    viewer.cookies.set("onward_lang", "fr")
    french = viewer.get("/cases/ablyazov/assessment")
    assert "Risque direct par État (carte du monde)" in french.text
    assert "Contours des pays : Natural Earth (domaine public)" in french.text
    assert re.search(r'data-state="UA"><title>[^<]+: \d+% \((faible|modéré|élevé|très élevé)\)', french.text)


@pytest.mark.parametrize("atlas", [None, "absent.json"])
def test_without_the_atlas_the_page_draws_the_tile_map(store: Store, tmp_path: Path, atlas: str | None) -> None:
    web = make_web(store, tmp_path, world_atlas=tmp_path / atlas if atlas else None)
    import_example(web)
    page = web.browser("viewer").get("/cases/ablyazov/assessment")
    assert page.status_code == 200
    assert "Direct risk by state (tile map)" in page.text
    assert "Tile map: one square per state" in page.text
    assert "world-atlas" not in page.text
    assert '<table class="map-states">' in page.text
