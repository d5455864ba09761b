"""Every command is documented in the README, and the README's Quick start is exactly two commands."""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from typer.main import get_command

from onward.cli.main import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _paths(command: Any, prefix: list[str]) -> Iterator[list[str]]:
    subcommands = getattr(command, "commands", None)
    if subcommands:
        for name, sub in sorted(subcommands.items()):
            yield from _paths(sub, [*prefix, name])
    else:
        yield prefix


def test_every_command_is_in_the_readme() -> None:
    undocumented = []
    lines = README.splitlines()
    for path in _paths(get_command(app), []):
        parent = " ".join(["onward", *path[:-1]])
        leaf = path[-1]
        documented = any(
            parent in line and re.search(rf"(?<![\w-]){re.escape(leaf)}(?![\w-])", line.split(parent, 1)[1])
            for line in lines
            if parent in line
        )
        if not documented:
            undocumented.append(" ".join(["onward", *path]))
    assert undocumented == []


def test_quick_start_is_two_commands() -> None:
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line for line in block.strip().splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
    assert "ONWARD_REQUIRE_POSTGRES=1" in ci
