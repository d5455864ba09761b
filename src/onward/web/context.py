"""What every request handler needs, built once by ``create_app`` and kept on ``app.state``."""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from fastapi import Request
from jinja2 import Environment

from onward.store import Store
from onward.web.auth import LoginPolicy, Signer
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
    login_policy: LoginPolicy
    results: ResultCache = field(default_factory=ResultCache)
    # How many uploads or imports may parse at once (``onward.web.blocking``); set by ``create_app``.
    blocking: threading.BoundedSemaphore = field(default_factory=lambda: threading.BoundedSemaphore(4))


def web_context(request: Request) -> WebContext:
    context = request.app.state.onward
    assert isinstance(context, WebContext)
    return context


def client_ip(request: Request) -> str:
    """The address a request came from, as recorded in the audit trail and counted by the login limit.

    ``X-Forwarded-For`` is believed only when the request comes from a proxy listed in
    ``ONWARD_TRUSTED_PROXIES``, and then only its right-most address that is not itself such a proxy:
    anything to the left of that was written by the client and may be invented.
    """
    peer = request.client.host if request.client else "unknown"
    trusted = web_context(request).settings.trusted_networks()
    if not _within(peer, trusted):
        return peer
    forwarded = ",".join(request.headers.getlist("x-forwarded-for")).split(",")
    for hop in reversed([part.strip() for part in forwarded if part.strip()]):
        if not _within(hop, trusted):
            return hop if _address(hop) is not None else peer
    return peer


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _within(text: str, networks: Sequence[ipaddress.IPv4Network | ipaddress.IPv6Network]) -> bool:
    address = _address(text)
    return address is not None and any(address in network for network in networks)
