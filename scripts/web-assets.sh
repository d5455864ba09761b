#!/usr/bin/env bash
# Install htmx (progressive enhancement of the web pages) from the npm registry into build/web-vendor/,
# which is git-ignored; `onward serve` serves it from there. The pages work without it.
set -euo pipefail

HTMX_VERSION=2.0.4
TARGET=build/web-vendor

if ! command -v npm >/dev/null 2>&1; then
    echo "NOTICE: npm is not installed; the web pages will work without htmx." >&2
    exit 0
fi
npm install --silent --no-audit --no-fund --prefix "$TARGET" "htmx.org@$HTMX_VERSION"
echo "htmx $HTMX_VERSION installed in $TARGET/node_modules/htmx.org/dist"
