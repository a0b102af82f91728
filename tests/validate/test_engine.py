"""The engine: what it adds to the data, its SPARQL backends, its inputs, its report model."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from rdflib import RDF, Literal, URIRef
from validate_cases import CASES
from validate_harness import keys, show, validate_case

from handcar.errors import InputError
from handcar.ontology import Ontology
from handcar.validate.engine import DataGraph, prepare, read_data, run
from handcar.validate.lint import focus_nodes
from handcar.validate.report import Severity
from handcar.validate.shapes import Shapes

DJO = "https://w3id.org/djo#"


def test_ontology_facts(ontology: Ontology) -> None:
    assert DJO + "Diplomat" in ontology.classes and DJO + "legIndex" in ontology.properties
    assert {DJO + "Person", DJO + "Agent", "https://schema.org/Person"} <= ontology.superclasses[
        DJO + "Diplomat"]
    assert (DJO + "Agent", DJO + "Place") in ontology.disjoint
    assert (DJO + "BusLeg", DJO + "TrainLeg") in ontology.disjoint
    assert (DJO + "City", DJO + "Port") not in ontology.disjoint  # a city can be a port


@pytest.mark.slow  # over 8 s on the shared machine: CI runs it (--slow)
def test_oxigraph_and_rdflib_answer_the_sparql_constraints_alike(seed: DataGraph, shapes: Shapes,
                                                                 ontology: Ontology) -> None:
    fast = run(seed, shapes, ontology, prepared=True)
    assert seed.fallbacks == 0
    slow = run(seed, shapes, ontology, prepared=True, oxigraph=False)
    assert keys(fast) == keys(slow), show(keys(fast) ^ keys(slow))


@pytest.mark.parametrize("case", [c for c in CASES if any(" SPARQL " in e for e in c.expect)][:8],
                         ids=lambda c: c.id)
def test_both_sparql_backends_give_each_case(case, mini: DataGraph, shapes: Shapes,
                                             ontology: Ontology) -> None:
    fast = validate_case(case, mini, shapes, ontology)
    mini.unmirror()
    slow_results = validate_case(case, mini, shapes, ontology)
    assert keys(fast) == keys(slow_results)


def test_data_without_the_entailed_graph_is_validated_alike(mini_release: Path, shapes: Shapes,
                                                            ontology: Ontology,
                                                            tmp_path: Path) -> None:
    """Someone else's data has no `entailed` graph: the engine adds the rdf:type closure, so the
    shapes still select their focus nodes and the clean base still conforms."""
    lines = (mini_release / "dataset.nq").read_text(encoding="utf-8").splitlines()
    entailed = "<https://w3id.org/djo/id/graph/entailed> ."
    stated = [line for line in lines if not line.endswith(entailed)]
    assert len(stated) < len(lines) - 500
    path = tmp_path / "stated.nq"
    path.write_text("\n".join(stated) + "\n", encoding="utf-8")
    data, files = read_data([path])
    before = len(data)
    added = prepare(data, ontology)
    assert len(data) == before + len(added) and added
    assert (URIRef("https://w3id.org/djo/id/person/ivan-petrov"), RDF.type,
            URIRef(DJO + "Agent")) in data
    shape = URIRef("https://w3id.org/djo/shapes#DisjointKindsShape")
    agents = focus_nodes(shapes.graph, shape, data)
    assert URIRef("https://w3id.org/djo/id/person/ivan-petrov") in agents  # via djo:Agent
    report = run(data, shapes, ontology, files, prepared=True)
    assert report.conforms(Severity.INFO), show(keys(report))


def test_prepare_adds_nothing_twice(mini: DataGraph, ontology: Ontology) -> None:
    assert prepare(mini, ontology) == []


def test_syntax_errors_give_file_and_line(tmp_path: Path) -> None:
    for name, text, line in (
        ("bad.ttl", "@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b .\n", 3),
        ("bad.nt", "<http://e/a> <http://e/b> <http://e/c> .\n<http://e/a> <http://e/b> .\n", 2),
        ("bad.trig", "@prefix ex: <http://e/> .\nex:g {\n ex:a ex:b ex:c\n", None),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InputError) as caught:
            read_data([path])
        assert caught.value.path == path
        if line is not None:
            assert caught.value.line == line
        assert "syntax error" in caught.value.message


def test_release_folder_and_unknown_files(tmp_path: Path, mini_release: Path) -> None:
    _data, files = read_data([mini_release])
    assert files == [mini_release / "dataset.nq"]
    with pytest.raises(InputError, match="not a handcar release"):
        read_data([tmp_path])
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown RDF file extension"):
        read_data([tmp_path / "data.csv"])


def test_literals_keep_their_lexical_form(tmp_path: Path) -> None:
    path = tmp_path / "d.ttl"
    path.write_text('<http://e/a> <http://e/d> "PT32H"^^<http://www.w3.org/2001/XMLSchema#'
                    'dayTimeDuration> , "32.00"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n',
                    encoding="utf-8")
    data, _files = read_data([path])
    assert {str(o) for o in data.objects()} == {"PT32H", "32.00"}


def test_report_shows_labels_not_iris(seed: DataGraph, shapes: Shapes,
                                      ontology: Ontology) -> None:
    report = run(seed, shapes, ontology, prepared=True)
    leg = URIRef("https://w3id.org/djo/id/event/moscow-times-2021-02-26-handcar.leg-3-handcar")
    assert report.label(leg) == "‘a pedestrian crossing to the Russian side’"
    interval = URIRef("https://w3id.org/djo/id/interval/moscow-times-2021-02-26-handcar.leg-3-handcar")
    assert report.label(interval) == (
        "the time:ProperInterval of ‘a pedestrian crossing to the Russian side’")
    assert report.kind(leg) == "djo:HandcarLeg"
    assert report.compact(URIRef(DJO + "Leg")) == "djo:Leg"


def test_jsonld_with_a_local_copy_of_its_context(tmp_path: Path) -> None:
    (tmp_path / "context.jsonld").write_text('{"@context": {"ex": "http://e/"}}', encoding="utf-8")
    document = tmp_path / "data.jsonld"
    document.write_text('{"@context": "https://example.org/ld/context.jsonld", '
                        '"@id": "ex:a", "ex:b": {"@id": "ex:c"}}', encoding="utf-8")
    data, _files = read_data([document])
    assert (URIRef("http://e/a"), URIRef("http://e/b"), URIRef("http://e/c")) in data
    (tmp_path / "context.jsonld").unlink()
    with pytest.raises(InputError, match="is not fetched"):
        read_data([document])


def test_prebinding_verdicts_are_cached_whatever_the_prefix_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The verdict "Oxigraph's substitution is pre-binding here" is kept in the cache folder,
    keyed so that pySHACL's run-to-run order of PREFIX lines, and a prefix the query does not use
    bound on the graph meanwhile, do not matter; a cached verdict is used as it stands (here a
    planted "unsafe" sends the query to rdflib)."""
    from handcar.validate import engine, verified

    monkeypatch.setenv("HANDCAR_CACHE_DIR", str(tmp_path))
    body = "SELECT $this ?v WHERE { $this ex:p ?v }"
    one = "PREFIX ex: <http://example.org/>\nPREFIX sh: <http://www.w3.org/ns/shacl#>\n" + body
    two = "PREFIX sh: <http://www.w3.org/ns/shacl#>\nPREFIX ex: <http://example.org/>\n" + body
    graph = DataGraph()
    graph.add((URIRef("http://example.org/a"), URIRef("http://example.org/p"),
               URIRef("http://example.org/b")))
    graph.mirror()
    names = frozenset({"this"})

    def key(text: str) -> str:
        return verified.query_key(verified.query_record(text, names, graph._namespaces(text)))

    assert key(one) == key(two)
    graph.bind("unused", "http://example.org/unused#")  # as pySHACL binds sh part way through
    assert key(one) == key(two)
    first = engine._verdict_file(key(one))
    assert first is not None and first.parent.parent == tmp_path / "prebinding"
    engine.DataGraph._safe.clear()
    rows = list(graph.query(one, initBindings={"this": URIRef("http://example.org/a")}))
    assert len(rows) == 1 and graph.exact == 0  # Oxigraph answered, and the verdict was stored
    stored = json.loads(first.with_suffix(".True").read_text(encoding="utf-8"))
    assert stored["safe"] is True and verified.query_key(stored["record"]) == key(one)
    first.with_suffix(".True").unlink()
    first.with_suffix(".False").write_text("False\n")
    engine.DataGraph._safe.clear()
    rows = list(graph.query(two, initBindings={"this": URIRef("http://example.org/a")}))
    assert len(rows) == 1 and graph.exact == 1  # the cached verdict sent it to rdflib
    monkeypatch.setenv("HANDCAR_CACHE_DIR", "")
    assert engine._verdict_file(key(one)) is None
    engine.DataGraph._safe.clear()


