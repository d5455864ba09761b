"""``onward eval …``: the product's own measurement against gold data.

onward eval extraction ../shared/eval/gold_dev.jsonl
onward eval extraction gold.jsonl --format json --show-misses
onward eval search ../shared/eval/gold_dev.jsonl --postgres postgresql+psycopg://postgres@127.0.0.1:5432/test
onward eval extraction data/eval/annotations_fh.jsonl --split heldout   # text rejoined from ../shared
"""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

import sqlalchemy as sa
import typer
from rich.table import Table

from onward.cli import eval_backtest
from onward.cli.context import FORMAT_OPTION, AppContext, OutputFormat, context_of
from onward.errors import ConfigurationError, InputError
from onward.eval.annotations import is_annotation_file, read_annotations
from onward.eval.extraction import ExtractionReport, Listed, evaluate
from onward.eval.gold import read_gold
from onward.eval.search import JudgedQuery, SearchScore, evaluate_search, load_corpus, read_judged
from onward.store import Store, open_store
from onward.store.migrate import upgrade

app = typer.Typer(help="Measure Onward against gold data: extraction, search and backtests.", no_args_is_help=True)
eval_backtest.register(app)


@app.command()
def extraction(
    ctx: typer.Context,
    gold: Path = typer.Argument(..., metavar="GOLD.jsonl", help="gold annotations, one passage per line"),
    output: OutputFormat = FORMAT_OPTION,
    show_misses: bool = typer.Option(False, "--show-misses", help="list every miss and false positive"),
    corpus: Path = typer.Option(
        Path("../shared/data/freedom_house/fiw_texts_2017_2023.jsonl.gz"),
        "--corpus",
        help="Freedom House texts, for annotation files that keep locators instead of text",
    ),
    split: list[str] = typer.Option(
        [], "--split", help="only these splits of an annotation file (train, heldout); default all"
    ),
) -> None:
    """Score the incident extractor: precision, recall, F1 (kind + from + to) and per-field accuracy."""
    # spaCy loads with the extractor (seconds): imported only when this command runs, not with every command.
    from onward.evidence.extract import default_extractor

    app_ctx = context_of(ctx)
    extractor = default_extractor()
    if is_annotation_file(gold):
        passages = read_annotations(gold, corpus=corpus, splits=split or None)
    else:
        passages = read_gold(gold, extractor.gazetteer)
    report = evaluate(passages, lambda text, year, country: extractor.extract(text, year=year, country=country))
    if output is OutputFormat.JSON:
        data = report.as_dict()
        if not show_misses:
            data.pop("misses")
            data.pop("false_positives")
        app_ctx.print_json(data)
        return
    _render(app_ctx, gold, report, show_misses)


def _render(app_ctx: AppContext, gold: Path, report: ExtractionReport, show_misses: bool) -> None:
    console = app_ctx.console
    console.print(
        f"[bold]{gold}[/bold]: {report.passages} passages, {report.gold_incidents} gold incidents "
        f"({report.gold_uncertain} uncertain), {report.proposed} proposed"
    )
    table = Table(title="Incident level (kind + from + to, multiset matching)")
    for column in ("scoring", "precision", "recall", "F1", "TP", "FP", "FN"):
        table.add_column(column, justify="right" if column != "scoring" else "left")
    for name, scores in (
        ("strict (headline: uncertain gold required)", report.strict),
        ("lenient (uncertain gold optional)", report.lenient),
    ):
        table.add_row(
            name,
            f"{scores.precision:.3f}",
            f"{scores.recall:.3f}",
            f"{scores.f1:.3f}",
            str(scores.true_positives),
            str(scores.false_positives),
            str(scores.false_negatives),
        )
    console.print(table)
    fields = Table(title=f"Field accuracy on the {report.matched} matched incidents")
    fields.add_column("field")
    fields.add_column("accuracy", justify="right")
    for name, accuracy in report.field_accuracy().items():
        fields.add_row(name, f"{accuracy:.3f}")
    console.print(fields)
    kinds = Table(title="By kind (strict)")
    for column in ("kind", "precision", "recall", "TP", "FP", "FN"):
        kinds.add_column(column, justify="right" if column != "kind" else "left")
    for kind, scores in sorted(report.by_kind.items()):
        kinds.add_row(
            kind,
            f"{scores.precision:.3f}",
            f"{scores.recall:.3f}",
            str(scores.true_positives),
            str(scores.false_positives),
            str(scores.false_negatives),
        )
    console.print(kinds)
    if show_misses:
        _listing(app_ctx, "Misses (gold incidents not proposed)", report.misses)
        _listing(app_ctx, "False positives (proposed, not in gold)", report.false_positives)
    elif report.misses or report.false_positives:
        console.print(f"{len(report.misses)} misses, {len(report.false_positives)} false positives (--show-misses)")


