"""schema:unitCode: one UN/CEFACT common code per annotation unit, the same pairs as the shapes.

The builder's table (handcar.graph.values.UNECE_COMMON_CODES) and the shapes' UnitCode-* pairs
(djosh:StandardUnitCodeShape) must agree, or valid data would be rejected (or wrong codes pass).
"""

from __future__ import annotations

import re
import typing

from rdflib import Graph, Literal, Namespace, URIRef

from handcar.annotation.model import UNITS, Unit
from handcar.graph.values import UNECE_COMMON_CODES, unit_code
from handcar.resources import shapes_dir

SH = Namespace("http://www.w3.org/ns/shacl#")
DJOSH = "https://w3id.org/djo/shapes#"
UNIT = "http://qudt.org/vocab/unit/"


def shapes() -> Graph:
    return Graph().parse(shapes_dir() / "djo-shapes.ttl")


def test_every_annotation_unit_has_one_code() -> None:
    assert set(UNECE_COMMON_CODES) == set(UNITS) == set(typing.get_args(Unit))
    codes = list(UNECE_COMMON_CODES.values())
    assert len(set(codes)) == len(codes), "two units share a code"
    assert all(re.fullmatch(r"[A-Z0-9]{3}", code) for code in codes)


def test_codes_checked_against_the_standards() -> None:
    """The codes were read from QUDT's qudt:uneceCommonCode (KMT, HUR, ANN, MTR, MIN, DAY) and
    unit:ONE's C62 for a count: a changed code must be checked again."""
    assert dict(UNECE_COMMON_CODES) == {
        "KiloM": "KMT",
        "M": "MTR",
        "HR": "HUR",
        "MIN": "MIN",
        "DAY": "DAY",
        "YR": "ANN",
        "NUM": "C62",
    }


def test_the_code_is_a_plain_string() -> None:
    code = unit_code("HR")
    assert code == Literal("HUR") and code.datatype is None and code.language is None


def test_the_shapes_pair_each_unit_with_its_code() -> None:
    graph = shapes()
    pairs = {
        (str(row.unit)[len(UNIT) :], str(row.code))
        for row in graph.query(
            """SELECT ?unit ?code WHERE {
                 ?shape sh:or/rdf:rest*/rdf:first ?left , ?right .
                 ?left sh:not [ sh:path djo:unit ; sh:hasValue ?unit ] .
                 ?right sh:path schema:unitCode ; sh:hasValue ?code .
                 FILTER(STRSTARTS(STR(?shape), STR(djosh:UnitCode-)))
               }""",
            initNs={
                "sh": SH,
                "djo": "https://w3id.org/djo#",
                "schema": "https://schema.org/",
                "djosh": DJOSH,
            },
        )
    }
    assert pairs == set(UNECE_COMMON_CODES.items())
    listed = graph.query(
        """SELECT ?code WHERE {
             djosh:StandardUnitCodeShape sh:property ?p .
             ?p sh:path schema:unitCode ; sh:in/rdf:rest*/rdf:first ?code }""",
        initNs={"sh": SH, "schema": "https://schema.org/", "djosh": DJOSH},
    )
    assert {str(row.code) for row in listed} == set(UNECE_COMMON_CODES.values())
    assert URIRef(DJOSH + "StandardUnitCodeShape") in set(graph.subjects())