def test_a_sparql_constraint_runs_once_for_all_its_focus_nodes() -> None:
    """With ``$this`` pre-bound, the first call evaluates the query with ``$this`` free and
    later calls read their share; a change to the graph drops what was kept."""
    ex = "http://example.org/"
    graph = DataGraph()
    for name in "abc":
        graph.add((URIRef(ex + name), URIRef(ex + "p"), URIRef(ex + "x")))
    graph.mirror()
    text = (f"SELECT $this (COUNT(?v) AS ?n) WHERE {{ $this <{ex}p> ?v . "
            f"FILTER (?v != <{ex}y>) }} GROUP BY $this")

    def count(name: str) -> list[int]:
        rows = graph.query(text, initBindings={"this": URIRef(ex + name)})
        return [int(row.n) for row in rows]  # type: ignore[union-attr]

    assert (count("a"), count("b"), count("z")) == ([1], [1], [])
    assert graph.batched == 1 and graph.exact == 0
    graph.add((URIRef(ex + "a"), URIRef(ex + "p"), URIRef(ex + "w")))
    graph.add((URIRef(ex + "z"), URIRef(ex + "p"), URIRef(ex + "y")))
    assert (count("a"), count("z")) == ([2], [])
    assert graph.batched == 2


def test_a_literal_focus_node_is_not_looked_up_in_a_batch() -> None:
    """Oxigraph's store keeps "01"^^xsd:integer as "1": a literal $this is substituted, so
    the data's own literal still finds its solutions."""
    ex, xsd = "http://example.org/", "http://www.w3.org/2001/XMLSchema#"
    value = Literal("01", datatype=URIRef(xsd + "integer"), normalize=False)
    graph = DataGraph()
    graph.add((URIRef(ex + "a"), URIRef(ex + "p"), value))
    graph.mirror()
    rows = list(graph.query(f"SELECT $this ?s WHERE {{ ?s <{ex}p> $this }}",
                            initBindings={"this": value}))
    assert len(rows) == 1 and graph.batched == 0


