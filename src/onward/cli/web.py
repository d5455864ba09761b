"""``onward serve``, ``onward user …``, ``onward token create`` and ``onward audit …``.

The team's server and its accounts are managed from the terminal of the machine it runs on: the
first admin account is created here, cases are shared here or in the web application, and the audit
trail can be read and its hash chain verified here without starting the server.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import typer
from rich.table import Table

from onward.cli.context import FORMAT_OPTION, OutputFormat, context_of
from onward.errors import InputError
from onward.store import web as web_store
from onward.store import web_access, web_audit
from onward.store.web import Role, TokenScope, User
from onward.web.auth import check_username, issue_token, new_password_hash

user_app = typer.Typer(help="Accounts of the web application: add, list, disable, share cases.", no_args_is_help=True)
token_app = typer.Typer(help="API tokens for scripts.", no_args_is_help=True)
audit_app = typer.Typer(help="The audit trail: every login, read, change, export and share.")


def register(app: typer.Typer) -> None:
    """Add the web commands to the root ``onward`` command."""
    app.command()(serve)
    app.add_typer(user_app, name="user")
    app.add_typer(token_app, name="token")
    app.add_typer(audit_app, name="audit")


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="address to listen on (0.0.0.0 for every interface)"),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    assets: Path = typer.Option(None, "--assets", help="folder holding htmx.min.js (default: make web-assets)"),
) -> None:
    """Run the web application and REST API (uvicorn); put it behind HTTPS for a team."""
    import uvicorn

    from onward.web.app import create_app
    from onward.web.settings import WebSettings, default_assets_dir, default_world_atlas, with_persistent_secret

    app_ctx = context_of(ctx)
    store = app_ctx.open_store()
    settings = WebSettings(**app_ctx.settings.model_dump())
    settings = with_persistent_secret(settings)
    if settings.assets_dir is None:
        settings = settings.model_copy(update={"assets_dir": assets or default_assets_dir()})
    if settings.world_atlas is None:
        settings = settings.model_copy(update={"world_atlas": default_world_atlas()})
    application = create_app(settings, store)
    app_ctx.console.print(f"Onward on http://{host}:{port}/ (store {settings.resolved_database_url()})")
    # X-Forwarded-For is read by the application itself, only from ONWARD_TRUSTED_PROXIES (web.context.client_ip).
    uvicorn.run(application, host=host, port=port, proxy_headers=False, log_level="info")


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise InputError(f"--role: expected one of admin, editor, viewer, found {value!r}") from None


def _user_row(user: User) -> dict[str, object]:
    data = asdict(user)
    data.pop("password_hash")
    data["role"] = user.role.value
    return data


@user_app.command("add")
def user_add(
    ctx: typer.Context,
    username: str,
    role: str = typer.Option("viewer", "--role", help="admin, editor or viewer"),
    name: str = typer.Option(None, "--name", help="display name (default: the username)"),
    password: str = typer.Option(
        ..., "--password", prompt=True, hide_input=True, confirmation_prompt=True, envvar="ONWARD_NEW_PASSWORD"
    ),
) -> None:
    """Create an account (the password is asked for, or read from ONWARD_NEW_PASSWORD)."""
    app_ctx = context_of(ctx)
    user = web_store.add_user(
        app_ctx.open_store(),
        check_username(username),
        display_name=name or username,
        password_hash=new_password_hash(password, username=username),
        role=_role(role),
    )
    app_ctx.console.print(f"added {user.role.value} {user.username!r}")


@user_app.command("list")
def user_list(ctx: typer.Context, output: OutputFormat = FORMAT_OPTION) -> None:
    """List the accounts."""
    app_ctx = context_of(ctx)
    users = web_store.list_users(app_ctx.open_store())
    if output is OutputFormat.JSON:
        app_ctx.print_json([_user_row(u) for u in users])
        return
    table = Table("username", "name", "role", "active", "created")
    for u in users:
        table.add_row(
            u.username,
            u.display_name,
            u.role.value,
            "yes" if u.active else "no",
            u.created_at.isoformat(timespec="seconds"),
        )
    app_ctx.console.print(table if users else "no accounts yet (`onward user add NAME --role admin`)")


@user_app.command("disable")
def user_disable(ctx: typer.Context, username: str) -> None:
    """Disable an account and end its sessions at once (its tokens stop working too)."""
    app_ctx = context_of(ctx)
    web_store.update_user(app_ctx.open_store(), username, active=False)
    app_ctx.console.print(f"disabled {username!r}")


@user_app.command("enable")
def user_enable(ctx: typer.Context, username: str) -> None:
    """Enable a disabled account again."""
    app_ctx = context_of(ctx)
    web_store.update_user(app_ctx.open_store(), username, active=True)
    app_ctx.console.print(f"enabled {username!r}")


@user_app.command("share")
def user_share(
    ctx: typer.Context,
    username: str,
    case_id: str,
    revoke: bool = typer.Option(False, "--revoke", help="withdraw the access instead"),
) -> None:
    """Give USERNAME access to the stored case CASE_ID (or withdraw it with --revoke)."""
    app_ctx = context_of(ctx)
    store = app_ctx.open_store()
    user = web_store.get_user(store, username)
    actor = app_ctx.settings.actor
    if revoke:
        changed = web_access.unshare_case(store, case_id, user)
        action, verb = "case.unshare", ("withdrew" if changed else "had no access to")
    else:
        changed = web_access.share_case(store, case_id, user, granted_by=actor)
        action, verb = "case.share", ("shared" if changed else "already shared")
    if changed:
        web_audit.append(store, actor=actor, action=action, ip="cli", case_id=case_id, detail={"user": username})
    app_ctx.console.print(f"{verb}: case {case_id!r} / {username!r}")


@token_app.command("create")
def token_create(
    ctx: typer.Context,
    username: str,
    name: str = typer.Option(..., "--name", help="what it is for"),
    scope: str = typer.Option("read", "--scope", help="read, write or admin (not above the account's role)"),
    days: int = typer.Option(None, "--days", min=1, max=366, help="expire after this many days"),
) -> None:
    """Create an API token for USERNAME; it is printed once, only its hash is stored."""
    app_ctx = context_of(ctx)
    store = app_ctx.open_store()
    try:
        chosen = TokenScope(scope)
    except ValueError:
        raise InputError(f"--scope: expected read, write or admin, found {scope!r}") from None
    secret, token = issue_token(store, web_store.get_user(store, username), name, scope=chosen, days=days)
    web_audit.append(
        store,
        actor=app_ctx.settings.actor,
        action="token.create",
        ip="cli",
        detail={"token": token.id, "user": username, "scope": token.scope.value},
    )
    app_ctx.err.print(f"token {token.id} for {username!r} ({name}); store it now, it is not shown again:")
    typer.echo(secret)


@audit_app.callback(invoke_without_command=True)
def audit_list(
    ctx: typer.Context,
    case_id: str = typer.Option(None, "--case", help="only entries about this case"),
    limit: int = typer.Option(100, "--limit", min=1),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Show the audit trail, newest first."""
    if ctx.invoked_subcommand is not None:
        return
    app_ctx = context_of(ctx)
    entries = web_audit.entries(app_ctx.open_store(), case_id=case_id, limit=limit)
    if output is OutputFormat.JSON:
        app_ctx.print_json([asdict(e) for e in entries])
        return
    table = Table("#", "when (UTC)", "who", "what", "case", "from", "details")
    for e in entries:
        table.add_row(
            str(e.seq),
            e.at,
            e.actor,
            e.action,
            e.case_id or "",
            e.ip,
            ", ".join(f"{k}={v}" for k, v in e.detail.items()),
        )
    app_ctx.console.print(table if entries else "the audit trail is empty")


