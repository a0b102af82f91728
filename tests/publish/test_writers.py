"""The writers: what the Turtle, TriG, N-Triples, N-Quads and JSON-LD files look like.

The serialising is pyoxigraph's (Turtle, TriG) and PyLD's (JSON-LD); these tests check what
handcar asks of them: grouped subjects in sorted order, only the prefixes used, exact lexical
forms, the JSON-LD compaction PyLD gives, and the same bytes whatever the input order or
Python's hash seed.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys

import pyoxigraph as ox
import pytest

from handcar.namespaces import split_iri
from handcar.publish.formats import FORMATS, WriteOptions, get, write
from handcar.publish.formats.jsonld import context, dumps, ordered, rdf_dataset, refuse
from handcar.publish.rdf import PUBLISHED_PREFIXES, PublishError, Quads
from handcar.rdfterms import used_prefixes

BASE = "https://w3id.org/djo/id/"
DJO = "https://w3id.org/djo#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
ASSERTED = BASE + "graph/asserted"
ENTAILED = BASE + "graph/entailed"


def quad(s: str, p: str, o, g: str | None = None) -> ox.Quad:
    obj = o if isinstance(o, ox.Literal | ox.BlankNode) else ox.NamedNode(o)
    graph = ox.NamedNode(g) if g else ox.DefaultGraph()
    return ox.Quad(ox.NamedNode(s), ox.NamedNode(p), obj, graph)


def typed(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))


def people() -> list[ox.Quad]:
    return [
        quad(BASE + "person/b", RDFS + "label", ox.Literal("B", language="en"), ASSERTED),
        quad(BASE + "person/b", RDF + "type", DJO + "Person", ASSERTED),
        quad(BASE + "person/a", DJO + "relativeOf", BASE + "person/b", ASSERTED),
        quad(BASE + "person/a", DJO + "relativeOf", BASE + "person/c", ENTAILED),
        quad(BASE + "person/a", DJO + "legIndex", typed("1", "integer"), ASSERTED),
    ]


def test_the_registry_knows_every_format_and_refuses_others() -> None:
    assert set(FORMATS) == {"turtle", "trig", "ntriples", "nquads", "jsonld", "xml"}
    assert get("trig").media_type == "application/trig"
    assert get("xml").media_type == "application/rdf+xml"
    with pytest.raises(ValueError, match="unknown format"):
        get("rdfxml")  # the writer module's name, not the format's


def test_rdf_xml_is_the_union_graph_sorted_with_the_namespaces_it_uses() -> None:
    data = write("xml", Quads.of(people()))
    again = write("xml", Quads.of(list(reversed(people()))))
    assert data == again  # the order of the input does not matter
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF ')
    parsed = {q.triple for q in ox.parse(data, format=ox.RdfFormat.RDF_XML)}
    assert parsed == {q.triple for q in people()}
    assert b"xmlns:djo=" in data and b"xmlns:prov=" not in data


@pytest.mark.parametrize(("quad", "refused"), [
    (quad(BASE + "a", "https://example.org/p/1", BASE + "b", ASSERTED), "the property"),
    # pyoxigraph writes the element <x😀a>, a name of XML 1.0's fifth edition that expat refuses
    (quad(BASE + "a", "https://example.org/p/x\U0001F600a", BASE + "b", ASSERTED), "the property"),
    (quad(BASE + "a", RDFS + "label", ox.Literal("a\rb"), ASSERTED), "U+000D"),
    (quad(BASE + "a", RDFS + "label", ox.Literal("a\x00b"), ASSERTED), "U+0000"),
])
def test_rdf_xml_refuses_what_it_cannot_hold(quad: ox.Quad, refused: str) -> None:
    # a property IRI that does not end in an XML name is no element; XML has no U+0000 and
    # reads U+000D as U+000A: refused, never written as XML that does not parse or reads back
    # as other data
    with pytest.raises(ValueError, match=f"RDF/XML cannot .*{re.escape(refused)}"):
        write("xml", Quads.of([quad]))


# --- Turtle and TriG (pyoxigraph) ---------------------------------------------------------------


def test_turtle_groups_subjects_sorted_type_first_with_only_the_prefixes_used() -> None:
    text = write("turtle", Quads.of(people()), WriteOptions(header=("a header",))).decode()
    assert text == (
        "# a header\n"
        "\n"
        f"@prefix rdfs: <{RDFS}> .\n"
        f"@prefix xsd: <{XSD}> .\n"
        f"@prefix djo: <{DJO}> .\n"
        f"<{BASE}person/a> djo:legIndex 1 ;\n"
        f"\tdjo:relativeOf <{BASE}person/b> , <{BASE}person/c> .\n"
        f"<{BASE}person/b> a djo:Person ;\n"
        '\trdfs:label "B"@en .\n'
    )


def test_trig_writes_each_graph_once_and_says_what_it_holds_in_the_header() -> None:
    options = WriteOptions(header=("a header",), graph_comments={ASSERTED: "what is asserted"})
    text = write("trig", Quads.of(people()), options).decode()
    header, body = text.split("\n\n", 1)
    assert header == f"# a header\n#\n# Named graphs:\n# <{ASSERTED}>\n#     what is asserted"
    assert body.index(f"<{ASSERTED}> {{\n\t<{BASE}person/a> djo:legIndex 1 ;\n") < body.index(
        f"<{ENTAILED}> {{\n\t<{BASE}person/a> djo:relativeOf <{BASE}person/c> .\n}}\n")
    assert body.count(" {\n") == 2
    assert "@base" not in body and "@prefix xsd:" in body


def test_no_header_no_comment_and_no_data_no_prefixes() -> None:
    assert write("turtle", Quads.of([])) == b""
    assert write("trig", Quads.of([])) == b""
    assert not write("turtle", Quads.of(people())).startswith(b"#")


def test_the_prefixes_declared_are_those_the_terms_use() -> None:
    data = Quads.of([
        quad(BASE + "a", RDF + "type", DJO + "Person", ASSERTED),
        quad(BASE + "a", "https://schema.org/name", typed("x", "token")),
        quad(BASE + "a", "http://example.org/p", "http://www.wikidata.org/entity/Q159"),
    ])
    # rdf:type is written "a": no rdf: prefix
    assert list(used_prefixes(data.quads, PUBLISHED_PREFIXES)) == ["djo", "schema", "wd", "xsd"]
    text = write("turtle", data).decode()
    declared = [line.split()[1] for line in text.splitlines() if line.startswith("@prefix")]
    assert sorted(declared) == ["djo:", "schema:", "wd:", "xsd:"]
    assert "wd:Q159" in text and "<http://example.org/p>" in text


@pytest.mark.parametrize(
    "literal",
    [
        typed("1", "integer"), typed("007", "integer"), typed("+1", "integer"),
        typed("0.0", "decimal"), typed("1.", "decimal"), typed("1e3", "double"),
        typed("NaN", "double"), typed("true", "boolean"), typed("1", "boolean"),
        typed("PT32H", "dayTimeDuration"), ox.Literal("plain"), ox.Literal('say "hi"'),
        ox.Literal("two\nlines"), ox.Literal('"""\n"""'), ox.Literal("cr\r\nlf"),
        ox.Literal("nul\x00"), ox.Literal("back\\slash"), ox.Literal("ж", language="ru"),
    ],
)
def test_literals_read_back_with_their_exact_lexical_form(literal: ox.Literal) -> None:
    data = Quads.of([quad(BASE + "s", DJO + "p", literal, ASSERTED)])
    for name, fmt in (("turtle", ox.RdfFormat.TURTLE), ("trig", ox.RdfFormat.TRIG)):
        (parsed,) = ox.parse(write(name, data), format=fmt)
        assert parsed.object == literal, name


def test_iris_that_need_it_are_written_whole() -> None:
    iris = [BASE + "place/..", BASE + "place/a:b", BASE + "place/ж", DJO,
            "https://schema.org/a.", "https://schema.org/1st", "https://schema.org//x"]
    data = Quads.of([quad(BASE + "s", DJO + "p", iri) for iri in iris])
    (parsed,) = {t.subject for t in ox.parse(write("turtle", data), format=ox.RdfFormat.TURTLE)}
    objects = {t.object.value for t in ox.parse(write("turtle", data), format=ox.RdfFormat.TURTLE)}
    assert parsed == ox.NamedNode(BASE + "s") and objects == set(iris)


# --- every format -------------------------------------------------------------------------------


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


def test_every_format_gives_the_same_bytes_whatever_the_input_order() -> None:
    quads = [*people(), *(quad(BASE + f"thing/{i}", RDFS + "label", ox.Literal(f"t{i}"),
                               ASSERTED if i % 2 else ENTAILED) for i in range(30))]
    want = {name: write(name, Quads.of(quads)) for name in FORMATS}
    for seed in range(5):
        random.Random(seed).shuffle(quads)
        for name in FORMATS:
            assert write(name, Quads.of(quads)) == want[name], name


_SCRIPT = """
import hashlib, sys
sys.path.insert(0, {tests!r})
from handcar.build import build_dataset
from handcar.publish.formats import FORMATS, WriteOptions, write
from handcar.publish.rdf import Quads
from support.paths import ARTICLES
data = Quads.of(build_dataset(ARTICLES).dataset)
options = WriteOptions(header=("h",), graph_comments={{"{asserted}": "asserted"}})
for name in FORMATS:
    print(name, hashlib.sha256(write(name, data, options)).hexdigest())
