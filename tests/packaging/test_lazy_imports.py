"""``handcar --help`` imports only the command line: no RDF, SHACL or JSON-LD library
(issue 14, point 7). Checked in a fresh interpreter, where nothing else has imported them."""

from __future__ import annotations

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
