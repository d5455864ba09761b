"""The web server's settings: cookie security, session length, upload and login limits.

They extend the shared ``Settings`` (``ONWARD_*`` environment variables) and are built once by
``onward serve`` or by a test, then passed to ``create_app``.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import secrets
import tempfile
from pathlib import Path

from pydantic import Field

from onward.errors import ConfigurationError
from onward.settings import Settings

MIN_SECRET_CHARS = 32


class WebSettings(Settings):
    """Everything ``create_app`` needs beyond the store; defaults suit a team server behind HTTPS."""

    secret_key: str | None = Field(default=None, description="signs session cookies and CSRF tokens")
    cookie_secure: bool = Field(default=True, description="send cookies over HTTPS only (localhost is exempt)")
    session_hours: int = Field(default=12, ge=1, le=24 * 30)
    max_upload_bytes: int = Field(default=2_000_000, ge=1_000)
    login_failures_per_user: int = Field(
        default=5, ge=1, description="failed logins per account from one address per window (then locked, doubling)"
    )
    login_failures_per_ip: int = Field(default=20, ge=1, description="failed logins per address per window")
    login_window_minutes: int = Field(default=15, ge=1)
    login_history_days: int = Field(default=30, ge=1, description="how long login attempts are kept")
    password_checks: int = Field(default=4, ge=1, le=64, description="passwords checked at once (argon2, ~64 MB each)")
    trusted_proxies: str = Field(
        default="", description="comma-separated addresses or networks of reverse proxies whose X-Forwarded-For counts"
    )
    blocking_workers: int = Field(
        default=4, ge=1, le=64, description="uploads and imports parsed at once, off the event loop"
    )
    audit_checkpoint_minutes: int = Field(
        default=60, ge=0, description="sign a checkpoint of the audit trail's head this often (0: only at start)"
    )
    assets_dir: Path | None = Field(default=None, description="folder holding htmx.min.js (optional)")
    world_atlas: Path | None = Field(
        default=None, description="world-atlas countries-110m.json: the assessment page's world map (optional)"
    )

    def trusted_networks(self) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
        """``trusted_proxies`` parsed; a malformed entry is a configuration error, never silently ignored."""
        networks = []
        for entry in (part.strip() for part in self.trusted_proxies.split(",")):
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                raise ConfigurationError(
                    f"ONWARD_TRUSTED_PROXIES: expected addresses or networks such as 10.0.0.5 or 10.0.0.0/24, "
                    f"found {entry!r}"
                ) from None
        return networks

    def secret_key_file(self) -> Path:
        return self.data_dir / "web-secret-key"


def with_persistent_secret(settings: WebSettings) -> WebSettings:
    """Settings whose secret key survives restarts: ``ONWARD_SECRET_KEY``, else a 0600 file in data_dir.

    The file is written whole or not at all (a temporary file, flushed to disk, then linked into
    place), so a full disk cannot leave an empty key behind; an empty file, as an older version
    could leave, is replaced, and a key too short to sign anything safely is refused.
    """
    if settings.secret_key:
        return settings
    path = settings.secret_key_file()
    key = _read_key(path)
    if key is None:
        key = _create_key(path)
    return settings.model_copy(update={"secret_key": key})


def _read_key(path: Path) -> str | None:
    try:
        key = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigurationError(f"{path}: cannot read the web secret key ({exc})") from exc
    if not key:
        return None  # left empty by an interrupted write: no session was ever signed with it
    if len(key) < MIN_SECRET_CHARS:
        raise ConfigurationError(
            f"{path}: the web secret key has {len(key)} characters; at least {MIN_SECRET_CHARS} are needed",
            hint="delete the file to have a new key made (everyone signs in again), or set ONWARD_SECRET_KEY",
        )
    return key


def _create_key(path: Path) -> str:
    key = secrets.token_urlsafe(48)
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=".web-secret-key.", dir=path.parent)  # mode 0600
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(key)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():  # the empty file left by an interrupted write
            os.replace(temporary, path)
        else:
            try:
                os.link(temporary, path)  # fails if another server process made its key first
            except FileExistsError:
                existing = _read_key(path)
                if existing is not None:
                    return existing
                os.replace(temporary, path)
        _sync_folder(path.parent)
    except OSError as exc:
        raise ConfigurationError(
            f"{path}: cannot write the web secret key ({exc.strerror or exc})",
            hint="free some disk space, or set ONWARD_SECRET_KEY",
        ) from exc
    finally:
        if temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
    return key


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def default_assets_dir() -> Path | None:
    """Where ``make web-assets`` installs htmx from the npm registry, if it did."""
    root = Path(__file__).resolve().parents[3]
    candidate = root / "build" / "web-vendor" / "node_modules" / "htmx.org" / "dist"
    return candidate if (candidate / "htmx.min.js").is_file() else None


def default_world_atlas() -> Path | None:
    """Where ``make web-assets`` installs world-atlas's country shapes from the npm registry, if it did."""
    root = Path(__file__).resolve().parents[3]
    candidate = root / "build" / "web-vendor" / "node_modules" / "world-atlas" / "countries-110m.json"
    return candidate if candidate.is_file() else None
