"""What every lint check shares: the problem it reports, the error, and the context it reads.

A check is a function of a :class:`LintContext`: the shapes graph (and, where the check needs
them, the ontology and the reference data), with :meth:`LintContext.add` to report a problem at
the line where the shape is written. The registry (:mod:`.registry`) says which check is
running, so a check never writes its own name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, BNode, Graph, URIRef
from rdflib.term import Node

from handcar.ontology import Ontology
from handcar.validate.locate import Locator
from handcar.validate.report import qname
from handcar.validate.shacl_terms import SH
from handcar.validate.shapes import Shapes


def sh(local: str) -> URIRef:
    """A term of the SHACL namespace."""
    return URIRef(SH + local)


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


class LintContext:
    """The shapes under lint, what names are checked against (None: no name check), the
    reference data (None: no focus check), and the problems found so far."""

    def __init__(
        self, shapes: Shapes, ontology: Ontology | None = None, data: Graph | None = None
    ) -> None:
        self.shapes = shapes
        self.graph = shapes.graph
        self.ontology = ontology
        self.data = data
        self.locator = Locator(shapes.files)
        self.problems: list[LintProblem] = []
        self.check = ""  # the name of the check running (set by the registry)

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

    def add(self, message: str, about: Node | None = None, *, vacuous: bool = False) -> None:
        """Report a problem of the running check, located at the shape ``about`` belongs to."""
        file = line = None
        if about is not None:
            where = self.locator.find(self.owner(about))
            if where:
                file, line = where
        self.problems.append(LintProblem(self.check, message, file, line, vacuous))
