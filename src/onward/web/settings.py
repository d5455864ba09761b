"""The web server's settings: cookie security, session length, upload and login limits.

They extend the shared ``Settings`` (``ONWARD_*`` environment variables) and are built once by
``onward serve`` or by a test, then passed to ``create_app``.
"""

from __future__ import annotations

import ipaddress
import secrets
from pathlib import Path

from pydantic import Field

from onward.errors import ConfigurationError
from onward.settings import Settings


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
    require_2fa_admins: bool = Field(default=False, description="admins must sign in with a one-time code too")
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
    """Settings whose secret key survives restarts: ``ONWARD_SECRET_KEY``, else a 0600 file in data_dir."""
    if settings.secret_key:
        return settings
    path = settings.secret_key_file()
    if path.exists():
        key = path.read_text(encoding="utf-8").strip()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        path.touch(mode=0o600)
        path.write_text(key, encoding="utf-8")
    return settings.model_copy(update={"secret_key": key})


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
