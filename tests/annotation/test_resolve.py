"""The resolve step: a loaded annotation checked against its article and the ontology.

Each rule of the annotation format beyond its schema raises AnnotationError at the line of the
offending item; the rules are checked in a fixed order, so the first error does not depend on
where in the file the problems are. Inputs: the made-up article and annotation of conftest.py.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
import rdflib

from handcar.annotation.checked import (
    ARTICLE_ID,
    UNNAMED_PUBLISHER,
    DeclaredRelation,
    Evidence,
    Fact,
    Ref,
)
from handcar.annotation.coverage import coverage
from handcar.annotation.model import IriValue
from handcar.annotation.timeexpr import CalendarTime
from handcar.errors import AnnotationError
from handcar.namespaces import DJO

from .conftest import ANNOTATION, ARTICLE, Fiction, edit, line_of


def test_the_checked_annotation(fiction: Fiction) -> None:
    checked = fiction.resolve()
    text = checked.article.text
    assert checked.article.id == "ferry-crew"
    assert (checked.publisher, checked.meta.language) == ("harbour-gazette", "en")
    assert (checked.meta.headline, checked.meta.date.isoformat(), checked.meta.byline) == (
        "Ferry Crew Rows Keeper Home From Gull Rock",
        "2022-03-03",
        None,
    )
    assert (checked.embedded_post, checked.photo) == (None, None)
    things = {t.id: t for t in checked.things}
    assert list(things) == ["harbour-gazette", "ilse-marrow", "boat-leg", "bus-leg"]
    assert [t.event for t in checked.things] == [False, False, True, True]
    assert things["ilse-marrow"].classes == (DJO.Person,)
    assert things["bus-leg"].classes == (DJO.BusLeg,)
    gazette = things["harbour-gazette"].evidence
    assert (gazette.said_by, gazette.source) == ("harbour-gazette", ARTICLE_ID)  # the defaults
    assert text[gazette.anchor.start : gazette.anchor.end] == "The Harbour Gazette"
    assert [(q.id, q.duration, q.time_unit) for q in checked.quantities] == [
        ("boat-hours", True, "unitHour"),
        ("bus-minutes", True, "unitMinute"),
    ]
    (tuesday,) = checked.times
    assert tuesday.when == CalendarTime(2022, 3, 1)  # the Tuesday before Thursday 3 March 2022
    crossing, calm = checked.statements
    assert crossing.facts == (
        Fact("boat-leg", DJO.nextLeg, Ref("bus-leg")),
        Fact("boat-leg", DJO.duration, Ref("boat-hours")),
        Fact("bus-leg", DJO.duration, Ref("bus-minutes")),
        Fact("boat-leg", DJO.during, Ref("tuesday")),
        Fact("boat-leg", DJO.legIndex, 1, rdflib.XSD.positiveInteger),
        Fact("boat-leg", DJO.traveller, Ref("ilse-marrow")),
    )
    assert calm.evidence.said_by == "ilse-marrow"
    assert calm.evidence.anchor.start == text.index("the sea was calm.")  # the prefix picks it
    (note,) = checked.notes
    assert (note.id, note.reason) == ("not-modelled-1", "a remark about the weather")
    assert checked.relations == (
        DeclaredRelation("boat-hours", "bus-minutes", "differentQuestions", "fiction, two legs"),
    )


def test_said_by_source_and_outside_iris(fiction: Fiction) -> None:
    text = edit(
        "    quote: The Harbour Gazette\n",
        "    quote: The Harbour Gazette\n    said_by: ilse-marrow\n    source: boat-video\n"
        "  - id: boat-video\n    type: Video\n    referred_to_as: rowing boat\n"
        "    quote: rowing boat\n",
    )
    text = edit(
        "      - [boat-leg, traveller, ilse-marrow]\n",
        '      - [boat-leg, traveller, {iri: "https://example.org/fiction/keeper"}]\n',
        text,
    )
    text = edit("      - [bus-leg, legIndex, 2]\n", "      - [bus-leg, legIndex, 2.0]\n", text)
    checked = fiction.resolve(text)
    assert checked.things[0].evidence == Evidence(
        "ilse-marrow", "boat-video", checked.things[0].evidence.anchor
    )
    assert checked.statements[0].facts[-1].object == IriValue(
        iri="https://example.org/fiction/keeper"
    )
    assert checked.statements[1].facts[0].object == Decimal("2.0")  # a whole number is fine


def test_a_date_and_a_year(fiction: Fiction) -> None:
    checked = fiction.resolve(edit("    relative: Tuesday\n", "    date: 2022-03-01\n"))
    assert checked.times[0].when.date == dt.date(2022, 3, 1)
    checked = fiction.resolve(edit("    relative: Tuesday\n", '    date: "2022"\n'))
    assert checked.times[0].when == CalendarTime(2022)


def test_coverage_counts_sentences_some_quote_or_note_overlaps(fiction: Fiction) -> None:
    cover = coverage(fiction.resolve())
    assert (cover.article, cover.annotated, cover.total, cover.missing) == ("ferry-crew", 4, 4, ())
    without_note = edit(
        "not_modelled:\n  - quote: Later, the keeper said the sea was calm.\n"
        "    reason: a remark about the weather\n",
        "",
    )
    cover = coverage(fiction.resolve(without_note))
    assert (cover.annotated, cover.total) == (3, 4)
    assert cover.missing == ("Later, the keeper said the sea was calm.",)
    assert cover.ratio == 0.75


# (case, old, new, text on the reported line, message)
ERRORS = [
    (
        "duplicate-id",
        "  - id: bus-leg\n",
        "  - id: boat-leg  # again\n",
        "# again",
        f"duplicate id 'boat-leg' (first at line {line_of(ANNOTATION, 'id: boat-leg')})",
    ),
    (
        "reserved-id",
        "  - id: tuesday\n",
        "  - id: article\n",
        "id: article",
        "id 'article' is reserved for the article",
    ),
    (
        "unknown-class",
        "    type: BusLeg\n",
        "    type: [Leg, Coach]\n",
        "Coach",
        "'Coach' is not a class of the ontology",
    ),
    (
        "entity-under-events",  # its IRI would be event/…, not group/…
        "    type: BusLeg\n",
        "    type: TravelGroup\n",
        "type: TravelGroup",
        "TravelGroup is not an event class (a group): bus-leg belongs under entities",
    ),
    (
        "event-under-entities",
        "    type: NewsOrganization\n",
        "    type: Journey\n",
        "type: Journey",
        "Journey is an event class: harbour-gazette belongs under events",
    ),
    (
        "unknown-prefix",
        "    type: Person\n",
        "    type: foaf:Person\n",
        "foaf:Person",
        "unknown prefix 'foaf' in 'foaf:Person'",
    ),
    (
        "relative-time",
        "    relative: Tuesday\n",
        "    relative: next fortnight\n",
        "next fortnight",
        "cannot resolve relative time 'next fortnight': use a weekday, today, yesterday, tomorrow"
        " (optionally with morning/afternoon/evening), this morning, this/last/next week,"
        " this/last/next month, this/last/next year, last spring/summer/autumn, or early/mid/late"
        " with a year, a month or this/last/next year or month",
    ),
    (
        "month",
        "    relative: Tuesday\n",
        '    date: "2022-13"\n',
        "2022-13",
        "month out of range in '2022-13'",
    ),
    (
        "undefined-said-by",
        "    said_by: ilse-marrow\n",
        "    said_by: ilse-marow\n",
        "ilse-marow",
        "reference to undefined entity 'ilse-marow'",
    ),
    (
        "said-by-not-an-agent",
        "    said_by: ilse-marrow\n",
        "    said_by: boat-hours\n",
        "said_by: boat-hours",
        "'boat-hours' is not an Agent",
    ),
    (
        "source-not-a-source",
        "    quote: 30 minutes\n",
        "    quote: 30 minutes\n    source: ilse-marrow\n",
        "source: ilse-marrow",
        "'ilse-marrow' is not a Source",
    ),
    (
        "quote-not-found",
        "    quote: The first leg took 2 hours by rowing boat\n",
        "    quote: The first leg took 2 hours by rowing ship\n",
        "rowing ship",
        "quote not found in the article: 'The first leg took 2 hours by rowing ship'",
    ),
    (
        "quote-not-found-with-prefix",
        '    prefix: "The crew said "\n',
        '    prefix: "The keeper said "\n',
        "quote: the sea was calm.",
        "quote not found in the article: 'the sea was calm.' (with its prefix/suffix)",
    ),
    (
        "ambiguous-quote",
        '    prefix: "The crew said "\n',
        "",
        "quote: the sea was calm.",
        "ambiguous quote 'the sea was calm.': occurs 2 times (article.md lines 9, 11);"
        " add a prefix or suffix",
    ),
    (
        "duration-unit",
        "    value: 2\n    unit: HR\n",
        "    value: 2\n    unit: KiloM\n",
        "unit: KiloM",
        "a duration needs a unit of time, not KiloM (Kilometre)",
    ),
    (
        "unknown-unit",
        "    value: 2\n    unit: HR\n",
        "    value: 2\n    unit: hours\n",
        "unit: hours",
        "unknown QUDT unit 'hours': did you mean HR (Hour)?",
    ),
    (
        "unknown-unit-by-spelling",
        "    value: 2\n    unit: HR\n",
        "    value: 2\n    unit: KiloMM\n",
        "unit: KiloMM",
        "unknown QUDT unit 'KiloMM': did you mean KiloM (Kilometre), KiloGM-M (Kilogram Metre),"
        " KiloM2 (Square Kilometre)?",
    ),
    (
        "undefined-subject",
        "      - [boat-leg, during, tuesday]\n",
        "      - [boat-legs, during, tuesday]\n",
        "boat-legs",
        "reference to undefined entity 'boat-legs'",
    ),
    (
        "unknown-property",
        "      - [boat-leg, during, tuesday]\n",
        "      - [boat-leg, whilst, tuesday]\n",
        "whilst",
        "'whilst' is not a property of the ontology",
    ),
    (
        "undefined-object",
        "      - [boat-leg, during, tuesday]\n",
        "      - [boat-leg, during, wednesday]\n",
        "wednesday",
        "reference to undefined entity 'wednesday'",
    ),
    (
        "literal-for-an-entity",
        "      - [boat-leg, traveller, ilse-marrow]\n",
        "      - [boat-leg, traveller, 3]\n",
        "traveller, 3",
        "traveller links to an entity: give an id, not 3",
    ),
    (
        "iri-for-a-literal",
        "      - [boat-leg, legIndex, 1]\n",
        '      - [boat-leg, legIndex, {iri: "https://example.org/one"}]\n',
        "example.org/one",
        "this property takes a literal, not an IRI",
    ),
    (
        "not-a-whole-number",
        "      - [boat-leg, legIndex, 1]\n",
        "      - [boat-leg, legIndex, 1.5]\n",
        "legIndex, 1.5",
        "expected a whole number, got 1.5",
    ),
    (
        "iri-for-next-leg",
        "      - [boat-leg, nextLeg, bus-leg]\n",
        '      - [boat-leg, nextLeg, {iri: "https://example.org/leg"}]\n',
        "example.org/leg",
        "nextLeg links to a leg or quantity of this annotation: give its id, not an IRI",
    ),
    (
        "note-quote",
        "  - quote: Later, the keeper said the sea was calm.\n",
        "  - quote: Later, the keeper said the sea was rough.\n",
        "was rough",
        "quote not found in the article: 'Later, the keeper said the sea was rough.'",
    ),
    (
        "embedded-post-not-a-source",
        "  publisher_quote: The Harbour Gazette\n",
        "  publisher_quote: The Harbour Gazette\n  embedded_post: boat-leg\n",
        "embedded_post: boat-leg",
        "'boat-leg' is not a Source",
    ),
    (
        "photo-undefined",
        "  publisher_quote: The Harbour Gazette\n",
        "  publisher_quote: The Harbour Gazette\n  photo: gull-rock-photo\n",
        "photo: gull-rock-photo",
        "reference to undefined entity 'gull-rock-photo'",
    ),
    (
        "relation-not-a-value",
        "  - between: [boat-hours, bus-minutes]\n",
        "  - between: [boat-hours, boat-leg]\n",
        "[boat-hours, boat-leg]",
        "'boat-leg' is not a quantity or time id",
    ),
    (
        "old-conflicts-form",
        "reading_relations:\n",
        "conflicts:\n  - [crossing, calm-sea]\nreading_relations:\n",
        "conflicts:",
        "conflicts: (pairs of statements) was replaced by reading_relations: (two quantity or"
        " time ids, a relation and a reason; see articles/README.md)",
    ),
    (
        "publisher-quote-not-found",
        "  publisher_quote: The Harbour Gazette\n",
        "  publisher_quote: The Harbour Times\n",
        "The Harbour Times",
        "quote not found in the article: 'The Harbour Times'",
    ),
    (
        "relation-with-itself",
        "  - between: [boat-hours, bus-minutes]\n",
        "  - between: [boat-hours, boat-hours]\n",
        "[boat-hours, boat-hours]",
        "a value is not compared with itself",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"), [c[1:] for c in ERRORS], ids=[c[0] for c in ERRORS]
)
def test_each_rule_is_an_error_at_its_line(
    fiction: Fiction, old: str, new: str, needle: str, message: str
) -> None:
    text = edit(old, new)
    error = fiction.error(text)
    assert (error.line, error.message) == (line_of(text, needle), message)


def test_a_publisher_that_is_not_an_agent_is_reported_where_it_is_first_used(
    fiction: Fiction,
) -> None:
    # every item said_by nobody defaults to the publisher: the first such item is reported
    text = edit("  publisher: harbour-gazette\n", "  publisher: tuesday\n")
    error = fiction.error(text)
    assert (error.line, error.message) == (
        line_of(text, "- id: harbour-gazette"),
        "'tuesday' is not an Agent",
    )


def _first_error(fiction: Fiction, *edits: tuple[str, str]) -> tuple[int, str]:
    text = ANNOTATION
    for old, new in edits:
        text = edit(old, new, text)
    error = fiction.error(text)
    return error.line, error.message


BAD_CLASS = ("    type: BusLeg\n", "    type: Coach\n")
BAD_TIME = ("    relative: Tuesday\n", "    relative: next fortnight\n")
BAD_QUOTE = ("    quote: 30 minutes\n", "    quote: 30 minutess\n")
BAD_SAID_BY = ("    quote: 30 minutes\n", "    quote: 30 minutes\n    said_by: x\n")
BAD_SOURCE = ("    unit: MIN\n", "    unit: MIN\n    source: x\n")
DUPLICATE = ("  - id: bus-minutes\n", "  - id: boat-hours\n")
BAD_FACT = ("      - [boat-leg, legIndex, 1]\n", "      - [boat-leg, legIndex, 1.5]\n")
BAD_NOTE = ("    reason: a remark", "    prefix: zz\n    reason: a remark")
BAD_CONFLICT = (
    "  - between: [boat-hours, bus-minutes]\n",
    "  - between: [boat-hours, boat-hours]\n",
)
BAD_PUBLISHER_QUOTE = ("  publisher_quote: The Harbour Gazette\n", "  publisher_quote: Gazzette\n")
BAD_POST = (
    "  publisher_quote: The Harbour Gazette\n",
    "  publisher_quote: The Harbour Gazette\n  embedded_post: nowhere\n",
)


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        # ids first, even when the duplicate comes after a bad class in the file
        ((BAD_CLASS, DUPLICATE), "duplicate id 'boat-hours'"),
        # classes before times, times before references and quotes, wherever they are
        ((BAD_TIME, BAD_CLASS), "'Coach' is not a class"),
        ((BAD_QUOTE, BAD_TIME), "cannot resolve relative time"),
        # within an item: said_by, then source, then the quote
        ((BAD_QUOTE, BAD_SOURCE), "reference to undefined entity 'x'"),
        ((BAD_SAID_BY, BAD_SOURCE), "reference to undefined entity 'x'"),
        # items in file order; not-modelled notes after every item
        ((BAD_NOTE, BAD_FACT), "expected a whole number"),
        # the article's post after the notes, then reading relations, the publisher's words last
        ((BAD_CONFLICT, BAD_POST, BAD_NOTE), "quote not found"),
        ((BAD_CONFLICT, BAD_POST), "reference to undefined entity 'nowhere'"),
        ((BAD_PUBLISHER_QUOTE, BAD_CONFLICT), "a value is not compared with itself"),
    ],
)
def test_the_first_error_follows_the_order_of_the_rules(
    fiction: Fiction, edits: tuple[tuple[str, str], ...], expected: str
) -> None:
    _line, message = _first_error(fiction, *edits)
    assert message.startswith(expected), message


def test_said_by_is_checked_before_source_in_one_item(fiction: Fiction) -> None:
    text = edit(BAD_SOURCE[0], "    unit: MIN\n    source: y\n    said_by: x\n")
    error = fiction.error(text)
    assert (error.line, error.message) == (
        line_of(text, "said_by: x"),
        "reference to undefined entity 'x'",
    )


def test_the_article_fixture_is_marked_as_fiction() -> None:
    assert re.match(r"<!-- fiction: ", ARTICLE)
    assert ANNOTATION.startswith("# fiction: ")


# --- the article's metadata: front matter or annotation, never the paragraphs ---------------

FRONT = "---\nheadline: Ferry Crew Rows Keeper Home\ndate: 2022-03-03\nbyline: By A. Tester\n---\n"
META = "  headline: Ferry Crew Rows Keeper Home From Gull Rock\n  date: 2022-03-03\n"
PUBLISHER = "  publisher: harbour-gazette\n  publisher_quote: The Harbour Gazette\n"


def _front(fiction: Fiction, front: str) -> Path:
    article = fiction.folder / "article.md"
    article.write_text(front + article.read_text(encoding="utf-8"), encoding="utf-8")
    return article


def _article_error(fiction: Fiction, text: str) -> AnnotationError:
    with pytest.raises(AnnotationError) as caught:
        fiction.resolve(text)
    return caught.value


def test_metadata_from_front_matter(fiction: Fiction) -> None:
    _front(fiction, FRONT)
    checked = fiction.resolve(edit(META, ""))
    meta = checked.meta
    assert (meta.headline, meta.date.isoformat(), meta.byline, meta.language) == (
        "Ferry Crew Rows Keeper Home",
        "2022-03-03",
        "By A. Tester",
        "en",
    )
    assert meta.url == "https://example.org/fiction/ferry-crew"  # from the annotation
    assert "headline" not in checked.article.text
    assert checked.article.text.startswith("Ferry Crew Rows Keeper Home From Gull Rock\n\n")
    # offsets still map to lines of article.md, five lines further down
    assert checked.article.line_of(0) == 7


def test_metadata_in_both_places_is_an_error(fiction: Fiction) -> None:
    _front(fiction, FRONT)
    error = fiction.error(ANNOTATION)
    assert error.line == line_of(ANNOTATION, "  headline:")
    assert "headline is also given in the front matter" in error.message
    assert "(line 2)" in error.message


def test_front_matter_errors_name_article_md_and_its_line(fiction: Fiction) -> None:
    article = _front(fiction, "---\nheadline: x\ndate: 2022-02-30\n---\n")
    error = _article_error(fiction, edit(META, ""))
    assert (error.path, error.line) == (article, 3)
    assert "not a valid date" in error.message
    article.write_text("---\nheadlin: x\n---\n\nBody.\n", encoding="utf-8")
    error = _article_error(fiction, edit(META, ""))
    assert (error.path, error.line) == (article, 2)
    assert error.message == "headlin: unknown key"


def test_front_matter_refuses_unsafe_yaml(fiction: Fiction) -> None:
    article = _front(fiction, "---\nheadline: !!python/object:os.system x\n---\n")
    error = _article_error(fiction, edit(META, ""))
    assert (error.path, error.line) == (article, 2)
    assert "is not allowed" in error.message


def test_no_headline_is_an_error(fiction: Fiction) -> None:
    text = edit("  headline: Ferry Crew Rows Keeper Home From Gull Rock\n", "")
    error = fiction.error(text)
    assert error.line == line_of(text, "article:")
    assert "the article has no headline" in error.message


def test_unnamed_publisher(fiction: Fiction) -> None:
    checked = fiction.resolve(edit(PUBLISHER, ""))
    assert checked.publisher == UNNAMED_PUBLISHER
    # what nobody in particular says, the unnamed publisher says
    assert UNNAMED_PUBLISHER in {s.evidence.said_by for s in checked.statements}


def test_publisher_quote_without_publisher_is_an_error(fiction: Fiction) -> None:
    text = edit("  publisher: harbour-gazette\n", "")
    error = fiction.error(text)
    assert error.line == line_of(text, "publisher_quote")
    assert "there is no publisher to quote" in error.message


ROWING = (
    "  - id: rowing\n    type: EventRole\n    label: rowing the boat\n"
    "    quote: Captain Ilse Marrow rowed\n"
)
PARTICIPATION = (
    "participations:\n  - id: rower\n    event: boat-leg\n    participant: ilse-marrow\n"
    "    role: rowing\n    quote: Captain Ilse Marrow rowed\n"
)


def _with_participation(participation: str = PARTICIPATION) -> str:
    text = edit("events:\n", ROWING + "events:\n")
    return edit("not_modelled:\n", participation + "not_modelled:\n", text)


def test_a_participation_names_an_event_an_agent_and_a_role(fiction: Fiction) -> None:
    (rower,) = fiction.resolve(_with_participation()).participations
    assert (rower.id, rower.event, rower.participant, rower.role) == (
        "rower", "boat-leg", "ilse-marrow", "rowing",
    )
    assert rower.evidence.said_by == "harbour-gazette"


@pytest.mark.parametrize(
    ("field", "wrong", "message"),
    [
        ("event", "ilse-marrow", "'ilse-marrow' is not an Event"),
        ("participant", "boat-leg", "'boat-leg' is not an Agent"),
        ("role", "ilse-marrow", "'ilse-marrow' is not an EventRole"),
        ("role", "nobody", "reference to undefined entity 'nobody'"),
    ],
)
def test_a_participation_of_the_wrong_kind_is_an_error_at_its_line(
    fiction: Fiction, field: str, wrong: str, message: str
) -> None:
    right = {"event": "boat-leg", "participant": "ilse-marrow", "role": "rowing"}[field]
    text = _with_participation(
        PARTICIPATION.replace(f"    {field}: {right}\n", f"    {field}: {wrong}\n")
    )
    error = fiction.error(text)
    assert (error.line, error.message) == (line_of(text, f"{field}: {wrong}"), message)


def test_a_distance_needs_a_unit_of_length(fiction: Fiction) -> None:
    text = edit("      - [boat-leg, legIndex, 1]\n", "      - [boat-leg, distance, bus-minutes]\n")
    text = edit("      - [bus-leg, duration, bus-minutes]\n", "", text)
    error = fiction.error(text)
    assert (error.line, error.message) == (
        line_of(text, "unit: MIN"),
        "a distance needs a unit of length, not MIN (Minute)",
    )


def test_a_duration_in_miles_and_a_duration_in_milliseconds(fiction: Fiction) -> None:
    hours = "    value: 2\n    unit: HR\n"
    miles = fiction.error(edit(hours, "    value: 2\n    unit: MI\n"))
    assert miles.message == "a duration needs a unit of time, not MI (International Mile)"
    short = fiction.resolve(edit(hours, "    value: 2\n    unit: MilliSEC\n"))
    boat = next(q for q in short.quantities if q.id == "boat-hours")
    assert (boat.duration, boat.time_unit) == (True, None)  # OWL-Time has no millisecond


@pytest.mark.parametrize(
    ("old", "new", "hint"),
    [
        ("    type: BusLeg\n", "    type: BusLeig\n", "did you mean BusLeg? use a DJO class"),
        ("    type: BusLeg\n", "    type: schema:Persn\n", "did you mean schema:Person or "),
        ("    type: BusLeg\n", "    type: Coach\n", "use a DJO class"),  # nothing close
        ("    type: BusLeg\n", "    type: Embassy\n",  # in a definition: "such as an embassy"
         "classes about it: DiplomaticMission, EmbassyPremises, EmbassyStaffMember,"),
        ("      - [boat-leg, legIndex, 1]\n", "      - [boat-leg, legIndx, 1]\n",
         "did you mean legIndex? use a DJO property"),
        ("      - [boat-leg, legIndex, 1]\n", "      - [boat-leg, began, 1]\n",
         "properties about it: beganDuring, date, startDate; use a DJO property"),
        ("      - [boat-leg, legIndex, 1]\n", "      - [boat-lg, legIndex, 1]\n",
         "did you mean boat-leg? declare 'boat-lg'"),
        # an id renamed with a word more or less after the facts were written
        ("      - [boat-leg, legIndex, 1]\n", "      - [boat, legIndex, 1]\n",
         "did you mean boat-hours or boat-leg? declare 'boat'"),
    ],
)
def test_a_misspelt_class_property_or_id_gets_the_closest_names(
    fiction: Fiction, old: str, new: str, hint: str
) -> None:
    error = fiction.error(edit(old, new))
    assert error.hint.startswith(hint), error.hint


@pytest.mark.parametrize(("relative", "hint"), [
    ("Tuesdy", "did you mean 'Tuesday'?"),
    ("yesterdy mornin", "did you mean 'yesterday morning'?"),
    ("early Febuary 2021", "did you mean 'early February 2021'?"),
    ("last tusday", None),  # "last Tuesday" is no form handcar reads either
    ("whenever", None),
])
def test_a_misspelt_relative_time_gets_a_spelling_that_resolves(
    fiction: Fiction, relative: str, hint: str | None
) -> None:
    error = fiction.error(edit("    relative: Tuesday\n", f"    relative: {relative}\n"))
    assert error.message.startswith("cannot resolve relative time")
    assert error.hint == hint
