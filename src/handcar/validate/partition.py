"""pySHACL in several forked processes, each validating a share of the focus nodes.

Why this gives exactly the results of one run: a SHACL validation result belongs to one shape
and one focus node, and whether it exists depends only on that node, the shape and the data
graph (SHACL 3.4: every target node is validated on its own). Each worker is a fork of the
process that holds the prepared data graph (and its Oxigraph copy), so every worker sees the
whole graph, and the shapes graph with the same blank nodes; worker *i* keeps, of the focus
nodes each shape's targets select, those whose :func:`share` is *i*. Every focus node is in
exactly one share, so the union of the workers' results is the set of results of one run.
Nested validation (``sh:node``, ``sh:or``, ``sh:property`` on value nodes) is not restricted:
only the top-level choice of focus nodes is (see :func:`_restrict`).

pySHACL's own ``focus_nodes`` option cannot be used for this: pySHACL 0.40 filters nested
validations by it as well, so a value node outside the list passes its ``sh:node`` vacuously.

The order in which results are found differs from one run; every report format sorts them
(:meth:`handcar.validate.report.Report.sorted_results`, a total order), so the reports are the
same. Needs ``fork`` (Linux, macOS): elsewhere, and for ``jobs=1``, the caller runs once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import pickle
import signal
import traceback
import zlib
from collections.abc import Callable, Iterator

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from handcar.validate.report import Result


def can_fork() -> bool:
    """True where workers can be forked."""
    return hasattr(os, "fork")


def default_jobs(triples: int) -> int:
    """Workers worth forking for ``triples``: one per processor (at most 4) from 20,000
    triples on, below that one (forking and the shapes set-up cost more than they save)."""
    if triples < 20_000 or not can_fork():
        return 1
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                      else os.cpu_count() or 1))


def share(node: Node, jobs: int) -> int:
    """Which of ``jobs`` workers validates focus node ``node`` (a function of the term only)."""
    return zlib.crc32(f"{type(node).__name__} {node}".encode()) % jobs


class WorkerError(Exception):
    """A worker failed; ``kind`` is the name of the exception it raised."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def run_partitioned(validate: Callable[[], list[Result]], jobs: int) -> list[Result]:
    """The results of ``validate()`` (one pySHACL run over every focus node), computed by
    ``jobs`` forked workers, each on its share of the focus nodes. Raises
    :class:`WorkerError` with the first failure of a worker. Uses ``os.fork`` (not
    :mod:`multiprocessing`, whose daemonic processes, like the build's background validation,
    may not have children)."""
    workers: list[tuple[int, int]] = []
    try:
        for index in range(jobs):
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: never returns
                os.close(read)
                _worker(validate, index, jobs, write)
            os.close(write)
            workers.append((pid, read))
        outcomes = [_receive(read) for _pid, read in workers]
    except BaseException:  # Ctrl-C, or a fork that failed: do not wait for the others
        for pid, _read in workers:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        raise
    finally:
        for pid, read in workers:
            with contextlib.suppress(OSError):
                os.close(read)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
    results: list[Result] = []
    for status, payload in outcomes:
        if status != "ok":
            raise WorkerError(*payload)
        results.extend(_unpack(packed) for packed in payload)
    return results


def _receive(read: int) -> tuple[str, object]:
    with os.fdopen(read, "rb", closefd=False) as stream:
        data = stream.read()
    if not data:
        return "error", ("WorkerError", "a validation worker ended without results")
    return pickle.loads(data)


def _worker(validate: Callable[[], list[Result]], index: int, jobs: int, write: int) -> None:
    status = 0
    try:
        _restrict(index, jobs)
        outcome: tuple[str, object] = ("ok", [_pack(r) for r in validate()])
    except BaseException as exc:  # the parent raises it
        detail = str(exc) if getattr(exc, "args", None) else traceback.format_exc(limit=3)
        outcome = ("error", (type(exc).__name__, detail))
        status = 1
    try:
        with os.fdopen(write, "wb") as stream:
            stream.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        os._exit(status)


_TERMS = ("focus", "component", "shape", "value", "constraint", "path_node")


def _pack(result: Result) -> dict:
    """``result`` with its RDF terms as plain tuples: pickling an rdflib Literal re-creates it
    normalised (``"2022-03-02Z"^^xsd:date`` came back as ``"2022-03-02"``), this keeps each
    term exactly as the data has it."""
    packed = {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
    for name in _TERMS:
        packed[name] = _pack_term(packed[name])
    packed["details"] = [_pack(d) for d in result.details]
    return packed


def _unpack(packed: dict) -> Result:
    fields = dict(packed)
    for name in _TERMS:
        fields[name] = _unpack_term(fields[name])
    fields["details"] = tuple(_unpack(d) for d in packed["details"])
    return Result(**fields)


def _pack_term(node: Node | None) -> tuple | None:
    if node is None:
        return None
    if isinstance(node, Literal):
        return ("L", str(node), node.language, None if node.datatype is None
                else str(node.datatype))
    return ("B" if isinstance(node, BNode) else "U", str(node))


def _unpack_term(packed: tuple | None) -> Node | None:
    if packed is None:
        return None
    if packed[0] == "L":
        _kind, lexical, language, datatype = packed
        if language:
            return Literal(lexical, lang=language)
        return Literal(lexical, datatype=None if datatype is None else URIRef(datatype),
                       normalize=False)
    return BNode(packed[1]) if packed[0] == "B" else URIRef(packed[1])


def _restrict(index: int, jobs: int) -> None:
    """In this (forked) process, let every shape's targets select only the focus nodes of
    share ``index``."""
    _keep_targets(lambda node: share(node, jobs) == index)


@contextlib.contextmanager
def only_focus_nodes(keep: Callable[[Node], bool]) -> Iterator[None]:
    """Within the ``with`` block, validate only the focus nodes for which ``keep`` is true: the
    results are exactly those of a whole run whose focus node is kept (nested shapes still
    see every value node, unlike pySHACL's ``focus_nodes`` option)."""
    restore = _keep_targets(keep)
    try:
        yield
    finally:
        restore()


def _keep_targets(keep: Callable[[Node], bool]) -> Callable[[], None]:
    """Let every shape's targets select only the focus nodes ``keep`` accepts; returns what
    undoes it. ``Shape.focus_nodes`` is what pySHACL calls for a shape's own targets (a
    top-level shape); nested shapes are validated on the value nodes they are given."""
    from pyshacl.shape import Shape

    originals = {}
    for name in ("focus_nodes", "focus_nodes_sparql"):  # the second: SPARQL-endpoint mode
        original = getattr(Shape, name, None)
        if original is None:
            continue
        originals[name] = original

        def restricted(self, *args, _original=original, **kwargs):
            return {n for n in _original(self, *args, **kwargs) if keep(n)}

        setattr(Shape, name, restricted)

    def restore() -> None:
        for name, original in originals.items():
            setattr(Shape, name, original)

    return restore
