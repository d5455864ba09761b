"""``create_app(settings, store)``: the FastAPI application, built explicitly — no globals.

Pages and API routes are plain routers; the store, the settings, the signer and the templates
live on ``app.state.onward`` for this application only. Every router carries the CSRF guard.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path

from anyio import to_thread
from fastapi import APIRouter, Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape

from onward import __version__
from onward.errors import ConfigurationError
from onward.store import Store
from onward.web import checkpoints, failures
from onward.web.access import csrf_guard
from onward.web.api import accounts as api_accounts
from onward.web.api import audit as api_audit
from onward.web.api import cases as api_cases
from onward.web.api import review as api_review
from onward.web.auth import LoginPolicy, Signer, forget_stale
from onward.web.context import WebContext
from onward.web.pages import (
    account,
    admin,
    assessment,
    case_edit,
    case_sections,
    cases,
    deadlines,
    documents,
    drafting,
    evidence,
    knowledge,
    review,
)
from onward.web.pages import auth as page_auth
from onward.web.security import SecurityHeaders, docs_policy, page_policy, web_url
from onward.web.settings import WebSettings
from onward.web.uploads import BodySizeLimit

STATIC = Path(__file__).parent / "pages" / "static"
# Every router of the application; tests walk these to check every case route for access control.
API_ROUTERS: tuple[APIRouter, ...] = (api_cases.router, api_accounts.router, api_audit.router, api_review.router)
PAGE_ROUTERS: tuple[APIRouter, ...] = (
    page_auth.router,
    cases.router,
    deadlines.router,
    case_edit.router,
    case_sections.router,
    evidence.router,
    documents.router,
    assessment.router,
    drafting.router,
    review.router,
    knowledge.router,
    admin.router,
    account.router,
)
# (href template, label) of the pages about one case beyond its overview, in the case navigation.
CASE_LINKS: tuple[tuple[str, str], ...] = (evidence.LINK, assessment.LINK, drafting.LINK)


def _templates() -> Environment:
    environment = Environment(
        loader=PackageLoader("onward.web.pages", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["web_url"] = web_url
    return environment


def _lifespan(settings: WebSettings, store: Store) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """While the server runs: purge stale login records at start; sign a checkpoint of the audit trail's
    head at start, then periodically."""

    def write() -> None:
        key = checkpoints.load_key(settings.resolved_audit_key_file(), create=True)
        checkpoints.write_checkpoint(store, key, settings.audit_checkpoints_file())

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await to_thread.run_sync(lambda: forget_stale(store, history=dt.timedelta(days=settings.login_history_days)))
        await to_thread.run_sync(write)
        task = None
        if settings.audit_checkpoint_minutes:

            async def periodically() -> None:
                while True:
                    await asyncio.sleep(settings.audit_checkpoint_minutes * 60)
                    await to_thread.run_sync(write)

            task = asyncio.create_task(periodically())
        try:
            yield
        finally:
            if task is not None:
                task.cancel()

    return lifespan


def create_app(settings: WebSettings, store: Store) -> FastAPI:
    """The web application over ``store``; ``settings.secret_key`` must be set (``onward serve`` does)."""
    if not settings.secret_key:
        raise ConfigurationError("the web server needs a secret key", hint="set ONWARD_SECRET_KEY")
    app = FastAPI(
        title="Onward",
        version=__version__,
        description="Cases, evidence and assessments of direct and onward refoulement risk.",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        lifespan=_lifespan(settings, store),
    )
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # what could not be read is reported by ingest itself
    htmx = settings.assets_dir is not None and (settings.assets_dir / "htmx.min.js").is_file()
    app.state.onward = WebContext(
        settings=settings,
        store=store,
        signer=Signer(settings.secret_key, max_age_seconds=settings.session_hours * 3600),
        templates=_templates(),
        htmx=htmx,
        login_policy=LoginPolicy(
            window=dt.timedelta(minutes=settings.login_window_minutes),
            per_account_address=settings.login_failures_per_user,
            per_address=settings.login_failures_per_ip,
            hashing=threading.BoundedSemaphore(settings.password_checks),
            two_factor_for_admins=settings.require_2fa_admins,
        ),
        blocking=threading.BoundedSemaphore(settings.blocking_workers),
    )
    settings.trusted_networks()  # a malformed ONWARD_TRUSTED_PROXIES stops the server at start
    app.state.case_links = list(CASE_LINKS)
    failures.install(app)
    guard = [Depends(csrf_guard)]
    for router in API_ROUTERS + PAGE_ROUTERS:
        app.include_router(router, dependencies=guard)
    if htmx and settings.assets_dir is not None:  # before /static, which would otherwise answer for it
        app.mount("/static/vendor", StaticFiles(directory=settings.assets_dir), name="vendor")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodySizeLimit, limit=settings.max_upload_bytes)
    app.add_middleware(
        SecurityHeaders,
        page_policy=page_policy(),
        docs_policy=docs_policy("/api/openapi.json", f"{app.title} - Swagger UI"),
    )
    return app
