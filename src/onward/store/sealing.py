"""Encryption at rest for sensitive cases: envelope encryption with keys the database does not hold.

A case marked ``sensitive`` is stored as an *envelope*: its document encrypted (AES-256-GCM) under a fresh
data key, and that data key encrypted ("wrapped") under the current master key of a key ring kept in a file
outside the database (``ONWARD_KEY_FILE``). A copy of the database — a backup, a stolen disk, a curious
database administrator — shows that a sensitive case exists, its id and version, and nothing of the
person. Rotating the master key re-wraps the data keys (``onward keys rotate``); the documents themselves
are not re-encrypted. The case id is bound to each envelope as associated data, so an envelope cannot be
moved to another case.

Key file: one key per line, ``<key id>:<32 bytes in URL-safe base64>``; the last line is the current key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from onward.errors import ConfigurationError, StoreError

SEALED = "onward_sealed"
FORMAT = 1
_KEY_BYTES = 32
_NONCE_BYTES = 12


@dataclass(frozen=True)
class KeyRing:
    """Master keys by id; ``current`` encrypts, every key decrypts what it wrapped."""

    keys: dict[str, bytes]
    current: str

    def key(self, key_id: str) -> bytes:
        if key_id not in self.keys:
            raise ConfigurationError(
                f"a sensitive case is sealed with master key {key_id!r}, which the key file does not hold",
                hint="restore the key file that holds it (keys are only ever added, never removed)",
            )
        return self.keys[key_id]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text.encode("ascii"))


def read_keyring(path: Path) -> KeyRing:
    """The key ring in ``path``; every mistake names the line."""
    if not path.is_file():
        raise ConfigurationError(f"{path}: no such key file", hint="create one with `onward keys add FILE`")
    keys: dict[str, bytes] = {}
    current = ""
    for number, line in enumerate(path.read_text(encoding="ascii", errors="replace").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key_id, _, encoded = line.strip().partition(":")
        try:
            key = _unb64(encoded)
        except ValueError:
            key = b""
        if not key_id or len(key) != _KEY_BYTES:
            raise ConfigurationError(f"{path}:{number}: expected `<key id>:<32 bytes in URL-safe base64>`")
        keys[key_id] = key
        current = key_id
    if not keys:
        raise ConfigurationError(f"{path}: the key file holds no key", hint="`onward keys add FILE` adds one")
    return KeyRing(keys, current)


def add_key(path: Path) -> str:
    """Append a new random master key to ``path`` (created 0600) and return its id; it becomes current."""
    existing = read_keyring(path).keys if path.exists() else {}
    key_id = f"k{len(existing) + 1}-{secrets.token_hex(4)}"
    line = f"{key_id}:{_b64(secrets.token_bytes(_KEY_BYTES))}\n"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(descriptor, "a", encoding="ascii") as handle:
        handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())
    return key_id


def is_sealed(document: Any) -> bool:
    return isinstance(document, dict) and document.get(SEALED) == FORMAT


def seal(document: dict[str, Any], keyring: KeyRing, bound_to: str) -> dict[str, Any]:
    """``document`` encrypted under a fresh data key wrapped by the current master key."""
    data_key = AESGCM.generate_key(bit_length=256)
    nonce, wrap_nonce = secrets.token_bytes(_NONCE_BYTES), secrets.token_bytes(_NONCE_BYTES)
    plaintext = json.dumps(document, sort_keys=True, ensure_ascii=False).encode("utf-8")
    ciphertext = AESGCM(data_key).encrypt(nonce, plaintext, bound_to.encode("utf-8"))
    wrapped = AESGCM(keyring.key(keyring.current)).encrypt(wrap_nonce, data_key, bound_to.encode("utf-8"))
    return {
        SEALED: FORMAT,
        "key_id": keyring.current,
        "wrapped_key": _b64(wrap_nonce + wrapped),
        "ciphertext": _b64(nonce + ciphertext),
    }


def _data_key(envelope: dict[str, Any], keyring: KeyRing, bound_to: str) -> bytes:
    wrapped = _unb64(envelope["wrapped_key"])
    master = keyring.key(str(envelope["key_id"]))
    try:
        return AESGCM(master).decrypt(wrapped[:_NONCE_BYTES], wrapped[_NONCE_BYTES:], bound_to.encode("utf-8"))
    except InvalidTag as exc:
        raise StoreError(f"the sealed document of {bound_to!r} does not open with its key: altered or moved") from exc


def unseal(envelope: dict[str, Any], keyring: KeyRing | None, bound_to: str) -> dict[str, Any]:
    """The document inside ``envelope``; a clear error when no key ring is configured or the data was altered."""
    if keyring is None:
        raise ConfigurationError(
            f"case {bound_to!r} is sensitive and stored encrypted; this installation has no key file",
            hint="set ONWARD_KEY_FILE to the key file the team keeps outside the database",
        )
    data_key = _data_key(envelope, keyring, bound_to)
    sealed = _unb64(envelope["ciphertext"])
    try:
        plaintext = AESGCM(data_key).decrypt(sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:], bound_to.encode("utf-8"))
    except InvalidTag as exc:
        raise StoreError(f"the sealed document of {bound_to!r} was altered") from exc
    document: dict[str, Any] = json.loads(plaintext)
    return document


def rewrap(envelope: dict[str, Any], keyring: KeyRing, bound_to: str) -> dict[str, Any]:
    """The same envelope with its data key wrapped by the current master key (the ciphertext is unchanged)."""
    if envelope["key_id"] == keyring.current:
        return envelope
    data_key = _data_key(envelope, keyring, bound_to)
    wrap_nonce = secrets.token_bytes(_NONCE_BYTES)
    wrapped = AESGCM(keyring.key(keyring.current)).encrypt(wrap_nonce, data_key, bound_to.encode("utf-8"))
    return {**envelope, "key_id": keyring.current, "wrapped_key": _b64(wrap_nonce + wrapped)}


def keyed_digest(document: dict[str, Any], keyring: KeyRing) -> str:
    """A digest of a sensitive document that reveals nothing without the key (a plain hash of a small
    document could be confirmed by guessing), yet is stable, so re-importing an unchanged case changes nothing."""
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    first_key = keyring.keys[next(iter(keyring.keys))]
    return hmac.new(hashlib.sha256(b"onward-digest" + first_key).digest(), canonical, hashlib.sha256).hexdigest()
