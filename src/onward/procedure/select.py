"""Choosing the procedure for a case: the jurisdiction's own file, else the ECHR route, else the UN route.

The ECHR route applies to a state for which the Convention was in force on the case's date (``ECHR.yaml``
lists each party with the day it entered into force and, for Russia, the day it ceased to apply); any
other state falls back to the UN treaty bodies (``UN.yaml``).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from onward.errors import ConfigurationError
from onward.model.case import RemovalKind
from onward.model.states import is_state
from onward.procedure.model import FALLBACKS, Procedure, procedure_ids, read_procedure


@cache
def _shipped(jurisdiction: str, kind: RemovalKind) -> Procedure:
    return read_procedure(jurisdiction, kind)


def select_procedure(jurisdiction: str, kind: RemovalKind, as_of: dt.date | None = None) -> Procedure:
    """The procedure governing a removal of ``kind`` from ``jurisdiction`` on ``as_of`` (today if None).

    The result records the jurisdiction it was selected for (:attr:`Procedure.selected_for`) and says
    whether it is a fallback (:attr:`Procedure.is_fallback`, :meth:`Procedure.fallback_note`).
    """
    code = jurisdiction.strip().upper()
    shipped = procedure_ids()
    if (code, kind) in shipped:
        return _shipped(code, kind).for_jurisdiction(code)
    if code in FALLBACKS:
        return _shipped(code, RemovalKind.EXTRADITION).for_jurisdiction(code, kind)
    if not is_state(code):
        specific = sorted({c for c, _ in shipped if c not in FALLBACKS})
        raise ConfigurationError(
            f"no {kind.value.replace('_', ' ')} procedure is described for jurisdiction {jurisdiction!r}, "
            "and it is not a known state code",
            hint=f"use an ISO 3166-1 alpha-2 code (specific procedures: {', '.join(specific)}; "
            "or ECHR, UN for the general routes)",
        )
    day = as_of or dt.date.today()
    echr = _shipped("ECHR", RemovalKind.EXTRADITION)
    if echr.applies_to is not None and echr.applies_to.covers(code, day):
        return echr.for_jurisdiction(code, kind)
    return _shipped("UN", RemovalKind.EXTRADITION).for_jurisdiction(code, kind)
