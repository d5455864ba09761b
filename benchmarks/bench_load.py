"""Load on a real `onward serve` over loopback: requests per second, latency percentiles and errors for the
case page, the assessment, evidence search and login, at several concurrencies, on SQLite and PostgreSQL.

Each (backend, endpoint, concurrency) runs for a fixed duration, then stops by itself; the server listens on
127.0.0.1 only. An error is any answer other than the expected status, a timeout or a dropped connection.
Prints figures and asserts nothing.

    .venv/bin/python benchmarks/bench_load.py                      # 5 s per cell, concurrency 1, 8, 32
    .venv/bin/python benchmarks/bench_load.py --duration 10 --backends sqlite
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
ONWARD = [str(Path(sys.executable).parent / "onward")]
EXAMPLE = ROOT / "examples" / "ablyazov" / "case.yaml"
PASSWORD = "load-test: a long passphrase nobody guesses 4711"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
QUERY = "extradited Uzbekistan"


@dataclass
class Cell:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.errors += not ok


def _run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([*ONWARD, *args], env=env, capture_output=True, text=True, timeout=900, check=False)
    if done.returncode != 0:
        raise SystemExit(f"onward {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def _database(backend: str, folder: Path, pg_url: str) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'onward.sqlite3'}"
        return
    schema = f"onward_load_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(pg_url)
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{pg_url}?options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


@contextmanager
def _server(backend: str, pg_url: str, kb: bool) -> Iterator[tuple[str, str]]:
    """A served store with the example case, an editor and a read token: (base URL, token)."""
    with tempfile.TemporaryDirectory() as name, _database(backend, Path(name), pg_url) as url:
        folder = Path(name)
        env = {k: v for k, v in os.environ.items() if not k.startswith("ONWARD_")}
        env |= {"ONWARD_DATA_DIR": str(folder), "ONWARD_DATABASE_URL": url, "ONWARD_COOKIE_SECURE": "0"}
        # As behind a reverse proxy on this machine: each simulated user signs in from an address of its own.
        env |= {"ONWARD_NEW_PASSWORD": PASSWORD, "ONWARD_TRUSTED_PROXIES": "127.0.0.1"}
        _run(["init"], env)
        if kb:
            _run(["kb", "build"], env)
        _run(["case", "import", str(EXAMPLE)], env)
        corpus = folder / "report.txt"
        corpus.write_text(
            "\n\n".join(
                f"Paragraph {n} (synthetic): the authorities extradited a person to Uzbekistan in {2000 + n % 20}; "
                "asylum seekers were deported and an activist was handed over despite interim measures."
                for n in range(2000)
            ),
            encoding="utf-8",
        )
        _run(["ingest", str(corpus)], env)
        _run(["user", "add", "loader", "--role", "editor"], env)
        _run(["user", "share", "loader", "ablyazov"], env)
        token = _run(["token", "create", "loader", "--name", "load"], env)
        token = re.search(r"onw_[A-Za-z0-9_-]+", token).group(0)  # type: ignore[union-attr]
        port = _free_port()
        process = subprocess.Popen(
            [*ONWARD, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(f"{base}/login", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            yield base, token
        finally:
            process.terminate()
            process.wait(timeout=30)


def _login(client: httpx.Client) -> int:
    token = CSRF.search(client.get("/login").text)
    data = {"username": "loader", "password": PASSWORD, "csrf_token": token.group(1) if token else ""}
    return client.post("/login", data=data).status_code


def _endpoints(token: str) -> dict[str, tuple[Callable[[httpx.Client], int], int, bool]]:
    """name → (request, expected status, needs a signed-in browser session)."""
    auth = {"Authorization": f"Bearer {token}"}
    return {
        "case page": (lambda c: c.get("/cases/ablyazov").status_code, 200, True),
        "assessment": (lambda c: c.get("/api/cases/ablyazov/assessment", headers=auth).status_code, 200, False),
        "search": (lambda c: c.get("/cases/ablyazov/evidence", params={"q": QUERY}).status_code, 200, True),
        "login": (_login, 303, False),
    }


def _measure(
    base: str, request: Callable[[httpx.Client], int], expected: int, session: bool, concurrency: int, duration: float
) -> Cell:
    cell = Cell()
    stop = time.monotonic() + duration

    def worker(number: int) -> None:
        # A documentation address per simulated user, as a proxy reports it; nothing is sent there.
        client_address = {"X-Forwarded-For": f"192.0.2.{number % 250 + 1}"}
        with httpx.Client(base_url=base, timeout=30, follow_redirects=False, headers=client_address) as client:
            if session and _login(client) != 303:
                cell.add(0.0, False)
                return
            while time.monotonic() < stop:
                started = time.perf_counter()
                try:
                    ok = request(client) == expected
                except httpx.HTTPError:
                    ok = False
                cell.add(time.perf_counter() - started, ok)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return cell


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per endpoint and concurrency")
    parser.add_argument("--concurrency", default="1,8,32")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--postgres-url", default=DEFAULT_PG)
    parser.add_argument("--no-kb", action="store_true", help="skip `kb build` (the assessment then has gaps)")
    args = parser.parse_args()
    levels = [int(x) for x in args.concurrency.split(",")]
    print(
        f"{'backend':<11}{'endpoint':<12}{'conc':>5}{'requests':>10}{'req/s':>9}{'p50 ms':>9}"
        f"{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"
    )
    for backend in args.backends.split(","):
        with _server(backend, args.postgres_url, kb=not args.no_kb) as (base, token):
            with httpx.Client(base_url=base, timeout=600) as warm:  # the first assessment is computed once
                warm.get("/api/cases/ablyazov/assessment", headers={"Authorization": f"Bearer {token}"})
            for name, (request, expected, session) in _endpoints(token).items():
                for concurrency in levels:
                    cell = _measure(base, request, expected, session, concurrency, args.duration)
                    count = len(cell.latencies)
                    print(
                        f"{backend:<11}{name:<12}{concurrency:>5}{count:>10}{count / args.duration:>9.1f}"
                        f"{_percentile(cell.latencies, 0.50):>9.0f}{_percentile(cell.latencies, 0.95):>9.0f}"
                        f"{_percentile(cell.latencies, 0.99):>9.0f}{cell.errors:>8}",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
