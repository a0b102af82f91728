"""The lint checks, listed once, in the order they run; and which of them only warn.

Like pySHACL's table of constraint components, :data:`CHECKS` is the one list: adding a check is
one module with a function of a :class:`~handcar.validate.lint.context.LintContext` and one row
here. A row says what the check needs (the ontology names are checked against, or reference
data) and whether its problems are only warnings outside strict mode (:func:`split_problems`:
general mode, ``handcar validate --shapes``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from rdflib import Graph

from handcar.ontology import Ontology
from handcar.validate.lint.context import LintContext, LintProblem
from handcar.validate.lint.focus import check_focus
from handcar.validate.lint.names import check_names
from handcar.validate.lint.shacl_shacl import check_shacl_shacl
from handcar.validate.lint.sparql import check_sparql
from handcar.validate.lint.vocabulary import check_vocabulary
from handcar.validate.shapes import Shapes


@dataclass(frozen=True)
class Check:
    """One lint check: its name (in every problem it reports), its function, what it needs to
    run at all, and whether its problems are warnings outside strict mode."""

    name: str
    run: Callable[[LintContext], None]
    needs: Literal["ontology", "data"] | None = None
    lenient: bool = False


CHECKS: tuple[Check, ...] = (
    Check("vocabulary", check_vocabulary),
    Check("class", check_names, needs="ontology"),
    Check("shacl-shacl", check_shacl_shacl, lenient=True),
    Check("sparql", check_sparql),
    Check("focus", check_focus, needs="data", lenient=True),
)

#: lint checks whose problems are warnings outside strict mode
LENIENT_CHECKS = frozenset(check.name for check in CHECKS if check.lenient)


def lint(shapes: Shapes, ontology: Ontology | None, data: Graph | None = None) -> list[LintProblem]:
    """Every problem with ``shapes``; ``ontology`` is what names are checked against (None: no
    name check); ``data`` enables the focus check."""
    ctx = LintContext(shapes, ontology, data)
    for check in CHECKS:
        if check.needs is None or getattr(ctx, check.needs) is not None:
            ctx.check = check.name
            check.run(ctx)
    return ctx.problems


def split_problems(
    problems: list[LintProblem], strict: bool
) -> tuple[list[LintProblem], list[LintProblem]]:
    """``(errors, warnings)``: in strict mode everything is an error; otherwise problems of
    :data:`LENIENT_CHECKS` are warnings, except all of a check's when one of its problems is
    ``vacuous`` (the focus check's, when no targeted shape selects anything)."""
    if strict:
        return problems, []
    vacuous = {p.check for p in problems if p.vacuous}
    warnings = [p for p in problems if p.check in LENIENT_CHECKS and p.check not in vacuous]
    errors = [p for p in problems if p not in warnings]
    return errors, warnings
