"""TriG (https://www.w3.org/TR/trig/): the named graphs, each as ``<graph> { … }``.

Written like :mod:`.turtle` by pyoxigraph's serialiser, from the sorted quads (default graph
first, then the named graphs in N-Triples order). What each graph holds is said in the header
comments (pyoxigraph writes the whole dataset in one go, so there is no place for a comment
above each graph).
"""

from __future__ import annotations

import textwrap

import pyoxigraph as ox

from handcar.publish.formats import WriteOptions
from handcar.publish.formats.turtle import serialize
from handcar.publish.rdf import Quads


def write(data: Quads, options: WriteOptions) -> bytes:
    header = list(options.header)
    graphs = [graph.removeprefix("<").removesuffix(">") for graph in data.graphs() if graph]
    described = [g for g in graphs if g in options.graph_comments]
    if described:
        header += ["", "Named graphs:"]
        for g in described:
            header.append(f"<{g}>")
            header += textwrap.wrap(options.graph_comments[g], width=96, initial_indent="    ",
                                    subsequent_indent="    ")
    return serialize(data.quads, ox.RdfFormat.TRIG, options.prefixes, header)