def test_read_data_hands_its_parse_to_oxigraph_with_the_same_blank_nodes(tmp_path: Path) -> None:
    """The files are parsed once: the Oxigraph copy is made of the parsed quads (no conversion
    back from rdflib), and its blank nodes carry the ids the rdflib graph gives them."""
    one, two = tmp_path / "one.ttl", tmp_path / "two.ttl"
    one.write_text("<http://example.org/a> <http://example.org/p> [ <http://example.org/q> 1 ] .\n",
                   encoding="utf-8")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    two.write_text(f'_:b <http://example.org/q> "2"^^<{xsd}integer> .\n', encoding="utf-8")
    graph, _files = read_data([one, two])
    assert graph.mirrored() and len(graph) == 3
    rows = graph.query("SELECT ?b ?v WHERE { ?b <http://example.org/q> ?v }")
    found = {(b, v) for b, v in rows}  # type: ignore[misc]
    assert found == {(s, o) for s, _p, o in graph.triples((None, URIRef("http://example.org/q"),
                                                             None))}
    assert (graph.fallbacks, graph.exact) == (0, 0)  # Oxigraph answered


_OR_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:ItemShape a sh:NodeShape ; sh:targetClass ex:Item ;
    sh:property [ sh:path ex:at ; sh:or ( [ sh:class ex:Place ] [ sh:class ex:Port ] ) ] ;
    sh:property [ sh:path ex:size ;
        sh:or ( [ sh:datatype xsd:integer ; sh:pattern "^[1-9]" ] [ sh:datatype xsd:string ] ) ] .
