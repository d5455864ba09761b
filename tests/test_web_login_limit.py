"""The login limit: attempts are counted atomically before the password is checked, per (account,
address) and per address, with a doubling lock; X-Forwarded-For counts only from a trusted proxy;
at most ``password_checks`` argon2 checks run at once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from onward.errors import ConfigurationError
from onward.store import Store, web_audit
from onward.store.tables_web import login_attempts
from onward.web import auth
from onward.web.app import create_app
from tests.webhelpers import PASSWORD, TestClient, csrf_of, login, make_web, web_settings


def _client(web_app: Any, address: str) -> TestClient:
    return TestClient(
        web_app,
        base_url="https://testserver",
        client=(address, 50000),
        raise_server_exceptions=False,
        follow_redirects=False,
    )


def test_forty_simultaneous_guesses_check_at_most_the_limit(store: Store, tmp_path: Path) -> None:
    web = make_web(store, tmp_path, login_failures_per_user=5, login_failures_per_ip=1000)
    clients = [_client(web.app, "198.51.100.7") for _ in range(40)]
    tokens = [csrf_of(client.get("/login").text) for client in clients]

    def guess(pair: tuple[TestClient, str]) -> int:
        client, token = pair
        data = {"username": "viewer", "password": "wrong guess number", "csrf_token": token}
        return client.post("/login", data=data).status_code

    with ThreadPoolExecutor(max_workers=40) as pool:
        statuses = list(pool.map(guess, zip(clients, tokens, strict=True)))
    assert statuses.count(401) == 5, statuses
    assert statuses.count(429) == 35


def test_a_guesser_elsewhere_cannot_lock_the_real_user_out_of_their_address(store: Store, tmp_path: Path) -> None:
    web = make_web(store, tmp_path, login_failures_per_user=3)
    for _ in range(6):
        assert login(_client(web.app, "203.0.113.66"), "viewer", "guess guess guess").status_code in (401, 429)
    assert login(_client(web.app, "203.0.113.66"), "viewer", PASSWORD).status_code == 429
    assert login(_client(web.app, "192.0.2.10"), "viewer", PASSWORD).status_code == 303


def test_each_lock_of_the_same_account_and_address_lasts_twice_as_long(store: Store, tmp_path: Path) -> None:
    now = [store.clock()]
    store.clock = lambda: now[0]
    web = make_web(store, tmp_path, login_failures_per_user=2, login_window_minutes=10)
    client = _client(web.app, "203.0.113.9")
    for _ in range(2):
        assert login(client, "viewer", "guess guess guess").status_code == 401
    first = login(client, "viewer", "guess guess guess")
    assert first.status_code == 429
    assert "10 minutes" in first.text
    now[0] += auth.dt.timedelta(minutes=11)
    for _ in range(2):
        assert login(client, "viewer", "guess guess guess").status_code == 401
    second = login(client, "viewer", "guess guess guess")
    assert "20 minutes" in second.text


def test_a_spoofed_forwarded_header_is_ignored_without_a_trusted_proxy(store: Store, tmp_path: Path) -> None:
    web = make_web(store, tmp_path, login_failures_per_user=2)
    for number in range(4):
        client = _client(web.app, "203.0.113.20")
        client.headers["X-Forwarded-For"] = f"10.9.8.{number}"
        login(client, "viewer", "guess guess guess")
    assert {e.ip for e in web_audit.entries(web.store) if e.action == "login.failed"} == {"203.0.113.20"}
    assert login(_client(web.app, "203.0.113.20"), "viewer", PASSWORD).status_code == 429


def test_a_trusted_proxy_passes_on_the_clients_address(store: Store, tmp_path: Path) -> None:
    web = make_web(store, tmp_path, trusted_proxies="10.0.0.0/24")
    client = _client(web.app, "10.0.0.2")
    client.headers["X-Forwarded-For"] = "6.6.6.6, 198.51.100.30, 10.0.0.3"
    assert login(client, "viewer").status_code == 303
    assert web_audit.entries(web.store, actor="viewer")[0].ip == "198.51.100.30"


def test_a_malformed_proxy_setting_stops_the_server(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="ONWARD_TRUSTED_PROXIES"):
        create_app(web_settings(tmp_path, trusted_proxies="10.0.0.0/24, proxy.local"), store)


def test_password_checks_run_at_most_the_configured_number_at_once(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    web = make_web(store, tmp_path, password_checks=2, login_failures_per_user=100, login_failures_per_ip=1000)
    active, most, guard = [0], [0], threading.Lock()
    check = auth.password_matches

    def counted(password_hash: str, password: str) -> bool:
        with guard:
            active[0] += 1
            most[0] = max(most[0], active[0])
        try:
            return check(password_hash, password)
        finally:
            with guard:
                active[0] -= 1

    monkeypatch.setattr(auth, "password_matches", counted)
    clients = [_client(web.app, f"198.51.100.{n}") for n in range(12)]
    with ThreadPoolExecutor(max_workers=12) as pool:
        list(pool.map(lambda client: login(client, "viewer", "guess guess guess"), clients))
    assert 1 <= most[0] <= 2
    assert len([a for a in _attempts(store) if not a]) == 12


def _attempts(store: Store) -> list[bool]:
    with store.read() as connection:
        return [row.success for row in connection.execute(login_attempts.select())]
