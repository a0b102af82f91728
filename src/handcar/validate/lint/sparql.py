"""Lint check ``sparql``: every ``sh:select`` and ``sh:ask`` parses as SPARQL 1.1.

A query that does not parse makes its constraint fail in one engine and vanish in another. Each
query is parsed (by Oxigraph, not run) with the prefixes its ``sh:prefixes`` declare, following
``owl:imports`` as SHACL-SPARQL engines do (https://www.w3.org/TR/shacl/#sparql-prefixes).
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import OWL, Graph
from rdflib.term import Node

from handcar.validate.lint.context import LintContext, sh

#: what ``$PATH`` stands for while a validator's query is only parsed (SHACL substitutes the
#: path's SPARQL syntax for it before running the query)
PATH_STAND_IN = "<urn:handcar:lint:path>"


def check_sparql(ctx: LintContext) -> None:
    """Every ``sh:select`` and ``sh:ask`` parses with the prefixes its ``sh:prefixes`` declare,
    following ``owl:imports`` as SHACL-SPARQL engines do."""
    store = ox.Store()
    for key in (sh("select"), sh("ask")):
        for executable, text in ctx.graph.subject_objects(key):
            prefixes = declared_prefixes(ctx.graph, executable)
            try:
                store.query(str(text).replace("$PATH", PATH_STAND_IN), prefixes=prefixes)
            except SyntaxError as exc:
                ctx.add(f"{ctx.name(ctx.owner(executable))}: {ctx.name(key)} does not "
                        f"parse: {exc.msg}", executable)


def declared_prefixes(graph: Graph, executable: Node) -> dict[str, str]:
    """``prefix → namespace`` from the ``sh:declare`` of each ``sh:prefixes`` value of
    ``executable`` and of everything those values ``owl:imports``, transitively."""
    prefixes: dict[str, str] = {}
    pending = list(graph.objects(executable, sh("prefixes")))
    seen: set[Node] = set()
    while pending:
        holder = pending.pop()
        if holder in seen:
            continue
        seen.add(holder)
        pending += graph.objects(holder, OWL.imports)
        for declaration in graph.objects(holder, sh("declare")):
            prefix = graph.value(declaration, sh("prefix"))
            namespace = graph.value(declaration, sh("namespace"))
            if prefix is not None and namespace is not None:
                prefixes[str(prefix)] = str(namespace)
    return prefixes
