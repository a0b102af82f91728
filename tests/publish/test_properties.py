"""Property tests (hypothesis): whatever text and IRIs the data holds — quotes, backslashes,
line breaks, control characters, non-Latin and right-to-left scripts, emoji, characters that
IRIs forbid — every serialisation still parses and reads back as the same RDF.

- writers: random small datasets through every format, read back by pyoxigraph (exactly) and
  rdflib (compared with its own reading of the N-Quads, since rdflib rewrites some lexical forms);
- the builder: random labels added to the seed's enrichment, built and published end to end;
- IRIs with characters IRIs forbid are refused with a PublishError, never written;
- a fixed set of tricky examples goes through rapper, Jena riot and jsonld.js as well.
"""

from __future__ import annotations

import json
import logging
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import XSD, Dataset, Literal, URIRef

from handcar.chars import forbidden_in_string
from handcar.namespaces import DJO, RDFS, SCHEMA
from handcar.publish.formats import FORMATS, WriteOptions, write
from handcar.publish.formats.jsonld import context
from handcar.publish.rdf import PUBLISHED_PREFIXES, PublishError, Quads
from handcar.rdfterms import NONCHARACTERS
from support.roundtrip import (
    RAPPER_SYNTAX,
    expanded_to_canonical,
    rdflib_canonical,
    read_oxigraph,
    read_rdflib,
    union,
)
from support.tools import ToolError, jena_run, jsonld_expand, rapper_parse, riot_count

TRICKY = [
    '"', "'", '"""', "'''", "\\", "\\n", "\\u0041", "\\U0001F600", "\n", "\r", "\r\n", "\t",
    "\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1f", "\x7f", "\x85", "\u2028", "\u2029",
    "\ufeff", "\ufffd", "\U0010fffd", "שלום", "مرحبا", "\u202e", "\u200f", "\u061c", "😀",
    "👨\u200d👩\u200d👧", "🇷🇺", "中文", "Жж", "e\u0301", "<", ">", "{", "}", "|", "^", "`",
    " ", "#", "@en", "^^", "_:b0", "<http://x/>", "]]>", "a:b", "%20", ".", ";", ",",
]
IRI_PIECES = [
    *"abcXYZ019-._~!$&'()*+,;=:@", "ж", "ש", "ع", "中", "😀", "é", "%20", "%E2%82%AC",
    "\u200f", ".", "..",
]
LANGS = ["en", "ru", "he", "ar", "zh-hant", "en-gb"]

characters = st.characters(blacklist_categories=("Cs",)).filter(
    lambda c: not NONCHARACTERS.match(c))
text = st.lists(
    st.one_of(st.sampled_from(TRICKY), st.text(alphabet=characters, max_size=6)),
    max_size=8,
).map("".join)
segment = st.lists(st.sampled_from(IRI_PIECES), min_size=1, max_size=6).map("".join)


@st.composite
def literals(draw) -> Literal:
    kind = draw(st.sampled_from(["plain", "lang", "string", "integer", "decimal"]))
    if kind == "plain":
        return Literal(draw(text))
    if kind == "lang":
        return Literal(draw(text), lang=draw(st.sampled_from(LANGS)))
    if kind == "string":
        return Literal(draw(text), datatype=XSD.string)
    if kind == "integer":
        return Literal(str(draw(st.integers(-(10**20), 10**20))), datatype=XSD.integer)
    value = draw(st.decimals(-1000, 1000, places=3, allow_nan=False, allow_infinity=False))
    return Literal(format(Decimal(value), "f"), datatype=XSD.decimal)


@st.composite
def datasets(draw) -> tuple[Dataset, str]:
    base = f"https://example.org/{draw(segment)}/"
    dataset = Dataset()
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["person", "place", "event"]))
        subject = URIRef(f"{base}{kind}/{draw(segment)}")
        graph = dataset.graph(URIRef(f"{base}graph/{draw(st.sampled_from(['asserted', 'text']))}"))
        predicate = draw(st.sampled_from(
            [RDFS.label, SCHEMA.name, DJO.referredToAs, URIRef(f"{base}p/{draw(segment)}")]))
        obj = draw(st.one_of(literals(), segment.map(lambda s, b=base: URIRef(f"{b}place/{s}"))))
        graph.add((subject, predicate, obj))
    return dataset, base


def _json_inline(blob: bytes) -> bytes:
    document = json.loads(blob)
    document["@context"] = context(PUBLISHED_PREFIXES)["@context"]
    return json.dumps(document).encode()


