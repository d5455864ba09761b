"""Alias bombs and deep nesting are refused, with a line, wherever a user's YAML is read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onward.casefile.io import parse_case
from onward.drafting.organisation import parse_organisation
from onward.errors import CaseFileError, InputError
from onward.evidence.sourcemeta import load_source_meta
from onward.kb.addfile import parse_addition
from onward.kb.curated.reader import parse_curated
from onward.kb.importfile import read_kb_file
from onward.procedure.model import parse_procedure
from onward.risk.params import load_params
from onward.yamldoc.jsondoc import MAX_JSON_DEPTH, load_json
from onward.yamldoc.nodes import MAX_YAML_DEPTH, YamlSyntaxError, dump_yaml, load_plain_yaml, parse_yaml


def alias_bomb(levels: int = 9) -> str:
    """The classic "billion laughs": each level lists the previous one nine times."""
    lines = ["onward: 1", 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        refs = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return "\n".join(lines) + "\n"


def deep(levels: int) -> str:
    return "onward: 1\nx: " + "[" * levels + "]" * levels + "\n"


def test_aliases_are_refused_with_the_line_of_the_first_anchor() -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(alias_bomb(), "case files")
    assert caught.value.line == 2
    assert "aliases" in str(caught.value)
    assert "case files" in str(caught.value)


def test_a_lone_alias_or_merge_key_is_refused() -> None:
    with pytest.raises(YamlSyntaxError, match=r"\*base"):
        parse_yaml("a: 1\nb: *base\n")
    with pytest.raises(YamlSyntaxError, match=r"&base"):
        parse_yaml("base: &base {x: 1}\nother:\n  <<: *base\n")


def test_nesting_deeper_than_the_limit_is_refused_but_the_limit_itself_is_read() -> None:
    assert parse_yaml(deep(MAX_YAML_DEPTH - 1)) is not None
    with pytest.raises(YamlSyntaxError, match="nested more than 64 levels") as caught:
        parse_yaml(deep(300))
    assert caught.value.line == 2
    with pytest.raises(YamlSyntaxError, match="nested"):
        load_plain_yaml("x:\n" + "".join("  " * i + "- \n" for i in range(1, 100)))


def test_the_case_file_reader_reports_the_alias_as_a_located_problem() -> None:
    case, problems = parse_case(alias_bomb(), "bomb.yaml")
    assert case is None
    assert [(p.file, p.line) for p in problems] == [("bomb.yaml", 2)]
    assert "not accepted in case files" in problems[0].message
    case, problems = parse_case(deep(2000), "deep.yaml")
    assert case is None
    assert "nested" in problems[0].message


def test_procedure_organisation_and_knowledge_base_readers_refuse_aliases() -> None:
    with pytest.raises(CaseFileError) as procedure:
        parse_procedure(alias_bomb(), "FR.yaml")
    assert "procedure files" in procedure.value.problems[0].message
    with pytest.raises(CaseFileError) as organisation:
        parse_organisation(alias_bomb(), "org.yaml")
    assert "organisation files" in organisation.value.problems[0].message
    addition, problems, _ = parse_addition(alias_bomb(), "add.yaml", actor="tester")
    assert addition is None
    assert "knowledge-base files" in problems[0].message
    curated, _, problems = parse_curated(deep(500), "curated.yaml")
    assert curated is None
    assert problems[0].line == 2


def test_risk_model_and_source_meta_files_refuse_aliases(tmp_path: Path) -> None:
    model = tmp_path / "model.yaml"
    model.write_text("direct: &d {base_logit: -3}\nother: *d\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"model.yaml:1:.*risk-model files"):
        load_params(model)
    meta = tmp_path / "sources.yaml"
    meta.write_text(alias_bomb(), encoding="utf-8")
    with pytest.raises(InputError, match="source-meta files"):
        load_source_meta(meta)
    meta_json = tmp_path / "sources.json"
    meta_json.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load_source_meta(meta_json)


def test_deep_json_is_a_located_problem_in_a_knowledge_base_import(tmp_path: Path) -> None:
    path = tmp_path / "kb.jsonl"
    header = '{"record": "onward-kb", "version": 1}\n'
    path.write_text(header + '{"record": "statement", "value": ' + "[" * 5000 + "]" * 5000 + "}\n", encoding="utf-8")
    with pytest.raises(CaseFileError) as caught:
        read_kb_file(path)
    problem = caught.value.problems[0]
    assert (problem.file, problem.line) == (str(path), 2)
    assert "nested more than 64 levels" in problem.message


def test_load_json_bounds_nesting_below_and_above_the_recursion_limit() -> None:
    assert load_json('{"a": ' + "[" * (MAX_JSON_DEPTH - 1) + "]" * (MAX_JSON_DEPTH - 1) + "}") is not None
    with pytest.raises(json.JSONDecodeError, match="nested more than 64"):
        load_json("[" * 65 + "]" * 65)
    with pytest.raises(json.JSONDecodeError, match="nested more than 64"):
        load_json(b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")


def test_a_number_too_long_to_convert_is_a_located_problem() -> None:
    case, problems = parse_case("onward: 1\nperson:\n  age: " + "9" * 5000 + "\n", "case.yaml")
    assert case is None
    assert [(p.line, p.column) for p in problems] == [(3, 8)]
    assert "5000 digits" in problems[0].message
    with pytest.raises(YamlSyntaxError, match="digits"):
        load_plain_yaml("x: -" + "1" * 200)
    assert parse_yaml("x: '" + "1" * 200 + "'") == {"x": "1" * 200}


def test_written_yaml_never_uses_aliases_and_reads_back() -> None:
    shared = ["KZ", "RU"]
    text = dump_yaml({"a": shared, "b": shared, "c": {"d": shared}})
    assert "&" not in text
    assert "*" not in text
    assert parse_yaml(text) == {"a": ["KZ", "RU"], "b": ["KZ", "RU"], "c": {"d": ["KZ", "RU"]}}
