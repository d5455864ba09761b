"""Hand-written additions to the knowledge base: a YAML file of sources and statements, checked line by line.

A researcher who reads in a 2016 report that a fourth person was returned writes::

    dataset: manual              # optional; default "manual"
    sources:
      - id: ngo-2016-report
        publisher: An NGO
        title: The report's title
        date: 2016-03
        verification: verified
    statements:
      - subject: incident:ua-uz-2006-02
        property: subject_count
        value: 11
        source: ngo-2016-report
        locator: p. 4
        quote: "…"
        supersedes: 3f0c…        # optional: the id of the statement this one corrects

and ``onward kb add FILE`` reports every mistake at once — file, line, field, what was expected,
what was found — exactly as case files are checked, before anything is stored.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from onward.errors import CaseFileError, InputError, Problem
from onward.kb import vocabulary as v
from onward.kb.loader import LoadReport, load_dataset
from onward.model.base import NonEmpty, Record
from onward.model.source import Source
from onward.model.statement import Statement
from onward.model.states import is_state, suggest
from onward.store import Store
from onward.store import kb as kb_store
from onward.yamldoc.nodes import YamlSyntaxError, parse_yaml, position
from onward.yamldoc.problems import problems_from

DEFAULT_DATASET = "manual"
MAX_FILE_BYTES = 20_000_000


class KbAddition(Record):
    """The content of a ``kb add`` file: sources, and statements citing them."""

    dataset: NonEmpty = DEFAULT_DATASET
    sources: list[Source] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)


def parse_addition(text: str, file: str, *, actor: str) -> tuple[KbAddition | None, list[Problem], Any]:
    """Validate the text; statements without ``dataset``/``asserted_by`` get the file's dataset and ``actor``."""
    try:
        root = parse_yaml(text, "knowledge-base files")
    except YamlSyntaxError as exc:
        return None, [Problem(file, exc.line, exc.column, "", f"not valid YAML: {exc}")], None
    if not isinstance(root, dict):
        found = "an empty file" if root is None else type(root).__name__
        expected = "a mapping with sources: and statements:"
        return None, [Problem(file, 1, 1, "", "a knowledge-base file is a YAML mapping", expected, found)], root
    dataset = root.get("dataset", DEFAULT_DATASET)
    statements = root.get("statements")
    if isinstance(statements, list):
        for entry in statements:
            if isinstance(entry, dict):
                entry.setdefault("dataset", dataset)
                entry.setdefault("asserted_by", actor)
    try:
        return KbAddition.model_validate(root), [], root
    except ValidationError as exc:
        return None, problems_from(KbAddition, file, root, exc), root


def _reference_problems(store: Store, addition: KbAddition, file: str, root: Any) -> list[Problem]:
    declared = {s.id for s in addition.sources}
    cited = {s.source for s in addition.statements} - declared
    with store.read() as connection:
        stored = set(kb_store.source_documents(connection, cited))
    problems = []
    for index, statement in enumerate(addition.statements):
        if statement.source not in declared and statement.source not in stored:
            line, column = position(root, ["statements", index, "source"])
            problems.append(
                Problem(
                    file,
                    line,
                    column,
                    f"statements[{index}].source",
                    "cites a source that is neither declared in the file nor in the knowledge base",
                    expected="an id under sources:",
                    found=repr(statement.source),
                    hint="`onward kb sources` lists the stored sources",
                )
            )
    return problems


def _vocabulary_problems(addition: KbAddition, file: str, root: Any) -> list[Problem]:
    """A misspelt property or a state that is not a code would be stored where no view reads it."""
    problems = []
    for index, statement in enumerate(addition.statements):
        path: list[str | int] = ["statements", index]
        if not v.is_known_property(statement.property):
            close = difflib.get_close_matches(statement.property, sorted(v.KNOWN_PROPERTIES), n=1)
            line, column = position(root, [*path, "property"])
            problems.append(
                Problem(
                    file,
                    line,
                    column,
                    f"statements[{index}].property",
                    "not a property of the knowledge base's vocabulary",
                    found=repr(statement.property),
                    hint=(f"did you mean {close[0]!r}? " if close else "") + "custom properties start with x_",
                )
            )
        value = statement.value
        if (
            statement.property in v.STATE_VALUED
            and value is not None
            and not (isinstance(value, str) and is_state(value))
        ):
            guesses = suggest(str(value))
            line, column = position(root, [*path, "value"])
            problems.append(
                Problem(
                    file,
                    line,
                    column,
                    f"statements[{index}].value",
                    f"{statement.property} is a state",
                    expected="an ISO 3166-1 alpha-2 code",
                    found=repr(value),
                    hint=f"did you mean {' or '.join(guesses)}?" if guesses else None,
                )
            )
    return problems


def add_file(store: Store, path: Path, *, actor: str) -> LoadReport:
    """Validate ``path`` completely, then load it in one transaction."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, expected a YAML file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputError(f"{path}: larger than {MAX_FILE_BYTES // 1_000_000} MB; use `onward kb import-file`")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    addition, problems, root = parse_addition(text, str(path), actor=actor)
    if addition is None:
        raise CaseFileError(str(path), problems)
    problems = _vocabulary_problems(addition, str(path), root) + _reference_problems(store, addition, str(path), root)
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    if problems:
        raise CaseFileError(str(path), problems)
    return load_dataset(
        store, dataset=addition.dataset, sources=addition.sources, statements=addition.statements, actor=actor
    )
