"""The organisation profile: read from YAML, mistakes reported with file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from onward.drafting.organisation import local, read_organisation
from onward.errors import CaseFileError, InputError
from tests.drafthelpers import EXAMPLE, FIXTURES


def test_example_profile_names_the_signatory_recipient_and_copies():
    org = read_organisation(EXAMPLE / "org.yaml")
    assert org.name == "Human Rights Watch"
    assert org.signatory.name == "Jean-Marie Fardeau"
    assert local(org.signatory.title, "en") == "France Director"
    assert local(org.recipient.salutation, "fr") == "Monsieur le Premier ministre"
    assert [c.name for c in org.copies] == ["M. Laurent Fabius", "Mme Christiane Taubira"]


def test_mistakes_are_located():
    with pytest.raises(CaseFileError) as caught:
        read_organisation(FIXTURES / "org_mistakes.yaml")
    problems = {p.path: p for p in caught.value.problems}
    assert problems["signatory.titel"].line == 6
    assert problems["signatory.titel"].hint == "did you mean 'title'?"
    assert problems["recipient"].message == "required field is missing"


def test_a_missing_profile_is_one_clear_error(tmp_path: Path):
    with pytest.raises(InputError, match="no such organisation profile"):
        read_organisation(tmp_path / "absent.yaml")
