"""Running the real CLI in-process and capturing what it prints."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from onward.cli.main import main


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> CliResult:
    code = main(list(args))
    captured = capsys.readouterr()
    return CliResult(code, captured.out, captured.err)
