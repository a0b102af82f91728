"""SPARQL over a handcar release, with an embedded store: no server needed.

The release's ``dataset.nq`` (every named graph of ``out/``) is bulk-loaded into an in-memory
Oxigraph store (pyoxigraph). A query sees, as its default graph, either the union of all named
graphs (Oxigraph's ``use_default_graph_as_union``; the default) or one named graph (``graph=``,
by short name such as ``asserted`` or by full IRI). SELECT and ASK give solutions; CONSTRUCT and
DESCRIBE give triples. :func:`render` writes either in the formats ``handcar query`` offers.

SPARQL from outside is never trusted: :func:`read_query` tells inline text from a file name by
the text alone, :func:`check_query` refuses updates and ``SERVICE`` (outbound requests) on the
parsed query, and :func:`run` evaluates in a forked child process with a deadline, a result cap,
a memory cap and no way to open a socket (:mod:`handcar.limits`).

SPARQL 1.1 Query: https://www.w3.org/TR/sparql11-query/ ; result formats:
https://www.w3.org/TR/sparql11-results-json/ and https://www.w3.org/TR/sparql11-results-csv-tsv/
"""

from __future__ import annotations

import contextlib
import errno
import functools
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NoReturn

import pyoxigraph as ox

from handcar import limits
from handcar.errors import IOFailure, LimitError
from handcar.namespaces import PREFIXES

RELEASE_FILE = "dataset.nq"
"""The release file an embedded store is loaded from: N-Quads, every named graph."""

GRAPH_SEGMENT = "/graph/"
"""Handcar's graph IRIs are ``{base}graph/{name}``; the short name is what follows."""

SOLUTION_FORMATS = ("table", "csv", "tsv", "json", "xml")
"""Formats for SELECT/ASK results (``xml``: SPARQL XML results)."""
GRAPH_FORMATS = ("table", "turtle", "ntriples", "xml")
"""Formats for CONSTRUCT/DESCRIBE results (``xml``: RDF/XML)."""
FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "ntriples")
"""What ``--format`` accepts."""

_RESULTS_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "xml": ox.RdfFormat.RDF_XML,
}


class QueryError(Exception):
    """A query that cannot run: no release, a syntax error, an unknown graph, a wrong format.
    The CLI prints it and exits with status 2."""


@dataclass(frozen=True)
class Release:
    """A release folder loaded into an embedded store, with its named graphs by short name."""

    folder: Path
    store: ox.Store
    graphs: dict[str, ox.NamedNode]

    @property
    def base(self) -> str | None:
        """The data's base IRI (``…/id/``), read off the graph IRIs; None when there are none."""
        for iri in self.graphs.values():
            return iri.value[: iri.value.rindex(GRAPH_SEGMENT) + 1]
        return None

    def graph(self, name: str) -> ox.NamedNode:
        """The named graph ``name``: a short name (``asserted``) or a full IRI."""
        if name in self.graphs:
            return self.graphs[name]
        for iri in self.graphs.values():
            if iri.value == name:
                return iri
        known = ", ".join(self.graphs) or "none"
        raise QueryError(f"no graph {name!r} in {self.folder}/{RELEASE_FILE} (graphs: {known})")


def open_release(folder: Path) -> Release:
    """Load ``folder/dataset.nq`` into an in-memory store (Oxigraph's bulk loader)."""
    path = Path(folder) / RELEASE_FILE
    if not Path(folder).is_dir():
        raise QueryError(
            f"no release folder {folder}: run 'handcar build' first (or give --out DIR)"
        )
    if not path.is_file():
        raise QueryError(f"no {path}: the release is incomplete; run 'handcar build'")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"cannot load {path}: {exc}") from None
    return Release(Path(folder), store, release_graphs(store))


def release_graphs(store: ox.Store) -> dict[str, ox.NamedNode]:
    """The store's named graphs by short name (``asserted`` for ``…/graph/asserted``), sorted."""
    graphs: dict[str, ox.NamedNode] = {}
    for graph in sorted(store.named_graphs(), key=lambda g: g.value):
        if isinstance(graph, ox.NamedNode):
            value = graph.value
            short = value.rsplit(GRAPH_SEGMENT, 1)[1] if GRAPH_SEGMENT in value else value
            graphs[short] = graph
    return graphs


# --- reading a query: inline text, a file, or stdin ---------------------------------------------

