#!/usr/bin/env python3
"""Derives handcar's compact QUDT unit table from QUDT's published units vocabulary.

Usage:
    scripts/qudt-units.py VOCAB_QUDT-UNITS-ALL.ttl VERSION > src/handcar/data/units/qudt-units.tsv

The input is the file ``src/main/rdf/vocab/unit/VOCAB_QUDT-UNITS-ALL.ttl`` of
https://github.com/qudt/qudt-public-repo at a release tag (QUDT is CC BY 4.0, attribution to
QUDT.org). One row per unit that is not deprecated: code (the local name after
``http://qudt.org/vocab/unit/``), English label, symbol, quantity kinds, dimension vector,
conversion multiplier and offset to the SI coherent unit of the same dimension, as QUDT gives
them (SI value = (value + offset) × multiplier), and the unit's UN/CEFACT Recommendation 20
common codes (``qudt:uneceCommonCode``; a few units have two, KiloM has KMT and KTM).
"""

from __future__ import annotations

import sys

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

QUDT = Namespace("http://qudt.org/schema/qudt/")
UNIT = "http://qudt.org/vocab/unit/"
COLUMNS = (
    "code", "label", "symbol", "quantity_kinds", "dimension", "multiplier", "offset", "unece_codes"
)


def main(path: str, version: str) -> None:
    graph = Graph()
    graph.parse(path, format="turtle")
    print(f"# QUDT units (http://qudt.org/vocab/unit/), release {version}, derived by")
    print("# scripts/qudt-units.py from VOCAB_QUDT-UNITS-ALL.ttl of")
    print("# github.com/qudt/qudt-public-repo.")
    print("# Source: QUDT.org, licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/);")
    print("# this table is an excerpt (deprecated units left out), not the vocabulary itself.")
    print("# SI value = (value + offset) * multiplier;")
    print("# units of one dimension vector are comparable.")
    print("\t".join(COLUMNS))
    rows = []
    for unit in set(graph.subjects(RDF.type, QUDT.Unit)):
        if not isinstance(unit, URIRef) or not str(unit).startswith(UNIT):
            continue
        if graph.value(unit, QUDT.deprecated) == Literal(True):
            continue
        code = str(unit)[len(UNIT) :]
        kinds = set(graph.objects(unit, QUDT.hasQuantityKind))
        kinds |= set(graph.objects(unit, QUDT.unitForQuantityKind))
        rows.append(
            (
                code,
                _label(graph, unit),
                _text(graph.value(unit, QUDT.symbol)),
                " ".join(sorted(str(k).rsplit("/", 1)[-1] for k in kinds)),
                _text(graph.value(unit, QUDT.hasDimensionVector)).rsplit("/", 1)[-1],
                _text(graph.value(unit, QUDT.conversionMultiplier)),
                _text(graph.value(unit, QUDT.conversionOffset)),
                " ".join(sorted(str(c) for c in graph.objects(unit, QUDT.uneceCommonCode))),
            )
        )
    for row in sorted(rows):
        print("\t".join(" ".join(cell.split()) for cell in row))


def _label(graph: Graph, unit: URIRef) -> str:
    labels = list(graph.objects(unit, RDFS.label))
    for lang in ("en", "en-us", None):
        for label in labels:
            if isinstance(label, Literal) and (label.language or None) == lang:
                return str(label)
    return ""


def _text(node: object) -> str:
    return "" if node is None else str(node)


if __name__ == "__main__":
    main(*sys.argv[1:3])