"""


@pytest.mark.slow
def test_the_bytes_do_not_depend_on_the_hash_seed() -> None:
    """Prefix order (pyoxigraph's), JSON-LD order (sorted): the same in every process."""
    tests = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    script = _SCRIPT.format(tests=tests, asserted=ASSERTED)
    outputs = set()
    for hash_seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                              text=True, check=True)
        outputs.add(proc.stdout)
    assert len(outputs) == 1 and len(outputs.pop().splitlines()) == len(FORMATS)


# --- JSON-LD (PyLD) -----------------------------------------------------------------------------


def _pyld_compacted(data: Quads) -> dict:
    """PyLD's own reading of the N-Quads, compacted with the context: the reference."""
    from pyld import jsonld

    expanded = jsonld.from_rdf(data.canonical_nquads.decode(), {"format": "application/n-quads"})
    found = jsonld.compact(expanded, context(PUBLISHED_PREFIXES),
                           {"graph": True, "documentLoader": refuse})
    found["@context"] = "https://w3id.org/djo/context.jsonld"
    return ordered(found)


def test_jsonld_is_pyld_compaction_with_lexical_forms_kept() -> None:
    data = Quads.of([
        quad(BASE + "place/a", RDF + "type", DJO + "City", ASSERTED),
        quad(BASE + "place/a", DJO + "inCountry", "http://www.wikidata.org/entity/Q159", ASSERTED),
        quad(BASE + "place/a", RDFS + "label", ox.Literal("A"), ASSERTED),
        quad(BASE + "place/a", DJO + "numericValue", typed("0.0", "decimal"), ASSERTED),
    ])
    document = json.loads(write("jsonld", data))
    assert document == {
        "@context": "https://w3id.org/djo/context.jsonld",
        "@graph": [{
            "@id": ASSERTED,
            "@graph": [{
                "@id": BASE + "place/a",
                "@type": "djo:City",
                "rdfs:label": "A",
                "djo:inCountry": {"@id": "wd:Q159"},
                "djo:numericValue": {"@type": "xsd:decimal", "@value": "0.0"},
            }],
        }],
    }
    assert document == _pyld_compacted(data)
    text = write("jsonld", data).decode()
    assert text.index(f'"@id": "{ASSERTED}"') < text.index('"@graph": [\n        {'), (
        "a graph's @id comes before its nodes")
    assert list(document["@graph"][0]["@graph"][0]) == [
        "@id", "@type", "djo:inCountry", "djo:numericValue", "rdfs:label"], "keys sorted"


