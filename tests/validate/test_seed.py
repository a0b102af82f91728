"""handcar's own published data conforms to its shapes, and every shape is exercised by it."""

from __future__ import annotations

from validate_harness import keys, show

from handcar.ontology import Ontology
from handcar.validate.engine import DataGraph, run
from handcar.validate.lint import lint
from handcar.validate.report import Severity
from handcar.validate.shapes import Shapes


def test_published_seed_has_no_violation(seed: DataGraph, shapes: Shapes,
                                         ontology: Ontology) -> None:
    report = run(seed, shapes, ontology, prepared=True)
    violations = report.at_or_above(Severity.VIOLATION)
    assert not violations, show(keys(report, violations))


def test_shapes_pass_the_lint_with_the_focus_check_on_the_seed(seed: DataGraph, shapes: Shapes,
                                                           ontology: Ontology) -> None:
    """Every targeted shape selects a focus node in the seed, or is listed (with a reason) in
    shapes/intentionally-empty.txt, and no listed shape selects one."""
    problems = lint(shapes, ontology, seed)
    assert not problems, "\n".join(map(str, problems))


def test_warnings_and_infos_on_the_seed_are_the_known_ones(seed: DataGraph, shapes: Shapes,
                                                           ontology: Ontology) -> None:
    report = run(seed, shapes, ontology, prepared=True)
    below = {(r.severity.label, report.shape_id(r)) for r in report.results
             if r.severity < Severity.VIOLATION}
    # the train ride's end is a place the article does not name or describe in its own words
    assert below <= {("info", "djosh:UnnamedPlaceShape/the-source-s-words"),
                     ("warning", "djosh:DescribedThing-labelLanguage")}, below
