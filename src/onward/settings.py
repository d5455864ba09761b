"""Settings, built once at the edge (CLI, web) from the environment and passed down explicitly."""

from __future__ import annotations

import getpass
from pathlib import Path

import platformdirs
from pydantic import BaseModel, ConfigDict, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("onward", appauthor=False))


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class ReadLimits(BaseModel):
    """How much one file may unpack to and yield; past a limit the file is refused, naming it and the limit.

    A 1 MB Word file can unpack to a gigabyte, and 77 KB of empty paragraphs took minutes to parse;
    these bounds keep one hostile file from holding a server's memory or a worker for long. The
    defaults are far above any real report, letter or judgment (the longest we hold runs to a few
    thousand paragraphs). Set as JSON: ``ONWARD_READ_LIMITS='{"max_pages": 5000}'``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_zip_members: int = Field(default=1_000, ge=1)
    """Entries in a DOCX package (a Word document has a few dozen)."""
    max_unpacked_bytes: int = Field(default=200_000_000, ge=1)
    """Bytes a DOCX package unpacks to, all members together (pictures included)."""
    max_xml_bytes: int = Field(default=50_000_000, ge=1)
    """Bytes of one XML part of a DOCX package (parsed in memory, at several times its size)."""
    max_paragraphs: int = Field(default=50_000, ge=1)
    """Paragraphs and table cells in a DOCX or HTML document."""
    max_pages: int = Field(default=2_000, ge=1)
    """Pages in a PDF."""
    max_chars: int = Field(default=50_000_000, ge=1)
    """Characters of text extracted from one document."""
    max_html_bytes: int = Field(default=20_000_000, ge=1)
    """Size of an HTML page."""
    max_stream_bytes: int = Field(default=2_000_000_000, ge=1)
    """Bytes a gzipped JSON-lines corpus unpacks to (it is streamed, so this bounds time, not memory)."""
    max_lines: int = Field(default=5_000_000, ge=1)
    """Lines in a JSON-lines corpus, blank ones included."""
    max_line_bytes: int = Field(default=10_000_000, ge=1)
    """Bytes in one JSON line."""


class Settings(BaseSettings):
    """Where Onward keeps its data and who is acting; ``ONWARD_*`` environment variables override."""

    model_config = SettingsConfigDict(env_prefix="ONWARD_", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir)
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; SQLite in data_dir when unset")
    actor: str = Field(default_factory=_default_actor, description="who is recorded in the change log")
    key_file: Path | None = Field(
        default=None, description="the master keys of sensitive cases, kept outside the database (`onward keys`)"
    )
    read_limits: ReadLimits = Field(
        default_factory=ReadLimits, description="what one ingested document may unpack to and yield (JSON)"
    )

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
