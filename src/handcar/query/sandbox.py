"""Running a query in a forked child process, with a deadline, a memory cap and a result cap.

A running Oxigraph query cannot be interrupted from Python, so :func:`run` forks: the child
checks the query (:func:`~handcar.query.check.check_query`), seals itself (no new file
descriptor, so no socket), evaluates and streams the result through a pipe; the parent reads it
and kills the child at the deadline, past the result cap or the memory cap
(:mod:`handcar.limits`).
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from dataclasses import dataclass
from typing import NoReturn

import pyoxigraph as ox

from handcar import limits
from handcar.errors import LimitError
from handcar.namespaces import PREFIXES
from handcar.query.check import check_query, check_size, names_its_dataset
from handcar.query.errors import INLINE_ORIGIN, QueryError, QueryRefused, over_limit
from handcar.query.release import Release

Result = ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]
"""What :func:`run` gives: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE)."""

_SOLUTIONS_WIRE = ox.QueryResultsFormat.TSV  # one line per solution, terms written in full
_TRIPLES_WIRE = ox.RdfFormat.N_TRIPLES  # one line per triple
_CHUNK = 1 << 16

FORK_LOCK = threading.Lock()
"""Held while :func:`run` forks. A process that also reads the store from other threads
(``handcar serve``) holds it around those reads, so that no thread is inside the store, holding
one of its locks, when the child is forked (the child would inherit the lock held forever)."""


def run(
    release: Release,
    sparql: str,
    *,
    graph: str | None = None,
    origin: str = INLINE_ORIGIN,
    timeout: float | None = None,
    max_results: int | None = None,
    timeout_limit: limits.Limit = limits.QUERY_TIMEOUT,
    results_limit: limits.Limit = limits.QUERY_RESULTS,
) -> Result:
    """Evaluate ``sparql`` over the union of the release's named graphs, or over ``graph``.

    handcar's prefixes (``djo:``, ``schema:``, ``rdfs:``, …: :data:`PREFIXES`) are predeclared;
    the query's own ``PREFIX`` declarations take precedence. The query is checked
    (:func:`check_query`) and then evaluated in a forked child process, because a running
    Oxigraph query cannot be interrupted from Python: the child checks, evaluates and streams the
    result through a pipe; it is killed at the deadline (``timeout`` seconds, default
    :data:`~handcar.limits.QUERY_TIMEOUT`), when the result has more than ``max_results`` rows or
    triples (default :data:`~handcar.limits.QUERY_RESULTS`), or when the result grows past
    :data:`~handcar.limits.QUERY_MEMORY`, which also caps the child's address space
    (``timeout_limit`` and ``results_limit`` replace the two defaults, for ``handcar serve``,
    whose own limits these are). The child
    cannot open a file descriptor (so no socket either) once the check has passed. Every failure
    is a :class:`QueryError` or a :class:`~handcar.errors.LimitError`."""
    bounds = _Bounds(
        seconds=float(timeout if timeout is not None else timeout_limit.value()),
        results=int(max_results if max_results is not None else results_limit.value()),
        memory=int(limits.QUERY_MEMORY.value()),
        timeout_option="--timeout" if timeout is not None else None,
        results_option="--max-results" if max_results is not None else None,
        timeout_limit=timeout_limit,
        results_limit=results_limit,
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
    with FORK_LOCK:
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
    timeout_limit: limits.Limit = limits.QUERY_TIMEOUT
    results_limit: limits.Limit = limits.QUERY_RESULTS


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
        if names_its_dataset(check_query(sparql, origin)):
            # FROM / FROM NAMED: the query's own dataset, not the union (Oxigraph's union option
            # would replace it)
            options.pop("use_default_graph_as_union", None)
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
                    raise over_limit(
                        bounds.timeout_limit,
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
                        raise over_limit(
                            bounds.results_limit,
                            origin,
                            f"more than {bounds.results} rows",
                            bounds.results,
                            bounds.results_option,
                        )
                    if size > bounds.memory:
                        raise over_limit(
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
        raise over_limit(limits.QUERY_MEMORY, origin, died, None)
    report = json.loads(status)
    if "error" in report:
        where = report["class"]
        if where == "refused":
            raise QueryRefused(report["error"])
        if where == "memory":
            raise over_limit(limits.QUERY_MEMORY, origin, "the query's process ran out of it", None)
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
        raise over_limit(
            bounds.results_limit, origin, f"{rows} rows", bounds.results, bounds.results_option
        )
    return result


def kind(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> str:
    """``solutions`` (SELECT), ``boolean`` (ASK) or ``triples`` (CONSTRUCT, DESCRIBE)."""
    if isinstance(result, ox.QuerySolutions):
        return "solutions"
    if isinstance(result, ox.QueryBoolean):
        return "boolean"
    return "triples"