"""


def _or_data(items: int) -> DataGraph:
    ex, xsd = "http://example.org/", "http://www.w3.org/2001/XMLSchema#"
    graph = DataGraph()
    graph.add((URIRef(ex + "p"), RDF.type, URIRef(ex + "Place")))
    for n in range(items):
        item = URIRef(f"{ex}item{n}")
        graph.add((item, RDF.type, URIRef(ex + "Item")))
        # every item at one shared place but item 0, at a thing of no class (a violation)
        graph.add((item, URIRef(ex + "at"), URIRef(ex + ("q" if n == 0 else "p"))))
        # "01" and "1" are one integer but not one lexical form: only "01" fails sh:pattern
        lexical = "01" if n == 1 else "1"
        graph.add((item, URIRef(ex + "size"),
                   Literal(lexical, datatype=URIRef(xsd + "integer"), normalize=False)))
    return graph


def test_a_value_is_checked_against_an_or_member_once(monkeypatch) -> None:
    """``_or_members_remembered``: the same results as pySHACL checking every value node
    again for every focus node; a shared value is checked once per member shape; a literal
    is remembered by its exact lexical form."""
    from pyshacl.shape import Shape
    from rdflib import Graph

    from handcar.validate import engine

    shapes = Shapes(Graph().parse(data=_OR_SHAPES, format="turtle"), [])
    calls = []
    plain = Shape.validate

    def counted(self, *args, **kwargs):
        calls.append(1)
        return plain(self, *args, **kwargs)

    monkeypatch.setattr(Shape, "validate", counted)
    remembered = run(_or_data(30), shapes, inference=False, oxigraph=False)
    with_memory = len(calls)
    calls.clear()
    monkeypatch.setattr(engine, "_or_members_remembered", contextlib.nullcontext)
    every_time = run(_or_data(30), shapes, inference=False, oxigraph=False)
    assert keys(remembered) == keys(every_time)
    failing = {(str(r.focus).rsplit("/", 1)[1], str(r.value)) for r in remembered.results}
    assert failing == {("item0", "http://example.org/q"), ("item1", "01")}
    assert with_memory < len(calls) - 50  # 30 items, 2 sh:or, shared values: far fewer checks


def test_pyshacl_speed_ups_answer_as_pyshacl_does() -> None:
    """A shape's text made once is the text pySHACL makes (and pySHACL's own comes back
    after the validation); the parameter table answers ``in`` as the list it stands for."""
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS
    from pyshacl.shape import Shape
    from pyshacl.shapes_graph import ShapesGraph
    from rdflib import Graph

    from handcar.validate import engine

    fast = engine._ListWithSet(ALL_CONSTRAINT_PARAMETERS)
    assert list(fast) == list(ALL_CONSTRAINT_PARAMETERS)
    probes = [*ALL_CONSTRAINT_PARAMETERS, URIRef("http://www.w3.org/ns/shacl#name"),
              Literal("http://www.w3.org/ns/shacl#class")]
    assert [p in fast for p in probes] == [p in ALL_CONSTRAINT_PARAMETERS for p in probes]
    shapes = ShapesGraph(Graph().parse(data=_OR_SHAPES, format="turtle")).shapes
    expected = [str(s) for s in shapes]
    own = Shape.__dict__["__str__"]
    with engine._shape_names_once():
        assert [str(s) for s in shapes] == [str(s) for s in shapes] == expected
    assert Shape.__dict__["__str__"] is own
