"""Resolves the time expressions an annotation may use against the article's publication date.

Supported, each at the precision its words give and no finer:

- full dates (2021-02-25), year-months ("2020-03"), years ("2020");
- days: weekday names ("Thursday": the latest such day on or before publication), "today",
  "yesterday", "tomorrow" (an announced event: "they fly home tomorrow");
- parts of a day: "<day> morning|afternoon|evening" ("Friday morning", "yesterday evening") and
  "this morning|afternoon|evening" (today): the day, with the part of the day as a concept, never
  a clock time. "Night" is refused: a night runs into the next calendar day;
- weeks: "this week", "last week", "next week": the ISO 8601 week (Monday to Sunday) that holds
  the publication date, or the one before or after, with its first and last day;
- months: "this month", "last month", "next month"; years: "this year", "last year", "next
  year";
- "last <season>": the latest complete season before publication (meteorological, northern
  hemisphere: spring = March to May);
- parts of a year or month: "early|mid|late <year>" ("early 2020", "mid-2020"), "early|mid|late
  <month> [<year>]" ("late March": the latest March on or before the publication month),
  "early|mid|late this|last|next year|month" ("late last year"): the year or month, with the part
  as a concept, never a range of days.

Calendar arithmetic is the standard library's (ISO weeks: :meth:`datetime.date.isocalendar`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from handcar.errors import close_names

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
PARTS_OF_DAY = ("morning", "afternoon", "evening")
# the words for a part of a year or month → the DJO PeriodPart local name
PERIOD_PARTS = {"early": "earlyPart", "mid": "midPart", "middle": "midPart", "late": "latePart"}
MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
#: "last", "this", "next" week, month or year: how many of them from the publication's
SHIFTS = {"last": -1, "this": 0, "next": 1}
SUPPORTED = (
    "use a weekday, today, yesterday, tomorrow (optionally with morning/afternoon/evening),"
    " this morning, this/last/next week, this/last/next month, this/last/next year,"
    " last spring/summer/autumn, or early/mid/late with a year, a month or this/last/next year"
    " or month"
)


@dataclass(frozen=True)
class CalendarTime:
    """A calendar period known to day, week, month, season or year precision.

    ``week`` is an ISO 8601 week number; ``year`` is then its week-numbering year and ``first``
    and ``last`` its Monday and Sunday. ``part_of_day`` (a DJO PartOfDay local name) narrows a
    day; ``period_part`` (a DJO PeriodPart local name) narrows a month or a year."""

    year: int
    month: int | None = None
    day: int | None = None
    season: str | None = None  # DJO Season local name: spring, summer, autumn, winter
    week: int | None = None
    part_of_day: str | None = None  # morning, afternoon, evening
    period_part: str | None = None  # earlyPart, midPart, latePart
    first: dt.date | None = None  # the first and last day, for a week
    last: dt.date | None = None

    @property
    def precision(self) -> str:
        """The OWL-Time temporal unit local name of the precision: unitDay, unitWeek, ..."""
        if self.day is not None:
            return "unitDay"
        if self.week is not None:
            return "unitWeek"
        if self.month is not None:
            return "unitMonth"
        return "unitYear" if self.season is None else "unitMonth"

    @property
    def date(self) -> dt.date | None:
        """The day, when the period lies within one known day (a part of it included)."""
        if self.day is None or self.month is None:
            return None
        return dt.date(self.year, self.month, self.day)


#: the words a relative time is made of
WORDS = frozenset({*WEEKDAYS, *SEASONS, *PARTS_OF_DAY, *PERIOD_PARTS, *MONTHS, "today",
                   "yesterday", "tomorrow", "this", "last", "next", "week", "month", "year",
                   "night"})


def respelt(relative: str) -> str | None:
    """``relative`` with each word that is none of :data:`WORDS` replaced by the closest one
    ("Tuesdy" → "Tuesday"), or None when no word changes."""
    words = relative.split()
    fixed = []
    for word in words:
        near = [] if word.lower() in WORDS or not word.isalpha() else close_names(
            word.lower(), WORDS, n=1)
        fixed.append(word if not near else near[0].capitalize() if word[0].isupper() else near[0])
    return " ".join(fixed) if fixed != words else None


def resolve(value: dt.date | str | None, relative: str | None, published: dt.date) -> CalendarTime:
    """The calendar time meant by an annotation's ``date`` or ``relative`` field."""
    if value is not None:
        return _absolute(value)
    phrase = " ".join((relative or "").lower().split())
    found = _day_with_part(phrase, published) or _period(phrase, published)
    if found is None:
        found = _part_of_period(phrase, published)
    if found is None:
        night = " (a night runs into the next day)" if _is_night(phrase) else ""
        raise ValueError(f"cannot resolve relative time {relative!r}{night}: {SUPPORTED}")
    return found


