"""The RDF term of a value in a checked annotation or enrichment.

An id (:class:`~handcar.annotation.checked.Ref`) becomes the IRI minted for it, an outside IRI
an IRI, anything else a literal in the form the ontology's range asks for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from handcar.annotation.checked import INTEGER_TYPES, Ref
from handcar.annotation.model import IriValue, LangString, Scalar
from handcar.units import unit

#: A plain count (unit:NUM) has no UN/CEFACT code in QUDT; C62 ("one", QUDT's unit:ONE, "counting
#: unit for a count of one") is the code for a count. Every other unit's code comes from the
#: bundled QUDT table (:attr:`handcar.units.Unit.unece_code`).
COUNT_CODE = "C62"


def term(
    value: Ref | IriValue | LangString | Scalar,
    iris: Mapping[str, URIRef],
    datatype: URIRef | None = None,
) -> Node:
    """``value`` as an RDF term; ``iris``: the IRI of each id, ``datatype``: the range."""
    if isinstance(value, Ref):
        return iris[value.id]
    if isinstance(value, IriValue):
        return URIRef(value.iri)
    return literal(value, datatype)


def literal(value: LangString | Scalar, datatype: URIRef | None) -> Literal:
    """The literal of a value, for a property whose range is ``datatype``."""
    if isinstance(value, LangString):
        return Literal(value.value, lang=value.lang)
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int | Decimal):
        if datatype in INTEGER_TYPES:
            return Literal(str(int(value)), datatype=datatype)
        return decimal_literal(Decimal(value)) if isinstance(value, Decimal) else Literal(value)
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    return Literal(str(value), datatype=datatype if datatype == XSD.anyURI else None)


def unit_code(code: str) -> Literal | None:
    """The schema:unitCode of a QUDT unit: its UN/CEFACT common code as a plain string (QUDT's,
    the first in alphabetical order where QUDT gives several; C62 for a count), or None."""
    found = COUNT_CODE if code == "NUM" else unit(code).unece_code
    return None if found is None else Literal(found)


def decimal_literal(number: Decimal) -> Literal:
    """An xsd:decimal in canonical form (``32.0``, ``2500000.0``, ``2.5``)."""
    text = format(number.normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal, normalize=False)


def duration_literal(lexical: str) -> Literal:
    """An xsd:dayTimeDuration kept exactly as written (rdflib would rewrite PT32H as P1DT8H)."""
    return Literal(lexical, datatype=XSD.dayTimeDuration, normalize=False)
