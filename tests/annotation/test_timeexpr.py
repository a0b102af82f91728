"""timeexpr.resolve: dates and phrases relative to the publication date, as calendar times."""

from __future__ import annotations

import datetime as dt

import pytest

from handcar.annotation.timeexpr import CalendarTime, resolve

FRIDAY = dt.date(2021, 2, 26)  # a publication date (a Friday)


def _relative(phrase: str, published: dt.date = FRIDAY) -> CalendarTime:
    return resolve(None, phrase, published)


def test_a_full_date_is_known_to_the_day() -> None:
    when = resolve(dt.date(2021, 2, 25), None, FRIDAY)
    assert when == CalendarTime(2021, 2, 25)
    assert when.date == dt.date(2021, 2, 25)
    assert when.precision == "unitDay"


def test_year_month_and_year() -> None:
    month = resolve("2020-03", None, FRIDAY)
    assert (month, month.precision, month.date) == (CalendarTime(2020, 3), "unitMonth", None)
    year = resolve("2020", None, FRIDAY)
    assert (year, year.precision, year.date) == (CalendarTime(2020), "unitYear", None)


@pytest.mark.parametrize("value", ["2020-13", "2020-00"])
def test_a_month_out_of_range_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match=f"month out of range in '{value}'"):
        resolve(value, None, FRIDAY)


def test_the_date_wins_over_a_relative_phrase() -> None:
    assert resolve(dt.date(2020, 1, 1), "yesterday", FRIDAY) == CalendarTime(2020, 1, 1)


@pytest.mark.parametrize(
    ("weekday", "day"),
    [("Friday", 26), ("Thursday", 25), ("monday", 22), ("Saturday", 20), ("SUNDAY", 21)],
)
def test_a_weekday_is_the_latest_on_or_before_publication(weekday: str, day: int) -> None:
    assert _relative(weekday) == CalendarTime(2021, 2, day)


def test_tomorrow_is_the_day_after_publication() -> None:
    assert _relative("tomorrow", dt.date(2021, 2, 28)).date == dt.date(2021, 3, 1)
    assert _relative("Tomorrow", dt.date(2020, 12, 31)).date == dt.date(2021, 1, 1)


def test_today_and_yesterday_cross_month_and_year_ends() -> None:
    assert _relative("today") == CalendarTime(2021, 2, 26)
    assert _relative("yesterday", dt.date(2021, 3, 1)) == CalendarTime(2021, 2, 28)
    assert _relative(" Yesterday ", dt.date(2021, 1, 1)) == CalendarTime(2020, 12, 31)


def test_last_year() -> None:
    assert _relative("last year") == CalendarTime(2020)


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("last spring", FRIDAY, CalendarTime(2020, season="spring")),
        ("last spring", dt.date(2021, 6, 1), CalendarTime(2021, season="spring")),
        ("last spring", dt.date(2021, 5, 31), CalendarTime(2020, season="spring")),
        ("last summer", dt.date(2021, 9, 1), CalendarTime(2021, season="summer")),
        ("last fall", FRIDAY, CalendarTime(2020, season="autumn")),
        ("last autumn", dt.date(2021, 12, 1), CalendarTime(2021, season="autumn")),
    ],
)
def test_last_season_is_the_latest_complete_one(
    phrase: str, published: dt.date, expected: CalendarTime
) -> None:
    when = _relative(phrase, published)
    assert when == expected
    assert (when.precision, when.date) == ("unitMonth", None)


@pytest.mark.parametrize(
    "phrase",
    ["next fortnight", "last winter", "next spring", "", "  ", "Thursday night", "tonight",
     "early Smarch", "this", "late", "late last week", "early yesterday"],
)
def test_other_phrases_are_refused_with_what_is_supported(phrase: str) -> None:
    with pytest.raises(ValueError, match="cannot resolve relative time") as caught:
        _relative(phrase)
    assert ("use a weekday, today, yesterday, tomorrow (optionally with morning/afternoon/"
            "evening)") in str(caught.value)
    night = phrase in ("Thursday night", "tonight")  # not "next fortnight"
    assert ("a night runs into the next day" in str(caught.value)) == night


# -- parts of the day: the day, and the part as a concept, never a clock time ---------------------
@pytest.mark.parametrize(
    ("phrase", "published", "day", "part"),
    [
        ("Friday morning", FRIDAY, dt.date(2021, 2, 26), "morning"),  # the publication day
        ("Thursday evening", FRIDAY, dt.date(2021, 2, 25), "evening"),
        ("saturday  afternoon", FRIDAY, dt.date(2021, 2, 20), "afternoon"),
        ("this morning", dt.date(2021, 1, 1), dt.date(2021, 1, 1), "morning"),
        ("yesterday evening", dt.date(2021, 1, 1), dt.date(2020, 12, 31), "evening"),
        ("Sunday morning", dt.date(2021, 1, 1), dt.date(2020, 12, 27), "morning"),
        # an announced event: the day after publication, across a year's end
        ("tomorrow morning", dt.date(2020, 12, 31), dt.date(2021, 1, 1), "morning"),
    ],
)
def test_a_part_of_a_day_is_that_day_with_the_part(
    phrase: str, published: dt.date, day: dt.date, part: str
) -> None:
    when = _relative(phrase, published)
    assert (when.date, when.part_of_day, when.precision) == (day, part, "unitDay")


