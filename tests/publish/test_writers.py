"""The writers' own rules: what the Turtle, TriG, N-Triples, N-Quads and JSON-LD files look like."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from handcar.publish.formats import FORMATS, WriteOptions, get, write
from handcar.publish.formats.jsonld import dumps
from handcar.publish.formats.turtle import TermWriter, quote, usable_base
from handcar.publish.rdf import PUBLISHED_PREFIXES, Quads, split_iri

BASE = "https://w3id.org/djo/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def quad(s: str, p: str, o, g: str | None = None) -> ox.Quad:
    obj = o if isinstance(o, ox.Literal | ox.BlankNode) else ox.NamedNode(o)
    graph = ox.NamedNode(g) if g else ox.DefaultGraph()
    return ox.Quad(ox.NamedNode(s), ox.NamedNode(p), obj, graph)


def test_the_registry_knows_every_format_and_refuses_others() -> None:
    assert set(FORMATS) == {"turtle", "trig", "ntriples", "nquads", "jsonld"}
    assert get("trig").media_type == "application/trig"
    with pytest.raises(ValueError, match="unknown format"):
        get("rdfxml")


@pytest.mark.parametrize(
    ("iri", "written"),
    [
        (BASE + "person/vladislav-sorokin", "<person/vladislav-sorokin>"),
        (BASE + "event/a.leg-1", "<event/a.leg-1>"),
        (BASE + "place/..", f"<{BASE}place/..>"),  # a dot segment would be resolved away
        (BASE + "place/a:b", f"<{BASE}place/a:b>"),  # a colon would read as a scheme
        (BASE + "place/ж", f"<{BASE}place/ж>"),
        ("https://w3id.org/djo#Diplomat", "djo:Diplomat"),
        ("http://www.wikidata.org/entity/Q159", "wd:Q159"),
        ("https://w3id.org/djo#", "<https://w3id.org/djo#>"),  # no empty local names
        ("https://schema.org/a.", "<https://schema.org/a.>"),  # a trailing dot ends a statement
        ("https://schema.org/1st", "<https://schema.org/1st>"),
    ],
)
def test_iris_are_written_relative_prefixed_or_whole(iri: str, written: str) -> None:
    assert TermWriter(PUBLISHED_PREFIXES, BASE).iri(iri) == written


def test_a_base_that_does_not_resolve_back_is_not_used() -> None:
    assert usable_base(BASE) == BASE
    assert usable_base("https://example.org/data#") is None
    assert usable_base("https://example.org/a/../b/") is None
    assert usable_base("https://example.org/?q=1/") is None
    assert usable_base(None) is None


def test_numbers_keep_their_lexical_form() -> None:
    writer = TermWriter(PUBLISHED_PREFIXES)
    assert writer.term(ox.Literal("1", datatype=ox.NamedNode(XSD + "integer"))) == "1"
    assert writer.term(ox.Literal("0.0", datatype=ox.NamedNode(XSD + "decimal"))) == "0.0"
    assert writer.term(ox.Literal("1.", datatype=ox.NamedNode(XSD + "decimal"))) == (
        '"1."^^xsd:decimal')
    assert writer.term(ox.Literal("1e3", datatype=ox.NamedNode(XSD + "double"))) == (
        '"1e3"^^xsd:double')
    assert writer.term(ox.Literal("PT32H", datatype=ox.NamedNode(XSD + "dayTimeDuration"))) == (
        '"PT32H"^^xsd:dayTimeDuration')


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("plain", '"plain"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("back\\slash", '"back\\\\slash"'),
        ("two\nlines", '"""two\nlines"""'),
        ('ends with "\nquote"', '"""ends with \\"\nquote\\""""'),
        ('"""\n"""', '"""\\"\\"\\"\n\\"\\"\\""""'),
        ("cr\r\nlf", '"""cr\\r\nlf"""'),
        ("nul\x00", '"nul\\u0000"'),
    ],
)
def test_strings_are_quoted_safely(value: str, written: str) -> None:
    assert quote(value) == written
    parsed = next(iter(ox.parse(f"<http://a/s> <http://a/p> {written} .".encode(),
                                format=ox.RdfFormat.TURTLE)))
    assert parsed.object.value == value


def test_turtle_groups_subjects_type_first_and_declares_only_used_prefixes() -> None:
    data = Quads.of([
        quad(BASE + "person/b", "http://www.w3.org/2000/01/rdf-schema#label",
             ox.Literal("B", language="en"), BASE + "graph/asserted"),
        quad(BASE + "person/b", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
             "https://w3id.org/djo#Person", BASE + "graph/asserted"),
        quad(BASE + "person/a", "https://w3id.org/djo#relativeOf", BASE + "person/b",
             BASE + "graph/asserted"),
        quad(BASE + "person/a", "https://w3id.org/djo#relativeOf", BASE + "person/c",
             BASE + "graph/entailed"),
    ])
    text = write("turtle", data, WriteOptions(base=BASE, header=("a header",))).decode()
    assert text == (
        "# a header\n"
        f"@base <{BASE}> .\n"
        "@prefix djo: <https://w3id.org/djo#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "\n"
        "<person/a>\n"
        "    djo:relativeOf <person/b> , <person/c> .\n"
        "\n"
        "<person/b>\n"
        "    a djo:Person ;\n"
        '    rdfs:label "B"@en .\n'
    )
    trig = write("trig", data, WriteOptions(base=BASE, graph_comments={
        BASE + "graph/asserted": "what is asserted"})).decode()
    assert "# what is asserted\n<graph/asserted> {\n    <person/a>\n" in trig
    assert "<graph/entailed> {\n    <person/a>\n        djo:relativeOf <person/c> .\n}\n" in trig


def test_line_formats_are_sorted_and_canonical() -> None:
    data = Quads.of([
        quad("http://a/z", "http://a/p", ox.Literal("x"), "http://a/g2"),
        quad("http://a/a", "http://a/p", ox.Literal("x"), "http://a/g1"),
        quad("http://a/a", "http://a/p", ox.Literal("x"), "http://a/g2"),
    ])
    assert write("nquads", data) == (
        b'<http://a/a> <http://a/p> "x" <http://a/g1> .\n'
        b'<http://a/a> <http://a/p> "x" <http://a/g2> .\n'
        b'<http://a/z> <http://a/p> "x" <http://a/g2> .\n'
    )
    assert write("ntriples", data) == (
        b'<http://a/a> <http://a/p> "x" .\n<http://a/z> <http://a/p> "x" .\n'
    )


def test_blank_nodes_get_canonical_labels_whatever_the_input_ids() -> None:
    def data(label: str) -> Quads:
        node = ox.BlankNode(label)
        return Quads.of([ox.Quad(ox.NamedNode("http://a/s"), ox.NamedNode("http://a/p"), node),
                         ox.Quad(node, ox.NamedNode("http://a/q"), ox.Literal("v"))])

    for name in FORMATS:
        assert write(name, data("x1")) == write(name, data("zz")), name
    assert b"_:c14n0" in write("nquads", data("x1"))


def test_jsonld_compaction_rules() -> None:
    data = Quads.of([
        quad(BASE + "place/a", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
             "https://w3id.org/djo#City", BASE + "graph/asserted"),
        quad(BASE + "place/a", "https://w3id.org/djo#inCountry", "http://www.wikidata.org/entity/Q159",
             BASE + "graph/asserted"),
        quad(BASE + "place/a", "http://www.w3.org/2000/01/rdf-schema#label", ox.Literal("A"),
             BASE + "graph/asserted"),
        quad(BASE + "place/a", "https://w3id.org/djo#numericValue",
             ox.Literal("0.0", datatype=ox.NamedNode(XSD + "decimal")), BASE + "graph/asserted"),
    ])
    document = json.loads(write("jsonld", data))
    assert document == {
        "@context": "https://w3id.org/djo/context.jsonld",
        "@graph": [{
            "@id": BASE + "graph/asserted",
            "@graph": [{
                "@id": BASE + "place/a",
                "@type": "djo:City",
                "rdfs:label": "A",
                "djo:inCountry": {"@id": "wd:Q159"},
                "djo:numericValue": {"@type": "xsd:decimal", "@value": "0.0"},
            }],
        }],
    }
    text = write("jsonld", data).decode()
    graph_id = text.index('"@id": "https://w3id.org/djo/id/graph/asserted"')
    assert graph_id < text.index('"@graph": [\n        {'), "a graph's @id comes before its nodes"


def test_dumps_is_json_dumps_with_sorted_keys_and_indent() -> None:
    value = {"b": [1, "ж", {"z": None, "a": "\x00\n\u2028😀"}], "a": True}
    assert dumps(value) == (json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True)
                            + "\n").encode()
    assert dumps(value, sort_keys=False) == (json.dumps(value, indent=2, ensure_ascii=False)
                                             + "\n").encode()


def test_split_iri_prefers_the_longest_namespace() -> None:
    prefixes = {"a": "http://x/", "b": "http://x/y/", "c": "http://x/y/"}
    assert split_iri("http://x/y/z", prefixes) == ("b", "z")
    assert split_iri("http://x/q", prefixes) == ("a", "q")
    assert split_iri("http://x/", prefixes) is None
