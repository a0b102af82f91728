"""Where the shapes are, reading them, and the list of shapes that may select nothing.

handcar's own shapes are the packaged ``shapes/*.ttl`` (:func:`handcar.resources.shapes_dir`;
``$HANDCAR_SHAPES_DIR`` overrides). ``--shapes`` takes files or folders
instead. A shapes folder may hold ``intentionally-empty.txt``: one shape per line (a full IRI or a
``prefix:name`` declared in the shapes files), optionally followed by ``# why``; those shapes may
select no focus node in the reference data without failing the lint.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from handcar.errors import InputError
from handcar.resources import shapes_dir
from handcar.validate.inputs import read_into
from handcar.validate.onegraph import one_graph

EMPTY_LIST = "intentionally-empty.txt"
SHAPE_SUFFIXES = (".ttl", ".trig", ".nt", ".nq", ".jsonld")


@dataclass
class Shapes:
    """A shapes graph, the files it was read from, and the shapes allowed to select nothing."""

    graph: Graph
    files: list[Path]
    intentionally_empty: dict[URIRef, str] = field(default_factory=dict)
    default: bool = False


def shape_files(paths: Sequence[Path]) -> list[Path]:
    """The shape files that ``paths`` (files or folders) stand for."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in SHAPE_SUFFIXES)
            if not found:
                raise InputError(path, None, "no shapes files (*.ttl) in this folder")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(path, None, "shapes: no such file or folder")
    return files


def load_shapes(paths: Sequence[Path] | None = None) -> Shapes:
    """Read the shapes (default: handcar's own) and the intentionally-empty lists beside them."""
    default = not paths
    paths = list(paths) if paths else [shapes_dir()]
    files = shape_files(paths)
    graph = one_graph(remembering=True, bind_namespaces="core")  # pySHACL reads it for every node
    read_into(graph, files)
    prefixes = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    empty: dict[URIRef, str] = {}
    for folder in dict.fromkeys(f.parent for f in files):
        listing = folder / EMPTY_LIST
        if listing.is_file():
            empty.update(read_empty_list(listing, prefixes))
    return Shapes(graph, files, empty, default)


_LINE = re.compile(r"^\s*(?P<name>\S+)\s*(?:#\s*(?P<why>.*))?$")


def read_empty_list(path: Path, prefixes: dict[str, str]) -> dict[URIRef, str]:
    """``shape IRI → reason`` from an intentionally-empty list."""
    entries: dict[URIRef, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        match = _LINE.match(raw)
        if not match:
            raise InputError(path, number, "expected: SHAPE  # reason")
        name = match["name"]
        if name.startswith("<") and name.endswith(">"):
            iri = name[1:-1]
        elif ":" in name and name.split(":", 1)[0] in prefixes:
            prefix, local = name.split(":", 1)
            iri = prefixes[prefix] + local
        else:
            raise InputError(path, number, f"{name}: not an IRI or a declared prefix:name")
        if not (match["why"] or "").strip():
            raise InputError(path, number, f"{name}: say why it is intentionally empty (# reason)")
        entries[URIRef(iri)] = match["why"].strip()
    return entries
