"""Fixtures for the DJO ontology tests: the two modules parsed apart and together, the declared
DJO terms, and the sample dataset the competency queries run against."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import pytest
from djo_helpers import ALIGN_TTL, DJO_TTL, KINDS, SAMPLE_TRIG, is_djo, parse_turtle
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF


@dataclass(frozen=True)
class Ontology:
    """The two modules, parsed apart and together."""

    core: Graph
    align: Graph
    merged: Graph


@pytest.fixture(scope="session")
def ontology() -> Ontology:
    core = parse_turtle(DJO_TTL)
    align = parse_turtle(ALIGN_TTL)
    return Ontology(core=core, align=align, merged=core + align)


@pytest.fixture(scope="session")
def merged(ontology: Ontology) -> Graph:
    return ontology.merged


@pytest.fixture(scope="session")
def djo_declared(merged: Graph) -> set[URIRef]:
    """DJO terms declared with some OWL kind."""
    return {s for kind in KINDS for s in merged.subjects(RDF.type, kind) if is_djo(s)}


def read_trig(path) -> Dataset:
    """Parse a TriG file; rdflib's TriG parser itself triggers its own deprecation warnings."""
    dataset = Dataset()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.parse(path, format="trig")
    return dataset


@pytest.fixture(scope="session")
def sample_dataset() -> Dataset:
    """The hand-made sample of published data (tests/ontology/data), with its named graphs."""
    return read_trig(SAMPLE_TRIG)


@pytest.fixture(scope="session")
def sample(sample_dataset: Dataset) -> Graph:
    """The sample's named graphs merged into one graph: what the competency queries read."""
    union = Graph(bind_namespaces="none")
    for s, p, o, _ in sample_dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union
