"""The web secret key file is written whole or not at all, and an empty one does not block every later start."""

from __future__ import annotations

import resource
import signal
import stat
from pathlib import Path

import pytest

from onward.errors import ConfigurationError
from onward.web.settings import MIN_SECRET_CHARS, WebSettings, with_persistent_secret


def _settings(folder: Path) -> WebSettings:
    return WebSettings(data_dir=folder, secret_key=None)


def test_a_new_key_is_kept_private_and_reused(tmp_path: Path) -> None:
    first = with_persistent_secret(_settings(tmp_path)).secret_key
    path = tmp_path / "web-secret-key"
    assert first is not None
    assert len(first) >= MIN_SECRET_CHARS
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert with_persistent_secret(_settings(tmp_path)).secret_key == first
    assert [p.name for p in tmp_path.iterdir()] == ["web-secret-key"]  # no temporary file left


def test_an_empty_key_file_is_replaced_by_a_new_key(tmp_path: Path) -> None:
    path = tmp_path / "web-secret-key"
    path.write_text("", encoding="utf-8")
    key = with_persistent_secret(_settings(tmp_path)).secret_key
    assert key is not None
    assert len(key) >= MIN_SECRET_CHARS
    assert path.read_text(encoding="utf-8") == key


def test_a_short_key_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "web-secret-key").write_text("abc", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="3 characters") as caught:
        with_persistent_secret(_settings(tmp_path))
    assert caught.value.hint is not None
    assert "delete the file" in caught.value.hint


def test_a_full_disk_leaves_no_empty_key_behind(tmp_path: Path) -> None:
    # A file-size limit of zero makes every write fail as a full disk would (EFBIG instead of ENOSPC).
    previous_signal = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
    try:
        with pytest.raises(ConfigurationError, match="cannot write the web secret key"):
            with_persistent_secret(_settings(tmp_path))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous_signal)
    assert list(tmp_path.iterdir()) == []
    assert with_persistent_secret(_settings(tmp_path)).secret_key is not None
