"""Runs pySHACL on a prepared data graph and reads its report into a :class:`Report`.

Preparing the data graph (:func:`prepare`), like pySHACL's ``ont_graph`` option but cheaper:

- the ``rdf:type`` closure of the ontology's ``rdfs:subClassOf`` axioms (RDFS rule 9) is added, so
  ``sh:targetClass djo:Leg`` finds a ``djo:TrainLeg`` even in data without handcar's ``entailed``
  graph. No domain or range inference: that would give a wrong value the right type.
- one ``owl:disjointWith`` triple per pair of disjoint classes of the ontology, which the
  SHACL-SPARQL disjointness shape (``djosh:DisjointKindsShape``) joins against.

pySHACL is called with ``inference="none"`` (the closure above is all the shapes need; measured
by ``bench/bench_validate.py`` on the seed: 0.37 s, against 19 s with the ontology as pySHACL's
``ont_graph`` and ``inference="rdfs"``) and
``inplace=True`` on the prepared graph. pySHACL does all of SHACL (targets, Core constraints,
SHACL-SPARQL semantics, the report); these measured speed-ups change no result:

- :class:`DataGraph` answers the SPARQL queries of SHACL-SPARQL constraints with Oxigraph where
  that is provably the same as pySHACL's own evaluation. pySHACL runs each constraint's query once
  per focus node through ``Graph.query(text, initBindings={"this": node})``; rdflib parses the
  text every time (~15 ms) and evaluates slowly, which made these ~500 queries cost over a second
  on the seed. The graph keeps an Oxigraph copy of its triples and runs the query there with
  ``substitutions``, about 100x faster. The copy is made of what is already in pyoxigraph terms
  (the parsed files, :func:`read_data`; the build's converted dataset, :meth:`DataGraph.of`),
  else converted from the graph (:meth:`DataGraph.mirror`). Each constraint's query runs
  once with ``$this`` free, and every focus node reads its share
  (:meth:`DataGraph._oxigraph_select`). Oxigraph's substitutions are
  not SHACL pre-binding in general (see :mod:`handcar.validate.prebinding`): a query outside the
  fragment where the two provably agree, and any query Oxigraph refuses, is evaluated by rdflib
  exactly as pySHACL would (parsed once per text, with the graph's prefixes, as
  ``Graph.query`` does). The verdict is cached on disk (:func:`_verdict_file`) and shipped
  for handcar's own shapes (:mod:`handcar.validate.verified`), so a run parses with rdflib
  only the queries that need it. The differential tests (``tests/w3c/``)
  compare verdicts with plain pySHACL on the W3C suite and the DJO fixtures. One difference
  lies outside that proof, in the operators: a comparison of values of unrelated types (a plain
  string with an ``xsd:date``, ``"2" > 1``) is an error in SPARQL 1.1 and in Oxigraph (the row
  is dropped) while rdflib compares them. handcar's shapes check the datatypes before they
  compare, so on them the two agree (the differential test runs every fixture with a value of
  the wrong datatype); a user's shape that compares values of mixed types gets SPARQL 1.1's
  answer where Oxigraph runs it and rdflib's where it falls back.
- :func:`_speed_up_pyshacl` memoises two things pySHACL recomputes for every focus node: the
  membership of a shape's predicates in its (never modified) list of constraint parameters,
  and its regular-expression check of each SPARQL query text, whose verdict depends only on the
  text, whether ``$value`` is pre-bound and the extra variables (it backtracks quadratically on
  long lines).
- while it validates, pySHACL builds each shape's constraint components once
  (:func:`_constraints_built_once`, which also gives its parameter table a set for ``in``),
  checks a value node against an ``sh:or`` member once (:func:`_or_members_remembered`),
  makes each shape's text once (:func:`_shape_names_once`) and writes no plain-text result
  descriptions (:func:`_no_text_descriptions`).
- the data graph and the shapes graph are in :class:`~handcar.validate.onegraph.OneGraphStore`,
  rdflib's store without per-triple graph bookkeeping (half the cost a lookup). Together with
  the constraints built once: ``handcar validate`` of a 22 k-triple release 2.9 s -> 2.25 s,
  of the seed 1.24 s -> 1.02 s (same reports). The shapes graph also remembers the answer to
  each lookup until it changes (:class:`~handcar.validate.onegraph.RememberingGraph`): pySHACL
  run 1.35-1.41 s -> 1.26 s at 22 k triples.

Whether the data first gets the ontology's subclass closure (:func:`prepare`) is the caller's
choice: ``handcar validate`` does it for handcar's shapes (as it always has) and not in general
mode, where, as in standard SHACL, only ``rdfs:subClassOf`` triples in the data count.
pySHACL's failures (ill-formed shapes, a SPARQL query SHACL forbids) raise :class:`EngineError`.

pySHACL with a whole Oxigraph-backed data graph was measured 180x slower and wrong (see
``../shared/notes/pitfalls.md``): here rdflib stays the data graph and Oxigraph only answers SPARQL.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pyoxigraph as ox
import rdflib
from rdflib import OWL, RDF, BNode, Dataset, Graph, URIRef, Variable
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result as SparqlResult
from rdflib.term import Node

from handcar.files import write_to_cache
from handcar.namespaces import PREFIXES
from handcar.ontology import Ontology, load_ontology
from handcar.rdfterms import to_oxigraph, to_rdflib
from handcar.resources import cache_dir
from handcar.validate import verified
from handcar.validate.inputs import read_into, resolve_inputs
from handcar.validate.onegraph import OneGraphStore
from handcar.validate.prebinding import substitution_is_prebinding
from handcar.validate.report import SH, Report, Result, Severity, path_text, qname
from handcar.validate.shapes import Shapes


class DataGraph(Graph):
    """An rdflib graph for validation: once :meth:`mirror` is called, its SPARQL SELECT queries
    run in an Oxigraph copy (see the module docstring), which :meth:`add` and :meth:`remove`
    keep in step."""

    _prepared: ClassVar[dict[tuple, object]] = {}
    _safe: ClassVar[dict[tuple, bool]] = {}

    def __init__(self) -> None:
        store = OneGraphStore()
        super().__init__(store=store, bind_namespaces="none")
        store.graph = self
        for prefix, namespace in PREFIXES.items():  # reports use them for N-Triples input too
            self.bind(prefix, namespace)
        self._store: ox.Store | None = None
        #: (query text, other bindings) -> the solutions of the query with ``$this`` free,
        #: by the value of ``this`` (see :meth:`_oxigraph_select`)
        self._batches: dict[tuple, tuple[list[Variable], dict[Node, list[dict]]]] = {}
        self.batched = 0  # queries evaluated once for every value of $this
        self.fallbacks = 0  # queries Oxigraph refused (then rdflib answered)
        self.exact = 0  # queries outside the fragment where substitution is pre-binding

    @classmethod
    def of(cls, dataset: Dataset, quads: list[ox.Quad] | None = None) -> DataGraph:
        """The union of the graphs of an in-memory ``dataset`` (copied in bulk). ``quads``, the
        same dataset already in pyoxigraph terms, becomes the Oxigraph mirror without converting
        a term again; without it the mirror is made later, by :func:`run`."""
        data = cls()
        data.addN((s, p, o, data) for s, p, o, _g in dataset.quads((None, None, None, None)))
        if quads is not None:
            data.mirror_from(quads)
        return data

    def mirror(self) -> None:
        """Copy the triples to Oxigraph (again, if they were copied before)."""
        terms: dict[Node, object] = {}

        def term(node: Node):
            found = terms.get(node)
            if found is None:
                found = terms[node] = to_oxigraph(node)
            return found

        self.mirror_from(ox.Quad(term(s), term(p), term(o)) for s, p, o in self)

    def mirror_from(self, quads: Iterable[ox.Quad]) -> None:
        """Take ``quads`` (the graph's triples, already in pyoxigraph terms, in any graph) as
        the Oxigraph copy, converting nothing; if they are not exactly the graph's triples,
        :func:`run` makes the copy again (:meth:`mirrored`)."""
        store = ox.Store()
        # one quad at a time: a list of them first doubled the peak (+101 against +55 MiB at
        # 108 k quads, about 0.45 GiB at 1 M in the build's background validation)
        store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
        self._store = store
        self._batches.clear()

    def mirrored(self) -> bool:
        """True when the Oxigraph copy exists and holds as many triples as the graph."""
        return self._store is not None and len(self._store) == len(self)

    def unmirror(self) -> None:
        """Drop the Oxigraph copy (queries go to rdflib again)."""
        self._store = None
        self._batches.clear()

    def add(self, triple):  # type: ignore[override]
        super().add(triple)
        self._batches.clear()
        if self._store is not None:
            self._store.add(ox.Quad(*(to_oxigraph(t) for t in triple)))
        return self

    def remove(self, triple):  # type: ignore[override]
        self._batches.clear()
        if self._store is not None:
            for match in list(self.triples(triple)):
                self._store.remove(ox.Quad(*(to_oxigraph(t) for t in match)))
        return super().remove(triple)

    def query(self, query_object, processor="sparql", result="sparql", initNs=None,
              initBindings=None, use_store_provided=True, **kwargs):  # type: ignore[override]
        plain = processor == "sparql" and result == "sparql" and not initNs and not kwargs
        if isinstance(query_object, str) and plain:
            bindings = initBindings or {}
            text = query_object
            if self._store is not None and self._is_safe(text, bindings):
                try:
                    return self._oxigraph_select(text, bindings)
                except (SyntaxError, ValueError, TypeError, OSError):
                    self.fallbacks += 1
            else:
                self.exact += 1
            query_object = self._prepared_query(text)
        return super().query(query_object, processor, result, initNs, initBindings,
                             use_store_provided, **kwargs)

    def _namespaces(self, text: str) -> tuple[tuple[str, str], ...]:
        """The graph's prefixes that ``text`` may use (``prefix:`` occurs in it), sorted: only
        these can change how it parses. pySHACL binds ``sh`` on the data graph part way through
        a run, so a key with every prefix changed from run to run and the cached verdicts were
        missed at random (a third of a cold ``handcar check``)."""
        return tuple(sorted((p, str(n)) for p, n in self.namespaces() if f"{p}:" in text))

    def _prepared_query(self, text: str) -> object:
        """The parsed query, as ``Graph.query`` parses it: with the graph's prefixes."""
        namespaces = self._namespaces(text)
        key = (text, namespaces)
        prepared = DataGraph._prepared.get(key)
        if prepared is None:
            prepared = DataGraph._prepared[key] = prepareQuery(text, initNs=dict(namespaces))
        return prepared

    def _is_safe(self, text: str, bindings: dict) -> bool:
        """Whether Oxigraph with ``substitutions`` gives exactly the pre-bound solutions of
        ``text``. The verdict depends only on the text, the pre-bound names and the prefixes, so
        it is kept in memory and in the cache folder, and shipped for handcar's own shapes
        (:mod:`handcar.validate.verified`): parsing a long query with rdflib costs ~0.02-0.1 s,
        which every ``handcar validate`` would otherwise pay again."""
        names = frozenset(str(name) for name in bindings)
        memo_key = (text, names)
        safe = DataGraph._safe.get(memo_key)
        if safe is not None:
            return safe
        record = verified.query_record(text, names, self._namespaces(text))
        key = verified.query_key(record)
        safe = verified.verdict(key)
        marker = _verdict_file(key) if safe is None else None
        if marker is not None:
            for verdict in (True, False):
                if marker.with_suffix(f".{verdict}").is_file():
                    safe = verdict
        if safe is None:
            prepared = self._prepared_query(text)
            safe = (prepared.algebra.name == "SelectQuery"  # type: ignore[attr-defined]
                    and substitution_is_prebinding(prepared.algebra, names))  # type: ignore[attr-defined]
            if marker is not None:
                entry = {"record": record, "safe": safe}
                write_to_cache(marker.with_suffix(f".{safe}"),
                               json.dumps(entry, sort_keys=True, indent=1) + "\n")
        DataGraph._safe[memo_key] = safe
        return safe

    def _oxigraph_select(self, text: str, bindings: dict) -> SparqlResult:
        """The solutions of ``text`` with ``bindings`` substituted, from Oxigraph.

        When ``this`` is among the bindings, the query runs once with ``$this`` free and its
        solutions are kept by the value of ``this``; every later call with the same text and
        other bindings reads its share. In the fragment :meth:`_is_safe` admits, the solutions
        for ``$this`` = v are exactly those of the free query whose ``this`` is v (the
        restriction R of :mod:`handcar.validate.prebinding`), so this is the same answer,
        at the cost of one query instead of one per focus node, whose cost grows with the data.
        The batches are dropped whenever the graph changes."""
        assert self._store is not None
        named = {str(name): value for name, value in bindings.items()}
        if not isinstance(named.get("this"), URIRef | BNode):
            # no $this, or a literal one: Oxigraph's store keeps literals in canonical form
            # ("01"^^xsd:integer as "1"), so a literal is not a key to the batch
            variables, rows = self._solutions(text, named)
        else:
            focus = named.pop("this")
            key = (text, tuple(sorted(named.items())))
            batch = self._batches.get(key)
            if batch is None:
                variables, found = self._solutions(text, named)
                groups: dict[Node, list[dict]] = {}
                this = Variable("this")
                for row in found:
                    groups.setdefault(row[this], []).append(row)
                batch = self._batches[key] = (variables, groups)
                self.batched += 1
            variables, groups = batch
            rows = list(groups.get(focus, ()))
        result = SparqlResult("SELECT")
        result.vars = variables
        result.bindings = rows
        return result

    def _solutions(self, text: str, bindings: dict) -> tuple[list[Variable], list[dict]]:
        """The projected variables and solutions (as rdflib terms) of ``text`` in Oxigraph."""
        assert self._store is not None
        substitutions = {ox.Variable(str(name)): to_oxigraph(value)
                         for name, value in bindings.items()}
        solutions = self._store.query(text, substitutions=substitutions)
        if not isinstance(solutions, ox.QuerySolutions):
            raise TypeError("not a SELECT query")
        names = [(v, Variable(v.value)) for v in solutions.variables]
        rows = []
        for solution in solutions:
            row = {}
            for variable, name in names:
                value = solution[variable]
                if value is not None:
                    row[name] = to_rdflib(value)
            rows.append(row)
        return [name for _v, name in names], rows


def _verdict_file(key: str) -> Path | None:
    """Where the pre-binding verdict of the query named ``key`` (:func:`verified.query_key`) is
    cached, without its suffix (None when caching is off): in a folder for this version of the
    rule (:mod:`handcar.validate.prebinding`) and of rdflib, whose algebra it reads. The file
    holds the query, so ``scripts/verified-shapes.py`` can ship the verdicts it finds."""
    folder = cache_dir()
    if folder is None:
        return None
    version = f"rule-{verified.rule_digest()}-rdflib-{rdflib.__version__}"
    return folder / "prebinding" / version / key


def read_data(paths: Sequence[Path]) -> tuple[DataGraph, list[Path]]:
    """The union of the RDF in ``paths`` (files or release folders) and the files read."""
    files = resolve_inputs(paths)
    graph = DataGraph()
    parsed: list[ox.Quad] = []
    read_into(graph, files, parsed)
    graph.mirror_from(parsed)
    return graph, files


def prepare(graph: Graph, ontology: Ontology) -> list[tuple[Node, Node, Node]]:
    """Add the subclass closure of every ``rdf:type`` and the disjoint pairs (in place;
    adding them twice changes nothing). Returns the triples that were not there before."""
    added = type_closure(graph.triples((None, RDF.type, None)), ontology)
    for a, b in ontology.disjoint:
        added.append((URIRef(a), OWL.disjointWith, URIRef(b)))
        added.append((URIRef(b), OWL.disjointWith, URIRef(a)))
    new = [t for t in dict.fromkeys(added) if t not in graph]
    if isinstance(graph, DataGraph) and graph._store is not None:
        for triple in new:  # keeps the Oxigraph copy in step
            graph.add(triple)
    else:
        store = graph.store
        for triple in new:
            store.add(triple, graph, quoted=False)
    return new


def type_closure(triples, ontology: Ontology) -> list[tuple[Node, Node, Node]]:
    """``(x rdf:type S)`` for every super-class S of C in each ``(x rdf:type C)`` of ``triples``."""
    supers = ontology.superclasses
    out = []
    for node, predicate, cls in triples:
        if predicate == RDF.type:
            out += [(node, RDF.type, URIRef(sup)) for sup in supers.get(str(cls), ())]
    return out


class EngineError(Exception):
    """pySHACL could not validate (ill-formed shapes, a SPARQL query SHACL forbids, an internal
    error): ``handcar validate`` exits 2 with this reason, never 1 ("does not conform")."""


def run(data: Graph, shapes: Shapes, ontology: Ontology | None = None,
        files: Sequence[Path] = (), *, prepared: bool = False, inference: bool = True,
        focus_nodes: Sequence[Node] | None = None, oxigraph: bool = True,
        jobs: int = 1) -> Report:
    """Validate ``data`` against ``shapes`` and return every result, all severities. Unless
    ``prepared`` or ``inference=False``, ``data`` first gets the ontology's subclass closure and
    disjoint pairs (:func:`prepare`, in place); ``focus_nodes`` limits validation to those focus
    nodes (pySHACL's option of that name); ``oxigraph=False`` leaves SPARQL to rdflib;
    ``jobs`` > 1 shares the focus nodes among that many forked workers
    (:mod:`handcar.validate.partition`: the same results). Raises :class:`EngineError` when
    pySHACL fails."""
    from handcar.validate import partition

    if inference:
        ontology = ontology or load_ontology()
    started = time.perf_counter()
    if inference and not prepared:
        prepare(data, ontology)
    if isinstance(data, DataGraph):
        if not oxigraph:
            data.unmirror()
        elif not data.mirrored():
            data.mirror()
    _speed_up_pyshacl()

    def validate() -> list[Result]:
        return _validate(data, shapes, focus_nodes)

    if jobs > 1 and not focus_nodes and partition.can_fork():
        try:
            results = partition.run_partitioned(validate, jobs)
        except partition.WorkerError as exc:
            raise EngineError(str(exc) if exc.kind == "EngineError"
                              else f"pySHACL failed: {exc.kind}: {exc}") from None
    else:
        results = validate()
    superclasses = dict(ontology.superclasses) if ontology is not None else {}
    return Report(results, data, shapes.graph, list(files), superclasses,
                  seconds=time.perf_counter() - started)


def _validate(data: Graph, shapes: Shapes, focus_nodes: Sequence[Node] | None) -> list[Result]:
    """One pySHACL run (in place, no inference, every severity) and its results."""
    import pyshacl
    from pyshacl.errors import ReportableRuntimeError

    try:
        with (_no_text_descriptions(), _constraints_built_once(), _or_members_remembered(),
              _shape_names_once()):
            _conforms, report_graph, text = pyshacl.validate(
                data, shacl_graph=shapes.graph, inference="none", advanced=False, inplace=True,
                allow_infos=False, allow_warnings=False, meta_shacl=False, debug=False,
                focus_nodes=list(focus_nodes) if focus_nodes else None,
            )
    except ReportableRuntimeError as exc:
        raise EngineError(_reason(exc)) from None
    except RecursionError:
        raise EngineError("the shapes nest too deeply (recursion limit)") from None
    except Exception as exc:  # any crash inside pySHACL is a refusal, not a verdict
        raise EngineError(f"pySHACL failed: {type(exc).__name__}: {exc}") from None
    if not isinstance(report_graph, Graph):  # pySHACL returns a ValidationFailure object
        raise EngineError(_reason(report_graph) if report_graph is not None else str(text))
    return read_results(report_graph, shapes.graph)


@contextlib.contextmanager
def _no_text_descriptions() -> Iterator[None]:
    """Within the block, pySHACL writes no plain-text description of each result: those only
    make its text report (and sort it), which handcar does not read; the report graph is the
    same. pySHACL builds one for every failure inside ``sh:or``, ``sh:not`` and ``sh:node``,
    mostly thrown away, about a tenth of a validation (12.0 s -> 10.9 s at 108 k quads)."""
    try:
        from pyshacl.constraints.constraint_component import ConstraintComponent
    except ImportError:  # pragma: no cover
        yield
        return
    with _replaced(ConstraintComponent, "make_v_result_description",
                   lambda _original: lambda self, *args, **kwargs: ""):
        yield


@contextlib.contextmanager
def _constraints_built_once() -> Iterator[None]:
    """Within the block, pySHACL builds each constraint component of a shape once, not once
    for every focus and value node that reaches the shape: it reads the component's parameters
    from the shapes graph in its constructor, which, for the shapes nested under ``sh:node``,
    ``sh:property`` and ``sh:or``, happened tens of thousands of times per article. A built
    component holds only what its constructor read from the shapes graph (pySHACL 0.40: no
    evaluation changes it), and the shapes graph does not change during a validation, so the
    same object gives the same answers. Kept for one validation (by the shape object's
    identity, the shape kept alive with it); other pySHACL layouts: nothing changes."""
    try:
        import pyshacl.shape as shape_module
    except ImportError:  # pragma: no cover
        yield
        return
    current = getattr(shape_module, "CONSTRAINT_PARAMS", None)
    if not (current and isinstance(current[1], dict)):
        yield
        return
    parameters, classes = current
    built: dict[tuple[int, type], tuple[object, object]] = {}
    # one stand-in per class: several parameters name one component (sh:closed and
    # sh:ignoredProperties), which pySHACL runs once per shape by the identity of the class
    stand_ins = {cls: _BuiltOnce(cls, built) for cls in classes.values()}
    shape_module.CONSTRAINT_PARAMS = (  # type: ignore[attr-defined]
        _ListWithSet(parameters), {p: stand_ins[cls] for p, cls in classes.items()})
    try:
        yield
    finally:
        shape_module.CONSTRAINT_PARAMS = current  # type: ignore[attr-defined]


@contextlib.contextmanager
def _or_members_remembered() -> Iterator[None]:
    """Within the block, pySHACL checks a value node against a member shape of an ``sh:or``
    once: the answer is remembered for the rest of the validation (by shape and node) and
    given again when another focus node reaches the same value through the same ``sh:or``
    (a shared place, unit or person: at 10 k quads 1,314 of 3,214 such checks were new).
    Sound because the answer depends only on the shape, the node and the data graph, which
    does not change during a validation, and because ``sh:or`` keeps only whether the node
    conforms (the member's own results are discarded). Only the direct member calls of
    ``sh:or`` are remembered (recognised by the last step of pySHACL's evaluation path being
    the ``sh:or`` component), never a call whose results reach the report; a call at the
    depth where pySHACL stops ("Validation path too deep") is always made. Other pySHACL
    layouts: nothing changes."""
    try:
        from pyshacl.constraints.core.logical_constraints import OrConstraintComponent
        from pyshacl.shape import Shape
        from rdflib.term import IdentifiedNode, Literal
    except ImportError:  # pragma: no cover
        yield
        return
    remembered: dict[tuple[int, object], tuple[object, bool, list]] = {}

    def remembering(original):
        def validate(self, executor, target_graph, focus=None, _evaluation_path=None):
            if (not isinstance(focus, IdentifiedNode | Literal) or not _evaluation_path
                    or not isinstance(_evaluation_path[-1], OrConstraintComponent)
                    or len(_evaluation_path) // 2 >= executor.max_validation_depth):
                return original(self, executor, target_graph, focus, _evaluation_path)
            node = ((str(focus), focus.datatype, focus.language) if isinstance(focus, Literal)
                    else focus)  # a literal by its exact lexical form, datatype and language
            key = (id(self), node)
            found = remembered.get(key)
            if found is None:
                conforms, reports = original(self, executor, target_graph, focus,
                                             _evaluation_path)
                found = remembered[key] = (self, conforms, reports)  # the shape kept alive
            return found[1], found[2]

        return validate

    with _replaced(Shape, "validate", remembering):
        yield


@contextlib.contextmanager
def _replaced(owner: type, name: str, replacement: Callable[[Any], Any]) -> Iterator[None]:
    """Within the block, ``owner``'s own attribute ``name`` is ``replacement(original)``; when
    ``owner`` has no such attribute of its own (another pySHACL layout), nothing changes."""
    original = owner.__dict__.get(name)
    if original is None:
        yield
        return
    setattr(owner, name, replacement(original))
    try:
        yield
    finally:
        setattr(owner, name, original)


class _ListWithSet(list):
    """pySHACL's list of constraint parameters, answering ``in`` from a set: it asks, for
    every predicate of a shape each time a node reaches the shape, whether that predicate is a
    parameter (by comparing it with each of some forty IRIs)."""

    def __init__(self, items: Iterable[object]) -> None:
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item: object) -> bool:
        return item in self._members


@contextlib.contextmanager
def _shape_names_once() -> Iterator[None]:
    """Within the block, a pySHACL shape's text (``<NodeShape name>``) is made once: pySHACL
    formats it for debug messages twice each time a node reaches a shape, logging on or off
    (about a tenth of a validation). The text depends only on the shape's node and names in
    the shapes graph, which do not change during a validation."""
    try:
        from pyshacl.shape import Shape
    except ImportError:  # pragma: no cover
        yield
        return
    texts: dict[int, tuple[object, str]] = {}

    def once(original):
        def text(self) -> str:
            found = texts.get(id(self))
            if found is None:
                found = texts[id(self)] = (self, original(self))  # the shape kept alive
            return found[1]

        return text

    with _replaced(Shape, "__str__", once):
        yield


class _BuiltOnce:
    """Stands for a constraint component class in pySHACL's table: calling it with a shape
    gives that shape's component, built the first time."""

    __slots__ = ("built", "cls")

    def __init__(self, cls: type, built: dict[tuple[int, type], tuple[object, object]]) -> None:
        self.cls = cls
        self.built = built

    def __call__(self, shape: object) -> object:
        key = (id(shape), self.cls)
        found = self.built.get(key)
        if found is None:  # a component that fails to load raises here every time, as before
            found = self.built[key] = (shape, self.cls(shape))
        return found[1]


def _reason(exc: object) -> str:
    message = getattr(exc, "message", None) or str(exc)
    return " ".join(str(message).split())


def read_results(report_graph: Graph, shapes_graph: Graph, nodes=None) -> list[Result]:
    """The results (``sh:result``) of a SHACL validation report graph, with the results under
    their ``sh:detail`` nested in them, not counted beside them (SHACL 3.6.2)."""
    sh = lambda local: URIRef(SH + local)  # noqa: E731
    results = []
    for node in report_graph.objects(None, sh("result")) if nodes is None else nodes:
        path_node = report_graph.value(node, sh("resultPath"))
        path = None
        if path_node is not None:
            source = report_graph if (path_node, None, None) in report_graph else shapes_graph
            path = path_text(source, path_node, lambda n: _compact(shapes_graph, n))
        results.append(Result(
            focus=_required(report_graph, node, sh("focusNode")),
            severity=Severity.from_iri(report_graph.value(node, sh("resultSeverity"))),
            component=_required(report_graph, node, sh("sourceConstraintComponent")),
            shape=_required(report_graph, node, sh("sourceShape")),
            messages=tuple(sorted(str(m) for m in report_graph.objects(node, sh("resultMessage")))),
            path=path,
            value=report_graph.value(node, sh("value")),
            constraint=report_graph.value(node, sh("sourceConstraint")),
            path_node=path_node,
            details=tuple(read_results(report_graph, shapes_graph,
                                       report_graph.objects(node, sh("detail")))),
        ))
    return results


def _required(graph: Graph, node: Node, predicate: URIRef) -> Node:
    value = graph.value(node, predicate)
    if value is None:
        raise ValueError(f"validation result without {predicate}")
    return value


def _compact(graph: Graph, node: Node) -> str:
    if isinstance(node, URIRef):
        return qname(graph, node) or f"<{node}>"
    return str(node)


class _ParameterList(list):
    """pySHACL's list of constraint parameters, with set-speed membership tests."""

    def __init__(self, items) -> None:
        super().__init__(items)
        self._members = frozenset(items)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def _speed_up_pyshacl() -> None:
    """Two memoisations inside pySHACL (0.2x-0.40 layout; if the layout changes they do nothing
    and validation is merely slower). Neither changes what pySHACL computes."""
    try:
        import pyshacl.shape as shape_module
        from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP
        from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper
    except ImportError:  # pragma: no cover
        return
    # 1. Each nested-shape evaluation tests the shape's predicates against a list of ~40
    #    constraint parameters: use a set.
    current = getattr(shape_module, "CONSTRAINT_PARAMS", None)
    if hasattr(shape_module, "module") and not (current and isinstance(current[0], _ParameterList)):
        shape_module.CONSTRAINT_PARAMS = (  # type: ignore[attr-defined]
            _ParameterList(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)
    # 2. Before each SPARQL query (once per focus node) pySHACL re-checks the query text for
    #    MINUS, VALUES, SERVICE, nested SELECT and AS with regular expressions that backtrack
    #    quadratically on long lines (0.3 s on the seed). The verdict depends only on the text.
    check = SPARQLQueryHelper.check_invalid_sparql
    if getattr(check, "_handcar_memo", False):
        return
    verdicts: dict[tuple, tuple[bool, object]] = {}

    def memo_check(self, sparql_text, valuenode=None, extravars=None):
        key = (sparql_text, valuenode is not None, tuple(sorted(extravars or ())))
        verdict = verdicts.get(key)
        if verdict is None:
            try:
                verdict = (True, check(self, sparql_text, valuenode=valuenode, extravars=extravars))
            except Exception as exc:  # the same text fails the same way every time
                verdict = (False, exc)
            verdicts[key] = verdict
        if verdict[0]:
            return verdict[1]
        raise verdict[1]  # type: ignore[misc]

    memo_check._handcar_memo = True  # type: ignore[attr-defined]
    SPARQLQueryHelper.check_invalid_sparql = memo_check  # type: ignore[method-assign]
