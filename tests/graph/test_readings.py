"""The comparison of readings (handcar.graph.readings): the issue's examples, units, dates, and
properties that hold for any intervals (hypothesis)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handcar.annotation.model import Quantity
from handcar.annotation.timeexpr import CalendarTime
from handcar.graph.readings import (
    APPROXIMATE_TOLERANCE,
    CONSISTENT,
    DAYS,
    Bound,
    Interval,
    Reading,
    Relation,
    compare,
    explain,
    point,
    quantity_interval,
    relate,
    time_interval,
)


def q(unit: str = "KiloM", **reading: object) -> Interval:
    fields = {k: Decimal(str(v)) for k, v in reading.items()}
    return quantity_interval(Quantity(id="x", unit=unit, quote="x", **fields))  # type: ignore[arg-type]


def kind(a: Interval, b: Interval) -> Relation:
    related = relate(a, b)
    assert related is not None
    return related[0]


# -- the examples ------------------------------------------------------------------------
def test_more_than_a_kilometre_and_about_a_kilometre_are_compatible() -> None:
    ministry, post = q(more_than=1), q(about=1)
    assert relate(ministry, post) == (Relation.COMPATIBLE, None)
    assert ministry.describe() == "(1000 m, ∞)"
    assert post.describe() == "[900 m, 1100 m]"


def test_the_reason_is_written_in_the_unit_both_readings_were_given_in() -> None:
    """Values are compared in the SI unit; the reason is in the readings' own unit when they
    share one ("[9.9 h, 12.1 h]", not "[35640 s, 43560 s]"), else in the SI unit, and a count
    has no unit."""
    eleven, nine = q("HR", about=11), q("HR", about=9)
    assert explain(eleven, nine, *relate(eleven, nine)) == (
        "[9.9 h, 12.1 h] and [8.1 h, 9.9 h] overlap, and neither lies inside the other")
    miles, km = q("MI", value=310), q(value=500)
    assert explain(miles, km, *relate(miles, km)) == (
        "498896.64 m and 500000 m do not overlap")
    staff, all_ = q("NUM", value=22), q("NUM", value=24)
    assert explain(staff, all_, *relate(staff, all_)) == "22 and 24 do not overlap"
    inner, outer = q(value=2), q(less_than=3)
    assert explain(inner, outer, *relate(inner, outer)) == "2 km lies inside [0 km, 3 km)"


def test_more_than_a_kilometre_contradicts_half_a_kilometre() -> None:
    assert kind(q(more_than=1), q(value="0.5")) is Relation.CONTRADICTORY
    assert kind(q(more_than=1), q(value=1)) is Relation.CONTRADICTORY  # the bound is exclusive
    assert kind(q(at_least=1), q(value=1)) is Relation.MORE_PRECISE


def test_two_kilometres_is_more_precise_than_more_than_one() -> None:
    assert relate(q(value=2), q(more_than=1)) == (Relation.MORE_PRECISE, 0)
    assert relate(q(more_than=1), q(value=2)) == (Relation.MORE_PRECISE, 1)


def test_an_upper_bound_alone_starts_at_zero_where_values_are_never_negative() -> None:
    assert q("HR", less_than=4).describe() == "[0 s, 14400 s)"  # was (−∞, 14400 s)
    assert q("KiloM", at_most=3).describe() == "[0 m, 3000 m]"
    assert q("NUM", less_than=5).describe().startswith("[0")
    assert q("DEG_C", less_than=-2).low is None  # a temperature may be below zero
    assert q("PERCENT", less_than=5).low is None  # a change may be negative
    assert q("KiloM", less_than=0).low is None  # nothing allowed is no reading to compare
    assert kind(q("HR", less_than=4), q("HR", at_most=5)) is Relation.MORE_PRECISE


def test_units_are_converted_with_qudt_multipliers() -> None:
    assert kind(q("KiloM", value=1), q("M", value=1000)) is Relation.SAME
    assert kind(q("HR", value=32), q("MIN", value=1920)) is Relation.SAME
    assert kind(q("DAY", value=1), q("HR", more_than=23)) is Relation.MORE_PRECISE
    assert relate(q("KiloM", value=1), q("HR", value=1)) is None  # a length is not a time
    assert relate(q("NUM", value=8), q("YR", value=8)) is None


def test_about_uses_the_documented_tolerance() -> None:
    assert Fraction(1, 10) == APPROXIMATE_TOLERANCE
    # about 113 million allows 101.7 to 124.3 million
    assert kind(q("NUM", about=113000000), q("NUM", value=125000000)) is Relation.CONTRADICTORY
    assert kind(q("NUM", about=113000000), q("NUM", value=124300000)) is Relation.MORE_PRECISE
    assert kind(q("NUM", about=100), q("NUM", about=115)) is Relation.COMPATIBLE


def test_counts_compare_as_numbers() -> None:
    assert kind(q("NUM", value=8), q("NUM", value=8)) is Relation.SAME
    assert kind(q("NUM", value=8), q("NUM", value=13)) is Relation.CONTRADICTORY
    assert kind(q("NUM", value=8), q("NUM", more_than=5)) is Relation.MORE_PRECISE


def test_dates_and_partial_dates() -> None:
    thursday = time_interval(CalendarTime(2021, 2, 25))
    february = time_interval(CalendarTime(2021, 2))
    spring = time_interval(CalendarTime(2020, season="spring"))
    year_2020 = time_interval(CalendarTime(2020))
    assert relate(thursday, february) == (Relation.MORE_PRECISE, 0)
    assert relate(spring, year_2020) == (Relation.MORE_PRECISE, 0)
    assert kind(thursday, spring) is Relation.CONTRADICTORY
    assert kind(thursday, time_interval(CalendarTime(2021, 2, 25))) is Relation.SAME
    winter = time_interval(CalendarTime(2020, season="winter"))
    assert kind(winter, time_interval(CalendarTime(2021))) is Relation.COMPATIBLE
    assert february.describe() == "[2021-02-01 … 2021-02-28]"
    assert thursday.describe() == "[2021-02-25]"
    assert relate(thursday, point(8, "A0E0L0I0M0H0T0D1")) is None


def test_weeks_and_parts_of_periods() -> None:
    import datetime as dt

    from handcar.annotation.timeexpr import resolve

    # "this week" in an article of Friday 1 January 2021: 28 December 2020 to 3 January 2021
    week = time_interval(resolve(None, "this week", dt.date(2021, 1, 1)))
    assert week.describe() == "[2020-12-28 … 2021-01-03]"
    new_year = time_interval(CalendarTime(2021, 1, 1))
    assert relate(new_year, week) == (Relation.MORE_PRECISE, 0)
    assert kind(week, time_interval(CalendarTime(2020))) is Relation.COMPATIBLE  # overlaps only
    # "Friday morning" is within the Friday; "early 2020" is only known to lie in 2020
    morning = time_interval(CalendarTime(2021, 2, 26, part_of_day="morning"))
    assert kind(morning, time_interval(CalendarTime(2021, 2, 26))) is Relation.SAME
    early = time_interval(CalendarTime(2020, period_part="earlyPart"))
    assert kind(early, time_interval(CalendarTime(2020))) is Relation.SAME


# -- pairs ----------------------------------------------------------------------------------------
def reading(
    value: str, statement: str, interval: Interval, subject: str = "leg", prop: str = "distance"
) -> Reading:
    return Reading(subject, prop, value, statement, interval)


def test_compare_pairs_readings_of_one_property_of_one_thing_from_different_statements() -> None:
    readings = [
        reading("q/ministry", "s/ministry", q(more_than=1)),
        reading("q/post", "s/post", q(about=1)),
        reading("q/train", "s/post", q("HR", value=32), prop="duration"),
        reading("q/train", "s/legs", q("HR", value=32), prop="duration"),  # one value, twice
        reading("q/other-leg", "s/legs", q(value=5), subject="other-leg"),  # another thing
        reading("q/staff", "s/caption", q("NUM", value=8), subject="staff", prop="memberCount"),
        reading("q/all", "s/footage", q("NUM", value=8), subject="party", prop="memberCount"),
    ]
    found = compare(readings)
    assert [(c.first.value, c.second.value, c.relation) for c in found] == [
        ("q/ministry", "q/post", Relation.COMPATIBLE)
    ]
    assert found[0].explanation == (
        "(1 km, ∞) and [0.9 km, 1.1 km] overlap, and neither lies inside the other"
    )
    # "8 staff" and "8 people in all" count different things: never a computed pair
    assert all(Relation.DIFFERENT_QUESTIONS is not c.relation for c in found)


def test_compare_names_the_more_precise_value_and_compares_within_one_statement() -> None:
    found = compare(
        [
            reading("q/b-bound", "s/1", q(more_than=1)),
            reading("q/a-exact", "s/2", q(value=2)),
            reading("q/c", "s/2", q(value=3)),
        ]
    )
    pairs = {(c.first.value, c.second.value): c for c in found}
    assert pairs[("q/a-exact", "q/b-bound")].more_precise == "q/a-exact"
    assert pairs[("q/b-bound", "q/c")].more_precise == "q/c"
    # two values from one statement ("2 km, or 3 km") are two readings: compared too
    assert pairs[("q/a-exact", "q/c")].relation is Relation.CONTRADICTORY


def test_one_value_node_given_by_two_statements_is_one_reading() -> None:
    found = compare([reading("q/a", "s/1", q(value=2)), reading("q/a", "s/2", q(value=2))])
    assert found == []


def place(fact: str, statement: str, entity: str) -> Reading:
    return Reading("journey", "destination", fact, statement, None, entity=entity)


def test_things_as_values_contradict_unless_one_lies_in_the_other() -> None:
    """Vladivostok vs Moscow as the one destination of a journey contradict; Pyongyang vs North
    Korea as its origin do not: the data puts Pyongyang in North Korea (more precise)."""
    within = {"pl/pyongyang": frozenset({"pl/pyongyang", "pl/north-korea"})}
    found = compare(
        [
            place("f/regional.6", "s/regional", "pl/vladivostok"),
            place("f/wire.3", "s/wire", "pl/moscow"),
            place("f/seed.1", "s/seed", "pl/vladivostok"),  # the same thing: no pair with .6
        ],
        within,
    )
    got = {(c.first.value, c.second.value): c.relation for c in found}
    assert got == {
        ("f/regional.6", "f/wire.3"): Relation.CONTRADICTORY,
        ("f/seed.1", "f/wire.3"): Relation.CONTRADICTORY,
    }
    origin = compare(
        [place("f/a.1", "s/a", "pl/north-korea"), place("f/b.1", "s/b", "pl/pyongyang")], within
    )
    assert [(c.relation, c.more_precise) for c in origin] == [(Relation.MORE_PRECISE, "f/b.1")]
    assert origin[0].explanation == "<pl/pyongyang> lies in <pl/north-korea>"


def test_a_thing_and_a_quantity_are_never_compared() -> None:
    found = compare([place("f/a.1", "s/a", "pl/moscow"),
                     Reading("journey", "destination", "q/x", "s/b", q(value=1))])
    assert found == []


# -- properties -----------------------------------------------------------------------------------
_numbers = st.fractions(min_value=-50, max_value=50, max_denominator=4)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low = draw(st.none() | st.builds(Bound, _numbers, st.booleans()))
    high = draw(st.none() | st.builds(Bound, _numbers, st.booleans()))
    if low is not None and high is not None:
        if low.value > high.value:
            low, high = Bound(high.value, low.closed), Bound(low.value, high.closed)
        if low.value == high.value:
            low, high = Bound(low.value, True), Bound(high.value, True)
    return Interval("L", low, high)


def members(interval: Interval, probes: list[Fraction]) -> set[Fraction]:
    return {x for x in probes if interval.contains(point(x, "L"))}


def probes(a: Interval, b: Interval) -> list[Fraction]:
    """Every end, and points between and beyond them: enough to witness an intersection."""
    ends = sorted({e.value for i in (a, b) for e in (i.low, i.high) if e is not None})
    if not ends:
        return [Fraction(0)]
    mids = [(x + y) / 2 for x, y in pairwise(ends)]
    return [ends[0] - 1, *ends, *mids, ends[-1] + 1]


@given(intervals(), intervals())
def test_same_compatible_and_contradictory_are_symmetric(a: Interval, b: Interval) -> None:
    ab, ba = relate(a, b), relate(b, a)
    assert ab is not None and ba is not None
    if ab[0] is Relation.MORE_PRECISE:
        assert ba == (Relation.MORE_PRECISE, 1 - ab[1])  # antisymmetric: the other one is inside
    else:
        assert ab == ba


@given(intervals(), intervals())
def test_more_precise_is_antisymmetric(a: Interval, b: Interval) -> None:
    if relate(a, b) == (Relation.MORE_PRECISE, 0):
        assert relate(b, a) != (Relation.MORE_PRECISE, 0)
        assert a != b


@given(intervals(), intervals())
def test_consistent_iff_the_value_sets_intersect(a: Interval, b: Interval) -> None:
    related = relate(a, b)
    assert related is not None
    common = members(a, probes(a, b)) & members(b, probes(a, b))
    assert (related[0] in CONSISTENT) == bool(common) == a.intersects(b)


@given(intervals())
def test_every_reading_is_the_same_as_itself(a: Interval) -> None:
    assert relate(a, a) == (Relation.SAME, None)


def test_compatible_is_not_transitive() -> None:
    one_three = Interval("L", Bound(Fraction(1), True), Bound(Fraction(3), True))
    two_four = Interval("L", Bound(Fraction(2), True), Bound(Fraction(4), True))
    three_five = Interval("L", Bound(Fraction(7, 2), True), Bound(Fraction(5), True))
    assert kind(one_three, two_four) is Relation.COMPATIBLE
    assert kind(two_four, three_five) is Relation.COMPATIBLE
    assert kind(one_three, three_five) is Relation.CONTRADICTORY


def test_an_empty_interval_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        Interval(DAYS, Bound(Fraction(2), True), Bound(Fraction(1), True))
    with pytest.raises(ValueError, match="empty"):
        Interval(DAYS, Bound(Fraction(1), False), Bound(Fraction(1), True))
    assert dt.date.fromordinal(int(time_interval(CalendarTime(2020, 2)).high.value)).day == 29  # type: ignore[union-attr]
