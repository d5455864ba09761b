"""Housekeeping that protects the people in the files: the SQLite file is private to its owner, stale
login records and sessions are purged, and library warnings about PDFs do not leak into the output."""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import Table, func, select

from onward.store import Store, open_store, web_access
from onward.store import web as web_store
from onward.store.tables_web import login_attempts, web_sessions
from onward.web.auth import start_session
from tests.webhelpers import client_for, login, make_web


@pytest.fixture
def pypdf_logging_untouched() -> Iterator[None]:
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.NOTSET)
    yield
    logger.setLevel(level)


def test_a_new_sqlite_store_is_private_to_its_owner(tmp_path: Path) -> None:
    folder = tmp_path / "new-data"
    store = open_store(f"sqlite:///{folder / 'onward.sqlite3'}")
    with store.transaction() as connection:
        connection.exec_driver_sql("CREATE TABLE t (x)")
    store.close()
    assert stat.S_IMODE((folder / "onward.sqlite3").stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_an_existing_world_readable_sqlite_file_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    path.touch(mode=0o644)
    path.chmod(0o644)
    open_store(f"sqlite:///{path}").close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_old_attempts_and_expired_sessions_are_purged_at_sign_in(store: Store, tmp_path: Path) -> None:
    web = make_web(store, tmp_path, login_history_days=30)
    real_clock = store.clock
    store.clock = lambda: real_clock() - dt.timedelta(days=40)
    login(client_for(web.app), "viewer", "guess guess guess")
    start_session(store, web_store.get_user(store, "viewer"), ip="198.51.100.1", hours=1)
    store.clock = real_clock
    assert _count(store, login_attempts) == 1
    assert _count(store, web_sessions) == 1
    assert login(client_for(web.app), "editor").status_code == 303
    assert _count(store, login_attempts) == 1  # only today's successful sign-in is left
    assert _count(store, web_sessions) == 1  # the new session; the expired one is gone
    assert web_access.forget_expired_sessions(store) == 0


def _count(store: Store, table: Table) -> int:
    with store.read() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def _malformed_pdf(path: Path) -> Path:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    path.write_bytes(data[: data.rindex(b"startxref")] + b"startxref\n999999\n%%EOF\n")
    return path


def test_pypdf_warnings_do_not_reach_the_output(store_url: str, tmp_path: Path) -> None:
    # A real process: pytest's own log capture would hide what Python prints by default.
    environment = {**os.environ, "ONWARD_DATABASE_URL": store_url, "ONWARD_DATA_DIR": str(tmp_path)}
    command = [sys.executable, "-c", "from onward.cli.main import run; run()", "ingest"]
    result = subprocess.run(
        [*command, str(_malformed_pdf(tmp_path / "broken.pdf"))],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "broken.pdf" in result.stdout + result.stderr
    assert "startxref" not in result.stdout + result.stderr


def test_the_web_application_quiets_pypdf_too(pypdf_logging_untouched: None, store: Store, tmp_path: Path) -> None:
    make_web(store, tmp_path)
    assert logging.getLogger("pypdf").getEffectiveLevel() >= logging.ERROR
