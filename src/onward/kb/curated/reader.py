"""Read curated YAML files, reporting every mistake with its file, line, field, expectation and finding.

A folder such as ``data/curated/`` is read as one set: a membership file may cite a source that
``instruments.yaml`` declares, and the seed letter may add claims about an incident that
``incidents.yaml`` describes. Every citation must name a declared source (its date decides when the
fact became known), and every membership must name a declared instrument.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.error import YAMLError

from onward.errors import CaseFileError, InputError, Problem
from onward.kb.curated.document import CuratedFile
from onward.model.source import Source
from onward.yamldoc.nodes import YamlSyntaxError, parse_yaml, position
from onward.yamldoc.problems import dotted, problems_from

MAX_CURATED_FILE_BYTES = 5_000_000
CURATED_SUFFIXES = (".yaml", ".yml")


@dataclass
class CuratedSet:
    """The validated documents of one load, with every source they declare, by id."""

    documents: list[tuple[Path, CuratedFile]] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)


def curated_paths(path: Path) -> list[Path]:
    """``path`` itself, or every YAML file under the folder ``path``, in a stable order."""
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if path.is_file():
        return [path]
    found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in CURATED_SUFFIXES)
    if not found:
        raise InputError(f"{path}: no curated files (*.yaml) in this folder")
    return found


def parse_curated(text: str, file: str) -> tuple[CuratedFile | None, Any, list[Problem]]:
    """Validate one curated file's text: the document (if valid), its YAML tree, and every problem."""
    try:
        root = parse_yaml(text, "knowledge-base files")
    except YamlSyntaxError as exc:
        return None, None, [Problem(file, exc.line, exc.column, "", f"not valid YAML: {exc}")]
    except YAMLError as exc:
        # e.g. a control character: ruamel refuses the text before it has a position to report.
        return None, None, [Problem(file, None, None, "", f"not valid YAML: {str(exc).splitlines()[0]}")]
    if not isinstance(root, dict):
        found = "an empty file" if root is None else type(root).__name__
        return None, root, [Problem(file, 1, 1, "", "a curated file is a YAML mapping", "onward_curated: 1", found)]
    try:
        return CuratedFile.model_validate(root), root, []
    except ValidationError as exc:
        return None, root, problems_from(CuratedFile, file, root, exc)


def read_curated(path: Path) -> CuratedSet:
    """Every curated file under ``path``, validated as one set; raises ``CaseFileError`` listing all problems."""
    result = CuratedSet()
    trees: list[tuple[str, Any, CuratedFile]] = []
    problems: list[Problem] = []
    for file in curated_paths(path):
        document, root, found = parse_curated(_read_text(file), str(file))
        problems.extend(found)
        if document is not None:
            result.documents.append((file, document))
            trees.append((str(file), root, document))
    for name, root, document in trees:
        problems.extend(_declare_sources(result.sources, name, root, document))
    instruments = {i.id for _, _, document in trees for i in document.instruments}
    for name, root, document in trees:
        problems.extend(_check_references(result.sources, instruments, name, root, document))
        if not problems:
            problems.extend(_check_dated(result.sources, name, root, document))
    if problems:
        problems.sort(key=lambda p: (p.file, p.line or 0, p.column or 0))
        raise CaseFileError(str(path), problems)
    return result


def _declare_sources(known: dict[str, Source], file: str, root: Any, document: CuratedFile) -> list[Problem]:
    problems = []
    for index, source in enumerate(document.sources):
        previous = known.get(source.id)
        if previous is not None and previous != source:
            line, column = position(root, ["sources", index, "id"])
            problems.append(
                Problem(
                    file,
                    line,
                    column,
                    f"sources[{index}].id",
                    f"source {source.id!r} is declared twice with different details",
                    expected="one declaration, or identical ones",
                )
            )
            continue
        known[source.id] = source
    seen: set[str] = set()
    for index, incident in enumerate(document.incidents):
        if incident.id in seen:
            line, column = position(root, ["incidents", index, "id"])
            problems.append(
                Problem(
                    file,
                    line,
                    column,
                    f"incidents[{index}].id",
                    f"incident {incident.id!r} appears twice in this file",
                    expected="one entry per incident per file",
                )
            )
        seen.add(incident.id)
    return problems


def _check_references(
    sources: dict[str, Source], instruments: set[str], file: str, root: Any, document: CuratedFile
) -> list[Problem]:
    problems = []
    for where, cited in _citations(root):
        if cited not in sources:
            line, column = position(root, where)
            problems.append(
                Problem(
                    file,
                    line,
                    column,
                    dotted(where),
                    f"cites undeclared source {cited!r}",
                    expected="the id of a source under 'sources:' in this folder",
                    found=repr(cited),
                )
            )
    for index, membership in enumerate(document.memberships):
        if membership.instrument not in instruments:
            path: list[str | int] = ["memberships", index, "instrument"]
            line, column = position(root, path)
            problems.append(
                Problem(
                    file,
                    line,
                    column,
                    dotted(path),
                    "names an undeclared instrument",
                    expected="the id of an entry under 'instruments:'",
                    found=repr(membership.instrument),
                )
            )
    return problems


def _event_citations(document: CuratedFile) -> Iterator[tuple[list[str | int], str]]:
    """Citations of incidents and claims that carry no ``known_from`` of their own."""
    for i, incident in enumerate(document.incidents):
        for j, citation in enumerate(incident.sources):
            yield ["incidents", i, "sources", j], citation.source
        for name, claims in incident.claims.items():
            for k, claim in enumerate(claims):
                if claim.known_from is None:
                    for j, citation in enumerate(claim.sources):
                        yield ["incidents", i, "claims", name, k, "sources", j], citation.source
    for i, statement in enumerate(document.statements):
        if statement.known_from is None:
            for j, citation in enumerate(statement.sources):
                yield ["statements", i, "sources", j], citation.source


def _check_dated(sources: dict[str, Source], file: str, root: Any, document: CuratedFile) -> list[Problem]:
    # An undated source would make its claims visible "as of" any date: a report of 2016 must not
    # inform an analysis made in 2015 (design: "known as of" is the source's publication date).
    problems = []
    for where, cited in _event_citations(document):
        if sources[cited].date is None:
            line, column = position(root, where)
            problems.append(
                Problem(
                    file,
                    line,
                    column,
                    dotted(where),
                    f"cites source {cited!r}, which has no date",
                    expected="a dated source, or 'known_from' on the claim",
                    hint="otherwise the claim would be visible as of any date",
                )
            )
    return problems


def _citations(node: Any, path: Sequence[str | int] = ()) -> Iterator[tuple[list[str | int], str]]:
    """Every source id cited anywhere in the tree, with its path (``…sources[0]`` or ``…sources[0].source``)."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = [*path, str(key)]
            if key == "sources" and list(path) != [] and isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, str):
                        yield [*here, index], item
                    elif isinstance(item, dict) and isinstance(item.get("source"), str):
                        yield [*here, index, "source"], item["source"]
            else:
                yield from _citations(value, here)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _citations(item, [*path, index])


def _read_text(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_CURATED_FILE_BYTES:
        raise InputError(f"{path}: {size} bytes is too large for a curated file (limit {MAX_CURATED_FILE_BYTES})")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})", hint="save the file as UTF-8") from exc
