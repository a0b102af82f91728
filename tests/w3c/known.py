"""The W3C tests handcar does not get right, and why (each is an xfail in the suite runner)."""

from __future__ import annotations

#: tests plain pySHACL also gets wrong (pySHACL 0.40)
PYSHACL = {
    "core/property/uniqueLang-002": "pySHACL reports sh:uniqueLang false as a violation",
    "sparql/pre-binding/shapesGraph-001": "pySHACL does not support $shapesGraph (exit 2)",
}
#: tests handcar's lint refuses on purpose (exit 2: a refusal, never "conforms")
LINT = {
    "core/path/path-strange-002": "the shapes fail SHACL-for-SHACL (a path that is both a list "
    "and an inverse path); the lint refuses ill-formed shapes",
}
#: refused only by the coverage check (shapes that select nothing); right with --no-coverage
COVERAGE = {
    "core/complex/shacl-shacl": "SHACL-for-SHACL validated against itself: shsh:EntailmentShape "
    "and others select nothing",
}
