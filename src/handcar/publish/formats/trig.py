"""TriG (https://www.w3.org/TR/trig/): the named graphs, each as ``<graph> { … }``.

The same subject blocks as :mod:`.turtle`, indented inside one block per named graph (default
graph first, unbraced), each graph preceded by a comment that says what it holds.
"""

from __future__ import annotations

from handcar.publish.formats import WriteOptions
from handcar.publish.formats.turtle import TermWriter, blocks
from handcar.publish.rdf import Quads


def write(data: Quads, options: WriteOptions) -> bytes:
    writer = TermWriter(options.prefixes, options.base)
    parts: list[str] = []
    for graph, quads in data.graphs().items():
        if not graph:
            parts.append("\n".join(blocks(quads, writer)))
            continue
        iri = graph[1:-1] if graph.startswith("<") else None
        comment = options.graph_comments.get(iri or "", "")
        name = writer.iri(iri) if iri else graph
        lines = [f"# {line}".rstrip() for line in comment.splitlines()]
        lines.append(f"{name} {{")
        body = "\n".join(blocks(quads, writer, indent="    "))
        parts.append("\n".join(lines) + "\n" + body + "}\n")
    header = writer.header(options.header)
    body = "\n".join(parts)
    return (header + ("\n" if header and body else "") + body).encode("utf-8")
