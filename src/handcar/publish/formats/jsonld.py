"""JSON-LD (https://www.w3.org/TR/json-ld11/), compacted with handcar's own context.

PyLD, a JSON-LD 1.1 processor, does the JSON-LD work: ``jsonld.from_rdf`` turns the RDF into
expanded JSON-LD (``rdf:type`` as ``@type``, literals as value objects with their exact
lexical form: no native numbers or booleans, which would lose ``"0.0"`` vs ``"0"``) and
``jsonld.compact`` compacts it with the context (``prefix:local`` names, ``xsd:string`` values
as plain strings, single values unwrapped, named graphs as ``{"@id": g, "@graph": […]}``).
PyLD reads the RDF from :func:`rdf_dataset` (the JSON-LD API's RDF dataset, built from the
pyoxigraph terms) rather than from N-Quads text: its N-Quads parser takes a second on the seed
and does not decode ``\\u`` escapes.

The document names its context by URL (``"@context": "https://w3id.org/djo/context.jsonld"``,
the file ``out/context.jsonld``); compaction gets the context itself, and nothing here or in the
tests ever fetches it (the document loader refuses every URL). The context holds only
prefixes, so the files are JSON-LD 1.0 too (Jena riot reads them with ``--syntax=jsonld10``).

The bytes depend only on the RDF: every array except ``@list`` is a set in JSON-LD, so arrays
are sorted (nodes by ``@id``, other values by their JSON text), and keys are sorted with
``@context``, ``@id`` and ``@type`` first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import orjson
import pyoxigraph as ox

from handcar.publish.formats import WriteOptions
from handcar.publish.rdf import PublishError, Quads

_FIRST = {"@context": 0, "@id": 1, "@type": 2}


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "IRI", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "blank node", "value": str(term)}
    found = {"type": "literal", "value": term.value, "datatype": term.datatype.value}
    if term.language:
        found["language"] = term.language
    return found


def rdf_dataset(
    statements: Iterable[ox.Quad] | Iterable[ox.Triple],
) -> dict[str, list[dict[str, dict[str, str]]]]:
    """``statements`` (distinct) as the RDF dataset that PyLD's ``from_rdf`` takes (and its
    N-Quads parser returns): ``{graph name or "@default": [{"subject", "predicate",
    "object"}, …]}``. Triples go to ``@default``."""
    dataset: dict[str, list[dict[str, dict[str, str]]]] = {}
    terms: dict[object, dict[str, str]] = {}

    def term(value: ox.NamedNode | ox.BlankNode | ox.Literal) -> dict[str, str]:
        found = terms.get(value)
        if found is None:
            found = terms[value] = _term(value)
        return found

    for statement in statements:
        graph = getattr(statement, "graph_name", None)
        if graph is None or isinstance(graph, ox.DefaultGraph):
            name = "@default"
        else:
            name = graph.value if isinstance(graph, ox.NamedNode) else str(graph)
        dataset.setdefault(name, []).append({
            "subject": term(statement.subject),
            "predicate": term(statement.predicate),
            "object": term(statement.object),
        })
    return dataset


def refuse(url: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """PyLD document loader that loads nothing: handcar never fetches a JSON-LD document."""
    from pyld.jsonld import JsonLdError

    raise JsonLdError(
        f"handcar never fetches JSON-LD documents ({url})", "jsonld.LoadDocumentError"
    )


def expanded(statements: Iterable[ox.Quad] | Iterable[ox.Triple]) -> list[dict[str, Any]]:
    """Expanded JSON-LD of ``statements`` (PyLD ``from_rdf``)."""
    from pyld import jsonld

    return jsonld.from_rdf(rdf_dataset(statements), {"useNativeTypes": False})


def _key(value: Any) -> tuple[int, str, bytes]:
    if isinstance(value, dict) and isinstance(value.get("@id"), str):
        return (0, value["@id"], b"")
    return (1, "", orjson.dumps(value, option=orjson.OPT_SORT_KEYS))


def ordered(value: Any, key: str | None = None) -> Any:
    """``value`` with every array but an ``@list`` sorted (nodes and references by ``@id``,
    other values by their JSON text) and every object's keys sorted, ``@context``, ``@id`` and
    ``@type`` first."""
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: (_FIRST.get(k, 3), k))
        return {k: ordered(value[k], k) for k in keys}
    if isinstance(value, list):
        items = [ordered(v) for v in value]
        return items if key == "@list" else sorted(items, key=_key)
    return value


def document(data: Quads, options: WriteOptions) -> dict[str, Any]:
    """The compacted JSON-LD document of ``data`` as a JSON value, in handcar's order: the same
    JSON value as :func:`pyld_document` (tested), built in one pass over the quads."""
    ctx = context(options.prefixes)
    compacted = _linear(data, ctx) if _linear_applies(data, ctx) else None
    if compacted is None:
        return pyld_document(data, options)
    compacted["@context"] = options.context_url
    return ordered(compacted)


def pyld_document(data: Quads, options: WriteOptions) -> dict[str, Any]:
    """The compacted JSON-LD document of ``data`` by PyLD's compaction of the whole dataset (the
    reference :func:`document` is tested against; quadratic-ish in practice: issue 14)."""
    compacted = _pyld_compact(expanded(data), context(options.prefixes))
    compacted["@context"] = options.context_url
    return ordered(compacted)


def _pyld_compact(value: Any, ctx: Mapping[str, Any]) -> dict[str, Any]:
    from pyld import jsonld

    try:
        return jsonld.compact(
            value,
            ctx,
            # from_rdf's output is expanded already; "graph": always a top-level @graph array
            {"documentLoader": refuse, "skipExpansion": True, "graph": True,
             "processingMode": "json-ld-1.1"},
        )
    except jsonld.JsonLdError as exc:
        # for example an IRI that would read back as a compact IRI ("wd:Q1" with scheme "wd")
        details = exc.details if isinstance(exc.details, Mapping) else {}
        where = f": <{details['iri']}>" if "iri" in details else ""
        raise PublishError(f"cannot write JSON-LD: {str(exc.args[0]).rstrip('.')}{where}") from None


# --- the linear writer ---------------------------------------------------------------------------
#
# With a context of prefixes only (no term has a type, language or container mapping), JSON-LD
# compaction of ``from_rdf``'s output is local: each node object is its subject's quads, each
# property IRI, type and datatype is compacted as a vocabulary IRI and each node reference as a
# document IRI, independently of everything else; one value stays a value, several become an
# array, ``xsd:string`` literals become strings. :func:`_linear` builds exactly that from the sorted
# quads, and asks PyLD for the compact form of each distinct IRI (one small compaction of a
# document holding every IRI once), so the choice of prefix stays PyLD's. Inputs where
# ``from_rdf`` does more (``rdf:first``/``rdf:rest`` lists, ``rdf:JSON`` literals, a literal or
# blank node ``rdf:type``) go through PyLD whole.

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LIST_TERMS = {_RDF + "first", _RDF + "rest", _RDF + "nil", _RDF + "JSON", _RDF + "List"}
_RDF_TYPE = _RDF + "type"


def _linear_applies(data: Quads, ctx: Mapping[str, Any]) -> bool:
    terms = ctx["@context"]
    if not all(isinstance(v, str) for v in terms.values()):
        return False
    for quad in data:
        predicate = quad.predicate.value
        obj = quad.object
        if predicate in _LIST_TERMS or (isinstance(obj, ox.NamedNode) and obj.value in _LIST_TERMS):
            return False
        if isinstance(obj, ox.Literal) and obj.datatype.value == _RDF + "JSON":
            return False
        if predicate == _RDF_TYPE and not isinstance(obj, ox.NamedNode):
            return False
    return True


def _compact_iris(vocab: set[str], ids: set[str], ctx: Mapping[str, Any]) -> tuple[dict, dict]:
    """PyLD's compact form of each IRI: as a vocabulary IRI (a property, a type, a datatype) and
    as a document IRI (``@id``). One compaction of a document holding each IRI once."""
    vocab_list, id_list = sorted(vocab), sorted(ids)
    graph = [{"@id": f"_:v{i}", "@type": [iri]} for i, iri in enumerate(vocab_list)]
    graph += [{"@id": iri, _RDF + "value": [{"@value": "x"}]} for iri in id_list]
    compacted = _pyld_compact(graph, ctx)  # expanded form: the array of nodes
    nodes = compacted.get("@graph", [])
    if len(nodes) != len(graph):  # never expected: fall back to PyLD's whole compaction
        raise LookupError("compaction changed the number of nodes")
    by_vocab = {iri: nodes[i]["@type"] for i, iri in enumerate(vocab_list)}
    offset = len(vocab_list)
    by_id = {iri: nodes[offset + i]["@id"] for i, iri in enumerate(id_list)}
    return by_vocab, by_id


def _linear(data: Quads, ctx: Mapping[str, Any]) -> dict[str, Any] | None:
    vocab: set[str] = set()
    ids: set[str] = set()
    for quad in data:
        vocab.add(quad.predicate.value)
        for term in (quad.subject, quad.object, quad.graph_name):
            if isinstance(term, ox.NamedNode):
                ids.add(term.value)
            elif isinstance(term, ox.Literal) and not term.language:
                vocab.add(term.datatype.value)
        if quad.predicate.value == _RDF_TYPE:
            vocab.add(quad.object.value)
    try:
        by_vocab, by_id = _compact_iris(vocab, ids, ctx)
    except LookupError:
        return None

    def ref(term: ox.NamedNode | ox.BlankNode) -> str:
        return by_id[term.value] if isinstance(term, ox.NamedNode) else str(term)

    def value(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Any:
        if not isinstance(term, ox.Literal):
            return {"@id": ref(term)}
        if term.language:
            return {"@language": term.language, "@value": term.value}
        if term.datatype.value == _XSD_STRING:
            return term.value
        return {"@type": by_vocab[term.datatype.value], "@value": term.value}

    graphs: dict[str, dict[str, dict[str, Any]]] = {}  # graph -> subject -> node
    names: dict[str, ox.NamedNode | ox.BlankNode] = {}
    for quad in data:
        graph = quad.graph_name
        key = "" if isinstance(graph, ox.DefaultGraph) else str(graph)
        if key:
            names[key] = graph
        nodes = graphs.setdefault(key, {})
        subject = ref(quad.subject)
        node = nodes.get(subject)
        if node is None:
            node = nodes[subject] = {"@id": subject}
        if quad.predicate.value == _RDF_TYPE:
            node.setdefault("@type", []).append(by_vocab[quad.object.value])
        else:
            node.setdefault(by_vocab[quad.predicate.value], []).append(value(quad.object))
    default = graphs.pop("", {})
    for key, nodes in graphs.items():
        name = ref(names[key])
        holder = default.get(name)
        if holder is None:
            holder = default[name] = {"@id": name}
        holder["@graph"] = [_unwrapped(n) for n in nodes.values()]
    return {"@graph": [_unwrapped(n) for n in default.values()]}


def _unwrapped(node: dict[str, Any]) -> dict[str, Any]:
    """compactArrays: a key with one value holds the value, not a one-element array (the
    ``@graph`` of a named graph stays an array, as PyLD leaves it)."""
    return {k: (v[0] if k != "@graph" and isinstance(v, list) and len(v) == 1 else v)
            for k, v in node.items()}


def dumps(value: Any, *, sort_keys: bool = True) -> bytes:
    """handcar's JSON layout: two-space indent, UTF-8 (``\\u`` escapes only for control
    characters), final newline; keys sorted, or in insertion order when the caller built them
    in a fixed order. orjson writes exactly what ``json.dumps(value, indent=2,
    ensure_ascii=False, sort_keys=...)`` would, 20 times faster (tested)."""
    option = orjson.OPT_INDENT_2 | (orjson.OPT_SORT_KEYS if sort_keys else 0)
    return orjson.dumps(value, option=option) + b"\n"


def write(data: Quads, options: WriteOptions) -> bytes:
    return dumps(document(data, options), sort_keys=False)


def context(prefixes: Mapping[str, str]) -> dict[str, Any]:
    """The context document: ``{"@context": {prefix: namespace, …}}`` (JSON-LD 1.0 and 1.1)."""
    return {"@context": dict(sorted(prefixes.items()))}
