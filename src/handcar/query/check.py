"""The safety check: what handcar refuses to run, decided on the parsed query.

SPARQL from outside is never trusted. :func:`check_query` refuses updates and ``SERVICE``
(outbound requests) on the query as rdflib's SPARQL 1.1 parser reads it, never by looking for
words in the text; :mod:`handcar.query.sandbox` runs it again in the child process that
evaluates the query.
"""

from __future__ import annotations

from handcar import limits
from handcar.query.errors import INLINE_ORIGIN, QueryError, QueryRefused, over_limit, where

SERVICE_REFUSED = "SERVICE is refused: handcar makes no outbound requests"
READ_ONLY = "handcar query is read-only"


def check_size(sparql: str, origin: str) -> None:
    """Refuse query text over :data:`~handcar.limits.QUERY_BYTES`."""
    cap = int(limits.QUERY_BYTES.value())
    size = len(sparql.encode("utf-8", "surrogatepass"))
    if size > cap:
        raise over_limit(limits.QUERY_BYTES, origin, f"{size} bytes", cap)


def check_query(sparql: str, origin: str = INLINE_ORIGIN) -> object:
    """Refuse, before anything runs, a query handcar must not run; for every place that runs
    SPARQL it did not write (``handcar query``, ``handcar serve``'s ``/sparql``).

    The decision is made on the query as parsed by rdflib's SPARQL 1.1 parser (which also reads
    ``\\u`` escapes, as the standard says), never by looking for words in the text: a query over
    :data:`~handcar.limits.QUERY_BYTES`, an update (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``,
    ``DROP``, …: :data:`READ_ONLY`), a ``SERVICE`` anywhere (:data:`SERVICE_REFUSED`: it makes
    Oxigraph send an HTTP request), and text that does not parse are refused with
    :class:`QueryError` (:class:`QueryRefused` for the refusals). ``FROM``/``FROM NAMED`` only
    name graphs of the store: Oxigraph fetches nothing for them. Returns rdflib's parse tree
    (:func:`names_its_dataset` reads it)."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql import parser

    check_size(sparql, origin)
    try:
        tree = parser.parseQuery(sparql)
    except ParseBaseException as exc:
        update = _as_update(sparql)
        if update is not None:
            raise QueryRefused(f"{where(origin)}{READ_ONLY}: {update} is a SPARQL Update") from None
        raise QueryError(_syntax_error(origin, exc)) from None
    except RecursionError:
        raise QueryError(f"SPARQL syntax error in {origin}: nested too deeply") from None
    if _has_service(tree):
        raise QueryRefused(f"{where(origin)}{SERVICE_REFUSED}")
    return tree


def names_its_dataset(tree: object) -> bool:
    """Whether the query (a :func:`check_query` parse tree) has ``FROM`` or ``FROM NAMED``: its
    own dataset, which replaces the default one (the union of the release's graphs)."""
    return bool(dict.get(tree[1], "datasetClause"))  # type: ignore[index, call-overload]


def _as_update(sparql: str) -> str | None:
    """The first operation's keyword (``INSERT DATA``, ``LOAD``…) if ``sparql`` is an update."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql import parser

    try:
        update = parser.parseUpdate(sparql)
    except (ParseBaseException, RecursionError):
        return None
    requests = update.get("request") or []
    name = getattr(requests[0], "name", "") if requests else ""
    return _UPDATE_NAMES.get(name, "an update" if not name else name.upper())


_UPDATE_NAMES = {
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
    "InsertData": "INSERT DATA",
    "DeleteData": "DELETE DATA",
    "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT",
}


def _syntax_error(origin: str, exc: Exception) -> str:
    line, column = getattr(exc, "lineno", None), getattr(exc, "col", None)
    message = getattr(exc, "msg", str(exc))
    found = getattr(exc, "found", None)
    detail = f"{message}, found {found}" if found else message
    if where(origin) and line:
        return f"{origin}:{line}: SPARQL syntax error at column {column}: {detail}"
    return f"SPARQL syntax error in {origin} at line {line}, column {column}: {detail}"


def _has_service(tree: object) -> bool:
    """Whether the parse tree holds a ``SERVICE`` pattern, at any depth (sub-queries, ``EXISTS``,
    ``OPTIONAL``, ``UNION``, ``GRAPH``, ``MINUS``…)."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    pending = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                return True
            pending.extend(dict.values(node))
        elif isinstance(node, ParseResults | list | tuple):
            pending.extend(node)
        elif isinstance(node, dict):
            pending.extend(node.values())
    return False