def _is_night(phrase: str) -> bool:
    """Whether ``phrase`` names a night ("Thursday night", "tonight"; not "next fortnight")."""
    return phrase.rpartition(" ")[2] in ("night", "tonight", "overnight")


def _day(day: dt.date, part: str | None = None) -> CalendarTime:
    return CalendarTime(year=day.year, month=day.month, day=day.day, part_of_day=part)


def _named_day(words: str, published: dt.date) -> dt.date | None:
    if words in WEEKDAYS:
        return published - dt.timedelta(days=(published.weekday() - WEEKDAYS.index(words)) % 7)
    if words in ("today", "this"):
        return published
    if words == "yesterday":
        return published - dt.timedelta(days=1)
    if words == "tomorrow":
        return published + dt.timedelta(days=1)
    return None


def _day_with_part(phrase: str, published: dt.date) -> CalendarTime | None:
    words, _, last = phrase.rpartition(" ")
    if last in PARTS_OF_DAY:
        day = _named_day(words, published)
        return None if day is None else _day(day, last)
    day = _named_day(phrase, published) if phrase != "this" else None
    return None if day is None else _day(day)


def _period(phrase: str, published: dt.date) -> CalendarTime | None:
    which, _, unit = phrase.partition(" ")
    offset = SHIFTS.get(which)
    if offset is not None and unit == "week":
        monday = published - dt.timedelta(days=published.weekday() - 7 * offset)
        iso = monday.isocalendar()
        return CalendarTime(
            year=iso.year,
            week=iso.week,
            first=monday,
            last=monday + dt.timedelta(days=6),
        )
    if offset is not None and unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + offset, 12)
        return CalendarTime(year=year, month=month + 1)
    if offset is not None and unit == "year":
        return CalendarTime(year=published.year + offset)
    if phrase.startswith("last ") and phrase[5:] in SEASONS:
        name = phrase[5:]
        _first, last = SEASONS[name]
        year = published.year if published.month > last else published.year - 1
        return CalendarTime(year=year, season="autumn" if name == "fall" else name)
    return None


_PART = re.compile(r"^(early|mid|middle|late)[- ](?:(\d{4})|([a-z]+)(?: (\d{4}))?)$")


def _part_of_period(phrase: str, published: dt.date) -> CalendarTime | None:
    first, _, rest = phrase.partition(" ")
    which, _, unit = rest.partition(" ")
    if first in PERIOD_PARTS and which in SHIFTS and unit in ("year", "month"):
        whole = _period(rest, published)
        return None if whole is None else replace(whole, period_part=PERIOD_PARTS[first])
    match = _PART.match(phrase)
    if match is None:
        return None
    part = PERIOD_PARTS[match[1]]
    if match[2] is not None:
        return CalendarTime(year=int(match[2]), period_part=part)
    month = MONTHS.get(match[3])
    if month is None:
        return None
    if match[4] is not None:
        year = int(match[4])
    else:  # the latest such month on or before the publication month
        year = published.year if month <= published.month else published.year - 1
    return CalendarTime(year=year, month=month, period_part=part)


def _absolute(value: dt.date | str) -> CalendarTime:
    if isinstance(value, dt.date):
        return _day(value)
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 2 and not 1 <= parts[1] <= 12:
        raise ValueError(f"month out of range in {value!r}")
    return CalendarTime(year=parts[0], month=parts[1] if len(parts) == 2 else None)
