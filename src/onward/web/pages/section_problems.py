"""Problems of a case file edited through an item form, placed beside the field they concern.

A problem whose path lies inside the edited item (``assurances[2].terms[0].item``) is shown beside
that field (``terms``, "entry 1, item: …"); the others (a proceeding that still refers to a removed
request, say) are listed with their path and the id of the item they are in.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from onward.errors import Problem
from onward.web.pages.case_form import CaseForm, problem_text
from onward.web.pages.section_forms import Section


def _where(rest: str) -> str:
    """``[1].item`` as a reader counts: ``entry 2, item``."""
    parts = re.findall(r"\[(\d+)\]|\.?([A-Za-z_]+)", rest)
    words = [f"entry {int(number) + 1}" if number else key for number, key in parts]
    return ", ".join(words)


def _labelled(problem: Problem, document: dict[str, Any]) -> Problem:
    """The problem with the id of the item its path starts in (``proceedings[1] (avis-aix-2014)…``)."""
    match = re.match(r"^([a-z_]+)\[(\d+)\]", problem.path)
    if match is None:
        return problem
    items = document.get(match.group(1))
    index = int(match.group(2))
    if not isinstance(items, list) or index >= len(items) or not isinstance(items[index], dict):
        return problem
    ident = items[index].get("id")
    if not isinstance(ident, str):
        return problem
    return dataclasses.replace(problem, path=f"{match.group(0)} ({ident}){problem.path[match.end() :]}")


def attach_item_problems(
    form: CaseForm,
    problems: list[Problem],
    section: Section,
    position: int | None,
    document: dict[str, Any],
) -> CaseForm:
    """Each problem beside the field of the edited item it concerns, or among the others."""
    prefix = f"{section.path}[{position}]" if position is not None else None
    for problem in problems:
        match = re.match(r"^\.([a-z_]+)(.*)$", problem.path.removeprefix(prefix)) if prefix else None
        if prefix and problem.path.startswith(prefix) and match and match.group(1) in section.fields:
            text = problem_text(problem)
            if match.group(2):
                text = f"{_where(match.group(2))}: {text}"
            form.errors.setdefault(match.group(1), []).append(text)
        else:
            form.other.append(_labelled(problem, document))
    return form