STDIN = "-"
"""The argument that means: read the query from standard input."""
INLINE_ORIGIN = "the query"
STDIN_ORIGIN = "the query from stdin"


def is_inline(argument: str) -> bool:
    """Whether ``handcar query ARGUMENT`` is the query text itself rather than a file name.

    The rule, decided on the text alone (it is never handed to the file system to find out):
    text with whitespace (a space, tab or newline) or a ``{`` is a query; anything else is the
    path of a query file. Every SPARQL query that selects something needs one or the other; a
    file whose name has a space is read with ``- < 'my query.rq'``."""
    return "{" in argument or any(char.isspace() for char in argument)


def read_query(argument: str, stdin: BinaryIO | None = None) -> tuple[str, str]:
    """The SPARQL text of ``argument`` and where it came from (for messages): ``-`` reads
    ``stdin``, inline text (:func:`is_inline`) is the query, anything else is a query file, which
    must be a regular file within :data:`~handcar.limits.QUERY_BYTES`."""
    cap = int(limits.QUERY_BYTES.value())
    if argument == STDIN:
        origin = STDIN_ORIGIN
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(cap + 1)
        if len(data) > cap:
            raise _over(limits.QUERY_BYTES, origin, f"more than {cap} bytes", cap)
        return _decode(data, origin), origin
    if is_inline(argument):
        check_size(argument, INLINE_ORIGIN)
        return argument, INLINE_ORIGIN
    if not argument:
        raise QueryError("the query is empty: give a query, a query file, or - to read stdin")
    path = Path(argument)
    if not os.path.lexists(path):
        raise QueryError(
            f"{path}: no such query file (a query given on the command line needs a space or "
            f"a '{{'; {STDIN} reads it from stdin)"
        )
    try:
        data = limits.read_regular_file(path, limits.QUERY_BYTES)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENAMETOOLONG, errno.EISDIR):
            raise QueryError(f"{path}: {exc.strerror}") from None
        raise IOFailure(path, exc) from None
    return _decode(data, str(path)), str(path)


def _decode(data: bytes, origin: str) -> str:
    try:
        return data.decode("utf-8-sig")  # a byte-order mark is no part of the query
    except UnicodeDecodeError as exc:
        raise QueryError(f"{origin}: not UTF-8 text (byte {exc.start})") from None


# --- what handcar runs: read-only, no outbound requests ------------------------------------------

SERVICE_REFUSED = "SERVICE is refused: handcar makes no outbound requests"
READ_ONLY = "handcar query is read-only"


class QueryRefused(QueryError):
    """A query handcar will not run: one that would make a request (``SERVICE``) or an update."""


def check_size(sparql: str, origin: str) -> None:
    """Refuse query text over :data:`~handcar.limits.QUERY_BYTES`."""
    cap = int(limits.QUERY_BYTES.value())
    size = len(sparql.encode("utf-8", "surrogatepass"))
    if size > cap:
        raise _over(limits.QUERY_BYTES, origin, f"{size} bytes", cap)


