"""Two-factor sign-in: an enrolled account needs its one-time code (TOTP) or a single-use recovery
code; with ONWARD_REQUIRE_2FA_ADMINS admins cannot sign in without one; enrolment from the CLI."""

from __future__ import annotations

from pathlib import Path

import pyotp
import pytest
from fastapi import FastAPI

from onward.store import Store
from onward.web import two_factor
from tests.clihelpers import run_cli
from tests.webhelpers import PASSWORD, client_for, csrf_of, make_web


def _sign_in(app: FastAPI, username: str, code: str = "") -> tuple[int, str]:
    client = client_for(app)
    token = csrf_of(client.get("/login").text)
    data = {"username": username, "password": PASSWORD, "csrf_token": token, "code": code}
    response = client.post("/login", data=data)
    return response.status_code, response.text


def test_an_enrolled_account_needs_its_code(store: Store, tmp_path: Path) -> None:
    web = make_web(store, tmp_path)
    enrolment = two_factor.enrol(store, "editor")
    status, page = _sign_in(web.app, "editor")
    assert status == 401
    assert "one-time code" in page
    wrong = "000000" if pyotp.TOTP(enrolment.secret).at(store.clock()) != "000000" else "111111"
    status, page = _sign_in(web.app, "editor", wrong)
    assert status == 401
    assert "wrong one-time code" in page
    current = pyotp.TOTP(enrolment.secret).at(store.clock())
    assert _sign_in(web.app, "editor", current)[0] == 303


def test_a_recovery_code_works_once(store: Store, tmp_path: Path) -> None:
    web = make_web(store, tmp_path)
    code = two_factor.enrol(store, "viewer").recovery_codes[0]
    assert _sign_in(web.app, "viewer", code)[0] == 303
    status, page = _sign_in(web.app, "viewer", code)
    assert status == 401
    assert "wrong one-time code" in page


def test_admins_must_enrol_where_the_server_requires_it(store: Store, tmp_path: Path) -> None:
    web = make_web(store, tmp_path, require_2fa_admins=True)
    status, page = _sign_in(web.app, "admin")
    assert status == 401
    assert "onward user 2fa" in page
    assert _sign_in(web.app, "editor")[0] == 303  # other roles are not required to
    secret = two_factor.enrol(store, "admin").secret
    assert _sign_in(web.app, "admin", pyotp.TOTP(secret).at(store.clock()))[0] == 303


def test_the_cli_enrols_and_withdraws(
    store: Store, store_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    web = make_web(store, tmp_path)
    monkeypatch.setenv("ONWARD_DATABASE_URL", store_url)
    result = run_cli(capsys, "user", "2fa", "editor")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].startswith("otpauth://totp/Onward:editor?secret=")
    assert len(lines) == 2 + two_factor.RECOVERY_CODES
    assert _sign_in(web.app, "editor")[0] == 401
    assert run_cli(capsys, "user", "2fa", "editor", "--off").code == 0
    assert _sign_in(web.app, "editor")[0] == 303
