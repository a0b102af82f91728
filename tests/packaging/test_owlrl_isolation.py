"""owlrl run first in the same process must not make valid data fail SHACL (issue 10, point 8)."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib import term as rdflib_term
from rdflib.namespace import XSD
from typer.testing import CliRunner

from handcar.cli import app
from support.paths import ROOT
from support.reasoning import rdfs_closure


def test_rdfs_closure_leaves_rdflib_literal_table_as_it_was() -> None:
    before = dict(rdflib_term._toPythonMapping)
    data = Graph()
    data.add((URIRef("urn:x:a"), URIRef("urn:x:day"), Literal("---25", datatype=XSD.gDay)))
    closure = rdfs_closure(data)
    assert len(closure) > len(data), "owlrl added the RDFS axioms"
    assert rdflib_term._toPythonMapping == before


def test_seed_release_validates_after_owlrl() -> None:
    data = Graph()
    data.add((URIRef("urn:x:a"), URIRef("urn:x:month"), Literal("--02", datatype=XSD.gMonth)))
    rdfs_closure(data)
    result = CliRunner().invoke(app, ["validate", str(ROOT / "out")])
    assert result.exit_code == 0, result.output
    assert "0 violations" in result.output.splitlines()[-1]
