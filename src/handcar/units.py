"""QUDT units by their code: lookup, comparability and conversion to the SI coherent unit.

The table (``data/units/qudt-units.tsv``, derived from QUDT's units vocabulary by
``scripts/qudt-units.py``; QUDT is CC BY 4.0, attribution to QUDT.org) lists every QUDT unit that
is not deprecated: its code (``MI`` for ``http://qudt.org/vocab/unit/MI``), English label,
symbol, quantity kinds, dimension vector and QUDT's conversion to the SI coherent unit of the
same dimension: ``si = (value + offset) * multiplier``, and its UN/CEFACT Recommendation 20
common codes (``qudt:uneceCommonCode``, for ``schema:unitCode``). Two units are comparable when
they have the same dimension vector and both a multiplier ("about half a mile" and "more than a
kilometer": both ``A0E0L1I0M0H0T0D0``). Arithmetic is exact, in :class:`decimal.Decimal`.
"""

from __future__ import annotations

import csv
import difflib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from rdflib import URIRef

from handcar.resources import units_table

NAMESPACE = "http://qudt.org/vocab/unit/"
# OWL-Time temporal units (https://www.w3.org/TR/owl-time/#time:TemporalUnit) of the QUDT units
# that have one: a duration in one of these also gets time:unitType.
OWL_TIME_UNITS = {
    "SEC": "unitSecond",
    "MIN": "unitMinute",
    "HR": "unitHour",
    "DAY": "unitDay",
    "WK": "unitWeek",
    "MO": "unitMonth",
    "YR": "unitYear",
}


class UnknownUnit(KeyError):
    """A code that is not a (non-deprecated) QUDT unit."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One QUDT unit, as the bundled table gives it."""

    code: str
    label: str
    symbol: str
    quantity_kinds: frozenset[str]  # QUDT quantity kind local names: Length, Time, Count, ...
    dimension: str  # QUDT dimension vector local name, A0E0L1I0M0H0T0D0 for a length
    multiplier: Decimal | None  # to the SI coherent unit; None when QUDT gives none
    offset: Decimal  # added before multiplying (temperatures); 0 for most units
    unece_codes: tuple[str, ...] = ()  # UN/CEFACT common codes QUDT gives, sorted

    @property
    def iri(self) -> URIRef:
        return URIRef(NAMESPACE + self.code)

    @property
    def unece_code(self) -> str | None:
        """The unit's UN/CEFACT common code for ``schema:unitCode``: QUDT's only one, or the
        first in alphabetical order when QUDT gives several (``KiloM``: ``KMT``, not ``KTM``);
        None when QUDT gives none (``NUM``)."""
        return self.unece_codes[0] if self.unece_codes else None

    def is_a(self, kind: str) -> bool:
        """Whether QUDT gives the unit the quantity kind ``kind`` (``Length``, ``Time``)."""
        return kind in self.quantity_kinds


@cache
def _rows() -> tuple[list[str], dict[str, list[str]]]:
    """The table's header and its rows by code, as read (a unit is made when first asked for)."""
    with units_table().open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(
            (line for line in handle if not line.startswith("#")),
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
        )
        header = next(rows)
        return header, {row[0]: row for row in rows}


@cache
def _unit(code: str) -> Unit | None:
    header, rows = _rows()
    if code not in rows:
        return None
    row = dict(zip(header, rows[code], strict=True))
    return Unit(
        code=row["code"],
        label=row["label"],
        symbol=row["symbol"],
        quantity_kinds=frozenset(row["quantity_kinds"].split()),
        dimension=row["dimension"],
        multiplier=Decimal(row["multiplier"]) if row["multiplier"] else None,
        offset=Decimal(row["offset"]) if row["offset"] else Decimal(0),
        unece_codes=tuple(row["unece_codes"].split()),
    )


def _table() -> dict[str, Unit]:
    """Every unit of the table by code."""
    return {code: unit(code) for code in _rows()[1]}


def unit(code: str) -> Unit:
    """The unit with this code (case matters: ``MilliM`` is not ``MILLIM``); UnknownUnit if none."""
    found = _unit(code)
    if found is None:
        raise UnknownUnit(code)
    return found


def is_unit(code: str) -> bool:
    return code in _rows()[1]


def suggest(text: str, limit: int = 3) -> list[str]:
    """Codes of the table that ``text`` may have meant: a unit whose symbol it is in its own
    letter case (``km``), else a code or symbol in other letter case, a unit whose English label
    it is (``miles``, ``kilometer``), else the closest codes by spelling."""
    return list(_suggest(text, limit))


@cache
def _suggest(text: str, limit: int) -> tuple[str, ...]:
    table = _table()
    word = text.strip().casefold()
    forms = {word, word.removesuffix("s"), word.replace("meter", "metre")}
    forms |= {form.replace("meter", "metre") for form in forms}
    forms.discard("")  # "s" less its plural s: no unit without a symbol is meant
    typed = text.strip()
    plural = typed.removesuffix("s") if typed.endswith("s") else ""
    for matches in (
        # a symbol in its own letter case first: "km" is the kilometre, not "KM" (the
        # convertible mark), which other letter case finds when nothing else does; "ms" is
        # the millisecond before it is metres
        lambda found: typed in (found.code, found.symbol),
        lambda found: bool(plural) and plural in (found.code, found.symbol),
        lambda found: bool(forms & {found.code.casefold(), found.symbol.casefold()}),
        lambda found: found.label.casefold() in forms,
        lambda found: bool(forms & set(found.label.casefold().split())),
    ):
        codes = [code for code, found in table.items() if matches(found)]
        if codes:
            return tuple(sorted(codes, key=lambda code: (len(code), code))[:limit])
    return tuple(difflib.get_close_matches(text, list(table), n=limit, cutoff=0.6))


def comparable(a: str, b: str) -> bool:
    """Whether values in units ``a`` and ``b`` can be converted into each other."""
    first, second = unit(a), unit(b)
    return (
        first.dimension == second.dimension
        and first.multiplier is not None
        and second.multiplier is not None
    )


def to_si(value: Decimal, code: str) -> Decimal:
    """``value`` in unit ``code`` as a value in the SI coherent unit of its dimension."""
    found = unit(code)
    if found.multiplier is None:
        raise ValueError(f"QUDT gives no conversion for unit {code}")
    return (value + found.offset) * found.multiplier


def convert(value: Decimal, source: str, target: str) -> Decimal:
    """``value`` in unit ``source`` expressed in unit ``target`` (they must be comparable)."""
    if not comparable(source, target):
        raise ValueError(f"{source} and {target} are not comparable units")
    found = unit(target)
    assert found.multiplier is not None
    return to_si(value, source) / found.multiplier - found.offset


def all_codes() -> list[str]:
    """Every code of the table, sorted (the enum of ``unit:`` in the annotation's schema)."""
    return sorted(_rows()[1])
