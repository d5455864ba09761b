"""Running parsing, ingest and database work off the event loop.

The server answers every request from one event loop; a handler that parses an uploaded PDF or case
file on that loop stops every other request — pages, static files, other people's uploads — until it
is done. Handlers that must be ``async`` (to read an upload or a form) hand their blocking part to
``off_loop``, which runs it in a worker thread. A bounded semaphore (``ONWARD_BLOCKING_WORKERS``)
caps how many such jobs run at once, so a burst of uploads queues instead of exhausting memory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

from anyio import to_thread
from fastapi import Request

from onward.web.context import web_context

P = ParamSpec("P")
T = TypeVar("T")


async def off_loop(request: Request, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``function(*args, **kwargs)`` in a worker thread, at most ``blocking_workers`` at a time."""
    gate = web_context(request).blocking

    def bounded() -> T:
        with gate:
            return function(*args, **kwargs)

    return await to_thread.run_sync(bounded)