def test_jsonld_arrays_are_sorted_but_lists_keep_their_order() -> None:
    items = [ox.BlankNode(f"l{i}") for i in range(3)]
    quads = [quad(BASE + "s", DJO + "members", items[0])]
    for i, (node, value) in enumerate(zip(items, ["c", "a", "b"], strict=True)):
        rest = items[i + 1] if i + 1 < len(items) else ox.NamedNode(RDF + "nil")
        quads += [ox.Quad(node, ox.NamedNode(RDF + "first"), ox.Literal(value)),
                  ox.Quad(node, ox.NamedNode(RDF + "rest"), rest)]
    quads += [quad(BASE + "s", RDFS + "label", ox.Literal(v)) for v in ("z", "y", "x")]
    quads += [quad(BASE + "s", RDF + "type", DJO + t) for t in ("C", "A", "B")]
    document = json.loads(write("jsonld", Quads.of(quads)))
    (node,) = document["@graph"]
    assert node["djo:members"] == {"@list": ["c", "a", "b"]}
    assert node["rdfs:label"] == ["x", "y", "z"]
    assert node["@type"] == ["djo:A", "djo:B", "djo:C"]


def test_jsonld_equals_pyld_compaction_for_tricky_values() -> None:
    # no "\x00" or U+2028: PyLD's N-Quads parser does not decode "\u0000" and splits lines at
    # U+2028 (the round-trip tests of test_properties.py read such strings back from our JSON-LD)
    values = [ox.Literal("two\nlines"), ox.Literal("tab\t \\ \""), ox.Literal("ж", language="ru"),
              typed("007", "integer"), typed("PT32H", "dayTimeDuration"), ox.BlankNode("b"),
              ox.NamedNode("https://schema.org//x"), ox.NamedNode(DJO)]
    data = Quads.of([*people(), *(quad(BASE + "s", DJO + "p", v if not isinstance(v, ox.NamedNode)
                                        else v.value, ENTAILED) for v in values)])
    assert json.loads(write("jsonld", data)) == _pyld_compacted(data)