def _written(blob: bytes, name: str, tmp: Path) -> Path:
    fmt = FORMATS[name]
    path = tmp / f"data.{fmt.extension}"
    path.write_bytes(_json_inline(blob) if name == "jsonld" else blob)
    return path


def _assert_round_trip(data: Quads, tmp: Path, *, with_rdflib: bool = True) -> dict[str, bytes]:
    """Write ``data`` in every format and read each file back with pyoxigraph (must give
    exactly ``data``) and rdflib (must agree with its own reading of the N-Quads)."""
    options = WriteOptions(header=("a comment",), graph_comments={
        g[1:-1]: "a graph" for g in data.graphs() if g.startswith("<")})
    # RDF/XML gets the quads XML can hold (it refuses the others: test below)
    blobs = {name: write(name, _in_xml(data) if name == "xml" else data, options)
             for name in FORMATS}
    expected = data.canonical_nquads
    rdflib_reference = None
    for name in ("nquads", "trig", "jsonld", "turtle", "ntriples", "xml"):
        path = _written(blobs[name], name, tmp)
        ours = read_oxigraph(path, {})
        want = (union(_in_xml(data).canonical_nquads) if name == "xml" else expected
                if FORMATS[name].named_graphs else union(expected))
        assert ours == want, f"pyoxigraph reads {name} differently:\n{blobs[name].decode()}"
        if not with_rdflib:
            continue
        theirs = rdflib_canonical(read_rdflib(path, {}))
        if rdflib_reference is None:
            rdflib_reference = theirs
        if name == "xml":  # rdflib's reading of the quads XML can hold
            theirs = rdflib_canonical(read_rdflib(_written(write("nquads", _in_xml(data)),
                                                           "nquads", tmp), {}))
            assert rdflib_canonical(read_rdflib(path, {})) == union(theirs), blobs[name].decode()
            continue
        want = rdflib_reference if FORMATS[name].named_graphs else union(rdflib_reference)
        assert theirs == want, f"rdflib reads {name} differently:\n{blobs[name].decode()}"
    return blobs


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(example=datasets())
def test_every_format_round_trips_tricky_text_and_iris(example, tmp_path: Path) -> None:
    dataset, _base = example
    _assert_round_trip(Quads.of(dataset), tmp_path)


ILLEGAL_IN_IRIS = [" ", "<", ">", '"', "{", "}", "|", "^", "`", "\\", "\n", "\x00", "\ufffe"]


@settings(max_examples=40, deadline=None)
@given(bad=st.sampled_from(ILLEGAL_IN_IRIS), where=st.sampled_from(["base", "s", "p", "o", "dt"]),
       prefix=segment)
def test_an_iri_with_a_forbidden_character_is_refused(bad: str, where: str, prefix: str) -> None:
    logging.getLogger("rdflib").setLevel(logging.ERROR)  # rdflib warns about each bad URIRef
    base = f"https://example.org/{prefix}{bad if where == 'base' else ''}/"
    iri = f"{base}x{bad}y"
    good = URIRef(f"{base.replace(bad, '') if where != 'base' else 'https://example.org/'}ok")
    s = URIRef(iri) if where in ("base", "s") else good
    p = URIRef(iri) if where == "p" else RDFS.label
    o = URIRef(iri) if where == "o" else (Literal("1", datatype=URIRef(iri)) if where == "dt"
                                         else Literal("x"))
    dataset = Dataset()
    dataset.graph(URIRef("https://example.org/graph/g")).add((s, p, o))
    with pytest.raises(PublishError, match="not a valid IRI"):
        Quads.of(dataset)


@pytest.mark.parametrize("noncharacter", ["\ufffe", "\uffff", "\ufdd0", "\U0010ffff"])
def test_a_noncharacter_in_text_is_refused(noncharacter: str) -> None:
    dataset = Dataset()
    dataset.graph(URIRef("https://example.org/graph/g")).add(
        (URIRef("https://example.org/s"), RDFS.label, Literal(f"a{noncharacter}b", lang="en")))
    with pytest.raises(PublishError, match="noncharacter"):
        Quads.of(dataset)


# --- end to end: tricky labels through the builder ----------------------------------------------


