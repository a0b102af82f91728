"""Portability: the fixture suite gives the same verdicts in two independent SHACL engines.

Apache Jena's SHACL (SHACL Core + SHACL-SPARQL) and rdf-validate-shacl (SHACL Core only) validate
the base and every case of the fixture suite (hand-written and generated), in one process each
(engines/ShaclBatch.java, engines/shacl-batch.mjs: loading a JVM per case would take minutes).
The batches are written and the engines started at the beginning of the test session
(conftest.py), so they run on the other processor while the Python tests run. Each engine must
find the base conforming, find every case non-conforming, and report a result on
every focus node the case expects one on. Cases whose constraints are SHACL-SPARQL are not given
to rdf-validate-shacl, which ignores sh:sparql (Case.engines).

Both engines get the data as pySHACL gets it from ``handcar validate``: with the rdf:type closure
and the disjoint pairs of the ontology added (see handcar.validate.engine.prepare).
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef
from validate_cases import CASES
from validate_generated import applied, generate
from validate_harness import Expected, apply, iri, revert

from handcar.ontology import Ontology
from handcar.rdfterms import to_oxigraph
from handcar.validate.engine import DataGraph
from handcar.validate.shapes import Shapes, shapes_dir
from support import tools

HERE = Path(__file__).parent / "engines"
SH = "http://www.w3.org/ns/shacl#"
CORE_SHAPES = shapes_dir() / "djo-shapes.ttl"  # SHACL Core: all rdf-validate-shacl implements
ALL_SHAPES = sorted(shapes_dir().glob("*.ttl"))
TARGETS = [URIRef(SH + t) for t in ("targetClass", "targetNode", "targetSubjectsOf",
                                    "targetObjectsOf")]


@dataclass(frozen=True)
class Planned:
    name: str
    engines: tuple[str, ...]
    focus: frozenset[str]  # IRIs ("_" for a blank node) each engine must report a result on
    conforms: bool = False  # a case that must give no result at all (its expect is empty)


def _write(path: Path, triples) -> None:
    quads = [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in triples]
    ox.serialize(quads, output=str(path), format=ox.RdfFormat.N_TRIPLES)


def write_batch(folder: Path, mini: DataGraph, shapes: Shapes,
                ontology: Ontology) -> tuple[Path, Path, dict[str, Planned]]:
    """The base as N-Triples and, per case, the triples to remove and add and the focus nodes."""
    cases_dir = folder / "cases"
    cases_dir.mkdir()
    base = folder / "base.nt"
    _write(base, mini)
    planned: dict[str, Planned] = {}
    for case in CASES:
        patch = apply(case, mini, ontology)
        try:
            name = f"hand-{case.id}"
            _write(cases_dir / f"{name}.remove.nt", patch.removed)
            _write(cases_dir / f"{name}.add.nt", patch.added)
            nodes = case.focus_nodes() or []
            (cases_dir / f"{name}.focus").write_text("".join(f"{n}\n" for n in nodes))
        finally:
            revert(patch, mini)
        focus = frozenset("_" if e.focus == "_" else str(iri(e.focus))
                          for e in map(Expected.parse, case.expect)
                          if _targeted(shapes, e.shape))
        planned[name] = Planned(name, case.engines, focus, conforms=not case.expect)
    for n, case in enumerate(generate(shapes.graph, mini)):
        name = f"gen-{n:03d}-" + re.sub(r"[^\w.-]+", "_", case.id)
        with applied(case, mini, ontology) as added:
            _write(cases_dir / f"{name}.remove.nt", case.remove)
            _write(cases_dir / f"{name}.add.nt", added)
            (cases_dir / f"{name}.focus").write_text(f"{case.focus}\n")
        # rdf-validate-shacl has no per-node validation: each of its runs validates the whole
        # base (~0.1 s), so it gets every fourth generated case (they are all SHACL Core)
        engines = ("pyshacl", "jena", "node") if n % 4 == 0 else ("pyshacl", "jena")
        planned[name] = Planned(name, engines, frozenset({str(case.focus)}))
    return base, cases_dir, planned


def _targeted(shapes: Shapes, shape_id: str) -> bool:
    """False for results pySHACL reports from inside sh:node (on the value node, from a shape
    without targets); SHACL reports only the sh:node result itself, as Jena does."""
    root = iri(shape_id.split("/", 1)[0])
    return any(shapes.graph.triples((root, None, None))) and any(
        (root, p, None) in shapes.graph for p in TARGETS)


def _verdicts(output: str) -> dict[str, tuple[bool, set[str]]]:
    verdicts = {}
    for line in output.splitlines():
        name, conforms, focus = [*line.split("\t"), ""][:3]
        verdicts[name] = (conforms == "true", set(focus.split()))
    return verdicts


def _check(engine: str, verdicts: dict, planned: dict[str, Planned]) -> None:
    assert verdicts.get("base", (False, set()))[0] is True, (
        f"{engine} does not find the base conforming: results on {verdicts.get('base')}")
    problems = []
    expected = [p for p in planned.values() if engine in p.engines]
    assert len(expected) > 100
    for plan in expected:
        if plan.name not in verdicts:
            problems.append(f"{plan.name}: not validated")
            continue
        conforms, focus = verdicts[plan.name]
        if plan.conforms:
            if not conforms:
                problems.append(f"{plan.name}: results in {engine} on {sorted(focus)}, "
                                "none in pySHACL")
        elif conforms:
            problems.append(f"{plan.name}: conforms in {engine}, not in pySHACL")
        elif not plan.focus <= focus:
            missing = sorted(plan.focus - focus)
            problems.append(f"{plan.name}: {engine} reports nothing on {missing}")
    assert not problems, "\n".join(problems)


@dataclass
class Run:
    """One engine validating the whole batch in the background (started by conftest.py)."""

    engine: str
    process: subprocess.Popen[str]
    planned: dict[str, Planned]

    def verdicts(self) -> dict[str, tuple[bool, set[str]]]:
        out, err = self.process.communicate(timeout=600)
        if self.process.returncode != 0:
            raise tools.ToolError(self.engine, "failed", returncode=self.process.returncode,
                                  stderr=err)
        return _verdicts(out)


def start(engine: str, batch: tuple[Path, Path, dict[str, Planned]]) -> Run:
    """Start ``engine`` ("jena" or "node-shacl") on a batch written by :func:`write_batch`."""
    base, cases_dir, planned = batch
    if engine == "jena":
        cmd = ["java", *tools._JAVA_OPTS, "-cp", tools.jena_classpath(),
               str(HERE / "ShaclBatch.java"), os.pathsep.join(str(f) for f in ALL_SHAPES),
               str(base), str(cases_dir)]
        env = None
    else:
        only = cases_dir.parent / "node-cases.txt"
        only.write_text("".join(f"{p.name}\n" for p in planned.values() if "node" in p.engines))
        cmd = ["node", str(HERE / "shacl-batch.mjs"), str(CORE_SHAPES), str(base), str(cases_dir),
               str(only)]
        env = {**os.environ, "HANDCAR_NODE_DIR": os.fspath(tools.NODE_DIR)}
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env, stdin=subprocess.DEVNULL)
    return Run("jena" if engine == "jena" else "node", process, planned)


@pytest.mark.requires("jena")
def test_jena_gives_the_same_verdicts(portability_runs: dict[str, Run]) -> None:
    run = portability_runs["jena"]
    _check("jena", run.verdicts(), run.planned)


@pytest.mark.slow  # 25 s of the default run: CI runs it (--slow)
@pytest.mark.requires("node-shacl")
def test_rdf_validate_shacl_gives_the_same_verdicts(portability_runs: dict[str, Run]) -> None:
    run = portability_runs["node-shacl"]
    _check("node", run.verdicts(), run.planned)
