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
    """The compacted JSON-LD document of ``data`` as a JSON value, in handcar's order."""
    from pyld import jsonld

    try:
        compacted = jsonld.compact(
            expanded(data),
            context(options.prefixes),
            # from_rdf's output is expanded already; "graph": always a top-level @graph array
            {"documentLoader": refuse, "skipExpansion": True, "graph": True,
             "processingMode": "json-ld-1.1"},
        )
    except jsonld.JsonLdError as exc:
        # for example an IRI that would read back as a compact IRI ("wd:Q1" with scheme "wd")
        details = exc.details if isinstance(exc.details, Mapping) else {}
        where = f": <{details['iri']}>" if "iri" in details else ""
        raise PublishError(f"cannot write JSON-LD: {str(exc.args[0]).rstrip('.')}{where}") from None
    compacted["@context"] = options.context_url
    return ordered(compacted)


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
