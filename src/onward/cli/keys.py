"""``onward keys``: the master keys that encrypt sensitive cases, kept in a file outside the database.

onward keys add /secure/onward.keys        create the file, or add a new current key to it (rotation)
ONWARD_KEY_FILE=/secure/onward.keys onward keys rotate   re-wrap every sensitive case with the current key
"""

from __future__ import annotations

from pathlib import Path

import typer

from onward.cli.context import context_of
from onward.store.cases import rewrap_sensitive
from onward.store.sealing import add_key

app = typer.Typer(help="Master keys for sensitive cases (encryption at rest).", no_args_is_help=True)


@app.command("add")
def add_command(
    ctx: typer.Context, file: Path = typer.Argument(..., help="the key file (created, readable by you only)")
) -> None:
    """Add a new random master key to FILE; it encrypts from now on, older keys still open what they sealed."""
    key_id = add_key(file)
    context_of(ctx).console.print(
        f"[green]added[/green] master key {key_id} to {file}; keep this file outside the database and back it up. "
        "Then set ONWARD_KEY_FILE and run `onward keys rotate` to re-wrap existing sensitive cases."
    )


@app.command("rotate")
def rotate_command(ctx: typer.Context) -> None:
    """Re-wrap every sensitive case's data key with the current master key of ONWARD_KEY_FILE."""
    app_ctx = context_of(ctx)
    changed = rewrap_sensitive(app_ctx.open_store(), actor=app_ctx.settings.actor)
    app_ctx.console.print(f"re-wrapped {changed} sensitive cases with the current master key")
