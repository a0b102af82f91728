"""schema:unitCode: the UN/CEFACT common code of a quantity's QUDT unit, from the bundled table.

The codes come from QUDT's qudt:uneceCommonCode (``handcar.units``); a count (unit:NUM, which has
none in QUDT) is C62, "one". djosh:UnitCodeShape checks a published code against the codes QUDT
gives the unit, which the build publishes in the enrichment graph (graph/units.py).
"""

from __future__ import annotations

import re

import pytest
from rdflib import Literal

from handcar.graph.units import unit_triples
from handcar.graph.values import COUNT_CODE, unit_code
from handcar.namespaces import QUDT
from handcar.units import _table


@pytest.mark.parametrize(
    ("unit", "code"),
    [("KiloM", "KMT"), ("M", "MTR"), ("HR", "HUR"), ("MIN", "MIN"), ("DAY", "DAY"),
     ("YR", "ANN"), ("NUM", "C62"), ("MI", "SMI"), ("WK", "WEE"), ("MO", "MON"), ("FT", "FOT")],
)
def test_codes_checked_against_qudt(unit: str, code: str) -> None:
    """Read from QUDT v3.5.0's qudt:uneceCommonCode (KiloM lists KMT and KTM: KMT, the first)
    and unit:ONE's C62 for a count: a changed code must be checked again."""
    assert unit_code(unit) == Literal(code)


def test_the_code_is_a_plain_string_or_none() -> None:
    code = unit_code("HR")
    assert code == Literal("HUR") and code.datatype is None and code.language is None
    assert unit_code("DEG_C") == Literal("CEL")
    assert unit_code("PlanckTime") is None  # QUDT gives it no code: none is invented


def test_every_code_of_the_table_is_a_un_cefact_code() -> None:
    codes = {c for found in _table().values() for c in found.unece_codes}
    assert len(codes) > 1000
    assert all(re.fullmatch(r"[A-Z0-9]{2,3}", c) for c in codes)


def test_the_published_description_carries_the_code_the_quantity_gives() -> None:
    for unit in ("KiloM", "HR", "MI"):
        published = {o for _s, p, o in unit_triples(unit) if p == QUDT.uneceCommonCode}
        assert unit_code(unit) in published
    # a count's C62 is handcar's choice, not QUDT's: the shape allows it for unit:NUM only
    assert not [t for t in unit_triples("NUM") if t[1] == QUDT.uneceCommonCode]
    assert COUNT_CODE == "C62"