def check_query(sparql: str, origin: str = INLINE_ORIGIN) -> None:
    """Refuse, before anything runs, a query handcar must not run; for every place that runs
    SPARQL it did not write (``handcar query``, a future ``/sparql`` endpoint).

    The decision is made on the query as parsed by rdflib's SPARQL 1.1 parser (which also reads
    ``\\u`` escapes, as the standard says), never by looking for words in the text: a query over
    :data:`~handcar.limits.QUERY_BYTES`, an update (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``,
    ``DROP``, …: :data:`READ_ONLY`), a ``SERVICE`` anywhere (:data:`SERVICE_REFUSED`: it makes
    Oxigraph send an HTTP request), and text that does not parse are refused with
    :class:`QueryError` (:class:`QueryRefused` for the refusals). ``FROM``/``FROM NAMED`` only
    name graphs of the store: Oxigraph fetches nothing for them."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql import parser

    check_size(sparql, origin)
    try:
        tree = parser.parseQuery(sparql)
    except ParseBaseException as exc:
        update = _as_update(sparql)
        if update is not None:
            raise QueryRefused(f"{_at(origin)}{READ_ONLY}: {update} is a SPARQL Update") from None
        raise QueryError(_syntax_error(origin, exc)) from None
    except RecursionError:
        raise QueryError(f"SPARQL syntax error in {origin}: nested too deeply") from None
    if _has_service(tree):
        raise QueryRefused(f"{_at(origin)}{SERVICE_REFUSED}")


def _at(origin: str) -> str:
    """``file: `` before a message about a query file; nothing for a query given as text."""
    return "" if origin in (INLINE_ORIGIN, STDIN_ORIGIN) else f"{origin}: "


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
    if _at(origin) and line:
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


# --- running a query: in a child process, with a deadline, a memory cap and a result cap ---------

Result = ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]
"""What :func:`run` gives: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE)."""

_SOLUTIONS_WIRE = ox.QueryResultsFormat.TSV  # one line per solution, terms written in full
_TRIPLES_WIRE = ox.RdfFormat.N_TRIPLES  # one line per triple
_CHUNK = 1 << 16


def run(
    release: Release,
    sparql: str,
    *,
    graph: str | None = None,
    origin: str = INLINE_ORIGIN,
    timeout: float | None = None,
    max_results: int | None = None,
) -> Result:
    """Evaluate ``sparql`` over the union of the release's named graphs, or over ``graph``.

    handcar's prefixes (``djo:``, ``schema:``, ``rdfs:``, …: :data:`PREFIXES`) are predeclared;
    the query's own ``PREFIX`` declarations take precedence. The query is checked
    (:func:`check_query`) and then evaluated in a forked child process, because a running
    Oxigraph query cannot be interrupted from Python: the child checks, evaluates and streams the
    result through a pipe; it is killed at the deadline (``timeout`` seconds, default
    :data:`~handcar.limits.QUERY_TIMEOUT`), when the result has more than ``max_results`` rows or
    triples (default :data:`~handcar.limits.QUERY_RESULTS`), or when the result grows past
    :data:`~handcar.limits.QUERY_MEMORY`, which also caps the child's address space. The child
    cannot open a file descriptor (so no socket either) once the check has passed. Every failure
    is a :class:`QueryError` or a :class:`~handcar.errors.LimitError`."""
    bounds = _Bounds(
        seconds=float(timeout if timeout is not None else limits.QUERY_TIMEOUT.value()),
        results=int(max_results if max_results is not None else limits.QUERY_RESULTS.value()),
        memory=int(limits.QUERY_MEMORY.value()),
        timeout_option="--timeout" if timeout is not None else None,
        results_option="--max-results" if max_results is not None else None,
    )
    options: dict[str, object] = {"prefixes": PREFIXES}
    if graph is None:
        options["use_default_graph_as_union"] = True
    else:
        options["default_graph"] = release.graph(graph)
    check_size(sparql, origin)
    _preload_for_child()
    data_read, data_write = os.pipe()
    status_read, status_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(data_read)
        os.close(status_read)
        _child(release.store, sparql, origin, options, bounds.memory, data_write, status_write)
    os.close(data_write)
    os.close(status_write)
    try:
        data, status = _collect(data_read, status_read, origin, bounds)
    finally:
        _reap(pid)
    return _result(data, status, origin, bounds)


@dataclass(frozen=True)
class _Bounds:
    """The limits of one query run, and the options that set them (for messages)."""

    seconds: float
    results: int
    memory: int
    timeout_option: str | None
    results_option: str | None


@functools.cache
def _preload_for_child() -> None:
    """Import, in this process, everything the child needs (once sealed it cannot open a file),
    and warm up rdflib's parser once here, so that no child pays for it again."""
    import json  # noqa: F401
    import resource  # noqa: F401

    from rdflib.plugins.sparql import parser

    parser.parseQuery("ASK {}")


def _child(
    store: ox.Store,
    sparql: str,
    origin: str,
    options: dict[str, object],
    memory: int,
    data_fd: int,
    status_fd: int,
) -> NoReturn:
    """Check and evaluate the query, stream the result to ``data_fd``, then write a JSON status
    (``{"kind": …}`` or ``{"error": …, "class": …}``) to ``status_fd`` and exit."""
    import json

    status: dict[str, str]
    try:
        _quiet_stdio()
        _cap_memory(memory)
        check_query(sparql, origin)
        data_fd, status_fd = _seal_descriptors(data_fd, status_fd)
        result = store.query(sparql, **options)
        what = kind(result)
        with open(data_fd, "wb", buffering=_CHUNK) as out:
            if what == "triples":
                ox.serialize(result, out, format=_TRIPLES_WIRE)
            else:
                result.serialize(out, format=_SOLUTIONS_WIRE)
        status = {"kind": what}
    except QueryRefused as exc:
        status = {"error": str(exc), "class": "refused"}
    except QueryError as exc:
        status = {"error": str(exc), "class": "query"}
    except LimitError as exc:
        status = {"error": exc.message, "class": "limit"}
    except SyntaxError as exc:
        status = {"error": f"SPARQL syntax error in {origin}: {exc}", "class": "query"}
    except MemoryError:
        status = {"error": "", "class": "memory"}
    except BaseException as exc:  # the child reports everything, then exits
        status = {"error": f"{origin} failed: {exc}", "class": "query"}
    try:
        os.write(status_fd, json.dumps(status).encode("utf-8"))
    finally:
        os._exit(0)


