"""End to end in headless chromium: the assessment page's world map, with its legend, its country
shapes coloured by risk and the table of the same risks. Needs world-atlas (``scripts/web-assets.sh``);
without it the page shows the tile map, which ``test_e2e_browser`` covers, and this test is skipped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from onward.web.settings import default_world_atlas
from tests.e2e.conftest import Server, admin_page

playwright_sync = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def page(server: Server) -> Iterator[playwright_sync.Page]:
    """A signed-in browser on a server holding the example case."""
    if default_world_atlas() is None:
        pytest.skip("NOTICE: world-atlas is not installed (scripts/web-assets.sh); the world map was not checked")
    with admin_page(server, with_example=True) as page:
        yield page


def test_the_world_map_shows_the_risks(server: Server, page: playwright_sync.Page, screenshots: Path) -> None:
    page.goto(f"{server.url}/cases/ablyazov/assessment", timeout=120_000)
    figure = page.locator("figure.worldmap")
    world = figure.locator("svg[role='img']")
    assert world.is_visible()
    assert world.get_attribute("aria-label") == "Direct risk by state (world map)"
    assert world.locator("path[data-state]").count() >= 170
    assert figure.locator("g.legend").is_visible()
    persecuting = world.locator("path[data-state='KZ']")
    assert persecuting.get_attribute("stroke") == "#a61b1b"
    assert "Kazakhstan (KZ)" in persecuting.locator("title").text_content()
    box = world.bounding_box()
    assert box is not None
    assert box["width"] >= 900  # readable on a laptop: the map takes the column's width
    assert 1.8 < box["width"] / box["height"] < 2.6
    assert page.get_by_text("Country shapes: Natural Earth (public domain), via world-atlas (ISC).").is_visible()
    table = page.locator("table.map-states")
    assert table.get_by_role("cell", name="Kazakhstan (KZ)").is_visible()
    figure.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "40-world-map.png"))
    figure.screenshot(path=str(screenshots / "41-world-map-figure.png"))
