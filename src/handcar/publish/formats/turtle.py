"""Turtle (https://www.w3.org/TR/turtle/): the union of all graphs, written for people to read.

One block per subject, subjects in IRI order, ``a`` first and then the predicates in IRI order;
prefixed names where the local part is plainly safe, IRIs under the data's base as relative
references against ``@base``, numbers and booleans in their short form when that keeps the
lexical form, and multi-line strings as ``\"\"\"long strings\"\"\"``. Only the prefixes the file
uses are declared. :mod:`.trig` writes the same blocks inside one ``{ }`` per named graph.

Escaping is pyoxigraph's N-Triples escaping (every term it prints is valid Turtle); long strings
keep their line breaks raw and every ``"`` escaped, so no run of quotes can end them early.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import urljoin

import pyoxigraph as ox

from handcar.publish.formats import WriteOptions
from handcar.publish.rdf import RDF_TYPE, XSD, XSD_STRING, Quads, splitter

# Conservative subsets of Turtle's PN_LOCAL and of a relative IRI path: anything else is written
# as a full <IRI>, which every parser reads the same way.
_LOCAL = re.compile(r"[A-Za-z_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?")
_RELATIVE = re.compile(r"[A-Za-z0-9_~\-][A-Za-z0-9._~\-]*(?:/[A-Za-z0-9._~\-]+)*")
_SHORT = {
    XSD + "integer": re.compile(r"[+-]?[0-9]+"),
    XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    XSD + "boolean": re.compile(r"true|false"),
}
WIDTH = 100


def usable_base(base: str | None) -> str | None:
    """``base`` if IRIs under it can be written relative to it and resolve back exactly."""
    if not base or not base.endswith("/") or "?" in base or "#" in base:
        return None
    _scheme, sep, rest = base.partition("://")
    if not sep or any(seg in (".", "..") for seg in rest.split("/")):
        return None
    try:
        ox.NamedNode(base)
    except ValueError:
        return None
    return base if urljoin(base, "x/y") == base + "x/y" else None


class TermWriter:
    """Writes terms in Turtle syntax and remembers which prefixes and whether the base were used."""

    def __init__(self, prefixes: Mapping[str, str], base: str | None = None) -> None:
        self.prefixes = prefixes
        self._split = splitter(prefixes).split
        self.base = usable_base(base)
        self.used: set[str] = set()
        self.used_base = False
        self._cache: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        found = self._cache.get(iri)
        if found is None:
            found = self._cache[iri] = self._iri(iri)
        return found

    def _iri(self, iri: str) -> str:
        if self.base and iri.startswith(self.base):
            rest = iri[len(self.base) :]
            if _RELATIVE.fullmatch(rest) and not any(s in (".", "..") for s in rest.split("/")):
                self.used_base = True
                return f"<{rest}>"
        split = self._split(iri)
        if split and _LOCAL.fullmatch(split[1]):
            self.used.add(split[0])
            return f"{split[0]}:{split[1]}"
        return f"<{iri}>"

    def term(self, term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
        if isinstance(term, ox.NamedNode):
            return self.iri(term.value)
        if isinstance(term, ox.BlankNode):
            return str(term)
        return self.literal(term)

    def literal(self, literal: ox.Literal) -> str:
        value = literal.value
        datatype = literal.datatype.value
        short = _SHORT.get(datatype)
        if short and short.fullmatch(value):
            return value
        quoted = quote(value)
        if literal.language:
            return f"{quoted}@{literal.language}"
        if datatype == XSD_STRING:
            return quoted
        return f"{quoted}^^{self.iri(datatype)}"

    def header(self, comments: Iterable[str] = ()) -> str:
        lines = [f"# {c}".rstrip() for comment in comments for c in comment.splitlines() or [""]]
        if self.used_base:
            lines.append(f"@base <{self.base}> .")
        lines += [f"@prefix {p}: <{self.prefixes[p]}> ." for p in sorted(self.used)]
        return "\n".join(lines) + "\n" if lines else ""


def quote(value: str) -> str:
    """A Turtle string: ``"…"`` with N-Triples escapes, or a ``\"\"\"long string\"\"\"`` that keeps
    its line breaks when it has any."""
    if "\n" not in value:
        return str(ox.Literal(value))
    pieces = [str(ox.Literal(piece))[1:-1] for piece in value.split("\n")]
    return '"""' + "\n".join(pieces) + '"""'


def blocks(
    triples: Iterable[ox.Triple | ox.Quad], writer: TermWriter, indent: str = ""
) -> list[str]:
    """One Turtle block per subject (``triples`` sorted by subject, then predicate)."""
    out: list[str] = []
    subject = None
    predicates: list[tuple[str, list[str]]] = []

    def flush() -> None:
        if subject is None:
            return
        lines = [f"{indent}{writer.term(subject)}"]
        for i, (predicate, objects) in enumerate(predicates):
            end = " ." if i == len(predicates) - 1 else " ;"
            one_line = f"{indent}    {predicate} {' , '.join(objects)}{end}"
            if len(objects) == 1 or len(one_line) <= WIDTH:
                lines.append(one_line)
            else:
                lines.append(f"{indent}    {predicate}")
                lines += [f"{indent}        {o} ," for o in objects[:-1]]
                lines.append(f"{indent}        {objects[-1]}{end}")
        out.append("\n".join(lines) + "\n")

    for triple in triples:
        if triple.subject != subject:
            flush()
            subject = triple.subject
            predicates = []
        p = triple.predicate.value
        predicate = "a" if p == RDF_TYPE else writer.iri(p)
        if predicates and predicates[-1][0] == predicate:
            predicates[-1][1].append(writer.term(triple.object))
        else:
            predicates.append((predicate, [writer.term(triple.object)]))
    flush()
    return out


def write(data: Quads, options: WriteOptions) -> bytes:
    writer = TermWriter(options.prefixes, options.base)
    body = "\n".join(blocks(data.triples, writer))
    header = writer.header(options.header)
    return (header + ("\n" if header and body else "") + body).encode("utf-8")
