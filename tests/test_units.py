"""handcar.units: the bundled QUDT unit table, lookup and conversion."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import URIRef

from handcar import units
from handcar.resources import units_table


def test_table_header_names_source_version_and_licence() -> None:
    head = units_table().read_text(encoding="utf-8").split("\n", 5)[:4]
    text = "\n".join(head)
    assert "QUDT" in text and "v3.5.0" in text
    assert "CC BY 4.0" in text and "QUDT.org" in text


def test_units_of_a_news_article() -> None:
    mile, km, minute = units.unit("MI"), units.unit("KiloM"), units.unit("MIN")
    assert mile.iri == URIRef("http://qudt.org/vocab/unit/MI")
    assert (mile.label, mile.symbol) == ("International Mile", "mi")
    assert mile.multiplier == Decimal("1609.344")
    assert mile.is_a("Length") and km.is_a("Length") and minute.is_a("Time")
    assert not minute.is_a("Length")
    assert len(units._table()) > 2000


def test_half_a_mile_and_a_kilometre_compare_in_metres() -> None:
    assert units.comparable("MI", "KiloM")
    assert units.to_si(Decimal("0.5"), "MI") == Decimal("804.672")
    assert units.to_si(Decimal(1), "KiloM") == Decimal(1000)
    assert units.convert(Decimal(32), "HR", "MIN") == Decimal(1920)
    assert not units.comparable("MI", "HR")
    with pytest.raises(ValueError, match="not comparable"):
        units.convert(Decimal(1), "MI", "HR")


def test_offset_units_convert_with_the_offset() -> None:
    assert units.to_si(Decimal(0), "DEG_C") == Decimal("273.15")
    assert units.convert(Decimal(212), "DEG_F", "DEG_C").quantize(Decimal("0.001")) == Decimal(
        "100.000"
    )


def test_unknown_and_deprecated_codes() -> None:
    assert not units.is_unit("MILE")
    assert not units.is_unit("2PiRAD")  # deprecated in QUDT: left out of the table
    with pytest.raises(units.UnknownUnit):
        units.unit("km")


def test_durations_map_to_owl_time_where_it_has_a_unit() -> None:
    assert set(units.OWL_TIME_UNITS) <= {c for c in units._table() if units.unit(c).is_a("Time")}


def test_un_cefact_codes_from_qudt() -> None:
    assert units.unit("MI").unece_codes == ("SMI",)
    assert units.unit("KiloM").unece_codes == ("KMT", "KTM")  # QUDT lists two
    assert units.unit("KiloM").unece_code == "KMT"  # the first: Rec 20's kilometre
    assert units.unit("HR").unece_code == "HUR"
    assert units.unit("NUM").unece_code is None  # QUDT gives a plain number none


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("miles", "MI"), ("km", "KiloM"), ("kilometer", "KiloM"), ("hours", "HR"),
     ("minutes", "MIN"), ("KILOM", "KiloM"), ("weeks", "WK"), ("meter", "M")],
)
def test_suggestions_for_a_mistyped_code(typed: str, meant: str) -> None:
    assert units.suggest(typed)[0] == meant
    assert not units.is_unit(typed)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("km", ["KiloM"]), ("KM", ["CCY_BAM"]), ("ms", ["MilliSEC"]), ("s", ["SEC"]),
     ("kms", ["KiloM"])],
)
def test_a_symbol_in_its_own_letter_case_is_the_only_suggestion(typed: str,
                                                                meant: list[str]) -> None:
    # "km" is not also the convertible mark ("KM"); "ms" is not metres; "s" is no unit
    # without a symbol
    assert units.suggest(typed) == meant


def test_the_duration_unit_shapes_pair_the_owl_time_units() -> None:
    from rdflib import Graph, Namespace

    from handcar.resources import shapes_dir

    shapes = Graph().parse(shapes_dir() / "djo-shapes.ttl")
    sh = Namespace("http://www.w3.org/ns/shacl#")
    pairs = set()
    for pair in shapes.query(
        """SELECT ?unit ?type WHERE {
             ?s sh:not/sh:xone ?list . ?list rdf:first ?a ; rdf:rest/rdf:first ?b .
             ?a sh:path <https://w3id.org/djo#unit> ; sh:hasValue ?unit .
             ?b sh:path <http://www.w3.org/2006/time#unitType> ; sh:hasValue ?type }""",
        initNs={"sh": sh},
    ):
        pairs.add((str(pair[0]).rsplit("/", 1)[1], str(pair[1]).rsplit("#", 1)[1]))
    assert pairs == set(units.OWL_TIME_UNITS.items())
