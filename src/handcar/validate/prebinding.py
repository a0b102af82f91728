"""When Oxigraph's ``substitutions`` give exactly SHACL's pre-binding, and when they do not.

SHACL-SPARQL pre-binds ``$this`` (and other variables) by replacing the variable with its value
everywhere in the query's algebra (https://www.w3.org/TR/shacl/#pre-binding). Oxigraph's
``Store.query(..., substitutions=...)`` does not: it restricts the solutions to the given value,
so a ``FILTER`` or ``BIND`` that reads ``$this`` before a triple pattern binds it sees it unbound
(the W3C tests ``sparql/pre-binding/pre-binding-003..005`` give 0 rows instead of 1).

The two agree on the fragment :func:`substitution_is_prebinding` accepts, by induction over the
SPARQL algebra, writing R(p) for "the solutions of p compatible with x=v, with x=v added":

- a basic graph pattern: substituting v for x is the same as keeping the solutions with x=v;
- ``Join``/``Union``: R distributes over them;
- ``Filter(e, p)``/``Extend(p, y, e)``: equal when e does not mention x or every solution of p
  binds x (then e reads v under both); ``EXISTS`` inside e sees x bound either way;
- ``LeftJoin(a, b, e)``: equal when x is bound by every solution of a or not used in b and e;
- ``GROUP BY`` with x as a key: keeping the group of v is grouping the solutions with x=v;
- at the top, x must be bound by every solution and projected, and there may be no ``LIMIT``/
  ``OFFSET`` (they act before the restriction).

Anything else (sub-``SELECT``, ``VALUES``, ``MINUS``, ``SERVICE``, ``GRAPH``, property paths the
algebra does not reduce to triples…) is refused, and the caller evaluates the query as pySHACL
does (rdflib with ``initBindings``).
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Variable
from rdflib.plugins.sparql.parserutils import CompValue

#: algebra operators whose evaluation the proof above covers
_PATTERNS = frozenset({"BGP", "Join", "LeftJoin", "Filter", "Union", "Extend", "AggregateJoin"})
#: operators allowed around the pattern at the top of a SELECT query
_TOP = frozenset({"SelectQuery", "Project", "Distinct", "Reduced", "OrderBy"})


class _Unsafe(Exception):
    """The query is outside the fragment where substitution equals pre-binding."""


def substitution_is_prebinding(algebra: CompValue, variables: Iterable[str]) -> bool:
    """True when running ``algebra`` (rdflib's algebra of a SELECT query) with ``variables``
    substituted gives exactly the solutions of SHACL pre-binding."""
    names = {Variable(str(v)) for v in variables}
    node = algebra
    projected: list[Variable] | None = None
    try:
        while isinstance(node, CompValue) and node.name in _TOP:
            if node.name == "Project":
                projected = list(node.PV or [])
            node = node.p
        if not isinstance(node, CompValue) or node.name not in _PATTERNS:
            return False
        bound = _check(node, names)
    except _Unsafe:
        return False
    return names <= bound and (projected is None or names <= set(projected))


def _check(node: CompValue, names: set[Variable]) -> set[Variable]:
    """The variables every solution of ``node`` binds; raises :class:`_Unsafe` outside the
    fragment."""
    if not isinstance(node, CompValue) or node.name not in _PATTERNS:
        raise _Unsafe
    if node.name == "BGP":
        return {t for triple in node.triples for t in triple if isinstance(t, Variable)}
    if node.name == "AggregateJoin":
        return _grouped(node, names)
    if node.name == "Join":
        return _check(node.p1, names) | _check(node.p2, names)
    if node.name == "Union":
        return _check(node.p1, names) & _check(node.p2, names)
    if node.name == "Filter":
        bound = _check(node.p, names)
        _expression(node.expr, names, bound)
        return bound
    if node.name == "Extend":
        bound = _check(node.p, names)
        if node.var in names and not _regrouped(node):
            raise _Unsafe  # BIND(... AS $this): not allowed by SHACL
        _expression(node.expr, names, bound)
        return bound
    # LeftJoin
    left = _check(node.p1, names)
    right = _check(node.p2, names)
    used = _variables(node.p2) | (_variables(node.expr) if node.expr is not None else set())
    if (used & names) - left:
        raise _Unsafe
    _expression(node.expr, names, left | right)
    return left


def _grouped(node: CompValue, names: set[Variable]) -> set[Variable]:
    """``GROUP BY`` with every pre-bound variable as a key, bound by every solution: keeping the
    group of v is the same as grouping the solutions with x=v. Returns the group keys."""
    group = node.p
    if not isinstance(group, CompValue) or group.name != "Group":
        raise _Unsafe
    keys = {e for e in (group.expr or []) if isinstance(e, Variable)}
    bound = _check(group.p, names)
    if not names <= keys & bound:
        raise _Unsafe
    for aggregate in node.A or []:
        for pattern in _exists_patterns(aggregate):
            _check(pattern, names)
    return keys & bound


def _regrouped(node: CompValue) -> bool:
    """rdflib's ``Extend`` that gives a ``GROUP BY`` key back its name (``SAMPLE(x) AS x``)."""
    inner = node.p
    return (
        isinstance(inner, CompValue)
        and inner.name == "AggregateJoin"
        and any(
            a.name == "Aggregate_Sample" and a.vars == node.var and a.res == node.expr
            for a in inner.A or []
        )
    )


def _expression(expr: object, names: set[Variable], bound: set[Variable]) -> None:
    """``expr`` may read a pre-bound variable only where every solution binds it, and the
    patterns of its ``EXISTS`` must be inside the fragment."""
    if expr is None:
        return
    if (_variables(expr) & names) - bound:
        raise _Unsafe
    for pattern in _exists_patterns(expr):
        _check(pattern, names)


def _variables(value: object) -> set[Variable]:
    found: set[Variable] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Variable):
            found.add(item)
        elif isinstance(item, dict):
            stack.extend(v for k, v in item.items() if k != "_vars")
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    return found


def _exists_patterns(expr: object) -> list[CompValue]:
    found: list[CompValue] = []
    stack = [expr]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):
                found.append(item.graph)
                continue
            stack.extend(v for k, v in item.items() if k != "_vars")
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    return found
