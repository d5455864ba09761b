"""What every command needs: settings, consoles, and the store, opened on first use."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import typer
from pydantic import ValidationError
from rich.console import Console

from onward.errors import ConfigurationError, InputError
from onward.model.dates import PartialDate
from onward.settings import Settings
from onward.store import Store, open_store
from onward.store.migrate import is_current
from onward.store.sealing import read_keyring


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


FORMAT_OPTION = typer.Option(OutputFormat.TEXT, "--format", "-f", help="text for people, json for scripts")


@dataclass
class AppContext:
    settings: Settings
    console: Console = field(default_factory=Console)
    err: Console = field(default_factory=lambda: Console(stderr=True))
    debug: bool = False
    _store: Store | None = None

    def open_store(self) -> Store:
        """The store, migrated; refuses to guess when it was never initialised."""
        if self._store is None:
            key_file = self.settings.key_file
            store = open_store(
                self.settings.resolved_database_url(), keyring=read_keyring(key_file) if key_file else None
            )
            if not store.is_initialised() or not is_current(store):
                store.close()
                raise ConfigurationError(
                    f"the store at {self.settings.resolved_database_url()} is not initialised or not up to date",
                    hint="run `onward init`",
                )
            self._store = store
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def print_json(self, data: Any) -> None:
        self.console.print_json(json.dumps(data, ensure_ascii=False, default=str))


def context_of(ctx: typer.Context) -> AppContext:
    app = ctx.find_root().obj
    assert isinstance(app, AppContext)
    return app


AS_OF_OPTION = typer.Option(None, "--as-of", help="show only what was known on DATE (YYYY-MM-DD); default today")


def as_of_date(app_ctx: AppContext, text: str | None) -> dt.date:
    """The ``--as-of`` date (a partial date counts as its last day); today by the store's clock if absent."""
    if text is None:
        return app_ctx.open_store().clock().date()
    try:
        return PartialDate.parse(text.strip()).latest()
    except ValidationError:
        raise InputError(f"--as-of: expected a date YYYY-MM-DD, found {text!r}") from None
