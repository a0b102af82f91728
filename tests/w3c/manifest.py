"""Reads the W3C SHACL test suite's manifests (``data/``) into :class:`W3CTest` records.

The format is the W3C test manifest vocabulary (``mf:``) with the SHACL test terms (``sht:``),
described at https://w3c.github.io/data-shapes/data-shapes-test-suite/: each manifest lists its
entries (``mf:entries``) and includes others (``mf:include``); a ``sht:Validate`` entry names a
data graph and a shapes graph (``mf:action``) and its expected report (``mf:result``), or
``sht:Failure`` when an engine must refuse the shapes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")
SH = Namespace("http://www.w3.org/ns/shacl#")

SUITE = Path(__file__).parent / "data"


@dataclass(frozen=True)
class W3CTest:
    """One test: where its graphs are and what the suite expects."""

    id: str  # e.g. "core/node/class-001"
    label: str
    data: Path
    shapes: Path
    expect: str  # "conforms", "violates" or "failure"
    results: int  # top-level sh:result entries of the expected report

    @property
    def exit_code(self) -> int:
        """What ``handcar validate --fail-on info`` must exit with."""
        return {"conforms": 0, "violates": 1, "failure": 2}[self.expect]


def load_suite(manifest: Path = SUITE / "manifest.ttl") -> list[W3CTest]:
    """Every test reachable from ``manifest``, in manifest order, then the test files of the
    suite's folders that no manifest includes (``sparql/component/nodeValidator-001``)."""
    tests: list[W3CTest] = []
    seen: set[Path] = set()
    _read(manifest.resolve(), tests, seen)
    for path in sorted(manifest.resolve().parent.rglob("*.ttl")):
        if path not in seen and "mf:entries" in path.read_text(encoding="utf-8"):
            _read(path, tests, seen)
    return tests


def _read(manifest: Path, tests: list[W3CTest], seen: set[Path]) -> None:
    if manifest in seen:
        return
    seen.add(manifest)
    graph = Graph()
    graph.parse(manifest, format="turtle")
    root = URIRef(manifest.as_uri())
    for included in graph.objects(root, MF.include):
        _read(_path(included), tests, seen)
    for entries in graph.objects(root, MF.entries):
        for entry in Collection(graph, entries):
            tests.append(_test(graph, entry))


def _test(graph: Graph, entry: URIRef) -> W3CTest:
    action = graph.value(entry, MF.action)
    result = graph.value(entry, MF.result)
    data = _path(graph.value(action, SHT.dataGraph))
    shapes = _path(graph.value(action, SHT.shapesGraph))
    if result == SHT.Failure:
        expect, count = "failure", 0
    else:
        conforms = graph.value(result, SH.conforms)
        expect = "conforms" if isinstance(conforms, Literal) and conforms.toPython() else "violates"
        count = len(list(graph.objects(result, SH.result)))
    path = _path(entry)
    ident = path.relative_to(SUITE.resolve()).with_suffix("").as_posix()
    return W3CTest(ident, str(graph.value(entry, RDFS.label) or ""), data, shapes, expect, count)


def _path(iri: object) -> Path:
    text = str(iri)
    assert text.startswith("file://"), text
    return Path(text[len("file://") :].split("#", 1)[0])
