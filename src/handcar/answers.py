"""Normalised answers: SPARQL SELECT results from any store, made comparable.

Stores return the same answer in different spellings. This module reads SPARQL 1.1 JSON results
(https://www.w3.org/TR/sparql11-results-json/) from any engine and writes every value in one
normal form, so that answers compare with ``==``:

- IRIs as ``<iri>``; blank nodes as ``_:`` (their labels are never comparable);
- numbers by value, whatever their datatype (``"3"^^xsd:positiveInteger``, ``3.0`` and
  ``"3"^^xsd:integer`` are all ``3``): pyoxigraph writes derived integer types as
  ``xsd:integer``, Jena keeps them, and Virtuoso may add ``.0``;
- durations by value, written in hours (``PT32H``): rdflib and pyoxigraph rewrite ``PT32H`` as
  ``P1DT8H``, and Virtuoso returns an ``xsd:dayTimeDuration`` as a number of seconds (``115200.0``);
- booleans as ``true``/``false``;
- ``xsd:string`` literals as plain literals; language tags in lower case;
- Virtuoso's ``"type": "typed-literal"`` (the 2008 format) read as ``"literal"``.

Values that are not numbers, durations or booleans keep their lexical form:
``"2021-02-25"^^xsd:date``. A missing binding is ``None``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from handcar import namespaces
from handcar.namespaces import shorten

XSD = str(namespaces.XSD)
RDF_LANG_STRING = str(namespaces.RDF.langString)

NUMERIC_TYPES = frozenset(
    XSD + name
    for name in [
        "integer",
        "decimal",
        "float",
        "double",
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "nonNegativeInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
        "positiveInteger",
    ]
)
DURATION_TYPES = frozenset(XSD + n for n in ("duration", "dayTimeDuration", "yearMonthDuration"))
BOOLEAN = XSD + "boolean"
STRING = XSD + "string"

_DURATION = re.compile(
    r"^(?P<sign>-)?P(?:(?P<y>\d+)Y)?(?:(?P<mo>\d+)M)?(?:(?P<d>\d+)D)?"
    r"(?:T(?:(?P<h>\d+)H)?(?:(?P<mi>\d+)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)


@dataclass(frozen=True)
class Answers:
    """A SELECT result in normal form: the variables, and one tuple of values per solution."""

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]

    def as_dicts(self) -> list[dict[str, str | None]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


def row_key(row: Sequence[str | None]) -> tuple[tuple[int, str], ...]:
    return tuple((0, "") if value is None else (1, value) for value in row)


def from_json(document: str | bytes | Mapping[str, Any]) -> Answers:
    """Normalise a SPARQL JSON results document (text or parsed) of a SELECT query."""
    doc = json.loads(document) if isinstance(document, str | bytes) else document
    if "boolean" in doc:
        return Answers(("boolean",), ((normal_boolean(doc["boolean"]),),))
    variables = tuple(doc["head"]["vars"])
    rows = tuple(
        tuple(normal_term(binding.get(var)) for var in variables)
        for binding in doc["results"]["bindings"]
    )
    return Answers(variables, rows)


def normal_term(term: Mapping[str, str] | None) -> str | None:
    """One SPARQL JSON term (``{"type": …, "value": …}``) in normal form."""
    if term is None:
        return None
    kind = term.get("type")
    value = term.get("value", "")
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return "_:"
    if kind not in ("literal", "typed-literal"):
        raise ValueError(f"unknown SPARQL JSON term type {kind!r}: {term}")
    lang = term.get("xml:lang")
    if lang:
        return f"{quote(value)}@{lang.lower()}"
    datatype = term.get("datatype")
    if datatype in (None, STRING, RDF_LANG_STRING):
        return quote(value)
    if datatype in NUMERIC_TYPES:
        number = normal_number(value)
        if number is not None:
            return number
    elif datatype in DURATION_TYPES:
        duration = normal_duration(value)
        if duration is not None:
            return f"{quote(duration)}^^{short_datatype(datatype)}"
    elif datatype == BOOLEAN and value.strip() in ("true", "false", "1", "0"):
        return normal_boolean(value.strip() in ("true", "1"))
    return f"{quote(value)}^^{short_datatype(datatype)}"


def short_datatype(iri: str) -> str:
    """``xsd:date`` for an XML Schema datatype, any other datatype IRI in angle brackets."""
    return shorten(iri, {"xsd": XSD}) or f"<{iri}>"


def quote(text: str) -> str:
    """A lexical form in double quotes, escaped as in JSON (readable, unambiguous)."""
    return json.dumps(text, ensure_ascii=False)


def normal_boolean(value: bool) -> str:
    return "true" if value else "false"


def normal_number(lexical: str) -> str | None:
    """The value of a numeric literal, written without exponent or trailing zeros."""
    try:
        number = Decimal(lexical.strip())
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def normal_duration(lexical: str) -> str | None:
    """An ``xsd:duration`` value written as ``P{years}Y{months}M`` plus ``T{hours}H{min}M{s}S``
    with days folded into hours (``P1DT8H`` and ``PT32H`` both give ``PT32H``). A bare number
    (Virtuoso's rendering of a day-time duration) counts seconds."""
    text = lexical.strip()
    match = _DURATION.match(text)
    if match and text not in ("P", "PT") and not text.endswith("T"):
        parts = {
            k: Decimal(v) if v else Decimal(0)
            for k, v in match.groupdict("").items()
            if k != "sign"
        }
        months = parts["y"] * 12 + parts["mo"]
        seconds = ((parts["d"] * 24 + parts["h"]) * 60 + parts["mi"]) * 60 + parts["s"]
        negative = bool(match.group("sign"))
    else:
        try:
            seconds = Decimal(text)
        except InvalidOperation:
            return None
        months, negative = Decimal(0), seconds < 0
        seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    years, months_left = divmod(months, 12)
    date = "".join(f"{int(v)}{u}" for v, u in ((years, "Y"), (months_left, "M")) if v)
    time = "".join(f"{int(v)}{u}" for v, u in ((hours, "H"), (minutes, "M")) if v)
    if secs:
        time += f"{normal_number(str(secs))}S"
    if not date and not time:
        time = "0S"
    return ("-" if negative else "") + "P" + date + (f"T{time}" if time else "")


def compare(expected: Answers, actual: Answers, *, ordered: bool) -> list[str]:
    """The differences between two answers, as lines a person can read (empty when equal).
    ``ordered`` compares the order of the rows too (for queries with a total ORDER BY)."""
    problems: list[str] = []
    if set(expected.variables) != set(actual.variables):
        problems.append(f"variables differ: expected {expected.variables}, got {actual.variables}")
        return problems
    # align the actual columns with the expected ones
    index = [actual.variables.index(v) for v in expected.variables]
    rows = tuple(tuple(row[i] for i in index) for row in actual.rows)
    want = expected.rows if ordered else tuple(sorted(expected.rows, key=row_key))
    got = rows if ordered else tuple(sorted(rows, key=row_key))
    if want == got:
        return problems
    missing = [r for r in want if r not in got]
    extra = [r for r in got if r not in want]
    if not missing and not extra:
        if ordered and sorted(want, key=row_key) == sorted(got, key=row_key):
            problems.append("same rows in another order")
        else:
            problems.append(f"row counts differ: expected {len(want)}, got {len(got)}")
    for row in missing:
        problems.append(f"missing: {_show(expected.variables, row)}")
    for row in extra:
        problems.append(f"unexpected: {_show(expected.variables, row)}")
    return problems


def _show(variables: Iterable[str], row: Sequence[str | None]) -> str:
    return ", ".join(f"?{v}={value}" for v, value in zip(variables, row, strict=True) if value)
