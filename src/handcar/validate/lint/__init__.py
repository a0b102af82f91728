"""Shape lint: refuse shapes that would make validation pass when it should not.

pySHACL (like other engines) reports ``Conforms: True`` for a shape whose ``sh:targetClass`` is
misspelt (it selects nothing) and silently ignores misspelt SHACL terms such as ``sh:minlength``,
even with its meta-shapes check (see ``../shared/notes/pitfalls.md``). ``handcar validate`` runs
these checks first; for handcar's own shapes any problem is an error (exit status 2). In general
mode, SHACL-for-SHACL findings and single shapes that select nothing are warnings unless strict
(:func:`~handcar.validate.lint.registry.split_problems`); a problem marked ``vacuous`` never is.

One module per check, listed once, in order, in :mod:`.registry`:

1. ``vocabulary`` (:mod:`.vocabulary`): every ``sh:`` IRI is a SHACL Core or SHACL-SPARQL term.
2. ``class`` (:mod:`.names`, when names are checked): classes and properties the shapes name are
   the ontology's, or standard ones.
3. ``shacl-shacl`` (:mod:`.shacl_shacl`): the shapes conform to SHACL-for-SHACL.
4. ``sparql`` (:mod:`.sparql`): every ``sh:select`` and ``sh:ask`` parses.
5. ``focus`` (:mod:`.focus`, with reference data): every targeted shape selects a focus node,
   unless ``intentionally-empty.txt`` lists it.

What they share (the problem, the error, the context a check reads) is :mod:`.context`.
"""

from __future__ import annotations

from handcar.validate.lint.context import LintContext, LintError, LintProblem, sh
from handcar.validate.lint.focus import focus_nodes, targeted_shapes
from handcar.validate.lint.names import STANDARD_CLASSES, STANDARD_PROPERTIES
from handcar.validate.lint.registry import CHECKS, LENIENT_CHECKS, Check, lint, split_problems
from handcar.validate.lint.shacl_shacl import shacl_shacl_file
from handcar.validate.lint.sparql import declared_prefixes

__all__ = [
    "CHECKS",
    "LENIENT_CHECKS",
    "STANDARD_CLASSES",
    "STANDARD_PROPERTIES",
    "Check",
    "LintContext",
    "LintError",
    "LintProblem",
    "declared_prefixes",
    "focus_nodes",
    "lint",
    "sh",
    "shacl_shacl_file",
    "split_problems",
    "targeted_shapes",
]
