"""Two-factor sign-in: a time-based one-time code (TOTP, RFC 6238) from an authenticator app, or one
of ten single-use recovery codes.

An administrator's password alone opens every account and the audit trail; with
``ONWARD_REQUIRE_2FA_ADMINS=1`` admins must also give a code. Enrolment is done on the server's
terminal (``onward user 2fa NAME``), which prints the secret once, as a QR-ready ``otpauth://`` URI,
with the recovery codes; the database keeps the secret (the app needs the same one) and only the
SHA-256 of each recovery code. Wrong codes count against the login limit like wrong passwords.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

import pyotp

from onward.store import Store
from onward.store import web as web_store
from onward.store.web import User

RECOVERY_CODES = 10
ISSUER = "Onward"


@dataclass(frozen=True)
class Enrolment:
    """What the person enrolling copies into their authenticator app and keeps safe: shown once."""

    secret: str
    uri: str
    recovery_codes: list[str]


def _code_hash(code: str) -> str:
    return hashlib.sha256(code.strip().lower().encode("utf-8")).hexdigest()


def enrol(store: Store, username: str) -> Enrolment:
    """A new secret and recovery codes for ``username`` (replacing any earlier ones)."""
    secret = pyotp.random_base32()
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODES)]
    web_store.set_two_factor(store, username, secret=secret, recovery_hashes=[_code_hash(c) for c in codes])
    uri = pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=ISSUER)
    return Enrolment(secret, uri, codes)


def withdraw(store: Store, username: str) -> None:
    web_store.set_two_factor(store, username, secret=None, recovery_hashes=[])


def second_factor_valid(store: Store, user: User, code: str) -> bool:
    """A current TOTP code (one step of clock drift allowed either way) or an unused recovery code."""
    if user.totp_secret is None:
        return False
    given = code.strip().replace(" ", "")
    if given.isdigit() and len(given) == 6:
        return bool(pyotp.TOTP(user.totp_secret).verify(given, for_time=store.clock(), valid_window=1))
    return bool(given) and web_store.use_recovery_code(store, user.id, _code_hash(given))
