"""What every request handler needs, built once by ``create_app`` and kept on ``app.state``."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from fastapi import Request
from jinja2 import Environment

from onward.store import Store
from onward.web.auth import Signer
from onward.web.cache import ResultCache
from onward.web.settings import WebSettings


@dataclass(frozen=True)
class WebContext:
    """The store, the settings, the signer, the page templates and the result cache of one running application."""

    settings: WebSettings
    store: Store
    signer: Signer
    templates: Environment
    htmx: bool
    results: ResultCache = field(default_factory=ResultCache)
    # How many uploads or imports may parse at once (``onward.web.blocking``); set by ``create_app``.
    blocking: threading.BoundedSemaphore = field(default_factory=lambda: threading.BoundedSemaphore(4))


def web_context(request: Request) -> WebContext:
    context = request.app.state.onward
    assert isinstance(context, WebContext)
    return context


def client_ip(request: Request) -> str:
    """The address a request came from, as recorded in the audit trail."""
    return request.client.host if request.client else "unknown"
