"""The competency questions in queries/: well-formed files, stored answers that say what the
article says, and a README whose tables are exactly the stored answers.

The stored answers (queries/expected/) are what every engine must return (tests/stores/); the
tests below pin them to the article, so that regenerating them (scripts/competency-answers.py)
cannot silently turn a wrong answer into the expected one.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from handcar.answers import Answers
from handcar.baseiri import DEFAULT_BASE
from handcar.competency import (
    Question,
    answers_markdown,
    generated_part,
    load_expected,
    queries_dir,
    questions,
)

QUESTIONS = questions()
DJO = "https://w3id.org/djo#"
ID = DEFAULT_BASE
EVENT = f"{ID}event/moscow-times-2021-02-26-handcar."


def expected(number: int) -> list[dict[str, object]]:
    """The stored answers of CQ``number`` as dicts of Python values (see :func:`value`)."""
    (question,) = [q for q in QUESTIONS if q.number == number]
    return [{k: value(v) for k, v in row.items()} for row in load_expected(question).as_dicts()]


def value(cell: str | None) -> object:
    """A normalised cell as a Python value: IRIs and strings as str, numbers as Decimal."""
    if cell is None:
        return None
    if cell.startswith("<"):
        return cell[1:-1]
    if cell.startswith('"'):
        return json.loads(cell[: cell.rindex('"') + 1])
    if cell in ("true", "false"):
        return cell == "true"
    return Decimal(cell)


def test_at_least_fifteen_questions_numbered_from_one() -> None:
    numbers = [q.number for q in QUESTIONS]
    assert len(numbers) >= 15
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.name for q in QUESTIONS])
def test_every_question_has_its_stored_answers(question: Question) -> None:
    stored = json.loads(question.expected_path.read_text(encoding="utf-8"))
    assert stored["query"] == question.path.name
    assert stored["question"] == f"CQ{question.number}: {question.question}"
    assert stored["ordered"] == question.ordered
    assert stored["rows"], f"{question.name}: no answers stored"
    assert all(len(row) == len(stored["variables"]) for row in stored["rows"])


def test_no_stored_answers_without_a_question() -> None:
    stored = {p.stem for p in (queries_dir() / "expected").glob("*.json")}
    assert stored == {q.name for q in QUESTIONS}


def test_readme_tables_are_the_stored_answers() -> None:
    readme = (queries_dir() / "README.md").read_text(encoding="utf-8")
    items: list[tuple[Question, Answers]] = [(q, load_expected(q)) for q in QUESTIONS]
    assert generated_part(readme) == answers_markdown(items, base=DEFAULT_BASE), (
        "queries/README.md is out of date: run .venv/bin/python scripts/competency-answers.py"
    )


# --- what the article says ------------------------------------------------------------------------


def test_cq1_the_named_diplomat_is_third_secretary_of_the_embassy() -> None:
    (row,) = expected(1)
    assert row["name"] == "Vladislav Sorokin"
    assert row["rank"] == "Third Secretary"
    assert row["organization"] == "Russia's Embassy in Pyongyang"
    assert row["parent"] == "Russian Foreign Ministry"


def test_cq2_varya_is_his_three_year_old_daughter() -> None:
    (row,) = expected(2)
    assert (row["parentName"], row["childName"]) == ("Vladislav Sorokin", "Varya")
    assert row["age"] == 3
    assert row["ageUnit"] == "http://qudt.org/vocab/unit/YR"
    assert row["ageQualifier"] == DJO + "exactly"


def test_cq3_the_mission() -> None:
    (row,) = expected(3)
    assert (row["sendingState"], row["hostCountry"], row["city"]) == (
        "Russia",
        "North Korea",
        "Pyongyang",
    )


def test_cq4_eight_employees_and_their_families() -> None:
    rows = {r["groupLabel"]: r for r in expected(4)}
    staff = rows["Eight Russian Embassy employees"]
    assert staff["statedSize"] == 8 and staff["sizeQualifier"] == DJO + "exactly"
    assert staff["member"] == "Vladislav Sorokin"
    assert rows["their families"]["member"] == "Varya"
    assert rows["Eight Russian Embassy employees and their families"]["partOf"] is None


def test_cq5_four_legs_in_order_no_gap_claimed() -> None:
    rows = expected(5)
    assert [r["index"] for r in rows] == [1, 2, 3, 4]
    assert [r["mode"] for r in rows] == [
        DJO + m for m in ("TrainLeg", "BusLeg", "HandcarLeg", "BusLeg")
    ]
    assert [r["vehicle"] for r in rows] == [DJO + v for v in ("Train", "Bus", "RailHandcar", "Bus")]
    assert rows[0]["from"] == "Pyongyang" and rows[3]["to"] == "Vladivostok"
    assert rows[2]["via"] == "the bridge across the Tumen River"
    assert [r["nextIndex"] for r in rows] == [2, 3, 4, None]
    # "followed by" gives the order only: no time:intervalMeets (no gap or none) is claimed
    assert "meetsIndex" not in rows[0]


def test_cq6_train_32_hours_bus_2_hours_others_unstated() -> None:
    rows = {r["index"]: r for r in expected(6)}
    assert rows[1]["numericDuration"] == 32 and rows[2]["numericDuration"] == 2
    assert rows[1]["unitType"] == "http://www.w3.org/2006/time#unitHour"
    assert rows[3]["numericDuration"] is None and rows[4]["numericDuration"] is None


def test_cq7_more_than_a_kilometre_and_about_a_kilometre() -> None:
    rows = {r["source"]: r for r in expected(7)}
    ministry = rows[f"{ID}source/moscow-times-2021-02-26-handcar.ministry-statement-2021-02-25"]
    assert ministry["minExclusive"] == 1 and ministry["qualifier"] == DJO + "moreThan"
    assert ministry["exact"] is None and ministry["maxExclusive"] is None
    assert ministry["maxInclusive"] is None
    post = rows[f"{ID}source/moscow-times-2021-02-26-handcar.novaya-gazeta-post-2021-02-25"]
    assert post["approximate"] == 1 and post["qualifier"] == DJO + "approximately"
    assert {r["unit"] for r in rows.values()} == {"http://qudt.org/vocab/unit/KiloM"}


def test_cq8_crossed_on_thursday_over_the_tumen() -> None:
    (row,) = expected(8)
    assert row["date"] == "2021-02-25"
    assert (row["from"], row["to"]) == ("North Korea", "Russia")
    assert row["river"] == "Tumen River" and row["legIndex"] == 3


def test_cq9_unnamed_places_have_no_name() -> None:
    rows = expected(9)
    assert {r["referredToAs"] for r in rows} >= {
        "the bridge across the Tumen River",
        "the border crossing",
        "the Russian side",
        "home",
    }
    assert all(r["name"] is None for r in rows)


def test_cq12_days_and_seasons() -> None:
    rows = {r["event"]: r for r in expected(12)}
    assert rows[EVENT + "border-crossing"]["date"] == "2021-02-25"
    assert rows[EVENT + "mission-closures-2020"]["season"] == DJO + "spring"
    assert rows[EVENT + "mission-closures-2020"]["year"] == "2020"
    # "missions closed last spring and most employees ... were flown out": the season is the
    # closures'; the flight is not dated
    assert EVENT + "flight-out-2020" not in rows


def test_cq13_the_offsets_select_the_quoted_words() -> None:
    (row,) = expected(13)
    assert "for more than a kilometer" in row["exact"]
    assert row["textAtOffsets"] == row["exact"]
    assert row["end"] - row["start"] == len(row["exact"])
    assert row["speaker"] == "Russian Foreign Ministry"


def test_cq15_readings_and_how_they_relate() -> None:
    rows = {(r["relation"], r["established"]): r for r in expected(15)}
    assert set(rows) == {
        (DJO + "compatibleReadings", "computed by handcar"),
        (DJO + "differentQuestions", "declared by the curators"),
    }
    distance = rows[(DJO + "compatibleReadings", "computed by handcar")]
    assert distance["property1"] == distance["property2"] == DJO + "distance"
    assert "more than a kilometer" in distance["quote1"] and "километр" in distance["quote2"]
    assert distance["reason"].startswith("(1 km, ∞) and [0.9 km, 1.1 km] overlap")
    eight = rows[(DJO + "differentQuestions", "declared by the curators")]
    assert eight["property1"] == eight["property2"] == DJO + "memberCount"
    assert eight["thing1"].endswith("handcar-travellers-staff")
    assert eight["thing2"].endswith("handcar-travellers")
    assert "Eight Russian Embassy employees" in eight["quote1"]
    assert "the eight diplomats and family members" in eight["quote2"]


def test_cq16_the_pandemic_figures() -> None:
    (row,) = expected(16)
    assert (row["cases"], row["deaths"], row["reportedCases"]) == (113000000, 2500000, 0)


def test_cq18_thirteen_flown_out() -> None:
    (row,) = expected(18)
    assert row["departure"] == EVENT + "flight-out-2020"
    assert row["people"] == 13 and row["mode"] == DJO + "FlightLeg"
    # "missions closed last spring and ... were flown out": neither a date nor a cause is stated
    assert row["season"] is None and row["year"] is None
    assert row["cause"] is None


def test_cq19_the_forced_crossing_not_the_journey() -> None:
    """The closure forced the crossing by handcar, not the journey home ("were forced to push a
    handcar ... over the border as the reclusive country remained closed")."""
    events = {r["event"] for r in expected(19)}
    assert events == {EVENT + "border-crossing", EVENT + "north-korea-closure"}


def test_cq19_closure_then_pandemic() -> None:
    assert {r["causeType"] for r in expected(19)} == {DJO + "BorderClosure", DJO + "Pandemic"}


def test_cq22_at_least_34_hours_known() -> None:
    (row,) = expected(22)
    assert (row["knownHours"], row["legsWithDuration"], row["legs"]) == (34, 2, 4)


def test_cq23_standard_durations_and_distances_keep_their_bounds() -> None:
    rows = {
        (r["event"].removeprefix(EVENT), r["measure"], r["value"], r["minValue"], r["unitCode"])
        for r in expected(23)
    }
    assert rows == {
        ("leg-1-train", "duration", 32, None, "HUR"),
        ("leg-2-bus", "duration", 2, None, "HUR"),
        ("covid-19-pandemic", "duration", None, 1, "ANN"),  # more than a year: no value
        ("leg-3-handcar", "distance", None, 1, "KMT"),  # more than a kilometer: no value
        ("leg-3-handcar", "distance", None, None, "KMT"),  # about a kilometre: no schema term
    }
    assert all(r["maxValue"] is None for r in expected(23))


def test_cq24_standard_days_only_where_the_day_is_known() -> None:
    rows = {
        (r["thing"].rsplit("/", 1)[1], r["startDate"], r["endDate"], r["datePublished"])
        for r in expected(24)
    }
    day = "2021-02-25"
    assert rows == {
        ("moscow-times-2021-02-26-handcar.border-crossing", day, day, None),
        ("moscow-times-2021-02-26-handcar.leg-3-handcar", day, day, None),
        ("moscow-times-2021-02-26-handcar.ministry-statement-2021-02-25", None, None, day),
        ("moscow-times-2021-02-26-handcar.novaya-gazeta-post-2021-02-25", None, None, day),
        ("moscow-times-2021-02-26-handcar", None, None, "2021-02-26"),
    }


def test_cq25_standard_members_of_the_travelling_party() -> None:
    assert {(r["group"], r["name"]) for r in expected(25)} == {
        (f"{ID}group/moscow-times-2021-02-26-handcar.handcar-travellers", "Vladislav Sorokin"),
        (f"{ID}group/moscow-times-2021-02-26-handcar.handcar-travellers", "Varya"),
    }


def test_cq26_standard_who_said_what() -> None:
    said = {
        (r["event"].removeprefix(EVENT), r["what"], r["speaker"], r["document"].rsplit("/", 1)[1])
        for r in expected(26)
    }
    article = "moscow-times-2021-02-26-handcar"
    post = f"{article}.novaya-gazeta-post-2021-02-25"  # described by the article: its own IRI
    assert ("leg-1-train", "duration", "The Moscow Times", article) in said
    assert ("leg-1-train", "duration", "Russian Foreign Ministry", post) in said
    assert (
        "leg-3-handcar",
        "distance",
        "Russian Foreign Ministry",
        f"{article}.ministry-statement-2021-02-25",
    ) in said
    assert ("leg-3-handcar", "distance", "Russian Foreign Ministry", post) in said
    assert ("border-crossing", "date", "The Moscow Times", article) in said
    assert {s for _e, _w, s, _d in said} == {"The Moscow Times", "Russian Foreign Ministry"}


def test_cq27_every_reading_of_the_distance_with_its_words_and_source() -> None:
    rows = {(r["words"], r["speaker"], r["source"]) for r in expected(27)}
    assert rows == {
        ("for more than a kilometer", "Russian Foreign Ministry",
         "the Russian Foreign Ministry said Thursday"),
        ("километр", "Russian Foreign Ministry",
         "Novaya Gazeta's post of 25 February 2021 embedded in the article"),
    }


def test_cq28_according_to_the_post_alone() -> None:
    said = {(r["subject"], re.split("[#/]", r["property"])[-1]) for r in expected(28)}
    assert ("a pedestrian crossing to the Russian side", "distance") in said
    assert ("a 32-hour train ride out of Pyongyang", "duration") in said
    speakers = {r["speaker"] for r in expected(28)}
    assert speakers == {"Russian Foreign Ministry", "Novaya Gazeta"}  # the post's own metadata
    assert not any(p == "via" for _s, p in said)  # the bridge is in the ministry's statement


def test_cq29_the_journey_across_reports_in_the_seed_alone() -> None:
    legs = [(r["leg"].rsplit(".", 1)[1], r["index"]) for r in expected(29)]
    assert legs == [("leg-1-train", 1), ("leg-2-bus", 2), ("leg-3-handcar", 3), ("leg-4-bus", 4)]
