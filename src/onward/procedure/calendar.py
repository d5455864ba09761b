"""Counting procedural periods: calendar days, working days (weekends and public holidays excluded), months."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import cache

from onward.procedure.model import Holidays, Period, PeriodUnit


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


_MOVEABLE = {
    "easter_monday": 1,
    "ascension": 39,
    "whit_monday": 50,
}


@cache
def _holidays(fixed: tuple[str, ...], moveable: tuple[str, ...], year: int) -> frozenset[dt.date]:
    days = {dt.date(year, int(md[:2]), int(md[3:])) for md in fixed}
    easter = easter_sunday(year)
    days |= {easter + dt.timedelta(days=_MOVEABLE[name]) for name in moveable if name in _MOVEABLE}
    return frozenset(days)


def is_working_day(day: dt.date, holidays: Holidays) -> bool:
    if day.weekday() >= 5:
        return False
    return day not in _holidays(tuple(holidays.fixed), tuple(holidays.moveable), day.year)


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day-of-month ``months`` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_end(start: dt.date, period: Period, holidays: Holidays) -> dt.date:
    """The last day of ``period`` counted from the event on ``start`` (the event day itself not counted)."""
    if period.unit is PeriodUnit.DAYS:
        return start + dt.timedelta(days=period.amount)
    if period.unit is PeriodUnit.MONTHS:
        return add_months(start, period.amount)
    day, counted = start, 0
    while counted < period.amount:
        day += dt.timedelta(days=1)
        if is_working_day(day, holidays):
            counted += 1
    return day