def test_pyld_gets_the_rdf_as_its_own_nquads_parser_would_give_it() -> None:
    from pyld import jsonld

    data = Quads.of([*people(), quad(BASE + "s", DJO + "p", ox.Literal('q"\n\\'), ASSERTED)])
    theirs = jsonld.JsonLdProcessor.parse_nquads(data.canonical_nquads.decode())
    ours = rdf_dataset(data)
    assert ours.keys() == theirs.keys()
    for graph, triples in ours.items():
        def key(triple: dict) -> str:
            return json.dumps(triple, sort_keys=True)

        assert sorted(map(key, triples)) == sorted(map(key, theirs[graph])), graph


def test_the_context_reference_is_written_not_fetched() -> None:
    options = WriteOptions(context_url="https://example.org/ctx.jsonld")
    document = json.loads(write("jsonld", Quads.of(people()), options))
    assert document["@context"] == "https://example.org/ctx.jsonld"


# --- helpers ------------------------------------------------------------------------------------


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


def test_an_iri_that_jsonld_would_misread_is_refused() -> None:
    """``wd:Q1`` (scheme ``wd``) would read back as the compact IRI wd:Q1: PyLD refuses it."""
    data = Quads.of([quad(BASE + "s", DJO + "p", "wd:Q1")])
    with pytest.raises(PublishError, match=r"cannot write JSON-LD: .*confused.*<wd:Q1>"):
        write("jsonld", data)


