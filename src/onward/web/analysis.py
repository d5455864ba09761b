"""Running the risk engine for a stored case, exactly as ``onward assess`` does, for the web pages.

The knowledge base is read as it stood at the case's ``as_of`` (or the date the reader asks for), so
the page shows what was knowable then; the engine (``onward.risk.assess``) does all the reasoning.
"""

from __future__ import annotations

import datetime as dt

from onward.errors import InputError
from onward.kb.view import KnowledgeView
from onward.model.case import Case
from onward.model.dates import PartialDate
from onward.risk.assess import Assessment, assess
from onward.risk.kbinputs import inputs_from_view
from onward.risk.params import load_params
from onward.store import Store


def parse_date(text: str | None, field: str = "as_of") -> dt.date | None:
    """``2015-05-18`` (or ``2015-05``, ``2015``: the last day of the period); empty means none."""
    if not text or not text.strip():
        return None
    try:
        return PartialDate.parse(text.strip()).latest()
    except ValueError as error:
        raise InputError(f"{field}: expected a date YYYY[-MM[-DD]], found {text!r} ({error})") from None


def knowledge_at(store: Store, when: dt.date) -> KnowledgeView:
    return KnowledgeView(store, as_of=when)


def assessment_for(store: Store, case: Case, *, as_of: dt.date | None = None, hops: int = 3) -> Assessment:
    """The engine's assessment of ``case`` from the knowledge base as of ``as_of`` (default: the case's)."""
    when = as_of or case.as_of.latest()
    params = load_params(None, case.risk_model)
    view = knowledge_at(store, when)
    return assess(case, inputs_from_view(view, params), params, hops=hops, as_of=when)
