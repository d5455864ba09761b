"""Signed checkpoints of the audit trail's head, kept outside the database.

The hash chain shows an entry edited or removed in the middle, but someone with the database in hand
can delete the newest entries, append invented ones, or rewrite the whole chain from the start and
re-hash it: the chain alone is then still intact. A checkpoint records, at a moment, the position and
hash of the head, signed with HMAC-SHA256 under a key the database does not hold (a 0600 file in the
data directory, or ``ONWARD_AUDIT_KEY_FILE``). ``onward audit verify --checkpoints FILE`` then finds:
an entry missing at a checkpoint's position (newest entries deleted), a different hash there (chain
rewritten), or a forged checkpoint; ``--head HASH`` checks that the chain ends exactly at a head
recorded elsewhere, so entries appended after it (forged or not) are named. Checkpoints are written by
``onward audit checkpoint`` and by the server when it starts and every ``ONWARD_AUDIT_CHECKPOINT_MINUTES``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from onward.errors import ConfigurationError, InputError
from onward.store import Store, web_audit


@dataclass(frozen=True)
class Checkpoint:
    """The head of the trail at a moment: its position, how many entries, its hash; and the signature."""

    at: str
    seq: int
    entries: int
    head: str
    mac: str


@dataclass(frozen=True)
class CheckpointCheck:
    """What checking the trail against checkpoints and an expected head found."""

    checkpoints: int
    problems: list[str]
    uncovered: int

    @property
    def ok(self) -> bool:
        return not self.problems


def load_key(path: Path, *, create: bool) -> bytes:
    """The signing key in ``path``; created (random, 0600) when ``create`` and absent."""
    if not path.exists():
        if not create:
            raise ConfigurationError(f"{path}: no audit checkpoint key", hint="`onward audit checkpoint` creates it")
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_hex(32))
    key = path.read_text(encoding="utf-8").strip()
    if len(key) < 32:
        raise ConfigurationError(f"{path}: the audit checkpoint key is too short (expected 64 hex characters)")
    return key.encode("utf-8")


def _signature(key: bytes, at: str, seq: int, entries: int, head: str) -> str:
    body = json.dumps({"at": at, "seq": seq, "entries": entries, "head": head}, sort_keys=True, separators=(",", ":"))
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()


def write_checkpoint(store: Store, key: bytes, file: Path) -> Checkpoint:
    """Sign the present head and append it to ``file`` (one JSON object a line)."""
    seq, entries, head = web_audit.head(store)
    at = store.clock().isoformat(timespec="seconds")
    checkpoint = Checkpoint(at, seq, entries, head, _signature(key, at, seq, entries, head))
    file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(asdict(checkpoint), sort_keys=True) + "\n")
    return checkpoint


def read_checkpoints(file: Path) -> list[Checkpoint]:
    """The checkpoints in ``file``; a malformed line is named by its number."""
    found = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            found.append(
                Checkpoint(str(data["at"]), int(data["seq"]), int(data["entries"]), str(data["head"]), str(data["mac"]))
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(
                f"{file}:{number}: not a checkpoint (expected at, seq, entries, head, mac): {exc}"
            ) from None
    return found


def check_against(
    store: Store, *, checkpoints: list[Checkpoint] | None = None, key: bytes | None = None, head: str | None = None
) -> CheckpointCheck:
    """Compare the stored trail with signed checkpoints and/or the head it should end at."""
    problems: list[str] = []
    last_seq, _, current = web_audit.head(store)
    for checkpoint in checkpoints or []:
        expected = _signature(key or b"", checkpoint.at, checkpoint.seq, checkpoint.entries, checkpoint.head)
        if key is None or not hmac.compare_digest(expected, checkpoint.mac):
            problems.append(f"checkpoint of {checkpoint.at}: its signature does not match (forged or another key)")
            continue
        if checkpoint.seq == 0:
            continue
        stored = web_audit.hash_at(store, checkpoint.seq)
        if stored is None:
            problems.append(
                f"checkpoint of {checkpoint.at}: entry #{checkpoint.seq} is missing (entries were removed; "
                f"the trail now ends at #{last_seq})"
            )
        elif stored != checkpoint.head:
            problems.append(f"checkpoint of {checkpoint.at}: entry #{checkpoint.seq} differs (the chain was rewritten)")
    if head is not None and head != current:
        position = web_audit.seq_of(store, head)
        if position is None:
            problems.append(f"the expected head {head[:16]}… is not in the trail (entries were removed or rewritten)")
        else:
            problems.append(f"{last_seq - position} entries follow the expected head #{position} (appended after it)")
    covered = max((c.seq for c in checkpoints or []), default=0)
    return CheckpointCheck(len(checkpoints or []), problems, max(0, last_seq - covered))
