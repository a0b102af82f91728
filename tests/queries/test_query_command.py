"""``handcar query``: every competency question answered from the release with no server, the
output formats, one graph or the union, CONSTRUCT/DESCRIBE as RDF, and clear errors (exit 2)."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from handcar.answers import compare, from_json
from handcar.cli import app
from handcar.competency import Question, load_expected, questions
from handcar.errors import EXIT_IO

QUESTIONS = questions()
SOROKIN = "https://w3id.org/djo/id/person/vladislav-sorokin"


def handcar(*args: str, stdin: str | None = None):
    # a wide terminal, so that rich does not fold table cells
    return CliRunner().invoke(app, list(args), input=stdin, env={"COLUMNS": "250"})


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.name for q in QUESTIONS])
def test_handcar_query_answers_every_competency_question(question: Question, release: Path) -> None:
    result = handcar("query", str(question.path), "--format", "json", "--out", str(release))
    assert result.exit_code == 0, result.output
    problems = compare(load_expected(question), from_json(result.stdout), ordered=question.ordered)
    assert not problems, "\n".join(problems)


def test_table_is_the_default(release: Path) -> None:
    cq22 = next(q for q in QUESTIONS if q.number == 22)
    result = handcar("query", str(cq22.path), "--out", str(release))
    assert result.exit_code == 0, result.output
    assert "knownHours" in result.stdout and "34" in result.stdout and "1 row" in result.stdout


def test_a_table_written_to_a_pipe_keeps_each_row_on_one_line(release: Path) -> None:
    """Written to a file or a pipe, a table is as wide as its rows (rich folded every cell at
    80 columns, or COLUMNS), with no trailing spaces."""
    text = "SELECT ?s ?name WHERE { ?s <https://schema.org/name> ?name } ORDER BY ?s LIMIT 3"
    result = CliRunner().invoke(app, ["query", text, "--out", str(release)],
                                env={"COLUMNS": "40"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3 + 3 + 2  # the header's three lines, three rows, the foot, "3 rows"
    assert all(line == line.rstrip() for line in lines)
    assert lines[-1].strip() == "3 rows" and max(map(len, lines)) > 40


def test_query_text_csv_and_tsv(release: Path) -> None:
    text = f"SELECT ?name WHERE {{ <{SOROKIN}> <https://schema.org/name> ?name }}"
    result = handcar("query", text, "--format", "csv", "--out", str(release))
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.stdout))) == [["name"], ["Vladislav Sorokin"]]
    result = handcar("query", text, "-f", "tsv", "--out", str(release))
    assert result.stdout.splitlines() == ["?name", '"Vladislav Sorokin"@en']


def test_handcar_prefixes_are_predeclared_and_a_query_prefix_wins(release: Path) -> None:
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?p a djo:Person ; schema:name ?name }"
    result = handcar("query", text, "-f", "csv", "--out", str(release))
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["n", "2"]
    own = "PREFIX djo: <http://example.org/> " + text
    assert handcar("query", own, "-f", "csv", "--out", str(release)).stdout.split() == ["n", "0"]


def test_query_from_stdin(release: Path) -> None:
    result = handcar("query", "-", "-f", "json", "--out", str(release), stdin="ASK { ?s ?p ?o }")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["boolean"] is True


def test_union_by_default_or_one_graph(release: Path) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/djo#Statement> }"

    def n(*extra: str) -> int:
        result = handcar("query", count, "-f", "json", "--out", str(release), *extra)
        assert result.exit_code == 0, result.output
        return int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"])

    union, provenance = n(), n("--graph", "provenance")
    assert 0 < provenance <= union
    assert n("--graph", "asserted") == 0
    assert n("--graph", "https://w3id.org/djo/id/graph/provenance") == provenance


def test_construct_gives_turtle_and_ntriples(release: Path) -> None:
    text = f"CONSTRUCT WHERE {{ <{SOROKIN}> ?p ?o }}"
    turtle = handcar("query", text, "--out", str(release))
    assert turtle.exit_code == 0, turtle.output
    graph = rdflib.Graph().parse(data=turtle.stdout, format="turtle")
    assert (rdflib.URIRef(SOROKIN), rdflib.URIRef("https://schema.org/name"), None) in graph
    assert "@prefix djo: <https://w3id.org/djo#> ." in turtle.stdout
    nt = handcar("query", text, "-f", "ntriples", "--out", str(release))
    assert len(rdflib.Graph().parse(data=nt.stdout, format="nt")) == len(graph)


def test_construct_gives_rdf_xml_or_refuses_what_it_cannot_hold(release: Path) -> None:
    text = f"CONSTRUCT WHERE {{ <{SOROKIN}> ?p ?o }}"
    xml = handcar("query", text, "-f", "xml", "--out", str(release))
    assert xml.exit_code == 0, xml.output
    graph = rdflib.Graph().parse(data=xml.stdout, format="xml")
    assert (rdflib.URIRef(SOROKIN), rdflib.URIRef("https://schema.org/name"), None) in graph
    for construct, refused in [('<http://x/s> <http://x/p/1> "a"', "the property <http://x/p/1>"),
                               ('<http://x/s> <http://x/p> "a\\rb"', "U+000D")]:
        result = handcar("query", f"CONSTRUCT {{ {construct} }} WHERE {{}}", "-f", "xml",
                         "--out", str(release))
        assert result.exit_code == 2 and refused in result.output, result.output


def test_a_competency_question_by_its_name(release: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """``handcar query cq05`` runs the packaged question (wherever handcar is installed); a
    file of that name here wins; a name that is not one says which names there are."""
    from handcar.resources import queries_dir

    expected = handcar("query", str(queries_dir() / "cq05-legs-in-order.rq"), "-f", "csv",
                       "--out", str(release))
    monkeypatch.chdir(tmp_path)
    for name in ("cq05", "cq5", "CQ05", "cq05-legs-in-order", "cq05-legs-in-order.rq"):
        result = handcar("query", name, "-f", "csv", "--out", str(release))
        assert (result.exit_code, result.stdout) == (0, expected.stdout), name
    (tmp_path / "cq05").write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    mine = handcar("query", "cq05", "-f", "csv", "--out", str(release))
    assert mine.stdout.strip().splitlines()[-1] == "true"
    unknown = handcar("query", "cq99", "--out", str(release))
    assert unknown.exit_code == 2
    assert "a competency question by its name: cq01 … cq29" in unknown.output


def test_construct_as_json_ld_as_the_release_writes_it(release: Path) -> None:
    result = handcar("query", "CONSTRUCT WHERE { ?leg a djo:HandcarLeg ; djo:legIndex ?i }",
                     "-f", "jsonld", "--out", str(release))
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["@context"] == "https://w3id.org/djo/context.jsonld"
    assert [node["@type"] for node in document["@graph"]] == ["djo:HandcarLeg"]
    refused = handcar("query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "-f", "jsonld",
                      "--out", str(release))
    assert refused.exit_code == 2 and "is for CONSTRUCT/DESCRIBE" in refused.output


def test_describe_as_a_table(release: Path) -> None:
    result = handcar("query", f"DESCRIBE <{SOROKIN}>", "-f", "table", "--out", str(release))
    assert result.exit_code == 0, result.output
    assert "id:person/vladislav-sorokin" in result.stdout and "schema:name" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["SELEKT * WHERE { ?s ?p ?o }"], "SPARQL syntax error"),
        (["missing.rq"], "handcar query: missing.rq: no such query file"),
        (["SELECT * WHERE { ?s ?p ?o }", "--graph", "nope"], "no graph 'nope'"),
        (["SELECT * WHERE { ?s ?p ?o }", "-f", "turtle"], "SELECT/ASK give solutions"),
        (["CONSTRUCT WHERE { ?s ?p ?o }", "-f", "csv"], "CONSTRUCT/DESCRIBE give RDF"),
        (["SELECT * WHERE { ?s ?p ?o }", "-f", "yaml"], "unknown --format 'yaml'"),
    ],
)
def test_bad_queries_exit_2_with_a_message(release: Path, args: list[str], message: str) -> None:
    result = handcar("query", *args, "--out", str(release))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_missing_release_exits_2(tmp_path: Path) -> None:
    result = handcar("query", "ASK {}", "--out", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "run 'handcar build'" in result.stderr
    (tmp_path / "empty").mkdir()
    result = handcar("query", "ASK {}", "--out", str(tmp_path / "empty"))
    assert result.exit_code == 2 and "dataset.nq" in result.stderr


@pytest.mark.parametrize("padding", [300, 5000, 200_000])
def test_inline_queries_of_any_length(release: Path, padding: int) -> None:
    """Longer than a file name may be (255) or a path (4096): still the query, never a path."""
    text = "ASK { ?s ?p ?o " + "#" + "x" * padding + "\n}"
    result = handcar("query", text, "-f", "json", "--out", str(release))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["boolean"] is True


@pytest.mark.parametrize(
    ("argument", "inline"),
    [
        ("ASK{}", True),
        ("SELECT * WHERE { ?s ?p ?o }", True),
        ("DESCRIBE\t<http://e/x>", True),
        ("queries/cq05-legs-in-order.rq", False),
        ("my-query", False),
        ("-", False),
    ],
)
def test_inline_or_file_is_decided_on_the_text(argument: str, inline: bool) -> None:
    from handcar.query import is_inline

    assert is_inline(argument) is inline


def test_a_query_file_without_the_rq_suffix(release: Path, tmp_path: Path) -> None:
    path = tmp_path / "question"
    path.write_text("ASK { ?s ?p ?o }\n")
    result = handcar("query", str(path), "-f", "json", "--out", str(release))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["boolean"] is True


def test_a_syntax_error_in_a_file_gives_its_line(release: Path, tmp_path: Path) -> None:
    path = tmp_path / "broken.rq"
    path.write_text("# a comment\nSELECT * WHERE {\n  ?s ?p ?o . FILTER( }\n")
    result = handcar("query", str(path), "--out", str(release))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"handcar query: {path}:3: SPARQL syntax error at column ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--timeout", "0"], "handcar query: --timeout must be more than 0 seconds\n"),
        (["--max-results", "0"], "handcar query: --max-results must be 1 or more\n"),
    ],
)
def test_bad_limits_exit_2(release: Path, args: list[str], message: str) -> None:
    result = handcar("query", "ASK {}", *args, "--out", str(release))
    assert result.exit_code == 2 and result.stderr == message


def test_an_unreadable_query_file_is_an_io_failure(release: Path, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "secret.rq"
    path.write_text("ASK {}")
    path.chmod(0)
    result = handcar("query", str(path), "--out", str(release))
    assert result.exit_code == EXIT_IO
    assert result.stderr == f"handcar query: {path}: I/O error: Permission denied\n"


def test_a_byte_order_mark_is_not_part_of_the_query(release: Path, tmp_path: Path) -> None:
    path = tmp_path / "bom.rq"
    path.write_bytes("\ufeffASK { ?s ?p ?o }\n".encode())
    result = handcar("query", str(path), "-f", "json", "--out", str(release))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["boolean"] is True


def test_from_and_from_named_are_the_querys_dataset(release: Path) -> None:
    """A query's FROM / FROM NAMED replace the union (Oxigraph's union option ignored them);
    --graph replaces FROM, as the SPARQL Protocol's default-graph-uri does."""
    asserted = "https://w3id.org/djo/id/graph/asserted"

    def n(query: str, *extra: str) -> int:
        result = handcar("query", query, "-f", "csv", "--out", str(release), *extra)
        assert result.exit_code == 0, result.output
        return int(result.stdout.split()[1])

    every = "SELECT (COUNT(*) AS ?n) {} WHERE {{ ?s ?p ?o }}"
    union, one = n(every.format("")), n(every.format(""), "--graph", "asserted")
    assert 0 < one < union
    assert n(every.format(f"FROM <{asserted}>")) == one
    assert n(every.format("FROM <https://example.org/not-a-graph-of-the-release>")) == 0
    assert n(every.format(f"FROM NAMED <{asserted}>")) == 0  # no FROM: an empty default graph
    named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{asserted}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert n(named) == one
    assert n(every.format(f"FROM <{asserted}>"), "--graph", "provenance") == n(
        every.format(""), "--graph", "provenance")
