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


RAW_OWLRL_FIRST = """
import owlrl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib import term
from typer.testing import CliRunner
from handcar.cli import app

data = Graph()
data.add((URIRef("urn:x:a"), URIRef("urn:x:month"), Literal("--02", datatype=XSD.gMonth)))
owlrl.DeductiveClosure(owlrl.RDFS_Semantics).expand(data)  # leaves its converters behind
left = dict(term._toPythonMapping)
assert left != term.XSDToPython, "owlrl no longer leaves converters behind: test is moot"
result = CliRunner().invoke(app, ["validate", "out"])
print(result.exit_code)
print(result.output.splitlines()[-1])
assert term._toPythonMapping == left, "handcar put the caller's table back"
"""


def test_validate_is_right_after_raw_owlrl_in_the_same_process() -> None:
    """Another program's owlrl, used without any care, before handcar validates (in a child
    process, so this test process keeps rdflib's table untouched)."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", RAW_OWLRL_FIRST], cwd=ROOT, capture_output=True, text=True,
        timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    code, last = done.stdout.splitlines()[-2:]
    assert code == "0" and "0 violations" in last, done.stdout
