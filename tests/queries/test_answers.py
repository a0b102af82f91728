"""handcar.answers: one normal form for the same value as different stores write it."""

from __future__ import annotations

import pytest

from handcar.answers import Answers, compare, from_json, normal_duration, normal_term

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize(
    ("term", "normal"),
    [
        ({"type": "uri", "value": "http://x/a"}, "<http://x/a>"),
        ({"type": "bnode", "value": "b12"}, "_:"),
        ({"type": "literal", "value": "Varya", "xml:lang": "EN"}, '"Varya"@en'),
        ({"type": "literal", "value": "a"}, '"a"'),
        ({"type": "literal", "value": "a", "datatype": XSD + "string"}, '"a"'),
        # Virtuoso's old "typed-literal", and numbers by value whatever their type
        ({"type": "typed-literal", "value": "3", "datatype": XSD + "positiveInteger"}, "3"),
        ({"type": "literal", "value": "3.0", "datatype": XSD + "decimal"}, "3"),
        ({"type": "literal", "value": "1.0E0", "datatype": XSD + "double"}, "1"),
        ({"type": "literal", "value": "2.50", "datatype": XSD + "decimal"}, "2.5"),
        # durations by value: pyoxigraph/rdflib canonical form, Virtuoso's seconds
        (
            {"type": "literal", "value": "P1DT8H", "datatype": XSD + "dayTimeDuration"},
            '"PT32H"^^xsd:dayTimeDuration',
        ),
        (
            {"type": "typed-literal", "value": "115200.0", "datatype": XSD + "dayTimeDuration"},
            '"PT32H"^^xsd:dayTimeDuration',
        ),
        ({"type": "literal", "value": "1", "datatype": XSD + "boolean"}, "true"),
        (
            {"type": "literal", "value": "2021-02-25", "datatype": XSD + "date"},
            '"2021-02-25"^^xsd:date',
        ),
        ({"type": "literal", "value": "x", "datatype": "http://x/dt"}, '"x"^^<http://x/dt>'),
        (None, None),
    ],
)
def test_normal_terms(term, normal) -> None:
    assert normal_term(term) == normal


@pytest.mark.parametrize(
    ("lexical", "normal"),
    [
        ("PT2H", "PT2H"),
        ("P1Y2M", "P1Y2M"),
        ("PT90M", "PT1H30M"),
        ("PT0S", "PT0S"),
        ("-P1D", "-PT24H"),
        ("PT1.5S", "PT1.5S"),
        ("7200", "PT2H"),
        ("P", None),
        ("soon", None),
    ],
)
def test_durations(lexical: str, normal: str | None) -> None:
    assert normal_duration(lexical) == normal


def test_compare_reports_missing_and_unexpected_rows_and_order() -> None:
    doc = {
        "head": {"vars": ["b", "a"]},
        "results": {"bindings": [{"a": {"type": "uri", "value": "http://x/1"}}]},
    }
    actual = from_json(doc)
    assert compare(Answers(("a", "b"), (("<http://x/1>", None),)), actual, ordered=True) == []
    expected = Answers(("a", "b"), (("<http://x/2>", None),))
    assert compare(expected, actual, ordered=False) == [
        "missing: ?a=<http://x/2>",
        "unexpected: ?a=<http://x/1>",
    ]
    two = Answers(("a",), (("1",), ("2",)))
    assert compare(two, Answers(("a",), (("2",), ("1",))), ordered=True) == [
        "same rows in another order"
    ]
    assert compare(two, Answers(("a",), (("2",), ("1",))), ordered=False) == []
    assert compare(two, Answers(("c",), ()), ordered=False)[0].startswith("variables differ")


def test_ask_results() -> None:
    assert from_json({"head": {}, "boolean": True}).rows == (("true",),)
