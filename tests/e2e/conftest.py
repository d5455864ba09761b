"""The real server (``onward serve`` under uvicorn on 127.0.0.1, a free port) and Debian's chromium.

The browser is /usr/bin/chromium driven by Playwright (``scripts/ensure-chromium.sh`` installs it);
Playwright's own browser downloads are never used. Without chromium the tests are skipped with a
notice, unless ``ONWARD_REQUIRE_BROWSER=1`` (CI), in which case they fail. Screenshots go to
``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
ADMIN_PASSWORD = "end to end password"
ONWARD = [sys.executable, "-c", "from onward.cli.main import run; run()"]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True)
class Server:
    url: str
    env: dict[str, str]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _onward(env: dict[str, str], *args: str) -> None:
    subprocess.run([*ONWARD, *args], env=env, check=True, capture_output=True, timeout=300)


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"NOTICE: {CHROMIUM} is absent (run scripts/ensure-chromium.sh); the browser tests were skipped"
    if os.environ.get("ONWARD_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{CHROMIUM} is absent and ONWARD_REQUIRE_BROWSER=1")
    pytest.skip(message)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``onward serve`` on a fresh SQLite store with one admin account."""
    require_chromium()
    data = tmp_path_factory.mktemp("e2e")
    env = {
        **os.environ,
        "ONWARD_DATA_DIR": str(data),
        "ONWARD_DATABASE_URL": f"sqlite:///{data / 'onward.sqlite3'}",
        "ONWARD_SECRET_KEY": "end-to-end-secret-" + "k" * 32,
        "ONWARD_NEW_PASSWORD": ADMIN_PASSWORD,
        "ONWARD_ACTOR": "e2e",
    }
    _onward(env, "init")
    _onward(env, "user", "add", "amina", "--role", "admin", "--name", "Amina Diallo")
    # The shipped knowledge base, and one small document whose passages the extractor turns into proposals.
    _onward(env, "kb", "build")
    _onward(env, "ingest", str(ROOT / "tests" / "fixtures" / "evidence" / "letter.txt"))
    _onward(env, "extract", "--all")
    port = _free_port()
    log = (data / "server.log").open("w")
    process = subprocess.Popen(
        [*ONWARD, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://localhost:{port}"
    try:
        deadline = time.monotonic() + 180  # importing the whole application is slow on a busy machine
        while not _answers(f"{url}/login"):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the server did not start: {(data / 'server.log').read_text()}")
            time.sleep(0.5)
        yield Server(url=url, env=env)
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


EXAMPLE = ROOT / "examples" / "ablyazov" / "case.yaml"


@contextlib.contextmanager
def admin_page(server: Server, *, with_example: bool = False) -> Iterator[Any]:
    """A Playwright page in Debian's chromium, signed in as the administrator; ``with_example`` imports the
    example case first (or updates it, if another test module created it already)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(f"{server.url}/login")
        page.get_by_label("Username").fill("amina")
        page.get_by_label("Password").fill(ADMIN_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{server.url}/cases")
        if with_example:
            page.get_by_label("Case file (YAML)").set_input_files(str(EXAMPLE))
            page.get_by_role("button", name="Import").click()
            page.wait_for_url(f"{server.url}/cases/ablyazov?flash=*")
        try:
            yield page
        finally:
            context.close()
            browser.close()
