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


@pytest.mark.parametrize("phrase", ["next fortnight", "last winter", "tomorrow", "", "  "])
def test_other_phrases_are_refused_with_what_is_supported(phrase: str) -> None:
    with pytest.raises(ValueError, match="cannot resolve relative time") as caught:
        _relative(phrase)
    assert "use a weekday, today, yesterday, last year, or last spring/summer/autumn" in str(
        caught.value
    )
