"""How two readings relate (issue 12, point 2): the same, compatible, more precise, contradictory.

A *reading* is one value a statement gives for one property of one thing. What it allows is an
:class:`Interval` of possible values: an exact value is a point; "about N" is
N ± :data:`APPROXIMATE_TOLERANCE` × |N|; a bound is a half-line, open ("more than") or closed
("at least"); a calendar time is the closed range of days it covers. Quantities are compared in
one unit: each is converted to the SI coherent unit of its dimension with QUDT's conversion
(:func:`handcar.units.to_si`, the bundled QUDT table); readings of different dimensions, or in a
unit QUDT gives no conversion for (unless both are in that same unit), are never compared.

A thing given as the value of a property with one value per reading (``djo:oneValuePerReading``:
a destination, a host country) is a reading too: two different things relate as more precise
when the data puts one inside the other (Pyongyang lies in North Korea), and otherwise contradict.

Two readings of the same property of the same thing relate in exactly one way (:func:`relate`):

- ``SAME``: the two intervals are equal;
- ``MORE_PRECISE``: one interval lies strictly inside the other (that one is the more precise);
- ``COMPATIBLE``: the intervals overlap, and neither is equal to nor inside the other;
- ``CONTRADICTORY``: the intervals do not overlap: both cannot be true.

So the readings can both be true exactly when the relation is one of :data:`CONSISTENT`.
Everything here is a pure function of the readings: :func:`compare` finds and classifies every
pair, within one article or across articles. ``DIFFERENT_QUESTIONS`` (one number read as the
answer to two questions) is never computed: only a curator can declare it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from itertools import combinations

from handcar.annotation.model import Quantity
from handcar.annotation.timeexpr import SEASONS, CalendarTime
from handcar.units import to_si, unit

APPROXIMATE_TOLERANCE = Fraction(1, 10)
"""How far "about N" may lie from N, relative to N: 10 %. News copy writes "about" for figures
rounded to one or two significant digits ("a kilometre", "113 million", "2.5 million"), and
rounding to two significant digits moves a figure by up to 5 % of it; twice that leaves room
for the looser "about" of speech while keeping "about 1 km" apart from "2 km". A constant, not a
guess per quantity, so every comparison can be re-derived from the published values."""

#: how a value in each dimension's base unit is written
BASE_SYMBOLS = {"A0E0L1I0M0H0T0D0": " m", "A0E0L0I0M0H0T1D0": " s", "A0E0L0I0M0H0T0D1": ""}
DAYS = "days"  # the dimension of calendar times (values are proleptic Gregorian ordinals)


class Relation(Enum):
    """How two readings relate; the value is the DJO ReadingRelation individual's local name."""

    SAME = "sameReading"
    COMPATIBLE = "compatibleReadings"
    MORE_PRECISE = "morePreciseReading"
    CONTRADICTORY = "contradictoryReadings"
    DIFFERENT_QUESTIONS = "differentQuestions"


CONSISTENT = frozenset({Relation.SAME, Relation.COMPATIBLE, Relation.MORE_PRECISE})
"""The relations under which both readings can be true (their intervals intersect)."""


@dataclass(frozen=True)
class Bound:
    """One end of an interval: a value, and whether the value itself is included."""

    value: Fraction
    closed: bool


@dataclass(frozen=True)
class Interval:
    """The values a reading allows: ``low``/``high`` None means unbounded on that side."""

    dimension: str
    low: Bound | None
    high: Bound | None
    unit: str | None = field(default=None, compare=False)
    """The code of the QUDT unit the reading was given in (its values stay in the SI unit)."""

    def __post_init__(self) -> None:
        if self.low is not None and self.high is not None:
            lo, hi = self.low, self.high
            if lo.value > hi.value or (lo.value == hi.value and not (lo.closed and hi.closed)):
                raise ValueError(f"empty interval {self}")

    def contains(self, other: Interval) -> bool:
        """Whether every value ``other`` allows, this allows too."""
        return _below(self.low, other.low, lower=True) and _below(other.high, self.high, False)

    def intersects(self, other: Interval) -> bool:
        """Whether some value is allowed by both."""
        lo = _tighter(self.low, other.low, lower=True)
        hi = _tighter(self.high, other.high, lower=False)
        if lo is None or hi is None:
            return True
        return lo.value < hi.value or (lo.value == hi.value and lo.closed and hi.closed)

    def describe(self, in_unit: str | None = None) -> str:
        """The interval in words a reader checks by hand: ``(1000 m, ∞)``, ``[2021-02-25]``;
        given ``in_unit`` (a QUDT code of its dimension, converted without an offset), in that
        unit: ``[9.9 h, 12.1 h]``."""
        if self.dimension == DAYS:
            assert self.low is not None and self.high is not None
            first, last = (dt.date.fromordinal(int(b.value)) for b in (self.low, self.high))
            return f"[{first}]" if first == last else f"[{first} … {last}]"
        symbol, scale = BASE_SYMBOLS.get(self.dimension, ""), Fraction(1)
        if in_unit is not None:
            found = unit(in_unit)
            if found.multiplier:
                symbol, scale = f" {found.symbol}", Fraction(found.multiplier)

        def number(bound: Bound) -> str:
            return f"{_number(bound.value / scale)}{symbol}"

        if self.low == self.high and self.low is not None:
            return number(self.low)
        left = "(−∞" if self.low is None else f"{'[' if self.low.closed else '('}"
        left += "" if self.low is None else number(self.low)
        right = "∞)" if self.high is None else number(self.high)
        right += "" if self.high is None else ("]" if self.high.closed else ")")
        return f"{left}, {right}"


