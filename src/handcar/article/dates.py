"""Dates as articles write them: "February 26, 2021", "Feb. 26, 2021" or "26 February 2021"."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = "january february march april may june july august september october november december"
_MONTH_NUMBERS = {name: n for n, name in enumerate(_MONTHS.split(), 1)}
_MONTH_NUMBERS |= {name[:3]: n for name, n in _MONTH_NUMBERS.items()} | {"sept": 9}
_DATE_MDY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_DATE_DMY = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def find_date(text: str) -> dt.date | None:
    """The first valid date in ``text`` (month-day-year tried before day-month-year)."""
    for match in _DATE_MDY.finditer(text):
        if date := _date(match[3], match[1], match[2]):
            return date
    for match in _DATE_DMY.finditer(text):
        if date := _date(match[3], match[2], match[1]):
            return date
    return None


def _date(year: str, month: str, day: str) -> dt.date | None:
    number = _MONTH_NUMBERS.get(month.lower())
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        return None
