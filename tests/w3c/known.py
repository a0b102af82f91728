"""The W3C tests handcar does not get right, and why (each is an xfail in the suite runner)."""

from __future__ import annotations

#: tests plain pySHACL also gets wrong (pySHACL 0.40)
PYSHACL = {
    "core/property/uniqueLang-002": "pySHACL reports sh:uniqueLang false as a violation",
    "sparql/pre-binding/shapesGraph-001": "pySHACL does not support $shapesGraph (exit 2)",
}
#: tests the lint refuses in strict mode (``--strict``, the mode of handcar's own shapes); in
#: general mode their findings are warnings and the tests are right
STRICT = {
    "core/path/path-strange-002": "shacl-shacl",  # a path that is both a list and an inverse path
    "core/complex/shacl-shacl": "focus",  # SHACL-for-SHACL on itself: some shapes select nothing
}