def _below(a: Bound | None, b: Bound | None, lower: bool) -> bool:
    """For lower ends (``lower``): ``a`` admits everything ``b`` does on that side; for upper
    ends, ``b`` admits everything ``a`` does. None is unbounded."""
    if lower:
        if a is None:
            return True
        if b is None:
            return False
        return a.value < b.value or (a.value == b.value and (a.closed or not b.closed))
    # upper ends: a (inner) ≤ b (outer)
    if b is None:
        return True
    if a is None:
        return False
    return a.value < b.value or (a.value == b.value and (b.closed or not a.closed))


def _tighter(a: Bound | None, b: Bound | None, lower: bool) -> Bound | None:
    """The more restrictive of two lower (or upper) ends."""
    if a is None or b is None:
        return b if a is None else a
    if a.value != b.value:
        return (max if lower else min)(a, b, key=lambda x: x.value)
    return Bound(a.value, a.closed and b.closed)


def _number(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return format(Decimal(value.numerator) / Decimal(value.denominator), "f")


def point(value: Fraction | int, dimension: str, unit: str | None = None) -> Interval:
    bound = Bound(Fraction(value), True)
    return Interval(dimension, bound, bound, unit)


# -- readings from the annotation's values ------------------------------------------------------
#: QUDT quantity kinds whose values are never negative: an upper bound alone ("less than 4
#: hours", "at most 3 km") allows from zero, not from minus infinity
NOT_NEGATIVE = frozenset({"Length", "Time", "Count", "Mass", "Area", "Volume"})


def quantity_interval(quantity: Quantity) -> Interval:
    """What a quantity allows, in the SI coherent unit of its dimension."""
    found = unit(quantity.unit)
    convertible = found.multiplier is not None
    dimension = found.dimension if convertible else f"{found.dimension} {found.code}"

    def scaled(number: Decimal) -> Fraction:
        return Fraction(to_si(number, found.code) if convertible else number)

    if quantity.value is not None:
        return point(scaled(quantity.value), dimension, quantity.unit)
    if quantity.about is not None:
        centre = scaled(quantity.about)
        spread = abs(centre) * APPROXIMATE_TOLERANCE
        return Interval(dimension, Bound(centre - spread, True), Bound(centre + spread, True),
                        quantity.unit)
    low = high = None
    if quantity.more_than is not None:
        low = Bound(scaled(quantity.more_than), False)
    elif quantity.at_least is not None:
        low = Bound(scaled(quantity.at_least), True)
    if quantity.less_than is not None:
        high = Bound(scaled(quantity.less_than), False)
    elif quantity.at_most is not None:
        high = Bound(scaled(quantity.at_most), True)
    if low is None and found.quantity_kinds & NOT_NEGATIVE and (
            high is None or high.value > 0 or high.closed):
        low = Bound(Fraction(0), True)  # "less than 4 hours": no duration is below nothing
    return Interval(dimension, low, high, quantity.unit)


def time_interval(when: CalendarTime) -> Interval:
    """The days a calendar time covers (a day, a week, a month, a season, a year), closed; a part
    of a day, month or year ("Friday morning", "early 2020") covers its whole day, month or year
    (its bounds are vague, so only the enclosing period is certain)."""
    if when.date is not None:
        first = last = when.date
    elif when.first is not None and when.last is not None:  # an ISO week
        first, last = when.first, when.last
    elif when.month is not None:
        first = dt.date(when.year, when.month, 1)
        last = _month_end(when.year, when.month)
    elif when.season is not None:
        if when.season == "winter":  # December of the year to February of the next
            first, last = dt.date(when.year, 12, 1), _month_end(when.year + 1, 2)
        else:
            start, end = SEASONS[when.season]
            first, last = dt.date(when.year, start, 1), _month_end(when.year, end)
    else:
        first, last = dt.date(when.year, 1, 1), dt.date(when.year, 12, 31)
    return Interval(
        DAYS, Bound(Fraction(first.toordinal()), True), Bound(Fraction(last.toordinal()), True)
    )


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


# -- comparing ------------------------------------------------------------------------------------
def relate(a: Interval, b: Interval) -> tuple[Relation, int | None] | None:
    """How ``a`` and ``b`` relate, and for MORE_PRECISE which is more precise (0: ``a``, 1:
    ``b``); None when their dimensions differ (they measure different things)."""
    if a.dimension != b.dimension:
        return None
    a_in_b, b_in_a = b.contains(a), a.contains(b)
    if a_in_b and b_in_a:
        return Relation.SAME, None
    if a_in_b:
        return Relation.MORE_PRECISE, 0
    if b_in_a:
        return Relation.MORE_PRECISE, 1
    if a.intersects(b):
        return Relation.COMPATIBLE, None
    return Relation.CONTRADICTORY, None


@dataclass(frozen=True)
class Reading:
    """A value one statement gives for one property of one thing (all IRIs as strings).

    ``value`` is the node that stands for the reading: a quantity's or calendar time's own node
    (with ``interval``, what it allows), or for a thing given as the value of a property with one
    value per reading (``entity``: a place, a country, a rank) the reified fact that gives it,
    since the thing itself is the value of many readings."""

    subject: str
    property: str
    value: str
    statement: str
    interval: Interval | None
    entity: str | None = None


@dataclass(frozen=True)
class Comparison:
    """Two readings (``first`` < ``second`` by value IRI) and how they relate; ``explanation``
    says why, in the intervals or things compared."""

    first: Reading
    second: Reading
    relation: Relation
    more_precise: str | None
    explanation: str


def compare(
    readings: Iterable[Reading], within: Mapping[str, frozenset[str]] | None = None
) -> list[Comparison]:
    """Every pair of readings of the same property of the same thing that are different values,
    within one statement, one article or across articles, classified; sorted by the values'
    IRIs. One value node given by two statements is one reading, not a pair; two readings that
    give the same thing are the same value and are not compared. Two different things relate
    by ``within`` (each thing → the things the data says it lies in): one inside the other is
    the more precise; otherwise, as the one value of the property, they contradict."""
    groups: dict[tuple[str, str], dict[str, Reading]] = defaultdict(dict)
    for reading in readings:
        groups[(reading.subject, reading.property)].setdefault(reading.value, reading)
    found: dict[tuple[str, str], Comparison] = {}
    for by_value in groups.values():
        for a, b in combinations(sorted(by_value.values(), key=lambda r: r.value), 2):
            related = _relate_readings(a, b, within or {})
            if related is None:
                continue
            relation, which, why = related
            more_precise = None if which is None else (a, b)[which].value
            found[(a.value, b.value)] = Comparison(a, b, relation, more_precise, why)
    return [found[key] for key in sorted(found)]


def _relate_readings(
    a: Reading, b: Reading, within: Mapping[str, frozenset[str]]
) -> tuple[Relation, int | None, str] | None:
    if a.interval is not None and b.interval is not None:
        related = relate(a.interval, b.interval)
        if related is None:
            return None
        relation, which = related
        return relation, which, explain(a.interval, b.interval, relation, which)
    if a.entity is None or b.entity is None or a.entity == b.entity:
        return None
    if b.entity in within.get(a.entity, ()):
        return Relation.MORE_PRECISE, 0, f"<{a.entity}> lies in <{b.entity}>"
    if a.entity in within.get(b.entity, ()):
        return Relation.MORE_PRECISE, 1, f"<{b.entity}> lies in <{a.entity}>"
    return (
        Relation.CONTRADICTORY,
        None,
        f"<{a.entity}> and <{b.entity}> are different things and the data puts neither inside"
        " the other: as the one value of the property, they cannot both be true",
    )


def _scalable(code: str | None) -> bool:
    """Whether values in the SI unit can be written in unit ``code``: a unit of a dimension
    with a symbol (not a count's "1"), converted by a multiplier alone."""
    if code is None:
        return False
    found = unit(code)
    return (bool(found.multiplier) and not found.offset and bool(found.symbol)
            and found.dimension != "A0E0L0I0M0H0T0D1")


def explain(a: Interval, b: Interval, relation: Relation, which: int | None = None) -> str:
    """The rule's reason for ``relation`` between ``a`` and ``b``, in their intervals: in the
    unit both were given in (hours, not seconds), else in the SI unit of their dimension."""
    common = a.unit if a.unit == b.unit and _scalable(a.unit) else None
    shown = f"{a.describe(common)} and {b.describe(common)}"
    if relation is Relation.SAME:
        return f"{shown} allow exactly the same values"
    if relation is Relation.MORE_PRECISE:
        inner, outer = (a, b) if which == 0 else (b, a)
        return f"{inner.describe(common)} lies inside {outer.describe(common)}"
    if relation is Relation.COMPATIBLE:
        return f"{shown} overlap, and neither lies inside the other"
    return f"{shown} do not overlap"
