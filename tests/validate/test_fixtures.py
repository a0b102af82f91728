"""The fixture suite: every constraint of the DJO shapes has a case that breaks it, and each case
gives exactly the results expected (focus node, path, constraint component, severity, shape)."""

from __future__ import annotations

import pytest
from validate_cases import CASES
from validate_generated import applied, generate
from validate_harness import Case, Expected, constraint_units, keys, result_key, show, validate_case

from handcar.ontology import Ontology
from handcar.validate.engine import DataGraph, run
from handcar.validate.shapes import Shapes


def test_the_base_has_no_result_at_any_severity(mini: DataGraph, shapes: Shapes,
                                                ontology: Ontology) -> None:
    report = run(mini, shapes, ontology, prepared=True)
    assert report.results == [], show(keys(report))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case_gives_exactly_the_expected_results(case: Case, mini: DataGraph, shapes: Shapes,
                                                 ontology: Ontology) -> None:
    report = validate_case(case, mini, shapes, ontology)
    got = keys(report)
    assert got == case.expected, f"{case.doc}\ngot:\n{show(got)}\nexpected:\n{show(case.expected)}"


@pytest.mark.slow  # a few full builds or validations: CI runs it
def test_generated_cases_give_exactly_the_expected_result(mini: DataGraph, shapes: Shapes,
                                                          ontology: Ontology) -> None:
    cases = generate(shapes.graph, mini)
    assert len(cases) > 150
    failures = []
    for case in cases:
        with applied(case, mini, ontology):
            report = run(mini, shapes, ontology, prepared=True, focus_nodes=[case.focus])
        got = {k for k in (result_key(report, r) for r in report.results)
               if k[4] == case.expect[4] and k[3] == case.component}
        if got != {case.expect}:
            failures.append(f"{case.id}: expected {case.expect}, got {sorted(got, key=str)}")
    assert not failures, "\n".join(failures)


def test_every_constraint_has_a_case(mini: DataGraph, shapes: Shapes) -> None:
    units = constraint_units(shapes.graph)
    covered = {(c.expect[4], c.component) for c in generate(shapes.graph, mini)}
    for case in CASES:
        covered |= {(Expected.parse(line).shape, Expected.parse(line).component)
                    for line in case.expect}
    assert len(units) > 300
    assert not sorted(units - covered), "constraints without a case"
    assert not sorted(covered - units), "cases naming constraints that do not exist"


def test_case_ids_are_unique() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))
