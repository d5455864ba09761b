import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from onward.errors import InputError
from onward.evidence.ingest import ingest
from onward.evidence.query import parse_query
from onward.evidence.search import match_spans, parse_countries, parse_years, search_evidence
from onward.evidence.text import Token, tokens
from onward.model.evidence import AllOf, AnyOf, SearchFilters, SearchQuery, Term
from onward.store import Store, evidence_search, open_store
from tests.conftest import make_store_url
from tests.evidencehelpers import make_jsonl_gz

# (id, state, year, text): small, but with plurals, accents, apostrophes, hyphens, numbers and Cyrillic.
CORPUS = [
    ("p01", "UA", 2006, "Ukraine forcibly returned 11 Uzbek asylum seekers to Uzbekistan."),
    ("p02", "UA", 2012, "An asylum seeker was abducted in Kyiv and reappeared in Moscow."),
    ("p03", "KZ", 2011, "Kazakhstan extradited 28 Uzbek asylum-seekers despite interim measures."),
    ("p04", "RU", 2015, "Russia deported a Tajik activist; deportations continued."),
    ("p05", "RU", 2019, "Extradition requests from Uzbekistan and Tajikistan are pending."),
    ("p06", "FR", 2015, "Les autorités ont déporté des demandeurs d'asile vers l'Ouzbékistan."),
    ("p07", "TR", 2018, "Turkey's intelligence service rendered teachers from Kosovo to Turkey."),
    ("p08", "XK", 2018, "Kosovo deported six Turkish nationals; the removals were unlawful."),
    ("p09", "RU", 2020, "Россия выдала беженца Узбекистану в 2020 году."),
    ("p10", "KG", 2017, "Kyrgyzstan returned a refugee to Uzbekistan; the refugee was detained."),
    ("p11", "UA", 2013, "UNHCR: Ukraine is not a safe third country for asylum seekers."),
    ("p12", "BY", 2019, "Belarus handed over a Russian opposition blogger to Russia."),
    ("p13", "TH", 2015, "Thailand deported 109 Uyghurs to China despite protests."),
    ("p14", "EG", 2017, "Egypt detained Uyghur students at China's request; some were deported."),
    ("p15", "AE", 2019, "The UAE extradited a dissident to Egypt in 2019, the same year of his arrest."),
    ("p16", "UA", 2006, "Ten, not eleven: one asylum seeker was kept back, according to HRW."),
    ("p17", "RU", 2016, "Russia's courts ordered expulsion; expulsions to Uzbekistan followed."),
    ("p18", "KZ", 2020, "No transfer: the court refused extradition to China."),
]
VOCABULARY = [
    "asylum", "seekers", "seeker", "uzbek", "uzbekistan", "deport*", "extradit*", "refugee", "china", "russia",
    "ukraine", "tajik*", "kosovo", "uyghur*", "déporté", "россия", "2019", "11", "court", "to", "the", "s",
]  # fmt: skip


def _ingest_corpus(store: Store, folder: Path) -> None:
    records = [{"id": pid, "iso2c": state, "year": year, "text": text} for pid, state, year, text in CORPUS]
    ingest(store, [make_jsonl_gz(folder / "corpus.jsonl.gz", records)], actor="test")


def _matches(found: list[Token], query: SearchQuery) -> bool:
    """The meaning of the query language, written directly: the reference both databases must agree with."""
    if isinstance(query, Term):
        words, size = query.words, len(query.words)
        for i in range(len(found) - size + 1):
            window = [t.value for t in found[i : i + size]]
            head, last = window[:-1], window[-1]
            if head == list(words[:-1]) and (last.startswith(words[-1]) if query.prefix else last == words[-1]):
                return True
        return False
    if isinstance(query, AnyOf):
        return any(_matches(found, part) for part in query.parts)
    assert isinstance(query, AllOf)
    return all(_matches(found, p) for p in query.required) and not any(_matches(found, p) for p in query.excluded)


