from pathlib import Path

import pytest

from onward.casefile.io import dump_case, load_case, parse_case, read_case, save_case
from onward.errors import CaseFileError, InputError

FIXTURES = Path(__file__).parent / "fixtures"


def test_example_case_is_valid(example_case_path: Path) -> None:
    case = load_case(example_case_path)
    assert case.custodial_state == "FR"
    assert case.requesting_states == ["KZ", "RU", "UA"]
    assert case.proposed_destinations == ["RU", "UA"]
    assert str(case.as_of) == "2015-05-18"
    lyon = next(p for p in case.proceedings if p.id == "avis-lyon-2014")
    assert str(lyon.date) == "2014-10-24"
    cassation = next(p for p in case.proceedings if p.id == "cassation-2015")
    assert str(cassation.date) == "2015-03-04"
    assert {a.giving_state for a in case.assurances} == {"RU"}
    cited = {c.source for p in case.proceedings for c in p.sources} | {
        c.source for r in case.requests for c in r.sources
    }
    assert cited <= {s.id for s in case.sources}


def test_five_mistakes_are_all_reported_with_lines() -> None:
    case, problems = read_case(FIXTURES / "five_mistakes.yaml")
    assert case is None
    rendered = [p.render() for p in problems]
    by_path = {p.path: p for p in problems}
    assert "did you mean KZ" in by_path["person.nationalities[0]"].message
    assert by_path["person.nationalities[0]"].line == 9
    assert "no day 30" in by_path["requests[1].received"].message
    assert by_path["requests[1].received"].line == 17
    assert by_path["proposed_destinations[1]"].message == "destination is not a requesting state"
    assert by_path["proposed_destinations[1]"].line == 18
    assert "before the request" in by_path["proceedings[0].date"].message
    assert by_path["proceedings[0].date"].line == 21
    assert by_path["proceedings[1].id"].message == "duplicate id"
    assert by_path["proceedings[1].id"].line == 26
    assert len(problems) == 5, rendered
    assert all(p.file.endswith("five_mistakes.yaml") and p.column for p in problems)


def test_unknown_field_suggests_the_right_name() -> None:
    text = "id: x\ntitle: t\nas_of: 2015\ncustodial_state: FR\npersecuting_state: [KZ]\nperson:\n  names: [{name: A}]\n"
    _, problems = parse_case(text, "x.yaml")
    unknown = next(p for p in problems if "unknown field" in p.message)
    assert unknown.line == 5
    assert unknown.hint == "did you mean 'persecuting_states'?"
    missing = next(p for p in problems if p.path == "persecuting_states")
    assert missing.message == "required field is missing"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "a case file is a YAML mapping"),
        ("- a\n- b\n", "a case file is a YAML mapping"),
        ("id: [unclosed\n", "not valid YAML"),
        ("id: a\nid: b\n", "not valid YAML"),
    ],
)
def test_broken_documents_get_one_clear_problem(text: str, message: str) -> None:
    case, problems = parse_case(text, "bad.yaml")
    assert case is None
    assert len(problems) == 1
    assert message in problems[0].message
    assert problems[0].line is not None


def test_missing_and_non_utf8_files_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_case(tmp_path / "absent.yaml")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("title: Aix-en-Provence é".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_case(latin)


def test_load_case_raises_with_every_problem() -> None:
    with pytest.raises(CaseFileError) as info:
        load_case(FIXTURES / "five_mistakes.yaml")
    assert len(info.value.problems) == 5


def test_round_trip_preserves_the_case(example_case_path: Path, tmp_path: Path) -> None:
    case = load_case(example_case_path)
    out = tmp_path / "case.yaml"
    save_case(case, out)
    again = load_case(out)
    assert again == case
    assert dump_case(again) == out.read_text(encoding="utf-8")


def test_control_characters_are_a_located_problem() -> None:
    case, problems = parse_case("title: t\nid: \x07x\n", "ctl.yaml")
    assert case is None
    assert problems[0].line == 2
    assert "unacceptable character" in problems[0].message