def _listing(app_ctx: AppContext, title: str, items: list[Listed]) -> None:
    app_ctx.console.print(f"[bold]{title}[/bold]: {len(items)}")
    for item in items:
        flag = " (uncertain)" if item.uncertain else ""
        app_ctx.console.print(
            f"  {item.passage_id}  {item.kind} {item.from_state or '?'} → {item.to_state or '?'}{flag}\n"
            f"    “{item.quote}”",
            markup=False,
            highlight=False,
        )


@app.command()
def search(
    ctx: typer.Context,
    gold: Path = typer.Argument(..., metavar="GOLD.jsonl", help="the extraction gold set: the passages searched"),
    queries: Path = typer.Option(
        Path("data/eval/search_queries.jsonl"), "--queries", help="judged queries: id, query, relevant passage ids"
    ),
    postgres: str = typer.Option(
        None, "--postgres", metavar="URL", help="also measure on PostgreSQL, in a schema created and dropped here"
    ),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """nDCG@10 of evidence search on judged queries, before (words as written) and after (word forms and
    synonyms), on SQLite and optionally PostgreSQL."""
    app_ctx = context_of(ctx)
    if not gold.is_file():
        raise InputError(f"{gold}: no such gold file")
    judged = read_judged(queries)
    results: dict[str, dict[str, SearchScore]] = {"sqlite": _measure_sqlite(gold, judged)}
    if postgres:
        results["postgresql"] = _measure_postgres(postgres, gold, judged)
    if output is OutputFormat.JSON:
        app_ctx.print_json(
            {
                backend: {name: {"ndcg@10": s.ndcg, "per_query": s.per_query} for name, s in scores.items()}
                for backend, scores in results.items()
            }
        )
        return
    table = Table(title=f"Evidence search: mean nDCG@10 over {len(judged)} judged queries ({queries})")
    for column in ("backend", "before (as written)", "after (forms + synonyms)", "queries improved", "worse"):
        table.add_column(column)
    for backend, scores in results.items():
        before, after = scores["before"], scores["after"]
        better = sum(after.per_query[q] > before.per_query[q] + 1e-9 for q in before.per_query)
        worse = sum(after.per_query[q] < before.per_query[q] - 1e-9 for q in before.per_query)
        table.add_row(backend, f"{before.ndcg:.3f}", f"{after.ndcg:.3f}", str(better), str(worse))
    app_ctx.console.print(table)


def _measure(store: Store, gold: Path, judged: list[JudgedQuery]) -> dict[str, SearchScore]:
    upgrade(store)
    load_corpus(store, gold)
    return {
        "before": evaluate_search(store, judged, expand=False),
        "after": evaluate_search(store, judged, expand=True),
    }


def _measure_sqlite(gold: Path, judged: list[JudgedQuery]) -> dict[str, SearchScore]:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'eval.sqlite3'}")
        try:
            return _measure(store, gold, judged)
        finally:
            store.close()


def _measure_postgres(url: str, gold: Path, judged: list[JudgedQuery]) -> dict[str, SearchScore]:
    schema = f"onward_eval_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        separator = "&" if "?" in url else "?"
        store = open_store(f"{url}{separator}options=-csearch_path%3D{schema}")
        try:
            return _measure(store, gold, judged)
        finally:
            store.close()
    except sa.exc.OperationalError as exc:
        raise ConfigurationError(f"--postgres: cannot use {url}: {exc.orig}") from exc
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()