def test_each_journey_is_framed_over_what_it_reaches_only() -> None:
    """Framing per journey sees only the triples the journey reaches, so another journey's data
    (or any unrelated node) changes neither its tree nor its cost."""
    from handcar.publish import framed

    ctx = context(PUBLISHED_PREFIXES)["@context"]
    one = [
        quad(BASE + "j1", RDF + "type", DJO + "Journey", ASSERTED),
        quad(BASE + "j1", DJO + "hasLeg", BASE + "j1/leg", ASSERTED),
        quad(BASE + "j1/leg", DJO + "origin", BASE + "place/p", ASSERTED),
        quad(BASE + "place/p", RDFS + "label", ox.Literal("P", language="en"), ASSERTED),
    ]
    other = [
        quad(BASE + "j2", RDF + "type", DJO + "Journey", ASSERTED),
        quad(BASE + "j2", DJO + "origin", BASE + "place/p", ASSERTED),
        quad(BASE + "unrelated", RDFS + "label", ox.Literal("U", language="en"), ASSERTED),
    ]
    reached = framed.reached(Quads.of(one + other).triples, [BASE + "j1", BASE + "j2"])
    assert {str(t.subject) for t in reached[BASE + "j1"]} == {
        f"<{BASE}j1>", f"<{BASE}j1/leg>", f"<{BASE}place/p>"}
    assert {str(t.subject) for t in reached[BASE + "j2"]} == {f"<{BASE}j2>", f"<{BASE}place/p>"}
    alone = framed.trees(Quads.of(one), [BASE + "j1"], ctx)
    together = framed.trees(Quads.of(one + other), [BASE + "j1", BASE + "j2"], ctx)
    assert together[0] == alone[0]
    assert together[1]["@id"] == "id:j2" or together[1]["@id"].endswith("j2")
    assert "U" not in json.dumps(together)


_IRIS = [
    BASE + "a", BASE + "b", BASE + "graph/g", DJO + "p", DJO + "Q", RDF + "type", RDFS + "label",
    "https://schema.org/name", "http://www.wikidata.org/entity/Q159", "http://example.org/x",
    XSD + "decimal", XSD + "date", "https://w3id.org/djo/id/graph/asserted",
]


def _terms():
    from hypothesis import strategies as st

    iri = st.sampled_from(_IRIS).map(ox.NamedNode)
    blank = st.sampled_from(["b0", "b1"]).map(ox.BlankNode)
    literal = st.one_of(
        st.text(max_size=3).map(ox.Literal),
        st.tuples(st.text(max_size=3), st.sampled_from(["en", "ru", "de-CH"])).map(
            lambda t: ox.Literal(t[0], language=t[1])),
        st.tuples(st.sampled_from(["1", "1.0", "2021-02-25"]), st.sampled_from(_IRIS[10:12])).map(
            lambda t: ox.Literal(t[0], datatype=ox.NamedNode(t[1]))),
    )
    graph = st.one_of(st.just(ox.DefaultGraph()), iri, blank)
    return st.lists(st.tuples(st.one_of(iri, blank), iri, st.one_of(iri, blank, literal), graph),
                    max_size=25)


def test_linear_jsonld_is_pyld_compaction() -> None:
    """The one-pass JSON-LD writer gives the same JSON as PyLD compacting the whole dataset,
    for any quads (lists, literal types and graph names that are also subjects included)."""
    from hypothesis import given, settings

    from handcar.publish.formats.jsonld import document, pyld_document

    @settings(max_examples=150, deadline=None)
    @given(_terms())
    def check(rows) -> None:
        data = Quads.of([ox.Quad(s, p, o, g) for s, p, o, g in rows])
        options = WriteOptions()
        assert document(data, options) == pyld_document(data, options)

    check()


def test_linear_jsonld_is_pyld_compaction_on_the_seed(seed) -> None:
    from handcar.publish.formats.jsonld import document, pyld_document

    data = Quads.of(seed.dataset)
    assert document(data, WriteOptions()) == pyld_document(data, WriteOptions())


def test_rdf_lists_go_through_pyld_whole() -> None:
    """from_rdf turns rdf:first/rdf:rest chains into @list: the one-pass writer leaves those to
    PyLD (and the result is still PyLD's)."""
    from handcar.publish.formats.jsonld import _linear_applies, context, document, pyld_document

    rows = [quad(BASE + "a", DJO + "p", ox.BlankNode("l")),
            ox.Quad(ox.BlankNode("l"), ox.NamedNode(RDF + "first"), ox.Literal("x")),
            ox.Quad(ox.BlankNode("l"), ox.NamedNode(RDF + "rest"), ox.NamedNode(RDF + "nil"))]
    data = Quads.of(rows)
    assert not _linear_applies(data, context(WriteOptions().prefixes))
    assert document(data, WriteOptions()) == pyld_document(data, WriteOptions())
    assert "@list" in json.dumps(document(data, WriteOptions()))
