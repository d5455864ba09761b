"""Accounts and credentials: argon2 password hashes, signed session cookies, CSRF tokens, API tokens.

The people who use Onward hold files on dissidents and refugees; a leaked session or a guessed
password exposes them. So: passwords are argon2id hashes; a session cookie carries a random key signed
with itsdangerous while the database keeps only its SHA-256; API tokens are likewise stored hashed;
every form carries a CSRF token bound to the session; failed logins are rate-limited per user and
per address.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import math
import re
import secrets
import threading
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, SignatureExpired, URLSafeSerializer, URLSafeTimedSerializer
from zxcvbn import zxcvbn

from onward.errors import InputError
from onward.store import Store, web_access, web_throttle
from onward.store import web as web_store
from onward.store.web import ApiToken, Role, TokenScope, User

MIN_PASSWORD_LENGTH = 10
TOKEN_PREFIX = "onw"
_HASHER = PasswordHasher()
# Verified against when the username is unknown, so that a wrong username takes as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("not a password anyone has")


class LoginRefusedError(InputError):
    """Wrong username or password, or a disabled account: one message for all, so nothing leaks."""


class TooManyAttemptsError(InputError):
    """Too many failed logins for this user or from this address within the window."""


@dataclass(frozen=True)
class Principal:
    """Who is making a request, and how they proved it (a browser session or an API token, with the
    token's scope)."""

    user: User
    via: str
    binding: str
    scope: TokenScope | None = None

    @property
    def actor(self) -> str:
        return self.user.username

    def has_role(self, *roles: Role) -> bool:
        return self.user.role in roles


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- passwords ---------------------------------------------------------------------------------------


def hash_password(password: str) -> str:
    """An argon2id hash of a password that meets the minimum length."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(
            f"password: too short (expected at least {MIN_PASSWORD_LENGTH} characters, found {len(password)})"
        )
    return _HASHER.hash(password)


USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
USERNAME_RULE = "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"
STRONG_ENOUGH = 3  # zxcvbn's score: 3 is "safely unguessable: moderate protection from offline attacks"


def check_username(username: str) -> str:
    """The username, if it follows the naming rule (it appears in paths, logs and the audit trail)."""
    if not USERNAME.fullmatch(username):
        raise InputError(f"username: expected {USERNAME_RULE}, found {username!r}")
    return username


def check_password_strength(password: str, *, username: str) -> None:
    """Refuse a password that is short, contains the username, or that zxcvbn finds guessable."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(
            f"password: too short (expected at least {MIN_PASSWORD_LENGTH} characters, found {len(password)})"
        )
    if username and username.lower() in password.lower():
        raise InputError("password: must not contain the username")
    verdict = zxcvbn(password, user_inputs=[username, "onward"])
    if int(verdict["score"]) < STRONG_ENOUGH:
        feedback = verdict.get("feedback") or {}
        advice = " ".join([str(feedback.get("warning") or ""), *map(str, feedback.get("suggestions") or [])]).strip()
        raise InputError(
            "password: too easy to guess" + (f" ({advice})" if advice else ""),
            hint="use a passphrase of several unrelated words",
        )


def new_password_hash(password: str, *, username: str) -> str:
    """The hash of a password chosen for ``username``, after the strength check."""
    check_password_strength(password, username=username)
    return hash_password(password)


