"""Read a case file into a ``Case`` (reporting every problem at once) and write one back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError, create_model

from onward.casefile.consistency import check_consistency
from onward.casefile.warnings import procedure_warnings
from onward.errors import CaseFileError, InputError, Problem
from onward.model.base import partial
from onward.model.case import Case
from onward.model.riskparams import RiskParams
from onward.yamldoc.nodes import YamlSyntaxError, dump_yaml, parse_yaml
from onward.yamldoc.problems import problems_from

MAX_CASE_FILE_BYTES = 5_000_000

# The case's risk_model: block overrides some of the model's parameters: each key must be one of them and
# each value of its type and within its bounds. Checked here, from the parameter records in model/, so a
# mistake is reported at its line when the case is validated instead of failing every later assessment.
_PartialRiskParams: Any = partial(RiskParams)
_RiskModelBlock: type[BaseModel] = create_model("RiskModelBlock", risk_model=(_PartialRiskParams, None))


def parse_case(text: str, file: str = "<case>") -> tuple[Case | None, list[Problem]]:
    """Validate case-file text; returns the case (if valid) and every problem found."""
    try:
        root = parse_yaml(text, "case files")
    except YamlSyntaxError as exc:
        return None, [Problem(file, exc.line, exc.column, "", f"not valid YAML: {exc}")]
    if not isinstance(root, dict):
        found = "an empty file" if root is None else type(root).__name__
        return None, [
            Problem(file, 1, 1, "", "a case file is a YAML mapping", expected="key: value lines", found=found)
        ]
    problems: list[Problem] = []
    case: Case | None = None
    try:
        case = Case.model_validate(root)
    except ValidationError as exc:
        problems.extend(problems_from(Case, file, root, exc))
    problems.extend(check_consistency(file, root))
    if isinstance(root.get("risk_model"), dict):  # anything else is already reported by Case
        try:
            _RiskModelBlock.model_validate({"risk_model": root["risk_model"]})
        except ValidationError as exc:
            problems.extend(problems_from(_RiskModelBlock, file, root, exc))
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return (case if not problems else None), problems


def read_case(path: Path) -> tuple[Case | None, list[Problem]]:
    return parse_case(_read_text(path), str(path))


def case_file_warnings(path: Path, case: Case) -> list[Problem]:
    """What a valid case file still deserves a warning for (``casefile.warnings``), located in it."""
    root = parse_yaml(_read_text(path), "case files")
    return procedure_warnings(str(path), root, case)


def load_case(path: Path) -> Case:
    """The case in ``path``; raises ``CaseFileError`` listing every problem if there is any."""
    case, problems = read_case(path)
    if case is None:
        raise CaseFileError(str(path), problems)
    return case


def case_document(case: Case) -> dict[str, Any]:
    """The case as plain JSON-ready data, in field order, without empty defaults."""
    data = case.model_dump(mode="json", exclude_defaults=True, exclude_none=True)
    # The format version, language and jurisdiction are always written, even when defaulted.
    data = {"onward": case.onward, **data, "language": case.language, "jurisdiction": case.jurisdiction}
    order = list(Case.model_fields)
    data = {key: data[key] for key in order if key in data}
    return data


def dump_case(case: Case) -> str:
    return dump_yaml(case_document(case))


def save_case(case: Case, path: Path) -> None:
    text = dump_case(case)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _read_text(path: Path) -> str:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, expected a case file (YAML)")
    size = path.stat().st_size
    if size > MAX_CASE_FILE_BYTES:
        raise InputError(f"{path}: {size} bytes is too large for a case file (limit {MAX_CASE_FILE_BYTES})")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})", hint="save the file as UTF-8") from exc
