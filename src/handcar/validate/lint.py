"""Shape lint: refuse shapes that would make validation pass when it should not.

pySHACL (like other engines) reports ``Conforms: True`` for a shape whose ``sh:targetClass`` is
misspelt (it selects nothing) and silently ignores misspelt SHACL terms such as ``sh:minlength``,
even with its meta-shapes check (see ``../shared/notes/pitfalls.md``). ``handcar validate`` runs
these checks first; for handcar's own shapes any problem is an error (exit status 2). In general
mode, SHACL-for-SHACL findings and single shapes that select nothing are warnings unless strict
(:func:`handcar.validate.check.split_problems`); a problem marked ``vacuous`` never is:

1. ``vocabulary``: every ``sh:`` IRI in the shapes is a SHACL Core or SHACL-SPARQL term
   (:mod:`handcar.validate.shacl_terms`); nodes of data kept in the shapes file are skipped.
2. ``class`` (when names are checked: DJO, ``--ontology`` files, or the terms the data uses, see
   :mod:`handcar.validate.check`): every ``sh:targetClass`` and ``sh:class`` is a class the
   ontology declares or one of a few standard classes (:data:`STANDARD_CLASSES`); every property
   in ``sh:path``, ``sh:targetSubjectsOf``/``sh:targetObjectsOf`` and the property-pair
   constraints is a property the ontology declares or a standard one (:data:`STANDARD_PROPERTIES`).
3. ``shacl-shacl``: the shapes graph conforms to the W3C's SHACL-for-SHACL shapes
   (https://www.w3.org/ns/shacl-shacl), read from the copy inside the installed pySHACL package.
4. ``sparql``: every ``sh:select`` and ``sh:ask`` parses as SPARQL 1.1 with the prefixes its
   ``sh:prefixes`` declare (following ``owl:imports``).
5. ``focus``: every shape with a target selects at least one focus node in the reference data
   (class targets count instances of the subclasses the data declares),
   unless ``intentionally-empty.txt`` lists it (with a reason); a listed shape that does select
   nodes, or a listed IRI that is not a shape, is a problem too (the list stays honest).
"""

from __future__ import annotations

import hashlib
import importlib.resources
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from handcar.ontology import Ontology
from handcar.resources import cache_dir
from handcar.validate.locate import Locator
from handcar.validate.report import qname
from handcar.validate.shacl_terms import SH, is_shacl_term
from handcar.validate.shapes import Shapes


def sh(local: str) -> URIRef:
    return URIRef(SH + local)


#: standard classes a shape may target or require without the ontology declaring them
STANDARD_CLASSES = frozenset({RDF.Statement, RDF.Property, RDFS.Resource, RDFS.Class, OWL.Thing})
#: standard properties a shape may use without the ontology declaring them
STANDARD_PROPERTIES = frozenset({
    RDF.type, RDF.subject, RDF.predicate, RDF.object, RDF.value,
    RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.subClassOf, OWL.sameAs,
})
TARGETS = (sh("targetClass"), sh("targetNode"), sh("targetSubjectsOf"), sh("targetObjectsOf"))
PAIR_CONSTRAINTS = (sh("equals"), sh("disjoint"), sh("lessThan"), sh("lessThanOrEquals"))
PATH_KEYS = (sh("inversePath"), sh("zeroOrMorePath"), sh("oneOrMorePath"), sh("zeroOrOnePath"))


@dataclass(frozen=True)
class LintProblem:
    """One problem with the shapes, where it is written, and which check found it."""

    check: str
    message: str
    file: Path | None = None
    line: int | None = None
    vacuous: bool = False  # the whole validation would select nothing

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file and self.line else (
            f"{self.file}: " if self.file else "")
        return f"{where}[{self.check}] {self.message}"