def password_matches(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class LoginPolicy:
    """How many failed logins a window allows per (account, address) and per address, and how many
    passwords may be checked at once (each argon2 check takes about 64 MB)."""

    window: dt.timedelta
    per_account_address: int
    per_address: int
    hashing: threading.BoundedSemaphore


def authenticate(store: Store, username: str, password: str, *, ip: str, policy: LoginPolicy) -> User:
    """The user whose password this is; every attempt is counted before the check and recorded."""
    account, address = web_throttle.account_key(username, ip), web_throttle.address_key(ip)
    limits = [web_throttle.Limit(account, policy.per_account_address), web_throttle.Limit(address, policy.per_address)]
    retry_at = web_throttle.reserve(store, limits, window=policy.window)
    if retry_at is not None:
        web_access.record_login_attempt(store, username, ip, success=False)
        minutes = max(1, math.ceil((retry_at - store.clock()).total_seconds() / 60))
        raise TooManyAttemptsError(f"too many failed logins; try again in {minutes} minutes")
    user = web_store.find_user(store, username)
    with policy.hashing:
        matches = password_matches(user.password_hash if user else _DUMMY_HASH, password)
    if not matches or user is None or not user.active:
        web_access.record_login_attempt(store, username, ip, success=False)
        raise LoginRefusedError("wrong username or password, or the account is disabled")
    web_throttle.succeeded(store, account, address)
    web_access.record_login_attempt(store, username, ip, success=True)
    return user


def forget_stale(store: Store, *, history: dt.timedelta) -> None:
    """Purge login attempts older than ``history``, expired sessions and idle login counters: run when
    the server starts and after each sign-in, so that neither table grows without end."""
    now = store.clock()
    web_access.forget_attempts(store, before=now - history)
    web_access.forget_expired_sessions(store)
    web_throttle.forget(store, before=now - web_throttle.LONGEST_LOCK)


# -- sessions and CSRF -------------------------------------------------------------------------------


class Signer:
    """Signs session keys and CSRF tokens with the server's secret key."""

    def __init__(self, secret_key: str, *, max_age_seconds: int) -> None:
        self._session = URLSafeSerializer(secret_key, salt="onward.session")
        self._csrf = URLSafeTimedSerializer(secret_key, salt="onward.csrf")
        self._max_age = max_age_seconds

    def session_cookie(self, key: str) -> str:
        return self._session.dumps(key)

    def session_key(self, cookie: str) -> str | None:
        try:
            value = self._session.loads(cookie)
        except BadSignature:
            return None
        return value if isinstance(value, str) else None

    def csrf_token(self, binding: str) -> str:
        return self._csrf.dumps(sha256(binding))

    def csrf_valid(self, token: str, binding: str) -> bool:
        try:
            value = self._csrf.loads(token, max_age=self._max_age)
        except (BadSignature, SignatureExpired):
            return False
        return isinstance(value, str) and hmac.compare_digest(value, sha256(binding))


def start_session(store: Store, user: User, *, ip: str, hours: int) -> str:
    """A new random session key for ``user``; only its hash is stored."""
    key = secrets.token_urlsafe(32)
    web_store.add_session(store, sha256(key), user.id, expires_at=store.clock() + dt.timedelta(hours=hours), ip=ip)
    return key


def session_principal(store: Store, key: str) -> Principal | None:
    user = web_store.session_user(store, sha256(key))
    return None if user is None else Principal(user, "session", key)


# -- API tokens --------------------------------------------------------------------------------------


# The widest scope each role may give its tokens.
SCOPES_OF_ROLE = {
    Role.ADMIN: (TokenScope.READ, TokenScope.WRITE, TokenScope.ADMIN),
    Role.EDITOR: (TokenScope.READ, TokenScope.WRITE),
    Role.VIEWER: (TokenScope.READ,),
}
LONGEST_TOKEN_LIFE = dt.timedelta(days=366)


def issue_token(
    store: Store, user: User, name: str, *, scope: TokenScope, days: int | None = None
) -> tuple[str, ApiToken]:
    """A new API token ``onw_<id>_<secret>``, shown once; the store keeps the secret's hash only.

    ``scope`` may not exceed what the account's role allows; ``days`` (at most 366) sets an expiry.
    """
    if not name.strip():
        raise InputError("name: a token needs a name (expected e.g. 'nightly export', found nothing)")
    if scope not in SCOPES_OF_ROLE[user.role]:
        allowed = ", ".join(s.value for s in SCOPES_OF_ROLE[user.role])
        raise InputError(f"scope: a {user.role.value} may issue tokens of scope {allowed}, found {scope.value!r}")
    expires_at = None
    if days is not None:
        if not 1 <= days <= LONGEST_TOKEN_LIFE.days:
            raise InputError(f"days: expected 1 to {LONGEST_TOKEN_LIFE.days}, found {days}")
        expires_at = store.clock() + dt.timedelta(days=days)
    token_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    token = web_store.add_token(
        store, token_id, user.id, name=name.strip(), secret_hash=sha256(secret), scope=scope, expires_at=expires_at
    )
    return f"{TOKEN_PREFIX}_{token_id}_{secret}", token


def token_principal(store: Store, presented: str) -> Principal | None:
    """The account behind a live token: unknown, revoked, expired tokens and disabled accounts give None."""
    prefix, _, rest = presented.partition("_")
    token_id, _, secret = rest.partition("_")
    if prefix != TOKEN_PREFIX or not token_id or not secret:
        return None
    token = web_store.find_token(store, token_id)
    if token is None or token.revoked_at is not None or not hmac.compare_digest(token.secret_hash, sha256(secret)):
        return None
    if token.expires_at is not None and token.expires_at <= store.clock():
        return None
    with store.read() as connection:
        user = web_store.user_by_id(connection, token.user_id)
    if user is None or not user.active:
        return None
    web_store.token_used(store, token_id)
    return Principal(user, "token", token_id, scope=token.scope)
