"""``handcar --help`` imports only the command line: no RDF, SHACL or JSON-LD library
(issue 14, point 7). Checked in a fresh interpreter, where nothing else has imported them."""

from __future__ import annotations

import pytest

from support.fresh import printed_by

HEAVY = ("rdflib", "pyshacl", "pyld", "pyoxigraph", "owlrl", "jinja2", "spacy", "quantulum3",
         "dateparser")  # typer uses markdown-it

PROGRAM = f"""
import sys
from typer.testing import CliRunner
from handcar.cli import app
result = CliRunner().invoke(app, ["--help"])
assert result.exit_code == 0, result.output
print(",".join(m for m in {HEAVY!r} if m in sys.modules))
"""


def test_help_imports_no_rdf_library() -> None:
    imported = printed_by(PROGRAM)
    assert imported == "", f"handcar --help imported {imported}"


def test_the_command_line_module_imports_no_rich() -> None:
    """rich comes with the commands that print tables or a progress line, not with every
    start (``handcar check`` and ``handcar validate`` print plain lines). Older typer imports
    rich itself: only what handcar adds counts."""
    program = (
        "import sys\nimport typer\n"
        "rich = lambda: {m for m in sys.modules if m.split('.')[0] == 'rich'}\n"
        "before = rich()\nimport handcar.cli\nprint(sorted(rich() - before))\n"
    )
    assert printed_by(program) == "[]"


@pytest.mark.slow  # two builds of the seed
def test_the_build_leaves_the_validator_to_its_own_process(tmp_path) -> None:
    """``handcar build`` validates in a forked process while it writes the files: that process
    imports pySHACL and rdflib's SPARQL engine (about 0.1 s), the building one does not; nor
    does a build make the ontology's diagrams again (numpy, through grandalf) once they are in
    the cache."""
    from support.paths import ROOT

    def build(out: str) -> str:
        return printed_by(f"""
import os, sys
os.chdir({str(ROOT)!r})
os.environ["HANDCAR_CACHE_DIR"] = {str(tmp_path / "cache")!r}
from handcar.cli import app
try:
    app(["build", "--quiet", "--out", {str(tmp_path / out)!r}])
except SystemExit as exc:
    assert not exc.code, exc.code
print(",".join(m for m in ("pyshacl", "rdflib.plugins.sparql", "numpy", "grandalf")
               if m in sys.modules))
""")

    assert build("first") == "numpy,grandalf"  # an empty cache: the diagrams are made
    assert build("second") == ""
