"""``handcar validate`` on hostile or empty input: limits, no network, no entity expansion.

Every case asserts the exit status (2: input error) and the message that names the file and
what to do (issue 10, points 2, 3 and 5).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from handcar.cli import app
from support.paths import ROOT

runner = CliRunner()
DJO = "https://w3id.org/djo#"
PERSON = "https://w3id.org/djo/id/person/probe"
CONTEXT = {"@context": {"djo": DJO, "name": "https://schema.org/name"}}


def invoke(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, ["validate", *args, "--format", "json"], env=env)


def error(result) -> str:
    """The one error line, without the ``error: `` prefix."""
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(lines) == 1, result.output
    return lines[0].removeprefix("error: ")


def write(path: Path, text: str | dict | list) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text if isinstance(text, str) else json.dumps(text), encoding="utf-8")
    return path


def person(context: object) -> dict:
    return {"@context": context, "@id": PERSON, "@type": "djo:Person", "name": "Probe"}


def triples(result) -> int:
    """The number of triples validated (the input plus what validation adds to every input)."""
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)["triples"]


@pytest.fixture(scope="module")
def same_as(tmp_path_factory: pytest.TempPathFactory):
    """``triples()`` of the same statements given as N-Triples: what a JSON-LD or RDF/XML file
    should count when it is read completely."""
    folder = tmp_path_factory.mktemp("reference")

    def count(*statements: tuple[str, str, str]) -> int:
        lines = "".join(f"<{s}> <{p}> {o} .\n" for s, p, o in statements)
        return triples(invoke(str(write(folder / f"{abs(hash(lines))}.nt", lines))))

    return count


TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PERSON_TRIPLES = ((PERSON, TYPE, f"<{DJO}Person>"), (PERSON, "https://schema.org/name", '"Probe"'))


# -- size and kind of file ------------------------------------------------------------------------


def test_input_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    data = write(tmp_path / "big.nt", f'<{PERSON}> <{DJO}p> "{"x" * 2000}" .\n')
    size = data.stat().st_size
    message = error(invoke(str(data), "--max-input-size", "1KiB"))
    assert message == (
        f"{data}: over the limit on the size of RDF input ({size} bytes): the limit is "
        "1024 bytes; raise it with --max-input-size or HANDCAR_MAX_RDF_BYTES"
    )
    env_message = error(invoke(str(data), env={"HANDCAR_MAX_RDF_BYTES": "1000"}))
    assert env_message.endswith(
        "the limit is 1000 bytes; raise it with --max-input-size or HANDCAR_MAX_RDF_BYTES"
    )
    assert triples(invoke(str(data), "--max-input-size", "1MiB")) > 1


def test_the_option_wins_over_the_environment(tmp_path: Path) -> None:
    data = write(tmp_path / "big.nt", f'<{PERSON}> <{DJO}p> "{"x" * 200_000}" .\n')
    env = {"HANDCAR_MAX_RDF_BYTES": "100000"}  # enough for the shapes (read under it too)
    assert "the limit is 100000 bytes" in error(invoke(str(data), env=env))
    assert triples(invoke(str(data), "--max-input-size", "300000", env=env)) > 1


def test_the_limit_applies_to_all_inputs_together(tmp_path: Path) -> None:
    line = f'<{PERSON}> <{DJO}p> "{"x" * 600}" .\n'
    first, second = write(tmp_path / "a.nt", line), write(tmp_path / "b.nt", line)
    total = first.stat().st_size + second.stat().st_size
    message = error(invoke(str(first), str(second), "--max-input-size", "1000"))
    assert message.startswith(
        f"{second}: over the limit on the size of RDF input ({total} bytes "
        "with the files before it)"
    )


@pytest.mark.parametrize("size", ["12x", "-5", "0", "MiB"])
def test_a_bad_size_is_a_usage_error(tmp_path: Path, size: str) -> None:
    data = write(tmp_path / "a.nt", f'<{PERSON}> <{DJO}p> "x" .\n')
    assert error(invoke(str(data), "--max-input-size", size)) == (
        f"--max-input-size: not a size: {size!r} (write bytes, or a number with KiB, MiB or GiB)"
    )


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "data.ttl"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "handcar", "validate", str(fifo)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"error: {fifo}: not a regular file (a FIFO, socket or device "
        "is refused): give the path of an RDF file"
    )


# -- no triples -----------------------------------------------------------------------------------

NO_TRIPLES = (
    "no RDF triples, nothing to validate: the file is empty, or (JSON-LD) its @context "
    "maps none of its keys to IRIs"
)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("empty.ttl", ""),
        ("comments.ttl", "# nothing here\n@prefix ex: <http://example.org/> .\n"),
        ("empty.nt", "\n"),
        ("empty.jsonld", "{}"),
        ("unmapped.jsonld", '{"name": "no context maps me"}'),
        ("empty-graph.jsonld", '{"@graph": []}'),
    ],
)
def test_input_without_triples_is_an_error_not_conforming(
    tmp_path: Path, name: str, text: str
) -> None:
    data = write(tmp_path / name, text)
    assert error(invoke(str(data))) == f"{data}: {NO_TRIPLES}"


def test_an_empty_file_beside_real_data_is_still_an_error(
    tmp_path: Path, mini_release: Path
) -> None:
    empty = write(tmp_path / "empty.trig", "")
    assert error(invoke(str(mini_release), str(empty))) == f"{empty}: {NO_TRIPLES}"


# -- JSON-LD: nesting and contexts ----------------------------------------------------------------


def test_json_ld_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    deep = write(tmp_path / "deep.jsonld", "[" * 100 + "]" * 100)
    assert error(invoke(str(deep))) == (
        f"{deep}: over the limit on JSON-LD nesting depth (more than 64 levels): the limit is "
        "64 levels; set HANDCAR_MAX_JSON_DEPTH to raise it"
    )
    assert "JSON-LD nesting depth" in error(invoke(str(deep), env={"HANDCAR_MAX_JSON_DEPTH": "10"}))


def test_json_nesting_beyond_the_parsers_stack_is_refused(tmp_path: Path) -> None:
    deep = write(tmp_path / "deeper.jsonld", '{"a":' * 200_000 + "1" + "}" * 200_000)
    message = error(invoke(str(deep)))
    assert message.startswith(f"{deep}: over the limit on JSON-LD nesting depth")


@pytest.fixture()
def recording_server() -> Iterator[tuple[str, list[str]]]:
    """A server on 127.0.0.1 that serves a JSON-LD context and records every request."""
    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            body = json.dumps(CONTEXT).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_a_remote_context_is_never_fetched(
    tmp_path: Path, recording_server: tuple[str, list[str]]
) -> None:
    base, requests = recording_server
    data = write(tmp_path / "remote.jsonld", person(f"{base}/ctx.jsonld"))
    assert error(invoke(str(data))) == (
        f"{data}: JSON-LD context '{base}/ctx.jsonld' is not fetched (handcar reads no remote "
        "contexts): save it next to the file as ctx.jsonld, or write it inline"
    )
    nested = write(
        tmp_path / "nested.jsonld",
        {
            "@context": CONTEXT["@context"],
            "@id": PERSON,
            "@type": "djo:Person",
            "djo:memberOf": {"@context": f"{base}/other.jsonld", "@id": f"{PERSON}-group"},
        },
    )
    assert error(invoke(str(nested))) == (
        f"{nested}: syntax error: a nested JSON-LD @context refers to a document; handcar "
        "fetches no context: write that context inline"
    )
    assert requests == []


def test_a_remote_context_saved_next_to_the_file_is_used(
    tmp_path: Path, recording_server: tuple[str, list[str]], same_as
) -> None:
    base, requests = recording_server
    write(tmp_path / "ctx.jsonld", CONTEXT)
    data = write(tmp_path / "remote.jsonld", person(f"{base}/ctx.jsonld"))
    assert triples(invoke(str(data))) == same_as(*PERSON_TRIPLES)
    assert requests == []


def test_relative_contexts_are_read_from_the_documents_folder(tmp_path: Path, same_as) -> None:
    write(tmp_path / "contexts" / "ctx.jsonld", CONTEXT)
    data = write(tmp_path / "data.jsonld", person("contexts/ctx.jsonld"))
    assert triples(invoke(str(data))) == same_as(*PERSON_TRIPLES)
    listed = write(
        tmp_path / "listed.jsonld",
        person(["contexts/ctx.jsonld", {"label": "http://www.w3.org/2000/01/rdf-schema#label"}]),
    )
    assert triples(invoke(str(listed))) == same_as(*PERSON_TRIPLES)


def test_a_relative_context_outside_the_documents_folder_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "ctx.jsonld", CONTEXT)
    data = write(tmp_path / "sub" / "data.jsonld", person("../ctx.jsonld"))
    assert error(invoke(str(data))) == (
        f"{data}: JSON-LD context '../ctx.jsonld' lies outside the document's folder "
        f"({data.parent.resolve()}); copy it into that folder"
    )


def test_a_context_file_that_is_a_json_array_is_an_input_error(tmp_path: Path) -> None:
    array = write(tmp_path / "ctx.jsonld", [CONTEXT])
    data = write(tmp_path / "data.jsonld", person("ctx.jsonld"))
    assert error(invoke(str(data))) == (
        f'{array.resolve()}: not a JSON-LD context document: a JSON object with "@context" is '
        "expected"
    )


def test_a_context_that_refers_to_itself_is_an_input_error(tmp_path: Path) -> None:
    write(tmp_path / "ctx.jsonld", {"@context": "ctx.jsonld"})
    data = write(tmp_path / "data.jsonld", person("ctx.jsonld"))
    assert "refers back to itself" in error(invoke(str(data)))


# -- RDF/XML: no entity expansion -----------------------------------------------------------------

RDF_XML = """<?xml version="1.0"?>
{dtd}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:s="https://schema.org/">
  <rdf:Description rdf:about="{person}"><s:name>{name}</s:name></rdf:Description>
