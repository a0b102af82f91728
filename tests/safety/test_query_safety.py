"""``handcar query`` on hostile SPARQL: no outbound request (``SERVICE`` refused on the parsed
query, and the query's process cannot open a socket anyway), read-only (updates refused), and
bounded (time, result rows, memory, query size). Every refusal is one line, exit 2, no
traceback. A real socket server on 127.0.0.1 records whether anything reached it."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import handcar.query.sandbox as query_module
from handcar.cli import app
from handcar.errors import EXIT_INPUT
from handcar.query import QueryError, QueryRefused, check_query, open_release, run
from support.release import built_release

SERVICE_MESSAGE = "handcar query: SERVICE is refused: handcar makes no outbound requests\n"
READ_ONLY = "handcar query is read-only"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def release() -> Path:
    return built_release()


class Recorder:
    """A TCP server on 127.0.0.1 that records every connection and closes it at once."""

    def __init__(self) -> None:
        self.connections = 0
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}/sparql"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._socket.close()


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    server = Recorder()
    try:
        yield server
    finally:
        server.close()


def handcar(*args: str, stdin: str | None = None, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, ["query", *args], input=stdin, env=env)


def assert_refused(result, message: str) -> None:
    assert result.exit_code == EXIT_INPUT, result.output
    assert result.stderr == message
    assert result.stdout == ""
    assert "Traceback" not in result.output


# --- no outbound request ------------------------------------------------------------------------


def test_oxigraph_itself_would_call_the_service(recorder: Recorder) -> None:
    """The control: without handcar's check, pyoxigraph sends SERVICE requests."""
    store = ox.Store()
    list(store.query(f"SELECT * WHERE {{ SERVICE SILENT <{recorder.url}> {{ ?s ?p ?o }} }}"))
    assert recorder.connections == 1


SERVICES = {
    "plain": "SELECT * WHERE { SERVICE <@url@> { ?s ?p ?o } }",
    "silent-lower-case": "select * where { service silent <@url@> { ?s ?p ?o } }",
    "in-optional": "SELECT * WHERE { ?s a djo:Person OPTIONAL { SERVICE <@url@> { ?s ?p ?o } } }",
    "in-exists": "ASK { ?s ?p ?o FILTER EXISTS { SERVICE <@url@> { ?s ?p ?o } } }",
    "in-sub-select": "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <@url@> { ?s ?p ?o } } } }",
    "in-union-and-graph": "SELECT * { { ?s ?p ?o } UNION { GRAPH ?g { SERVICE <@url@> {} } } }",
    "in-minus": "SELECT * WHERE { ?s ?p ?o MINUS { SERVICE <@url@> { ?s ?p ?o } } }",
    "in-construct": "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <@url@> { ?s ?p ?o } }",
    "variable-endpoint": "SELECT * WHERE { BIND(<@url@> AS ?e) SERVICE ?e { ?s ?p ?o } }",
    "unicode-escape": r"SELECT * WHERE { \u0053ERVICE <@url@> { ?s ?p ?o } }",
}


@pytest.mark.parametrize("text", SERVICES.values(), ids=SERVICES.keys())
def test_service_is_refused_and_never_reached(text: str, release: Path, recorder: Recorder) -> None:
    result = handcar(text.replace("@url@", recorder.url), "--out", str(release))
    assert_refused(result, SERVICE_MESSAGE)
    assert recorder.connections == 0


def test_service_in_a_file_or_on_stdin(release: Path, recorder: Recorder, tmp_path: Path) -> None:
    text = SERVICES["plain"].replace("@url@", recorder.url)
    remote = tmp_path / "remote.rq"
    remote.write_text(text)
    result = handcar(str(remote), "--out", str(release))
    assert_refused(
        result, f"handcar query: {remote}: SERVICE is refused: handcar makes no outbound requests\n"
    )
    assert_refused(handcar("-", "--out", str(release), stdin=text), SERVICE_MESSAGE)
    assert recorder.connections == 0


