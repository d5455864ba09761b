"""``onward kb add`` without a file: ask for one source and one statement, check each answer, then store it.

A researcher reading a report at their desk types the publisher, the title, the date, then the
fact (``incident:ua-uz-2006-02``, ``subject_count``, ``10``) with the page it is on; a mistyped
date is asked again rather than stored wrong.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError
from rich.console import Console
from rich.prompt import Confirm, Prompt

from onward.errors import InputError
from onward.kb.addfile import DEFAULT_DATASET
from onward.model.dates import PartialDate
from onward.model.source import Source, Verification
from onward.model.statement import Statement
from onward.yamldoc.jsondoc import load_json

_VERIFICATIONS = [v.value for v in Verification]


def _optional(console: Console, label: str) -> str | None:
    answer = Prompt.ask(f"{label} [dim](optional)[/dim]", default="", show_default=False, console=console)
    return answer.strip() or None


def _date(console: Console, label: str) -> str | None:
    while True:
        answer = _optional(console, f"{label} (YYYY, YYYY-MM or YYYY-MM-DD)")
        if answer is None:
            return None
        try:
            return PartialDate.parse(answer).isoformat()
        except ValidationError as exc:
            console.print(f"[red]{exc.errors(include_url=False)[0]['msg'].removeprefix('Value error, ')}[/red]")


def _value(text: str) -> Any:
    # 11 is a number, true a boolean, {"lang": "fr", "text": "…"} an object; anything else is text.
    try:
        return load_json(text)
    except json.JSONDecodeError:
        return text


def ask_source(console: Console, known: set[str]) -> tuple[str, Source | None]:
    """The id of the source to cite, and a new ``Source`` when it is not in the knowledge base yet."""
    source_id = Prompt.ask("source id (an existing one, or a new short id)", console=console).strip()
    if source_id in known:
        return source_id, None
    console.print(f"new source {source_id!r}:")
    fields: dict[str, Any] = {
        "id": source_id,
        "publisher": Prompt.ask("publisher", console=console),
        "title": Prompt.ask("title", console=console),
        "date": _date(console, "publication date"),
        "url": _optional(console, "URL"),
        "verification": Prompt.ask("verification", choices=_VERIFICATIONS, default="unverified", console=console),
    }
    try:
        return source_id, Source.model_validate(fields)
    except ValidationError as exc:
        raise InputError(f"the source is not valid: {exc.errors(include_url=False)[0]['msg']}") from exc


def ask_statement(console: Console, source_id: str, actor: str) -> Statement:
    fields: dict[str, Any] = {
        "subject": Prompt.ask("subject (e.g. state:KZ, incident:ua-uz-2006-02)", console=console).strip(),
        "property": Prompt.ask("property (e.g. party_to, subject_count)", console=console).strip(),
        "value": _value(Prompt.ask("value", console=console)),
        "source": source_id,
        "locator": _optional(console, "locator (page, paragraph)"),
        "quote": _optional(console, "exact quote"),
        "verification": Prompt.ask("verification", choices=_VERIFICATIONS, default="unverified", console=console),
        "valid_from": _date(console, "valid from"),
        "valid_to": _date(console, "valid to"),
        "known_from": _date(console, "public since (if not the source's date)"),
        "supersedes": _optional(console, "id of the statement this corrects"),
        "dataset": DEFAULT_DATASET,
        "asserted_by": actor,
    }
    try:
        return Statement.model_validate({k: v for k, v in fields.items() if v is not None})
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(map(str, first["loc"]))
        raise InputError(
            f"the statement is not valid: {where}: {first['msg']}", hint="run `onward kb add` again"
        ) from exc


def confirm(console: Console, statement: Statement) -> bool:
    console.print(
        f"{statement.subject} {statement.property} = {statement.value!r} "
        f"[{statement.source}{', ' + statement.locator if statement.locator else ''}] ({statement.verification.value})",
        markup=False,
    )
    return Confirm.ask("store this statement?", default=True, console=console)