</rdf:RDF>
"""


def test_rdf_xml_that_declares_entities_is_refused(tmp_path: Path) -> None:
    # ten levels of ten references: 10^10 characters if expanded (the "billion laughs")
    levels = ['<!ENTITY e0 "ha">'] + [
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10)
    ]
    dtd = "<!DOCTYPE rdf:RDF [\n" + "\n".join(levels) + "\n]>\n"
    data = write(tmp_path / "laughs.rdf", RDF_XML.format(dtd=dtd, person=PERSON, name="&e9;"))
    assert error(invoke(str(data))) == (
        f"{data}:3: the DTD declares the XML entity 'e0'; handcar does not expand XML entities "
        "(they can grow without bound): write the values out, or convert the file to Turtle"
    )


def test_rdf_xml_parameter_and_external_entities_are_refused(tmp_path: Path) -> None:
    dtd = '<!DOCTYPE rdf:RDF [\n<!ENTITY % p "x">\n<!ENTITY ext SYSTEM "file:///etc/passwd">\n]>\n'
    data = write(tmp_path / "param.rdf", RDF_XML.format(dtd=dtd, person=PERSON, name="Probe"))
    assert error(invoke(str(data))).startswith(f"{data}:3: the DTD declares the XML entity 'p'")


def test_rdf_xml_without_entities_is_read(tmp_path: Path, same_as) -> None:
    dtd = "<!DOCTYPE rdf:RDF>\n"
    data = write(tmp_path / "plain.rdf", RDF_XML.format(dtd=dtd, person=PERSON, name="Probe"))
    assert triples(invoke(str(data))) == same_as(PERSON_TRIPLES[1])