def _quiet_stdio() -> None:
    """The child's standard streams go to /dev/null: an allocation failure in Oxigraph prints
    to stderr before it aborts, and the parent reports it in one line of its own."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


def _cap_memory(extra: int) -> None:
    """Limit the child's address space to what it has (a copy of the parent) plus ``extra``."""
    import resource

    with open("/proc/self/statm", "rb") as handle:
        pages = int(handle.read().split()[0])
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = pages * os.sysconf("SC_PAGE_SIZE") + extra
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def _seal_descriptors(*keep: int) -> tuple[int, ...]:
    """Close every file descriptor but stdio and ``keep`` (renumbered 3, 4, …) and forbid new
    ones: from here on the process can open no file and no socket."""
    import fcntl
    import resource

    first = 3 + len(keep)
    moved = [fcntl.fcntl(fd, fcntl.F_DUPFD, first) for fd in keep]
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    top = max(soft, *moved) + 1 if soft != resource.RLIM_INFINITY else 1 << 20
    low = 3
    for fd in sorted(moved):
        os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, top)
    renumbered = tuple(range(3, first))
    for fd, target in zip(moved, renumbered, strict=True):
        os.dup2(fd, target, inheritable=False)
        os.close(fd)
    resource.setrlimit(resource.RLIMIT_NOFILE, (first, first))
    return renumbered


def _collect(data_fd: int, status_fd: int, origin: str, bounds: _Bounds) -> tuple[bytes, bytes]:
    """Read the child's result and status until both pipes close; kill the child at the
    deadline, past the result cap (lines, with room for the header) or the memory cap."""
    import selectors
    import time

    deadline = time.monotonic() + bounds.seconds
    chunks: list[bytes] = []
    status = b""
    size = lines = 0
    with selectors.DefaultSelector() as selector:
        selector.register(data_fd, selectors.EVENT_READ)
        selector.register(status_fd, selectors.EVENT_READ)
        try:
            while selector.get_map():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise _over(
                        limits.QUERY_TIMEOUT,
                        origin,
                        f"stopped after {bounds.seconds:g} s",
                        bounds.seconds,
                        bounds.timeout_option,
                    )
                for key, _ in selector.select(remaining):
                    block = os.read(key.fd, _CHUNK)
                    if not block:
                        selector.unregister(key.fd)
                        continue
                    if key.fd == status_fd:
                        status += block
                        continue
                    chunks.append(block)
                    size += len(block)
                    lines += block.count(b"\n")
                    if lines > bounds.results + 1:  # a header line, then one line per row
                        raise _over(
                            limits.QUERY_RESULTS,
                            origin,
                            f"more than {bounds.results} rows",
                            bounds.results,
                            bounds.results_option,
                        )
                    if size > bounds.memory:
                        raise _over(
                            limits.QUERY_MEMORY, origin, "the result is larger", bounds.memory
                        )
        finally:
            os.close(data_fd)
            os.close(status_fd)
    return b"".join(chunks), status