# -- weeks: ISO 8601, Monday to Sunday ----------------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "published", "year", "week", "monday"),
    [
        ("this week", FRIDAY, 2021, 8, dt.date(2021, 2, 22)),
        ("this week", dt.date(2021, 2, 22), 2021, 8, dt.date(2021, 2, 22)),  # on a Monday
        ("this week", dt.date(2021, 2, 28), 2021, 8, dt.date(2021, 2, 22)),  # on a Sunday
        ("last week", dt.date(2021, 2, 22), 2021, 7, dt.date(2021, 2, 15)),
        ("last week", dt.date(2021, 2, 28), 2021, 7, dt.date(2021, 2, 15)),
        # published on 1 January 2021, a Friday: the week began in 2020 (ISO week 2020-W53)
        ("this week", dt.date(2021, 1, 1), 2020, 53, dt.date(2020, 12, 28)),
        ("last week", dt.date(2021, 1, 1), 2020, 52, dt.date(2020, 12, 21)),
        # 31 December 2024, a Tuesday, lies in ISO week 2025-W01
        ("this week", dt.date(2024, 12, 31), 2025, 1, dt.date(2024, 12, 30)),
        # the week after publication (an announced event), across a year's end
        ("next week", FRIDAY, 2021, 9, dt.date(2021, 3, 1)),
        ("next week", dt.date(2020, 12, 24), 2020, 53, dt.date(2020, 12, 28)),
        ("next week", dt.date(2021, 1, 1), 2021, 1, dt.date(2021, 1, 4)),
    ],
)
def test_weeks_are_iso_weeks_with_their_first_and_last_day(
    phrase: str, published: dt.date, year: int, week: int, monday: dt.date
) -> None:
    when = _relative(phrase, published)
    assert (when.year, when.week, when.first) == (year, week, monday)
    assert when.last == monday + dt.timedelta(days=6)
    assert monday.isocalendar()[:2] == (year, week)
    assert (when.precision, when.date, when.month, when.day) == ("unitWeek", None, None, None)


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("this month", FRIDAY, CalendarTime(2021, 2)),
        ("this month", dt.date(2021, 1, 1), CalendarTime(2021, 1)),
        ("last month", dt.date(2021, 1, 1), CalendarTime(2020, 12)),
        ("last month", dt.date(2021, 3, 31), CalendarTime(2021, 2)),
        ("this year", dt.date(2021, 1, 1), CalendarTime(2021)),
        ("last year", dt.date(2021, 1, 1), CalendarTime(2020)),
        ("next month", dt.date(2020, 12, 31), CalendarTime(2021, 1)),
        ("next month", dt.date(2021, 1, 31), CalendarTime(2021, 2)),  # not 31 February
        ("next year", dt.date(2021, 12, 31), CalendarTime(2022)),
    ],
)
def test_this_last_and_next_month_and_year(
    phrase: str, published: dt.date, expected: CalendarTime
) -> None:
    assert _relative(phrase, published) == expected


# -- parts of a year or a month: the period, and the part as a concept ---------------------------
@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("early 2020", FRIDAY, CalendarTime(2020, period_part="earlyPart")),
        ("mid-2020", FRIDAY, CalendarTime(2020, period_part="midPart")),
        ("Late 2019", FRIDAY, CalendarTime(2019, period_part="latePart")),
        ("late March", FRIDAY, CalendarTime(2020, 3, period_part="latePart")),  # before Feb 2021
        ("early February", FRIDAY, CalendarTime(2021, 2, period_part="earlyPart")),
        ("late December", dt.date(2021, 1, 1), CalendarTime(2020, 12, period_part="latePart")),
        ("mid-March 2019", FRIDAY, CalendarTime(2019, 3, period_part="midPart")),
        ("late last year", FRIDAY, CalendarTime(2020, period_part="latePart")),
        ("early this year", FRIDAY, CalendarTime(2021, period_part="earlyPart")),
        ("mid last month", dt.date(2021, 1, 5), CalendarTime(2020, 12, period_part="midPart")),
        ("Early this month", FRIDAY, CalendarTime(2021, 2, period_part="earlyPart")),
        ("late next year", FRIDAY, CalendarTime(2022, period_part="latePart")),
        ("early next month", dt.date(2021, 12, 5), CalendarTime(2022, 1, period_part="earlyPart")),
    ],
)
def test_parts_of_a_year_or_month_keep_the_period(
    phrase: str, published: dt.date, expected: CalendarTime
) -> None:
    when = _relative(phrase, published)
    assert when == expected
    assert when.date is None  # "early 2020" is not a day
    assert when.precision == ("unitMonth" if expected.month else "unitYear")
