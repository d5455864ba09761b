#!/usr/bin/env bash
# Make Debian's chromium available for the end-to-end tests (tests/e2e/), which drive it with Playwright.
# Playwright's own browser download is never used: the tests launch /usr/bin/chromium.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    echo "chromium present: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "NOTICE: $CHROMIUM is missing and this is not root; install it with 'sudo apt-get install -y chromium'." >&2
    echo "NOTICE: the end-to-end tests will be skipped (set ONWARD_REQUIRE_BROWSER=1 to make that a failure)." >&2
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "NOTICE: $CHROMIUM is missing and apt-get is not available; install chromium by hand." >&2
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "chromium installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