def _reap(pid: int) -> None:
    """Kill the child if it still runs, and collect it (no zombie)."""
    import signal

    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _result(data: bytes, status: bytes, origin: str, bounds: _Bounds) -> Result:
    """The child's answer as result objects, or the error it reported."""
    import json

    if not status:  # the child died without a word: out of memory (an abort) or killed
        died = "the query's process died, most likely out of memory"
        raise _over(limits.QUERY_MEMORY, origin, died, None)
    report = json.loads(status)
    if "error" in report:
        where = report["class"]
        if where == "refused":
            raise QueryRefused(report["error"])
        if where == "memory":
            raise _over(limits.QUERY_MEMORY, origin, "the query's process ran out of it", None)
        if where == "limit":
            raise LimitError(origin, None, report["error"])
        raise QueryError(report["error"])
    if report["kind"] == "triples":
        triples = list(ox.parse(data, format=_TRIPLES_WIRE))
        rows = len(triples)
        result: Result = triples
    else:
        result = ox.parse_query_results(data, format=_SOLUTIONS_WIRE)
        rows = max(data.count(b"\n") - 1, 0) if report["kind"] == "solutions" else 0
    if rows > bounds.results:
        raise _over(
            limits.QUERY_RESULTS, origin, f"{rows} rows", bounds.results, bounds.results_option
        )
    return result


def _over(
    limit: limits.Limit, origin: str, amount: str, value: float | None, option: str | None = None
) -> LimitError:
    """The error for a query over ``limit``: which limit, its value, and how to raise it."""
    shown = limit.value() if value is None else value
    if limit.unit == "bytes":
        size = f"{shown / limits.MiB:g} MiB" if shown >= limits.MiB else f"{shown:g} bytes"
    else:
        size = f"{shown:g} {limit.unit}"
    how = f"{option} or {limit.env}" if option else limit.env
    return LimitError(
        origin,
        None,
        f"over the limit on {limit.name} ({amount}): the limit is {size}; raise it with {how}",
    )


def kind(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> str:
    """``solutions`` (SELECT), ``boolean`` (ASK) or ``triples`` (CONSTRUCT, DESCRIBE)."""
    if isinstance(result, ox.QuerySolutions):
        return "solutions"
    if isinstance(result, ox.QueryBoolean):
        return "boolean"
    return "triples"


def default_format(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> str:
    return "turtle" if kind(result) == "triples" else "table"


def render(
    result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples,
    fmt: str,
    *,
    base: str | None = None,
) -> bytes:
    """The result serialised in ``fmt``: csv, tsv, json or xml for solutions; turtle, ntriples or
    xml (RDF/XML) for triples, sorted, Turtle with the handcar prefixes it uses.
    ``table`` is drawn by the CLI (:func:`shorten` gives its cells)."""
    what = kind(result)
    if what == "triples":
        if fmt not in _RDF_FORMATS:
            raise QueryError(
                f"--format {fmt} is for SELECT/ASK; CONSTRUCT/DESCRIBE give RDF: "
                "use turtle, ntriples or xml"
            )
        triples = sorted(result, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        if fmt == "turtle":
            return ox.serialize(
                triples, format=ox.RdfFormat.TURTLE, prefixes=_used_prefixes(triples)
            )
        return ox.serialize(triples, format=_RDF_FORMATS[fmt])
    if fmt not in _RESULTS_FORMATS:
        raise QueryError(
            f"--format {fmt} is for CONSTRUCT/DESCRIBE; SELECT/ASK give solutions: "
            "use table, csv, tsv, json or xml"
        )
    buffer = io.BytesIO()
    result.serialize(buffer, format=_RESULTS_FORMATS[fmt])
    return buffer.getvalue()


def _used_prefixes(triples: list[ox.Triple]) -> dict[str, str]:
    """handcar's prefixes whose namespace some IRI of ``triples`` starts with."""
    iris = {
        term.value
        for triple in triples
        for term in (triple.subject, triple.predicate, triple.object)
        if isinstance(term, ox.NamedNode)
    }
    iris |= {t.object.datatype.value for t in triples if isinstance(t.object, ox.Literal)}
    return {
        prefix: namespace
        for prefix, namespace in sorted(PREFIXES.items())
        if any(iri.startswith(namespace) for iri in iris)
    }


def shorten(term: ox.NamedNode | ox.BlankNode | ox.Literal | None, base: str | None) -> str:
    """A term as a person reads it in a table: prefixed IRIs (``id:`` for the data's base),
    literals by their lexical form with a language tag after ``@``."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten_iri(term.value, base)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return f"{term.value} @{term.language}" if term.language else term.value
    return str(term)


def shorten_iri(iri: str, base: str | None = None) -> str:
    """``djo:TrainLeg`` for ``https://w3id.org/djo#TrainLeg``; ``id:place/pyongyang`` under
    the data's base; otherwise the IRI in angle brackets."""
    candidates = [("id", base)] if base else []
    candidates += sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
    for prefix, namespace in candidates:
        if namespace and iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"
