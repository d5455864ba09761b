#!/usr/bin/env bash
# Install the web pages' optional assets from the npm registry into build/web-vendor/ (git-ignored):
# htmx (progressive enhancement; `onward serve` serves it from there) and world-atlas (Natural Earth
# country shapes as TopoJSON, for the assessment page's world map). The pages work without either:
# without htmx they reload, without world-atlas the map is a tile cartogram.
set -euo pipefail

HTMX_VERSION=2.0.4
WORLD_ATLAS_VERSION=2.0.2
TARGET=build/web-vendor

if ! command -v npm >/dev/null 2>&1; then
    echo "NOTICE: npm is not installed; the web pages will work without htmx, and the assessment page will show a tile map instead of the world map." >&2
    exit 0
fi
npm install --silent --no-audit --no-fund --save-exact --prefix "$TARGET" "htmx.org@$HTMX_VERSION" "world-atlas@$WORLD_ATLAS_VERSION"
echo "htmx $HTMX_VERSION installed in $TARGET/node_modules/htmx.org/dist"
echo "world-atlas $WORLD_ATLAS_VERSION installed in $TARGET/node_modules/world-atlas"
touch "$TARGET/.installed"  # make's record that these versions are in place
