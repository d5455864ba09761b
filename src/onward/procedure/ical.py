"""Deadlines as an iCalendar feed (RFC 5545), so they appear in the calendar people already use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from icalendar import Alarm, Calendar, Event

from onward.procedure.deadlines import DEFAULT_LEADS, DueDate

PRODID = "-//Onward//deadlines//EN"


def calendar_of(
    dates: Iterable[DueDate], *, name: str, stamp: dt.datetime, leads: Sequence[int] = DEFAULT_LEADS
) -> bytes:
    """One all-day event per deadline, with alarms ``leads`` days before; ``stamp`` is the feed's DTSTAMP."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for due in dates:
        event = Event()
        event.add("uid", due.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", due.due)
        event.add("dtend", due.due + dt.timedelta(days=1))
        event.add("summary", due.summary())
        event.add("description", due.description())
        event.add("categories", ["deadline", due.track])
        for lead in sorted(set(leads)):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{lead} day(s) left: {due.summary()}")
            alarm.add("trigger", dt.timedelta(days=-lead))
            event.add_component(alarm)
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical
