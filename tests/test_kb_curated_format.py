"""A mistaken curated file is refused with every problem located: file, line, field, expected, found."""

from __future__ import annotations

from pathlib import Path

import pytest

from onward.errors import CaseFileError, InputError
from onward.kb.curated import expand_curated, load_curated
from onward.kb.curated.reader import parse_curated
from onward.store import Store
from onward.store import kb as kb_store

FIXTURES = Path(__file__).parent / "fixtures" / "kb_curated"


def _problems(path: Path) -> list[str]:
    with pytest.raises(CaseFileError) as caught:
        expand_curated(path)
    return [p.render() for p in caught.value.problems]


def test_malformed_file_reports_each_problem_with_its_line() -> None:
    problems = _problems(FIXTURES / "broken.yaml")
    text = "\n".join(problems)
    assert "broken.yaml:6:" in text
    assert "has no day 30" in text
    assert "broken.yaml:9:" in text
    assert "incidents[0].kind" in text
    assert "'teleportation'" in text
    assert "broken.yaml:11:" in text
    assert "did you mean UZ" in text
    assert "broken.yaml:20:" in text
    assert "needs its 'basis'" in text
    lines = [int(p.split(":")[1]) for p in problems]
    assert lines == sorted(lines)


def test_citation_of_an_undeclared_source_is_located() -> None:
    problems = _problems(FIXTURES / "undeclared.yaml")
    assert len(problems) == 1
    assert "undeclared.yaml:18:" in problems[0]
    assert "memberships[0].parties[0].sources[0]" in problems[0]
    assert "'src-missing'" in problems[0]


def test_claimed_value_must_fit_the_field() -> None:
    text = """onward_curated: 1
sources:
  - {id: s, publisher: P, title: T, date: 2006-02-16}
incidents:
  - id: inc
    claims:
      subject_count:
        - {value: eleven, sources: [s]}
"""
    document, _, problems = parse_curated(text, "inline.yaml")
    assert document is None
    assert len(problems) == 1
    assert problems[0].line == 5
    assert "'eleven' is not a valid subject_count" in problems[0].message


def test_incident_claim_citing_an_undated_source_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "undated.yaml"
    path.write_text(
        """onward_curated: 1
sources:
  - {id: s, publisher: P, title: T}
incidents:
  - id: inc
    kind: abduction
    status: completed
    sources: [s]
""",
        encoding="utf-8",
    )
    problems = _problems(path)
    assert len(problems) == 1
    assert "undated.yaml:8:" in problems[0]
    assert "has no date" in problems[0]


def test_same_source_declared_twice_differently_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "onward_curated: 1\nsources:\n  - {id: s, publisher: P, title: T, date: 2010}\n", encoding="utf-8"
    )
    (tmp_path / "b.yaml").write_text(
        "onward_curated: 1\nsources:\n  - {id: s, publisher: P, title: Other, date: 2010}\n", encoding="utf-8"
    )
    problems = _problems(tmp_path)
    assert len(problems) == 1
    assert "b.yaml:3:" in problems[0]
    assert "declared twice" in problems[0]


def test_a_plain_field_and_a_claim_for_it_cannot_both_be_written() -> None:
    text = """onward_curated: 1
sources: [{id: s, publisher: P, title: T, date: 2006}]
incidents:
  - id: inc
    subject_count: 3
    sources: [s]
    claims:
      subject_count: [{value: 4, sources: [s]}]
"""
    _, _, problems = parse_curated(text, "inline.yaml")
    assert len(problems) == 1
    assert "both as a field and under claims" in problems[0].message


def test_not_yaml_and_not_a_mapping_are_refused_plainly() -> None:
    _, _, problems = parse_curated("key: [unclosed\n", "x.yaml")
    assert problems[0].message.startswith("not valid YAML")
    _, _, problems = parse_curated("onward_curated: 1\u008d\n", "x.yaml")
    assert problems[0].message.startswith("not valid YAML")
    _, _, problems = parse_curated("- a list\n", "x.yaml")
    assert problems[0].message == "a curated file is a YAML mapping"


def test_missing_path_and_empty_folder_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        expand_curated(tmp_path / "absent")
    with pytest.raises(InputError, match="no curated files"):
        expand_curated(tmp_path)


def test_a_refused_folder_loads_nothing(store: Store, tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(
        "onward_curated: 1\nsources:\n  - {id: s, publisher: P, title: T, date: 2010}\n", encoding="utf-8"
    )
    (tmp_path / "bad.yaml").write_text("onward_curated: 1\nincidents: [{id: x, kind: nope}]\n", encoding="utf-8")
    with pytest.raises(CaseFileError):
        load_curated(store, tmp_path, "tester")
    with store.read() as connection:
        assert kb_store.count_statements(connection) == 0
        assert kb_store.select_sources(connection) == []


def test_an_end_cited_only_to_the_source_of_the_start_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ended.yaml"
    path.write_text(
        """onward_curated: 1
sources:
  - {id: s, publisher: P, title: T, date: 2010}
instruments:
  - {id: EU, kind: organisation, name: European Union, sources: [s]}
memberships:
  - instrument: EU
    sources: [s]
    parties:
      - {state: GB, from: 1973, basis: accession, to: 2020-02-01}
""",
        encoding="utf-8",
    )
    problems = _problems(path)
    assert len(problems) == 1
    assert "ended.yaml:7:" in problems[0]
    assert "cites only the source of the start" in problems[0]
    assert "to_sources" in problems[0]
