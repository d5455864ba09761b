"""The index words: the fast path for ASCII-worded text gives exactly what the reference tokenizer gives."""

from hypothesis import given
from hypothesis import strategies as st

from onward.evidence.text import _WORD, index_text, normalise_word, tokens


def _reference(text: str) -> str:
    """Every run of letters and digits, normalised one by one: what the index held before any shortcut."""
    return " ".join(normalise_word(word) for word in _WORD.findall(text))


@given(st.text(alphabet="aZ9_ -’“é²İⅫ\n\t.,;ßﬁ" + "x" * 5, max_size=80))
def test_index_text_equals_the_reference_on_mixed_text(text: str) -> None:
    assert index_text(text) == _reference(text)


@given(st.text(max_size=60))
def test_index_text_equals_the_reference_on_any_text(text: str) -> None:
    assert index_text(text) == _reference(text)


def test_words_are_folded_alike_whatever_their_path() -> None:
    assert index_text("Asylum SEEKERS’ “returns” – 2006") == "asylum seeker return 2006"
    assert index_text("Déportés vers l’Ouzbékistan") == "deporte ver l ouzbekistan"
    assert index_text("snake_case x" + "y" * 70) == "snake case "  # an over-long word leaves its place empty
    assert [t.value for t in tokens("Asylum seekers")] == index_text("Asylum seekers").split()
