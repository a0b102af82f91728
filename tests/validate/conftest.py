"""Fixtures for the validation tests: the ontology, the shapes, and two built datasets.

- ``mini``: the fixture base, built from ``fixtures/mini/articles`` (a made-up article that uses
  most DJO classes once); it has no result at any severity.
- ``seed``: handcar's published dataset, built from ``articles/``.
Both are DataGraphs prepared for validation (type closure, disjoint pairs); tests that change
them revert their changes (see validate_harness.apply/revert) or work on a copy.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal
from validate_harness import MINI_ARTICLES

from handcar.build import build_dataset
from handcar.ontology import Ontology, load_ontology
from handcar.validate.engine import DataGraph, prepare, read_data
from handcar.validate.shapes import Shapes, load_shapes
from support.paths import ARTICLES


@pytest.fixture(scope="session")
def ontology() -> Ontology:
    return load_ontology()


@pytest.fixture(scope="session")
def shapes() -> Shapes:
    return load_shapes()


def _release(articles: Path, folder: Path) -> Path:
    """Build ``articles`` and write the dataset as N-Quads (what ``handcar validate`` reads)."""
    folder.mkdir(parents=True, exist_ok=True)
    dataset = build_dataset(articles).dataset
    quads = [ox.Quad(_ox(s), _ox(p), _ox(o), _ox(g)) for s, p, o, g in dataset.quads()]
    ox.serialize(quads, output=str(folder / "dataset.nq"), format=ox.RdfFormat.N_QUADS)
    return folder


def _ox(node):
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype is not None:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    return ox.NamedNode(str(node.identifier if hasattr(node, "identifier") else node))


@pytest.fixture(scope="session")
def mini_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _release(MINI_ARTICLES, tmp_path_factory.mktemp("mini"))


@pytest.fixture(scope="session")
def seed_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _release(ARTICLES, tmp_path_factory.mktemp("seed"))


@pytest.fixture(scope="session")
def mini(mini_release: Path, ontology: Ontology) -> DataGraph:
    graph, _files = read_data([mini_release])
    prepare(graph, ontology)
    return graph


@pytest.fixture(scope="session")
def seed(seed_release: Path, ontology: Ontology) -> DataGraph:
    graph, _files = read_data([seed_release])
    prepare(graph, ontology)
    return graph


@pytest.fixture(autouse=True)
def _quiet_rdflib(caplog: pytest.LogCaptureFixture) -> None:
    """Ill-typed literals are what some cases are about: rdflib's warnings about them are noise."""
    import logging

    caplog.set_level(logging.CRITICAL, logger="rdflib")


@pytest.fixture(scope="session")
def portability_runs(tmp_path_factory: pytest.TempPathFactory, mini: DataGraph, shapes: Shapes,
                     ontology: Ontology) -> dict:
    """The outside SHACL engines, started on the fixture batch (test_portability.py)."""
    from test_portability import start, write_batch

    from support.tools import missing_reason

    engines = [e for e in ("jena", "node-shacl") if missing_reason(e) is None]
    if not engines:
        return {}
    batch = write_batch(tmp_path_factory.mktemp("portability"), mini, shapes, ontology)
    return {engine: start(engine, batch) for engine in engines}


@pytest.fixture(scope="session", autouse=True)
def _start_outside_engines_early(request: pytest.FixtureRequest) -> None:
    """Start the portability batches at the first test when they are selected: the engines run
    on the other processor while the Python tests run (the node batch alone takes ~35 s)."""
    if any("test_portability" in item.nodeid for item in request.session.items):
        request.getfixturevalue("portability_runs")
