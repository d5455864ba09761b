"""One slow upload must not stop the server: parsing and ingest run off the event loop, so other
requests (pages, static files) are answered while it is still working.

The server is a real uvicorn on a free loopback port. The slow part is held on a gate that only the
*other* request's answer opens: if the upload blocked the event loop, that answer could never come
and the gate would give up (``released`` stays False).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from onward.store import Store
from onward.web import casework
from onward.web.pages import documents
from tests.webhelpers import Web, example_text, make_web

GIVE_UP_SECONDS = 30  # only reached when the event loop is blocked, i.e. when the test fails


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    return make_web(store, tmp_path, cookie_secure=False)


@pytest.fixture
def served(web: Web) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(web.app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            pytest.fail("the server did not start")
        threading.Event().wait(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=20)


def _held(work: Callable[..., Any], other_answered: threading.Event, released: list[bool]) -> Callable[..., Any]:
    def slow(*args: Any, **kwargs: Any) -> Any:
        released.append(other_answered.wait(GIVE_UP_SECONDS))
        return work(*args, **kwargs)

    return slow


def _while_held(url: str, start_slow: Callable[[], httpx.Response], other_answered: threading.Event) -> httpx.Response:
    answers: list[httpx.Response] = []
    slow = threading.Thread(target=lambda: answers.append(start_slow()))
    slow.start()
    with httpx.Client(base_url=url, timeout=GIVE_UP_SECONDS * 2) as client:
        for path in ("/static/onward.css", "/login"):
            assert client.get(path).status_code == 200
    other_answered.set()
    slow.join(GIVE_UP_SECONDS * 2)
    return answers[0]


def test_pages_and_static_files_answer_while_a_document_upload_is_parsed(
    web: Web, served: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    other_answered, released = threading.Event(), []
    monkeypatch.setattr(documents, "ingest", _held(documents.ingest, other_answered, released))
    headers = {"Authorization": f"Bearer {web.tokens['editor']}"}

    def upload() -> httpx.Response:
        files = {"file": ("letter.txt", b"A letter about a transfer.", "text/plain")}
        return httpx.post(f"{served}/documents", files=files, headers=headers, timeout=GIVE_UP_SECONDS * 2)

    response = _while_held(served, upload, other_answered)
    assert released == [True], "the other requests waited for the upload: it ran on the event loop"
    assert response.status_code == 303


def test_pages_answer_while_a_case_file_import_is_parsed(
    web: Web, served: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    other_answered, released = threading.Event(), []
    monkeypatch.setattr(casework, "parse_or_raise", _held(casework.parse_or_raise, other_answered, released))
    headers = {"Authorization": f"Bearer {web.tokens['editor']}"}

    def import_case() -> httpx.Response:
        files = {"file": ("case.yaml", example_text().encode(), "application/yaml")}
        return httpx.post(f"{served}/api/cases/import", files=files, headers=headers, timeout=GIVE_UP_SECONDS * 2)

    response = _while_held(served, import_case, other_answered)
    assert released == [True], "the other requests waited for the import: it ran on the event loop"
    assert response.status_code == 200, response.text
