"""The ``onward`` command: global options, sub-commands, and the one place errors become messages."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

import typer

from onward import __version__
from onward.cli import backup as backup_commands
from onward.cli import case as case_commands
from onward.cli import eval as eval_commands
from onward.cli import evidence as evidence_commands
from onward.cli import kb as kb_commands
from onward.cli import keys as keys_commands
from onward.cli import review as review_commands
from onward.cli import web as web_commands
from onward.cli.assess import assess_command
from onward.cli.context import AppContext
from onward.cli.draft import draft_command
from onward.errors import CaseFileError, OnwardError
from onward.schemas import write_schemas
from onward.settings import Settings
from onward.store import open_store
from onward.store.migrate import upgrade

app = typer.Typer(
    name="onward",
    help="Assess direct and onward (chain) refoulement risk in extradition and removal cases.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(case_commands.app, name="case")
app.add_typer(eval_commands.app, name="eval")
web_commands.register(app)
app.add_typer(kb_commands.app, name="kb")
app.add_typer(keys_commands.app, name="keys")
app.command("assess")(assess_command)
app.command("draft")(draft_command)
app.command("ingest")(evidence_commands.ingest_command)
app.command("search")(evidence_commands.search_command)
app.add_typer(evidence_commands.app, name="evidence")
app.command("extract")(review_commands.extract_command)
app.add_typer(review_commands.app, name="review")
app.command("backup")(backup_commands.backup_command)
app.command("restore")(backup_commands.restore_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"onward {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    database_url: str = typer.Option(
        None,
        "--database-url",
        envvar="ONWARD_DATABASE_URL",
        help="SQLAlchemy URL (default: SQLite in the user data folder)",
    ),
    debug: bool = typer.Option(False, "--debug", help="show tracebacks for errors"),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="print the version"),
) -> None:
    settings = Settings()
    if database_url:
        settings = settings.model_copy(update={"database_url": database_url})
    ctx.obj = AppContext(settings=settings, debug=debug)
    ctx.call_on_close(ctx.obj.close)


@app.command()
def init(ctx: typer.Context) -> None:
    """Create or upgrade the store (SQLite by default; PostgreSQL with ONWARD_DATABASE_URL)."""
    app_ctx: AppContext = ctx.obj
    url = app_ctx.settings.resolved_database_url()
    store = open_store(url)
    try:
        heads = upgrade(store)
    finally:
        store.close()
    app_ctx.console.print(f"[green]store ready[/green] at {url} (schema {', '.join(heads)})")


@app.command()
def schema(ctx: typer.Context, folder: Path = typer.Argument(Path("docs/schema"))) -> None:
    """Write the JSON Schema of case files, incidents and sources into FOLDER."""
    app_ctx: AppContext = ctx.obj
    for path in write_schemas(folder):
        app_ctx.console.print(f"wrote {path}")


def _report(error: OnwardError, debug: bool) -> None:
    err = AppContext(settings=Settings()).err
    if isinstance(error, CaseFileError):
        for problem in error.problems:
            err.print(problem.render(), markup=False, highlight=False, soft_wrap=True)
    err.print(f"[bold red]error:[/bold red] {error.message}", highlight=False, soft_wrap=True)
    if error.hint:
        err.print(f"hint: {error.hint}", markup=False, highlight=False)
    if debug:
        err.print("".join(traceback.format_exception(error)), markup=False, highlight=False)


def quiet_libraries() -> None:
    """pypdf logs a warning for every malformed object in a PDF; what a reader could not read is
    reported by ingest itself, so those lines only bury the output (and may quote document text)."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; user mistakes become one message, never a traceback."""
    args = sys.argv[1:] if argv is None else argv
    quiet_libraries()
    try:
        result = app(args=args, prog_name="onward", standalone_mode=False)
    except OnwardError as error:
        _report(error, "--debug" in args)
        return error.exit_code
    except typer.Abort:
        typer.echo("aborted", err=True)
        return 130
    except typer.TyperException as error:  # usage errors: unknown option, missing argument
        show = getattr(error, "show", None)
        if callable(show):
            show()
        else:
            typer.echo(f"error: {error}", err=True)
        code = getattr(error, "exit_code", 2)
        return code if isinstance(code, int) else 2
    return result if isinstance(result, int) else 0


def run() -> None:
    sys.exit(main())