def test_the_word_service_elsewhere_is_no_service(release: Path) -> None:
    """Decided on the parsed query, not on the text: a string or an IRI may say SERVICE."""
    text = 'SELECT ?x WHERE { BIND("SERVICE <http://x/> {}" AS ?x) FILTER(?x != <urn:SERVICE>) }'
    result = handcar(text, "-f", "csv", "--out", str(release))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["x", "SERVICE <http://x/> {}"]


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * FROM <@url@> WHERE { ?s ?p ?o } LIMIT 1",
        "SELECT * FROM NAMED <@url@> WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1",
        "SELECT * WHERE { GRAPH <@url@> { ?s ?p ?o } }",
        "DESCRIBE <@url@>",
        "SELECT ?x WHERE { BIND(IRI('@url@') AS ?x) }",
    ],
    ids=["from", "from-named", "graph", "describe", "iri"],
)
def test_graph_names_are_not_fetched(text: str, release: Path, recorder: Recorder) -> None:
    """FROM, FROM NAMED and GRAPH name graphs of the store; Oxigraph fetches nothing for them."""
    result = handcar(text.replace("@url@", recorder.url), "--out", str(release))
    assert result.exit_code == 0, result.output
    assert recorder.connections == 0


def test_the_query_process_cannot_open_a_socket(
    release: Path, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second wall: with the check switched off, SERVICE still reaches nobody, because the
    child that evaluates the query cannot open a file descriptor."""
    from rdflib.plugins.sparql import parser

    # parsed (the child reads the dataset clause off the tree), never refused
    monkeypatch.setattr(query_module, "check_query",
                        lambda sparql, origin="": parser.parseQuery(sparql))
    loaded = open_release(release)
    silent = f"SELECT * WHERE {{ SERVICE SILENT <{recorder.url}> {{ ?s ?p ?o }} }}"
    assert [list(solution) for solution in run(loaded, silent)] == [[None, None, None]]
    with pytest.raises(QueryError) as failed:
        run(loaded, silent.replace("SILENT", ""))
    assert str(failed.value).startswith("the query failed: ")
    assert recorder.connections == 0


def test_check_query_is_reusable() -> None:
    check_query("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(QueryRefused) as refused:
        check_query("ASK { SERVICE <http://127.0.0.1:9/> {} }")
    assert str(refused.value) == "SERVICE is refused: handcar makes no outbound requests"
    with pytest.raises(QueryRefused) as refused:
        check_query("DROP ALL", "q.rq")
    assert str(refused.value) == f"q.rq: {READ_ONLY}: DROP is a SPARQL Update"


# --- read-only ----------------------------------------------------------------------------------

UPDATES = {
    "INSERT DATA": "INSERT DATA { <http://e/s> <http://e/p> <http://e/o> }",
    "DELETE DATA": "DELETE DATA { <http://e/s> <http://e/p> <http://e/o> }",
    "DELETE WHERE": "DELETE WHERE { ?s ?p ?o }",
    "DELETE/INSERT": "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "LOAD": "LOAD <@url@/data.ttl>",
    "CLEAR": "CLEAR ALL",
    "DROP": "PREFIX e: <http://e/> DROP GRAPH e:g",
    "CREATE": "CREATE GRAPH <http://e/g>",
    "COPY": "COPY DEFAULT TO <http://e/g>",
}


@pytest.mark.parametrize(("operation", "text"), UPDATES.items(), ids=UPDATES.keys())
def test_updates_are_refused(operation: str, text: str, release: Path, recorder: Recorder) -> None:
    result = handcar(text.replace("@url@", recorder.url), "--out", str(release))
    assert_refused(result, f"handcar query: {READ_ONLY}: {operation} is a SPARQL Update\n")
    assert recorder.connections == 0


# --- bounded: time, results, memory, size -------------------------------------------------------


def test_a_cartesian_query_is_stopped_at_the_timeout(
    release: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    children: list[int] = []
    fork = os.fork

    def recording_fork() -> int:
        pid = fork()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recording_fork)
    started = time.monotonic()
    result = handcar(CARTESIAN, "--timeout", "1", "--out", str(release))
    elapsed = time.monotonic() - started
    assert_refused(
        result,
        "handcar query: the query: over the limit on query time (stopped after 1 s): the limit "
        "is 1 s; raise it with --timeout or HANDCAR_QUERY_TIMEOUT\n",
    )
    assert elapsed < 1 + 2.5, f"took {elapsed:.1f} s"
    assert len(children) == 1 and not Path(f"/proc/{children[0]}").exists()


def test_the_timeout_comes_from_the_environment(release: Path) -> None:
    result = handcar(CARTESIAN, "--out", str(release), env={"HANDCAR_QUERY_TIMEOUT": "0.5"})
    assert result.exit_code == EXIT_INPUT
    assert "query time (stopped after 0.5 s)" in result.stderr
    assert "raise it with HANDCAR_QUERY_TIMEOUT" in result.stderr


EVERYTHING = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


def test_result_cap(release: Path) -> None:
    result = handcar(EVERYTHING, "-f", "csv", "--max-results", "5", "--out", str(release))
    assert_refused(
        result,
        "handcar query: the query: over the limit on query results (more than 5 rows): the "
        "limit is 5 rows; raise it with --max-results or HANDCAR_QUERY_MAX_RESULTS\n",
    )
    construct = "CONSTRUCT WHERE { ?s ?p ?o }"
    result = handcar(construct, "--out", str(release), env={"HANDCAR_QUERY_MAX_RESULTS": "10"})
    assert result.exit_code == EXIT_INPUT
    assert "over the limit on query results (more than 10 rows)" in result.stderr
    assert "HANDCAR_QUERY_MAX_RESULTS" in result.stderr


def test_a_result_at_the_cap_is_given(release: Path) -> None:
    text = "SELECT ?n WHERE { VALUES ?n { 1 2 3 } }"
    result = handcar(text, "-f", "csv", "--max-results", "3", "--out", str(release))
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["n", "1", "2", "3"]
    assert handcar(text, "--max-results", "2", "--out", str(release)).exit_code == EXIT_INPUT


def test_memory_cap(release: Path) -> None:
    """Sorting a cartesian product needs memory: the child hits its cap and the parent says so."""
    text = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
    env = {"HANDCAR_QUERY_MAX_MEMORY": str(64 * 1024 * 1024)}
    result = handcar(text, "-f", "csv", "--timeout", "20", "--out", str(release), env=env)
    assert result.exit_code == EXIT_INPUT, result.output
    assert "over the limit on query memory" in result.stderr
    assert "the limit is 64 MiB; raise it with HANDCAR_QUERY_MAX_MEMORY" in result.stderr
    assert result.stderr.count("\n") == 1


def test_query_size_cap(release: Path, tmp_path: Path) -> None:
    env = {"HANDCAR_QUERY_MAX_BYTES": "100"}
    long_query = "ASK { ?s ?p ?o " + "FILTER(?o != 1) " * 10 + "}"
    for args, stdin in [((long_query,), None), (("-",), long_query)]:
        result = handcar(*args, "--out", str(release), stdin=stdin, env=env)
        assert result.exit_code == EXIT_INPUT, result.output
        assert "over the limit on the size of a query" in result.stderr
        assert "HANDCAR_QUERY_MAX_BYTES" in result.stderr
    big = tmp_path / "big.rq"
    big.write_text(long_query)
    result = handcar(str(big), "--out", str(release), env=env)
    assert result.exit_code == EXIT_INPUT
    assert result.stderr.startswith(f"handcar query: {big}: over the limit on the size of a query")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT * WHERE " + "{" * 3000 + "}" * 3000, "nested too deeply"),
        ("SELECT * WHERE { ?s ?p ?o", "SPARQL syntax error in the query at line 1"),
        ("", "the query is empty"),
    ],
    ids=["deep", "unclosed", "empty"],
)
def test_bad_text_is_one_line(text: str, message: str, release: Path) -> None:
    result = handcar(text, "--out", str(release))
    assert result.exit_code == EXIT_INPUT
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_a_fifo_is_refused_without_blocking(release: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.rq"
    os.mkfifo(fifo)
    result = handcar(str(fifo), "--out", str(release))
    assert result.exit_code == EXIT_INPUT
    assert result.stderr.startswith(f"handcar query: {fifo}: not a regular file")
