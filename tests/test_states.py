import pytest
from pydantic import BaseModel, ValidationError

from onward.model.states import CountryCode, all_states, is_state, state_name, suggest


class _Holder(BaseModel):
    code: CountryCode


def test_registry_has_iso_states_and_kosovo() -> None:
    assert len(all_states()) >= 249
    assert is_state("KZ")
    assert is_state("XK")
    assert state_name("XK") == "Kosovo"
    assert not is_state("UK")


@pytest.mark.parametrize(
    ("found", "expected"),
    [("Kazakhstan", "KZ"), ("kazakstan", "KZ"), ("RUS", "RU"), ("France", "FR"), ("Ukraine", "UA")],
)
def test_suggest_finds_what_was_meant(found: str, expected: str) -> None:
    assert expected in suggest(found)


def test_unknown_code_error_says_did_you_mean() -> None:
    with pytest.raises(ValidationError, match="did you mean KZ"):
        _Holder(code="Kazakhstan")
    with pytest.raises(ValidationError, match="not an ISO 3166-1"):
        _Holder(code="QQ")