def _random_queries(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    queries = []
    for _ in range(count):
        words = rng.sample(VOCABULARY, rng.randint(1, 3))
        shape = rng.choice(["and", "or", "not", "phrase", "group"])
        if shape == "or":
            queries.append(" OR ".join(words))
        elif shape == "not" and len(words) > 1:
            queries.append(f"{words[0]} NOT {' '.join(words[1:])}")
        elif shape == "phrase":
            queries.append('"' + " ".join(w.rstrip("*") for w in words) + '"')
        elif shape == "group" and len(words) > 1:
            queries.append(f"({words[0]} OR {words[1]}) {' '.join(words[2:])}".strip())
        else:
            queries.append(" ".join(words))
    return queries


def _ids(store: Store, query_text: str, filters: SearchFilters | None = None) -> set[str]:
    hits = evidence_search.search(store, parse_query(query_text), filters, limit=None)
    return {hit.meta["id"] for hit in hits}


def test_every_query_finds_exactly_what_the_language_means(store: Store, tmp_path: Path) -> None:
    _ingest_corpus(store, tmp_path)
    tokenised = {pid: list(tokens(text)) for pid, _, _, text in CORPUS}
    for query_text in _random_queries(150):
        expected = {pid for pid, found in tokenised.items() if _matches(found, parse_query(query_text))}
        assert _ids(store, query_text) == expected, query_text


def test_phrases_plurals_accents_prefixes_and_operators(store: Store, tmp_path: Path) -> None:
    _ingest_corpus(store, tmp_path)
    assert _ids(store, '"asylum seekers"') == {"p01", "p02", "p03", "p11", "p16"}
    assert _ids(store, '"uzbek asylum seekers"') == {"p01", "p03"}
    assert _ids(store, "deport*") == {"p04", "p06", "p08", "p13", "p14"}  # p06: "déporté"
    assert _ids(store, '"deporte"') == {"p06"}  # "déporté": accents do not matter
    assert _ids(store, "deport* NOT china") == {"p04", "p06", "p08"}
    assert _ids(store, "deport* -china -russia") == {"p06", "p08"}
    assert _ids(store, "(extradited OR extradition) china") == {"p18"}
    assert _ids(store, "refugee AND uzbekistan") == {"p10"}
    assert _ids(store, "РОССИЯ") == {"p09"}
    assert _ids(store, "“asylum seeker”") == _ids(store, '"asylum seekers"')


def test_a_bare_word_finds_its_forms_and_the_words_of_the_same_removal(store: Store, tmp_path: Path) -> None:
    _ingest_corpus(store, tmp_path)
    # "extradited" also finds "Extradition requests" and "handed over"; in quotes, only the word itself.
    assert _ids(store, "extradited") == {"p03", "p05", "p12", "p15", "p18"}
    assert _ids(store, '"extradited"') == {"p03", "p15"}
    assert _ids(store, "extradited uzbekistan") == {"p05"}  # p03 says "Uzbek", not "Uzbekistan"
    # "deported" also finds "déporté", "expulsion" and "forcibly returned", not "returned a refugee".
    assert _ids(store, "deported") == {"p01", "p04", "p06", "p08", "p13", "p14", "p17"}
    assert _ids(store, "abductions") == {"p02"}
    assert _ids(store, "extradit*") == {"p03", "p05", "p15", "p18"}  # a prefix is searched as written


def test_filters_by_state_year_and_source(store: Store, tmp_path: Path) -> None:
    _ingest_corpus(store, tmp_path)
    asylum = '"asylum seekers"'
    assert _ids(store, asylum, SearchFilters(countries=("UA",))) == {"p01", "p02", "p11", "p16"}
    # A passage also counts for a state it names: p03 (Kazakhstan's) names Uzbekistan.
    assert _ids(store, asylum, SearchFilters(countries=("UZ",))) == {"p01", "p03"}
    assert _ids(store, asylum, SearchFilters(year_from=2011, year_to=2013)) == {"p02", "p03", "p11"}
    assert _ids(store, asylum, SearchFilters(year_to=2006)) == {"p01", "p16"}
    assert _ids(store, asylum, SearchFilters(sources=("p03",))) == set()  # not a source id
    document_id = evidence_search.search(store, parse_query("Kyiv"), limit=1)[0].document_id
    assert _ids(store, asylum, SearchFilters(sources=(document_id,))) == {"p02"}


def test_results_are_ranked_highlighted_and_located(store: Store, tmp_path: Path) -> None:
    _ingest_corpus(store, tmp_path)
    results = search_evidence(store, "refugee uzbekistan", limit=5)
    assert results.total == 1
    (hit,) = results.hits
    assert hit.passage.meta["id"] == "p10"
    assert hit.passage.locator == "line 10"
    assert [hit.passage.text[s:e] for s, e in hit.matches] == ["refugee", "Uzbekistan", "refugee"]
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["refugee", "Uzbekistan", "refugee"]
    page = search_evidence(store, "uzbekistan", limit=2)
    assert page.total == 4
    assert len(page.hits) == 2
    rest = search_evidence(store, "uzbekistan", limit=10, offset=2)
    assert {h.passage.id for h in page.hits}.isdisjoint(h.passage.id for h in rest.hits)
    assert len(rest.hits) == 2


def test_snippets_of_long_passages_centre_on_the_match() -> None:
    text = "filler " * 100 + "Ukraine forcibly returned asylum seekers." + " more" * 100
    spans = match_spans(text, [Term(("asylum", "seeker"))])
    assert [text[s:e] for s, e in spans] == ["asylum seekers"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "the query is empty"),
        ("NOT russia", "NOT needs something to exclude from"),
        ("(asylum OR refugee", "a parenthesis is not closed"),
        ("asylum)", "unexpected ')'"),
        ("asylum OR", "expected a word"),
        ("— …", "expected a word or a phrase"),
    ],
)
def test_malformed_queries_are_explained(query: str, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        parse_query(query)


def test_year_and_country_options_are_checked() -> None:
    assert parse_years("2019..2021") == (2019, 2021)
    assert parse_years("2019") == (2019, 2019)
    assert parse_years("..2015") == (None, 2015)
    assert parse_years("2019..") == (2019, None)
    with pytest.raises(InputError, match="ends before it starts"):
        parse_years("2021..2019")
    with pytest.raises(InputError, match="expected a year or a range"):
        parse_years("last year")
    assert parse_countries(["kz", "UZ,tj"]) == ("KZ", "UZ", "TJ")
    with pytest.raises(InputError, match="ISO 3166-1 alpha-2"):
        parse_countries(["KAZ"])


@pytest.fixture
def both_backends(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Store, Store]]:
    sqlite_urls = make_store_url("sqlite", tmp_path / "sqlite", request)
    postgres_urls = make_store_url("postgresql", tmp_path / "postgresql", request)
    sqlite, postgres = open_store(next(sqlite_urls)), open_store(next(postgres_urls))
    yield sqlite, postgres
    sqlite.close()
    postgres.close()
    for urls in (sqlite_urls, postgres_urls):
        for _ in urls:
            pass


@pytest.mark.postgres
def test_sqlite_and_postgresql_return_the_same_passages(both_backends: tuple[Store, Store], tmp_path: Path) -> None:
    sqlite, postgres = both_backends
    (tmp_path / "sqlite").mkdir(exist_ok=True)
    _ingest_corpus(sqlite, tmp_path / "sqlite")
    _ingest_corpus(postgres, tmp_path / "sqlite")
    filters = [None, SearchFilters(countries=("UA", "UZ")), SearchFilters(year_from=2015, year_to=2019)]
    for query_text in _random_queries(150, seed=11):
        for chosen in filters:
            assert _ids(sqlite, query_text, chosen) == _ids(postgres, query_text, chosen), (query_text, chosen)