class LintError(Exception):
    """The shapes failed the lint; ``problems`` says why."""

    def __init__(self, problems: list[LintProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _Context:
    def __init__(self, shapes: Shapes) -> None:
        self.shapes = shapes
        self.graph = shapes.graph
        self.locator = Locator(shapes.files)
        self.problems: list[LintProblem] = []

    def name(self, node: Node) -> str:
        if isinstance(node, URIRef):
            return qname(self.graph, node) or f"<{node}>"
        return "a blank node" if isinstance(node, BNode) else repr(str(node))

    def owner(self, node: Node) -> Node:
        """The named shape a blank node belongs to (for messages and line numbers)."""
        seen: set[Node] = set()
        while isinstance(node, BNode) and node not in seen:
            seen.add(node)
            parent = next(self.graph.subjects(None, node), None)
            if parent is None:
                # a list member: climb to the list head
                head = node
                for _ in range(1000):
                    before = self.graph.value(predicate=RDF.rest, object=head)
                    if before is None:
                        break
                    head = before
                parent = next((s for s in self.graph.subjects(None, head) if s != node), None)
            if parent is None:
                break
            node = parent
        return node

    def add(
        self, check: str, message: str, about: Node | None = None, *, vacuous: bool = False
    ) -> None:
        file = line = None
        if about is not None:
            where = self.locator.find(self.owner(about))
            if where:
                file, line = where
        self.problems.append(LintProblem(check, message, file, line, vacuous))


def lint(shapes: Shapes, ontology: Ontology | None, data: Graph | None = None) -> list[LintProblem]:
    """Every problem with ``shapes``; ``ontology`` is what names are checked against (None: no
    name check); ``data`` enables the focus check."""
    ctx = _Context(shapes)
    check_vocabulary(ctx)
    if ontology is not None:
        check_terms(ctx, ontology)
    check_shacl_shacl(ctx)
    check_sparql(ctx)
    if data is not None:
        check_focus(ctx, data)
    return ctx.problems


# -- 1. SHACL vocabulary -------------------------------------------------------------------------
def check_vocabulary(ctx: _Context) -> None:
    seen: set[URIRef] = set()
    for triple in ctx.graph:
        if _is_data(ctx.graph, triple[0]):
            continue
        for position, term in zip(("subject", "predicate", "object"), triple, strict=True):
            if (isinstance(term, URIRef) and str(term).startswith(SH) and term not in seen
                    and not is_shacl_term(str(term))):
                seen.add(term)
                owner = ctx.name(ctx.owner(triple[0]))
                ctx.add("vocabulary", f"{ctx.name(term)} (used as {position} of {owner}) is not "
                        "a SHACL Core or SHACL-SPARQL term", triple[0])


_POINTING_AT_DATA = frozenset({sh("targetNode"), sh("focusNode"), sh("value")})


def _is_data(graph: Graph, node: Node) -> bool:
    """True for a node of the data kept in the same file as the shapes (the W3C suite does
    this): typed, by classes outside SHACL only, with no SHACL term of its own, and the value
    of no SHACL property but a target or a report's focus node or value."""
    types = list(graph.objects(node, RDF.type))
    if not types or any(str(t).startswith(SH) for t in types):
        return False
    if any(is_shacl_term(str(p)) for p in graph.predicates(node, None)):
        return False
    return not any(str(p).startswith(SH) and p not in _POINTING_AT_DATA
                   for p in graph.predicates(None, node))


# -- 2. classes and properties -------------------------------------------------------------------
def check_terms(ctx: _Context, ontology: Ontology) -> None:
    classes = {URIRef(c) for c in ontology.classes} | STANDARD_CLASSES
    properties = {URIRef(p) for p in ontology.properties} | STANDARD_PROPERTIES
    for predicate in (sh("targetClass"), sh("class")):
        for shape, cls in ctx.graph.subject_objects(predicate):
            if cls not in classes:
                ctx.add("class", f"{ctx.name(ctx.owner(shape))}: {ctx.name(predicate)} "
                        f"{ctx.name(cls)} is not a class of the ontology", shape)
    used: list[tuple[Node, Node]] = []
    for predicate in (sh("targetSubjectsOf"), sh("targetObjectsOf"), *PAIR_CONSTRAINTS):
        used += [(shape, prop) for shape, prop in ctx.graph.subject_objects(predicate)]
    for shape, path in ctx.graph.subject_objects(sh("path")):
        used += [(shape, prop) for prop in _path_properties(ctx.graph, path)]
    for shape, prop in used:
        if isinstance(prop, URIRef) and prop not in properties:
            ctx.add("class", f"{ctx.name(ctx.owner(shape))}: {ctx.name(prop)} is not a property "
                    "of the ontology", shape)


def _path_properties(graph: Graph, path: Node) -> Iterable[Node]:
    if isinstance(path, URIRef):
        yield path
        return
    for key in PATH_KEYS:
        inner = graph.value(path, key)
        if inner is not None:
            yield from _path_properties(graph, inner)
            return
    alternatives = graph.value(path, sh("alternativePath"))
    if alternatives is not None:
        for item in Collection(graph, alternatives):
            yield from _path_properties(graph, item)
        return
    if graph.value(path, RDF.first) is not None:
        for item in Collection(graph, path):
            yield from _path_properties(graph, item)


# -- 3. SHACL for SHACL ----------------------------------------------------------------------------
def shacl_shacl_file() -> Path:
    """The W3C SHACL-for-SHACL shapes shipped inside the installed pySHACL package."""
    resource = importlib.resources.files("pyshacl") / "assets" / "shacl-shacl.ttl"
    return Path(str(resource))


def check_shacl_shacl(ctx: _Context) -> None:
    """Validate the shapes graph against SHACL-for-SHACL. This takes ~3 s with pySHACL on
    handcar's shapes, so a pass is remembered in the cache folder under a hash of everything it
    depends on (the shapes files' bytes, the SHACL-for-SHACL file, the pySHACL version); a
    failure is never cached. ``$HANDCAR_NO_CACHE=1`` turns the cache off."""
    import pyshacl

    from handcar.validate.inputs import read_into

    path = shacl_shacl_file()
    if not path.is_file():
        ctx.add("shacl-shacl", f"SHACL-for-SHACL shapes not found at {path} (pySHACL changed?)")
        return
    marker = _pass_marker(ctx.shapes.files, path, pyshacl.__version__)
    if marker is not None and marker.is_file():
        return
    meta = read_into(Graph(bind_namespaces="core"), [path])
    conforms, report, _text = pyshacl.validate(
        ctx.graph, shacl_graph=meta, inference="none", advanced=False, inplace=False,
        allow_warnings=False, meta_shacl=False)
    if conforms:
        if marker is not None:
            try:
                marker.parent.mkdir(parents=True, exist_ok=True)
                marker.write_text("SHACL-for-SHACL: conforms\n", encoding="utf-8")
            except OSError:
                pass  # an unwritable cache only costs time
        return
    for result in report.subjects(RDF.type, sh("ValidationResult")):
        focus = report.value(result, sh("focusNode"))
        messages = sorted(str(m) for m in report.objects(result, sh("resultMessage")))
        path = report.value(result, sh("resultPath"))
        at = f" (path {ctx.name(path)})" if isinstance(path, URIRef) else ""
        ctx.add("shacl-shacl", f"{ctx.name(ctx.owner(focus))}{at}: "
                f"{'; '.join(messages) or 'does not conform to SHACL-for-SHACL'}", focus)


def _pass_marker(files: list[Path], meta: Path, version: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(f"shacl-shacl/1 pyshacl {version}\n".encode())
    for path in [meta, *files]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return folder / "lint" / f"shacl-shacl-{digest.hexdigest()[:32]}.ok"


# -- 4. SPARQL syntax ------------------------------------------------------------------------------
#: what ``$PATH`` stands for while a validator's query is only parsed (SHACL substitutes the
#: path's SPARQL syntax for it before running the query)
PATH_STAND_IN = "<urn:handcar:lint:path>"


def check_sparql(ctx: _Context) -> None:
    """Every ``sh:select`` and ``sh:ask`` parses with the prefixes its ``sh:prefixes`` declare,
    following ``owl:imports`` as SHACL-SPARQL engines do."""
    store = ox.Store()
    for key in (sh("select"), sh("ask")):
        for executable, text in ctx.graph.subject_objects(key):
            prefixes = declared_prefixes(ctx.graph, executable)
            try:
                store.query(str(text).replace("$PATH", PATH_STAND_IN), prefixes=prefixes)
            except SyntaxError as exc:
                ctx.add("sparql", f"{ctx.name(ctx.owner(executable))}: {ctx.name(key)} does not "
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


# -- 5. focus nodes --------------------------------------------------------------------------------
def focus_nodes(graph: Graph, shape: Node, data: Graph) -> set[Node]:
    """The focus nodes ``shape``'s targets select in ``data``: as SHACL defines class targets,
    the instances of the class and of its ``rdfs:subClassOf`` descendants in the data."""
    found: set[Node] = set()
    for node in graph.objects(shape, sh("targetNode")):
        if (node, None, None) in data or (None, None, node) in data:
            found.add(node)
    classes = list(graph.objects(shape, sh("targetClass")))
    if (shape, RDF.type, RDFS.Class) in graph or (shape, RDF.type, OWL.Class) in graph:
        classes.append(shape)
    for cls in classes:
        for sub in data.transitive_subjects(RDFS.subClassOf, cls):  # cls itself first
            found.update(data.subjects(RDF.type, sub))
    for prop in graph.objects(shape, sh("targetSubjectsOf")):
        found.update(data.subjects(prop, None))
    for prop in graph.objects(shape, sh("targetObjectsOf")):
        found.update(data.objects(None, prop))
    return found


def targeted_shapes(graph: Graph) -> set[Node]:
    shapes = {s for predicate in TARGETS for s in graph.subjects(predicate, None)}
    shapes |= {s for s in graph.subjects(RDF.type, sh("NodeShape"))
               if (s, RDF.type, RDFS.Class) in graph or (s, RDF.type, OWL.Class) in graph}
    return shapes


def check_focus(ctx: _Context, data: Graph) -> None:
    empty_ok = ctx.shapes.intentionally_empty
    targeted = targeted_shapes(ctx.graph)
    selected = {shape: focus_nodes(ctx.graph, shape, data) for shape in targeted}
    expected = [shape for shape in targeted if shape not in empty_ok]
    if expected and not any(selected[shape] for shape in expected):
        ctx.add("focus", f"none of the {len(expected)} shape(s) with a target selects a focus "
                "node in the data: the validation would pass without checking anything",
                vacuous=True)
    for shape in sorted(targeted, key=str):
        if not selected[shape] and shape not in empty_ok:
            ctx.add("focus", f"{ctx.name(shape)} selects no focus node in the data: a misspelt "
                    "target, or list it in intentionally-empty.txt with the reason", shape)
        elif selected[shape] and shape in empty_ok:
            ctx.add("focus", f"{ctx.name(shape)} is listed as intentionally empty but selects "
                    f"{len(selected[shape])} focus node(s): remove it from "
                    "intentionally-empty.txt", shape)
    for shape in sorted(set(empty_ok) - targeted, key=str):
        ctx.add("focus", f"{ctx.name(shape)} is listed in intentionally-empty.txt but is not a "
                "shape with a target")
