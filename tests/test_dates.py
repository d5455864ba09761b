import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from onward.model.dates import EventDate, PartialDate, Precision


def test_partial_date_precision_and_bounds() -> None:
    month = PartialDate.parse("2013-08")
    assert month.precision is Precision.MONTH
    assert month.earliest() == dt.date(2013, 8, 1)
    assert month.latest() == dt.date(2013, 8, 31)
    year = PartialDate.parse(2016)
    assert year.precision is Precision.YEAR
    assert year.latest() == dt.date(2016, 12, 31)
    assert PartialDate.parse(dt.date(2015, 5, 18)).precision is Precision.DAY


@pytest.mark.parametrize("text", ["2015-02-30", "2013-13", "13-08-2013", "2013-8", "", "0000"])
def test_impossible_or_malformed_dates_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        PartialDate.parse(text)


def test_february_29_only_in_leap_years() -> None:
    assert PartialDate.parse("2012-02-29").day == 29
    with pytest.raises(ValidationError, match="no day 29"):
        PartialDate.parse("2013-02-29")


def test_event_date_range_for_conflicting_sources() -> None:
    seized = EventDate.parse("2012-10-17/2012-10-19")
    assert seized.is_range
    assert seized.earliest() == dt.date(2012, 10, 17)
    assert seized.latest() == dt.date(2012, 10, 19)
    assert seized.isoformat() == "2012-10-17/2012-10-19"
    with pytest.raises(ValidationError, match="ends"):
        EventDate.parse("2012-10-19/2012-10-17")


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.sampled_from([Precision.DAY, Precision.MONTH, Precision.YEAR]),
)
def test_partial_date_text_round_trips(day: dt.date, precision: Precision) -> None:
    text = {Precision.DAY: day.isoformat(), Precision.MONTH: day.isoformat()[:7], Precision.YEAR: str(day.year)}[
        precision
    ]
    date = PartialDate.parse(text)
    assert date.isoformat() == text
    assert date.precision is precision
    assert date.earliest() <= day <= date.latest()
    assert PartialDate.model_validate(date.model_dump()) == date
