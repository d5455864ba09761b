"""A case file's risk_model: block is checked against the model's parameters when the case is validated."""

from __future__ import annotations

from pathlib import Path

from onward.casefile.io import parse_case
from onward.risk.params import load_params


def _with_block(example_case_path: Path, block: str) -> tuple[str, int]:
    text = example_case_path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    return text + block, text.count("\n") + 1


def test_wrong_keys_types_and_bounds_are_located_problems(example_case_path: Path) -> None:
    block = (
        "risk_model:\n"
        "  direct:\n"
        "    base_logit: high\n"
        "    individual:\n"
        "      nationalty: 0.5\n"
        "  chain:\n"
        "    samples: -5\n"
        "  no_such_block: 1\n"
    )
    text, first = _with_block(example_case_path, block)
    case, problems = parse_case(text, "case.yaml")
    assert case is None
    found = [(p.line, p.path) for p in problems]
    assert found == [
        (first + 2, "risk_model.direct.base_logit"),
        (first + 4, "risk_model.direct.individual.nationalty"),
        (first + 6, "risk_model.chain.samples"),
        (first + 7, "risk_model.no_such_block"),
    ]
    assert problems[1].hint == "did you mean 'nationality'?"


def test_a_valid_partial_override_is_accepted_and_reaches_the_engine(example_case_path: Path) -> None:
    text, _ = _with_block(example_case_path, "risk_model:\n  direct:\n    base_logit: -2.5\n  chain:\n    samples: 0\n")
    case, problems = parse_case(text, "case.yaml")
    assert problems == []
    assert case is not None
    assert load_params(None, case.risk_model).direct.base_logit == -2.5


def test_a_null_value_is_refused(example_case_path: Path) -> None:
    text, _first = _with_block(example_case_path, "risk_model:\n  direct:\n    base_logit:\n")
    case, problems = parse_case(text, "case.yaml")
    assert case is None
    assert [p.path for p in problems] == ["risk_model.direct.base_logit"]
