"""The ECHR-OD judgment table (HUDOC metadata): the articles a judgment examined and found violated.

Joined by application number with a removal-judgments file, it adds the HUDOC item id, the articles
examined and the judgment date as HUDOC records it — e.g. Savriddin Dzhurayev v. Russia (71386/10),
item 001-119416, Articles 3, 5, 34, 35, 41 and 46 examined. The table has no extradition flag, which is why
it is only ever joined, never loaded on its own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from onward.kb.importers.tabular import read_table
from onward.model.dates import PartialDate

ECTHR_OD_COLUMNS = (
    "itemid",
    "appno",
    "docname",
    "country_code",
    "articles",
    "judgement_date",
)

# The table's other columns are not used and are reported: judges, counts, and the violated /
# not-violated article lists, which are outcomes (a backtest must not read them under another name).
_DATE = re.compile(r"^(\d{2})/(\d{2})/(\d{4})")


@dataclass(frozen=True)
class EcthrJudgment:
    """One HUDOC judgment record; ``articles`` lists what was examined (never what was decided)."""

    itemid: str
    application_nos: tuple[str, ...]
    docname: str
    respondent: str
    articles: tuple[str, ...]
    judgment_date: PartialDate | None


@dataclass(frozen=True)
class EcthrTable:
    by_application: dict[str, EcthrJudgment]
    rows: int
    unused_columns: list[str]


def _articles(text: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in text.split(",") if a.strip())


def _date(text: str) -> PartialDate | None:
    # The table writes "23/09/2010 00:00:00" (day first).
    match = _DATE.match(text.strip())
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return PartialDate.of(dt.date(year, month, day))
    except ValueError:
        return None


def read_ecthr_od(path: Path) -> EcthrTable:
    """The ECHR-OD table indexed by every application number it lists; refuses a file of another shape."""
    table = read_table(path, what="the ECHR-OD judgments table (echrod_judgments_*.csv)", required=ECTHR_OD_COLUMNS)
    by_application: dict[str, EcthrJudgment] = {}
    for row in table.rows:
        numbers = tuple(n.strip() for n in row.get("appno").split(";") if n.strip())
        judgment = EcthrJudgment(
            itemid=row.get("itemid"),
            application_nos=numbers,
            docname=row.get("docname"),
            respondent=row.get("country_code").upper(),
            articles=_articles(row.get("articles")),
            judgment_date=_date(row.get("judgement_date")),
        )
        for number in numbers:
            by_application.setdefault(number, judgment)
    return EcthrTable(by_application=by_application, rows=len(table.rows), unused_columns=list(table.ignored_columns))