def _yaml_string(value: str) -> str:
    """A YAML double-quoted scalar for any string: printable characters as they are, the rest
    (and every line break) escaped, so the loader reads back exactly ``value``."""
    out = []
    for ch in value:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch in "\n\r\t\x85\u2028\u2029\ufeff" or not (
            0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF
        ):
            out.append(f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _readable(value: str) -> str:
    """``value`` without the characters the annotation loader refuses (tests/safety covers the
    refusal; here the labels must get through)."""
    return "".join(ch for ch in value if forbidden_in_string(ch) is None)


label = text.map(_readable).filter(lambda t: t.strip() != "")


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@pytest.mark.slow  # a few full builds or validations: CI runs it
@given(labels=st.lists(st.tuples(label, st.sampled_from(LANGS)), min_size=1, max_size=3))
def test_tricky_labels_survive_the_whole_build(labels, articles_copy: Path) -> None:
    from handcar.build import build_dataset
    from handcar.publish import framed
    from support.paths import SEED

    enrichment = articles_copy / SEED / "enrichment.yaml"
    original = enrichment.read_text(encoding="utf-8")
    facts = "".join(
        f"  - [vladivostok, rdfs:label, {{value: {_yaml_string(v)}, lang: {lang}}}, curators]\n"
        for v, lang in labels
    )
    enrichment.write_text(original.rstrip("\n") + "\n" + facts, encoding="utf-8")
    try:
        result = build_dataset(articles_copy)
        data = Quads.of(result.dataset)
        written = {ln.value for q in data for ln in [q.object]
                   if q.predicate.value == str(RDFS.label)}
        assert {v for v, _ in labels} <= written
        # everything through pyoxigraph; the enrichment graph (where the labels are) through
        # rdflib too, which is slow on the whole seed
        _assert_round_trip(data, articles_copy.parent, with_rdflib=False)
        enrichment_graph = str(result.iris.graph("enrichment"))
        _assert_round_trip(data.select([enrichment_graph]), articles_copy.parent)
        graphs = [str(result.iris.graph("asserted")), enrichment_graph]
        tree = framed.write(data.select(graphs), result.journeys,
                            context(PUBLISHED_PREFIXES)["@context"])
        assert {v for v, _ in labels} <= set(_values(json.loads(tree)))  # Vladivostok's labels
    finally:
        enrichment.write_text(original, encoding="utf-8")


def _values(value):
    if isinstance(value, dict):
        if "@value" in value:
            yield value["@value"]
        for item in value.values():
            yield from _values(item)
    elif isinstance(value, list):
        for item in value:
            yield from _values(item)


@pytest.fixture()
def articles_copy(tmp_path: Path) -> Path:
    import shutil

    from support.paths import ARTICLES

    target = tmp_path / "articles"
    shutil.copytree(ARTICLES, target)
    return target


# --- a fixed set of tricky examples through the outside tools ----------------------------------


@pytest.fixture(scope="module")
def tricky(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Quads]:
    base = "https://example.org/данные/שלום/😀/"
    dataset = Dataset()
    graph = dataset.graph(URIRef(base + "graph/asserted"))
    other = dataset.graph(URIRef(base + "graph/text"))
    for i, piece in enumerate(TRICKY):
        subject = URIRef(f"{base}thing/t{i:02}")
        graph.add((subject, RDFS.label, Literal(f"x{piece}y")))
        graph.add((subject, SCHEMA.name, Literal(piece, lang=LANGS[i % len(LANGS)])))
        other.add((subject, DJO.referredToAs, Literal(piece + piece)))
    everything = "".join(TRICKY)
    graph.add((URIRef(base + "person/ж-%20-é"), RDFS.label, Literal(everything)))
    graph.add((URIRef(base + "person/ж-%20-é"), DJO.legIndex, Literal("007", datatype=XSD.integer)))
    graph.add((URIRef(base + "person/ж-%20-é"), DJO.numericValue,
               Literal("0.0", datatype=XSD.decimal)))
    graph.add((URIRef(base + "place/a.b"), DJO.about, URIRef(base + "place/..")))
    folder = tmp_path_factory.mktemp("tricky")
    data = Quads.of(dataset)
    options = WriteOptions()
    for name, fmt in FORMATS.items():
        (folder / f"data.{fmt.extension}").write_bytes(
            write(name, _in_xml(data) if name == "xml" else data, options))
    (folder / "context.jsonld").write_bytes(
        json.dumps(context(PUBLISHED_PREFIXES), ensure_ascii=False).encode())
    return folder, data


def test_tricky_examples_round_trip_in_pyoxigraph_and_rdflib(tricky, tmp_path: Path) -> None:
    _folder, data = tricky
    _assert_round_trip(data, tmp_path)


def _in_xml(data: Quads) -> Quads:
    """The quads whose terms XML 1.0 can hold (RDF/XML refuses the others)."""
    from handcar.publish.formats.rdfxml import problem

    return Quads.of([q for q in data if problem(q.triple) is None])


def test_rdf_xml_refuses_what_xml_cannot_hold(tricky) -> None:
    _folder, data = tricky
    assert 0 < len(_in_xml(data)) < len(data)
    with pytest.raises(ValueError, match=r"RDF/XML cannot hold U\+000D \(control character\)"):
        write("xml", data)


@pytest.mark.requires("rapper")
def test_tricky_examples_parse_in_rapper(tricky) -> None:
    folder, data = tricky
    for suffix, syntax in RAPPER_SYNTAX.items():
        count = rapper_parse(folder / f"data{suffix}", syntax)
        want = (len(data) if suffix in (".nq", ".trig") else len(_in_xml(data).triples)
                if suffix == ".rdf" else len(data.triples))
        assert count == want, suffix


# Jena 4.5 warnings that are about Jena, not the data: its IRI checker walks Java UTF-16 code
# units, so an astral character (emoji) in an IRI shows up as two "Not a ucschar" surrogate
# halves; and it flags U+FFFD (a valid character) as a possible encoding accident.
_JENA_NOISE = re.compile(
    r"Not a ucschar: 0xD[89A-F][0-9A-F]{2}\)|Unicode replacement character U\+FFFD in string")


def _riot_problems(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if re.search(r"\b(WARN|ERROR)\b", line) and not _JENA_NOISE.search(line)]


@pytest.mark.requires("jena")
def test_tricky_examples_are_valid_for_riot(tricky) -> None:
    from handcar.publish.formats import CONTEXT_URL

    folder, data = tricky
    want = {".ttl": len(data.triples), ".nt": len(data.triples), ".nq": len(data),
            ".trig": len(data), ".jsonld": len(data)}
    files = [str(folder / f"data{suffix}") for suffix in (".ttl", ".nt", ".nq", ".trig")]
    # one JVM per mode for the four line/Turtle formats; riot exits 1 after any warning
    for mode in ("--validate", "--count"):
        proc = jena_run("riotcmd.riot", [mode, *files], tool="riot", check=False)
        assert not _riot_problems(proc.stderr), "\n".join(_riot_problems(proc.stderr))
        assert "ERROR" not in proc.stderr
    counts = re.findall(r"data(\.\w+) : (?:Triples|Quads) = ([\d,]+)", proc.stderr)
    assert {s: int(n.replace(",", "")) for s, n in counts} == {
        s: n for s, n in want.items() if s != ".jsonld"}
    contexts = {CONTEXT_URL: folder / "context.jsonld"}
    try:
        assert riot_count(folder / "data.jsonld", contexts=contexts) == want[".jsonld"]
    except ToolError as exc:
        assert not _riot_problems(exc.stderr), "\n".join(_riot_problems(exc.stderr))
        raise


@pytest.mark.requires("node-jsonld")
def test_tricky_examples_expand_in_jsonld_js(tricky) -> None:
    from handcar.publish.formats import CONTEXT_URL

    folder, data = tricky
    expanded = jsonld_expand(folder / "data.jsonld", {CONTEXT_URL: folder / "context.jsonld"})
    assert expanded_to_canonical(expanded) == data.canonical_nquads


@pytest.mark.parametrize("bad", ["<", ">", '"', "{", "}", "|", "^", "`", "\\"])
def test_an_outside_iri_with_a_forbidden_character_stops_publication(
    bad: str, articles_copy: Path
) -> None:
    from handcar.build import build_dataset
    from support.paths import SEED

    logging.getLogger("rdflib").setLevel(logging.ERROR)
    enrichment = articles_copy / SEED / "enrichment.yaml"
    enrichment.write_text(
        enrichment.read_text(encoding="utf-8").rstrip("\n")
        + f"\n  - [vladivostok, about, {{iri: {_yaml_string(f'https://example.org/a{bad}b')}}}, "
        "curators]\n",
        encoding="utf-8",
    )
    result = build_dataset(articles_copy)
    with pytest.raises(PublishError, match="not a valid IRI"):
        Quads.of(result.dataset)
