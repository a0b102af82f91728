"""Resolves the time expressions an annotation may use against the article's publication date.

Supported: full dates (2021-02-25), year-months ("2020-03"), years ("2020"); weekday names
("Thursday": the latest such day on or before publication); "yesterday"/"today"; and
"last <season>" / "last year" (the latest complete season or year before publication; seasons
are meteorological, northern hemisphere: spring = March to May).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


@dataclass(frozen=True)
class CalendarTime:
    """A calendar period known to day, month, season or year precision."""

    year: int
    month: int | None = None
    day: int | None = None
    season: str | None = None  # DJO Season local name: spring, summer, autumn, winter

    @property
    def precision(self) -> str:
        """The OWL-Time temporal unit local name of the precision: unitDay, unitMonth, ..."""
        if self.day is not None:
            return "unitDay"
        if self.month is not None:
            return "unitMonth"
        return "unitYear" if self.season is None else "unitMonth"

    @property
    def date(self) -> dt.date | None:
        if self.day is None or self.month is None:
            return None
        return dt.date(self.year, self.month, self.day)


def resolve(value: dt.date | str | None, relative: str | None, published: dt.date) -> CalendarTime:
    """The calendar time meant by an annotation's ``date`` or ``relative`` field."""
    if value is not None:
        return _absolute(value)
    phrase = (relative or "").strip().lower()
    if phrase in WEEKDAYS:
        back = (published.weekday() - WEEKDAYS.index(phrase)) % 7
        return _day(published - dt.timedelta(days=back))
    if phrase == "today":
        return _day(published)
    if phrase == "yesterday":
        return _day(published - dt.timedelta(days=1))
    if phrase == "last year":
        return CalendarTime(year=published.year - 1)
    if phrase.startswith("last ") and phrase[5:] in SEASONS:
        name = phrase[5:]
        _first, last = SEASONS[name]
        year = published.year if published.month > last else published.year - 1
        return CalendarTime(year=year, season="autumn" if name == "fall" else name)
    raise ValueError(
        f"cannot resolve relative time {relative!r}: use a weekday, today, yesterday, "
        "last year, or last spring/summer/autumn"
    )


def _day(day: dt.date) -> CalendarTime:
    return CalendarTime(year=day.year, month=day.month, day=day.day)


def _absolute(value: dt.date | str) -> CalendarTime:
    if isinstance(value, dt.date):
        return _day(value)
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 2 and not 1 <= parts[1] <= 12:
        raise ValueError(f"month out of range in {value!r}")
    return CalendarTime(year=parts[0], month=parts[1] if len(parts) == 2 else None)
