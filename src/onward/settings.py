"""Settings, built once at the edge (CLI, web) from the environment and passed down explicitly."""

from __future__ import annotations

import getpass
from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("onward", appauthor=False))


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class Settings(BaseSettings):
    """Where Onward keeps its data and who is acting; ``ONWARD_*`` environment variables override."""

    model_config = SettingsConfigDict(env_prefix="ONWARD_", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir)
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; SQLite in data_dir when unset")
    actor: str = Field(default_factory=_default_actor, description="who is recorded in the change log")

    audit_key_file: Path | None = Field(
        default=None, description="key signing audit checkpoints, kept out of the database (default: in data_dir)"
    )

    def resolved_audit_key_file(self) -> Path:
        return self.audit_key_file or self.data_dir / "audit-checkpoint-key"

    def audit_checkpoints_file(self) -> Path:
        return self.data_dir / "audit-checkpoints.jsonl"

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'onward.sqlite3'}"