@audit_app.command("verify")
def audit_verify(
    ctx: typer.Context,
    head: str = typer.Option(None, "--head", help="the hash the trail must end at (recorded elsewhere earlier)"),
    checkpoints_file: Path = typer.Option(
        None, "--checkpoints", help="signed checkpoints to check the trail against (audit-checkpoints.jsonl)"
    ),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Re-hash the whole audit trail; exit 1 and name the first altered entry if it was tampered with.

    With --checkpoints and --head it also finds newest entries deleted, entries appended after a
    known head, and a chain rewritten from the start (which re-hashing alone cannot see).
    """
    from onward.web import checkpoints

    app_ctx = context_of(ctx)
    store = app_ctx.open_store()
    check = web_audit.verify_chain(store)
    found = None
    if head is not None or checkpoints_file is not None:
        signed = checkpoints.read_checkpoints(checkpoints_file) if checkpoints_file is not None else None
        key = checkpoints.load_key(app_ctx.settings.resolved_audit_key_file(), create=False) if signed else None
        found = checkpoints.check_against(store, checkpoints=signed, key=key, head=head)
    ok = check.intact and (found is None or found.ok)
    if output is OutputFormat.JSON:
        extra = {} if found is None else {"checkpoints": found.checkpoints, "problems": found.problems}
        app_ctx.print_json({**asdict(check), **extra, "ok": ok})
    else:
        if check.intact:
            app_ctx.console.print(f"[green]intact[/green]: {check.entries} entries, head {check.head}")
        else:
            app_ctx.console.print(f"[bold red]TAMPERED[/bold red]: entry #{check.broken_at} {check.problem}")
        if found is not None:
            for problem in found.problems:
                app_ctx.console.print(f"[bold red]TAMPERED[/bold red]: {problem}", markup=True)
            if found.ok:
                app_ctx.console.print(
                    f"[green]consistent[/green] with {found.checkpoints} checkpoints"
                    f"{'' if head is None else ' and the expected head'}; "
                    f"{found.uncovered} entries after the last checkpoint"
                )
    if not ok:
        raise typer.Exit(1)


@audit_app.command("checkpoint")
def audit_checkpoint(
    ctx: typer.Context,
    file: Path = typer.Option(None, "--file", help="where to append it (default: DATA_DIR/audit-checkpoints.jsonl)"),
) -> None:
    """Sign the audit trail's present head (HMAC, key outside the database) and append it to the file.

    Run it from cron as well as relying on the server's own checkpoints; keep copies of the file and
    of the key (ONWARD_AUDIT_KEY_FILE) away from the database server.
    """
    from onward.web import checkpoints

    app_ctx = context_of(ctx)
    settings = app_ctx.settings
    key = checkpoints.load_key(settings.resolved_audit_key_file(), create=True)
    target = file or settings.audit_checkpoints_file()
    written = checkpoints.write_checkpoint(app_ctx.open_store(), key, target)
    app_ctx.console.print(f"checkpoint: entry #{written.seq}, head {written.head} → {target}", markup=False)
