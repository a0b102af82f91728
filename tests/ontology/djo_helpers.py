"""Constants and small functions shared by the DJO ontology tests (imported by name: the folder is
on sys.path under pytest's default import mode)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF

REPO_ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY_DIR = REPO_ROOT / "ontology"
QUERIES_DIR = REPO_ROOT / "queries"
DJO_TTL = ONTOLOGY_DIR / "djo.ttl"
ALIGN_TTL = ONTOLOGY_DIR / "djo-align.ttl"
ONTOLOGY_README = ONTOLOGY_DIR / "README.md"
SAMPLE_TRIG = Path(__file__).resolve().parent / "data" / "handcar-sample.trig"

DJO = "https://w3id.org/djo#"
# a plain Namespace: rdflib's XSD DefinedNamespace warns when pytest probes module attributes
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
DJO_ONTOLOGY = URIRef("https://w3id.org/djo")
ALIGN_ONTOLOGY = URIRef("https://w3id.org/djo/align")

#: the OWL kinds an IRI can be declared with
KINDS = {
    OWL.Class: "class",
    OWL.ObjectProperty: "object property",
    OWL.DatatypeProperty: "datatype property",
    OWL.AnnotationProperty: "annotation property",
    OWL.NamedIndividual: "individual",
}


def parse_turtle(*paths: Path) -> Graph:
    graph = Graph(bind_namespaces="none")
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


def is_djo(term: object) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(DJO)


def declared_kinds(graph: Graph, term: URIRef) -> set[str]:
    return {name for kind, name in KINDS.items() if (term, RDF.type, kind) in graph}


def djo_terms_used(graph: Graph) -> set[URIRef]:
    """Every IRI in the DJO namespace that occurs anywhere in ``graph``."""
    return {t for triple in graph for t in triple if is_djo(t)}
