"""Reading the RDF to validate: files or release folders, merged into one rdflib graph.

Files are parsed with pyoxigraph (6-20x faster than rdflib's parsers) and converted to rdflib
terms, keeping every literal's lexical form as written (rdflib would rewrite ``"PT32H"`` as
``"P1DT8H"``, and shapes check lexical forms). Named graphs are merged: validation runs on the
union of all graphs. Blank nodes are kept apart per file.

Safe on hostile input (every refusal is an :class:`~handcar.errors.InputError` naming the file,
exit status 2 in ``handcar validate``):

- inputs must be regular files (a FIFO would block) and are refused before parsing when one file,
  or all together, exceed :data:`handcar.limits.RDF_BYTES` (``--max-input-size`` overrides it
  for one run, :func:`input_size_limit`);
- nothing is fetched: pyoxigraph's JSON-LD parser loads no context that is not inline, and
  handcar inlines only context files in the document's own folder (:mod:`.jsonld_context`);
- JSON-LD deeper than :data:`handcar.limits.JSON_DEPTH` is refused;
- RDF/XML that declares XML entities is refused before pyoxigraph would expand them;
- a file with no triples (empty, or JSON-LD whose keys map to nothing) is an error, never a
  graph that trivially conforms.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from handcar.errors import InputError, LimitError, read_failure
from handcar.formats import RDF_FORMATS, SUFFIXES
from handcar.limits import RDF_BYTES, MiB, read_regular_file
from handcar.rdfterms import to_rdflib
from handcar.validate.jsonld_context import inline_contexts, load_json
from handcar.xml_entities import refuse_entities

FORMATS: dict[str, ox.RdfFormat] = {suffix: fmt.oxigraph for suffix, fmt in SUFFIXES.items()}
"""How pyoxigraph parses a file, by its suffix (:data:`handcar.formats.SUFFIXES`)."""

#: what a release folder is validated from, in order of preference: the dataset in the formats
#: that keep its named graphs (TriG, then N-Quads), named as the release names them
RELEASE_FILES = tuple(RDF_FORMATS[name].dataset_file for name in ("trig", "nquads"))

_size_override: ContextVar[int | None] = ContextVar("handcar_max_rdf_bytes", default=None)


@contextmanager
def input_size_limit(max_bytes: int | None) -> Iterator[None]:
    """Within the block, RDF input may reach ``max_bytes`` (``--max-input-size``) instead of
    :data:`~handcar.limits.RDF_BYTES`; ``None`` keeps the limit in force."""
    token = _size_override.set(max_bytes)
    try:
        yield
    finally:
        _size_override.reset(token)


_UNITS = {
    "": 1,
    "b": 1,
    "kib": 1024,
    "mib": MiB,
    "gib": 1024 * MiB,
    "kb": 1000,
    "mb": 1000**2,
    "gb": 1000**3,
}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", re.IGNORECASE)


def parse_size(text: str | None) -> int | None:
    """Bytes in ``--max-input-size`` (``"1000000"``, ``"200MiB"``, ``"1 GiB"``); None if unset."""
    if text is None:
        return None
    match = _SIZE.fullmatch(text)
    unit = match.group(2).lower() if match else ""
    if match is None or unit not in _UNITS or float(match.group(1)) <= 0:
        raise InputError(
            "--max-input-size",
            None,
            f"not a size: {text!r} (write bytes, or a number with KiB, MiB or GiB)",
        )
    return int(float(match.group(1)) * _UNITS[unit])


def max_input_bytes() -> int:
    """The limit on RDF input in force: ``--max-input-size``, else ``HANDCAR_MAX_RDF_BYTES``,
    else the default."""
    override = _size_override.get()
    return override if override is not None else int(RDF_BYTES.value())


def _over_limit(path: Path, amount: str) -> LimitError:
    cap = max_input_bytes()
    shown = f"{cap / MiB:g} MiB" if cap >= MiB else f"{cap} bytes"
    return LimitError(
        path,
        None,
        f"over the limit on {RDF_BYTES.name} ({amount}): the limit is "
        f"{shown}; raise it with --max-input-size or {RDF_BYTES.env}",
    )


def resolve_inputs(paths: Sequence[Path]) -> list[Path]:
    """The RDF files that ``paths`` (files or folders) stand for, in order; refused before any
    is parsed when they are not regular files or exceed the size limit together."""
    files: list[Path] = []
    for path in paths:
        mode = _mode(path)
        if mode is None:
            raise InputError(path, None, "no such file or folder")
        if stat.S_ISDIR(mode):
            files.append(_release_file(path))
        elif not stat.S_ISREG(mode):
            raise InputError(
                path,
                None,
                "not a regular file (a FIFO, socket or device is "
                "refused): give the path of an RDF file",
            )
        elif path.suffix.lower() not in FORMATS:
            known = ", ".join(sorted(FORMATS))
            raise InputError(path, None, f"unknown RDF file extension (known: {known})")
        else:
            files.append(path)
    total = 0
    for path in files:
        size = path.stat().st_size
        total += size
        if size > max_input_bytes():
            raise _over_limit(path, f"{size} bytes")
        if total > max_input_bytes():
            raise _over_limit(path, f"{total} bytes with the files before it")
    return files


def _mode(path: Path) -> int | None:
    try:
        return os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise read_failure(path, exc) from None


def _release_file(folder: Path) -> Path:
    for name in RELEASE_FILES:
        if (folder / name).is_file():
            return folder / name
    raise InputError(folder, None, f"not a handcar release: no {' or '.join(RELEASE_FILES)}")


def read_into(graph: Graph, files: Iterable[Path],
              parsed: list[ox.Quad] | None = None) -> Graph:
    """Add the triples of every file (all named graphs merged) to ``graph``; ``parsed``, when
    given, receives the same triples as pyoxigraph quads in the default graph, with the same
    blank-node ids (the validator's SPARQL copy, without converting them back)."""
    for index, path in enumerate(files):
        terms: dict[object, Node] = {}
        blanks: dict[ox.BlankNode, ox.BlankNode] = {}
        blank_prefix = f"f{index}x"
        quads, prefixes = _parse(path)
        if not quads:
            raise InputError(path, None, _NO_TRIPLES)
        for prefix, namespace in prefixes.items():
            if prefix and prefix not in dict(graph.namespaces()):
                graph.bind(prefix, namespace, override=False)
        store = graph.store  # Graph.add minus its type assertions: 30% faster in bulk
        for quad in quads:
            triple = []
            for term in (quad.subject, quad.predicate, quad.object):
                node = terms.get(term)
                if node is None:
                    try:
                        node = terms[term] = to_rdflib(term, blank_prefix)
                    except TypeError as exc:
                        raise InputError(path, None, str(exc)) from None
                triple.append(node)
            store.add((triple[0], triple[1], triple[2]), graph, quoted=False)
            if parsed is not None:
                parsed.append(ox.Quad(*(_relabelled(t, blanks, blank_prefix)
                                        for t in (quad.subject, quad.predicate, quad.object))))
    return graph


def _relabelled(term, blanks: dict, prefix: str):
    """``term``, a blank node with ``prefix`` before its id (as :func:`to_rdflib` gives it)."""
    if not isinstance(term, ox.BlankNode):
        return term
    found = blanks.get(term)
    if found is None:
        found = blanks[term] = ox.BlankNode(prefix + term.value)
    return found


def read_bytes(path: Path) -> bytes:
    """The bytes of ``path``: a regular file within the size limit in force
    (:func:`max_input_bytes`; checked again while reading, as a file may grow)."""
    try:
        return read_regular_file(path, RDF_BYTES, cap=max_input_bytes(), exceeded=_over_limit)
    except OSError as exc:
        raise read_failure(path, exc) from None


def _parse(path: Path) -> tuple[list[ox.Quad], dict[str, str]]:
    """The quads of ``path`` and the prefixes it declares."""
    fmt = FORMATS[path.suffix.lower()]
    base = path.resolve().as_uri()
    data = read_bytes(path)
    changed = False
    if fmt == ox.RdfFormat.JSON_LD:
        document, changed = inline_contexts(path, load_json(path, data), read_bytes)
        if changed:
            data = json.dumps(document).encode("utf-8")
    elif fmt == ox.RdfFormat.RDF_XML:
        refuse_entities(path, data)
    try:
        parser = ox.parse(data, format=fmt, base_iri=base)
        quads = list(parser)
        return quads, dict(getattr(parser, "prefixes", {}) or {})
    except SyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) else None
        if fmt == ox.RdfFormat.JSON_LD and changed:
            line = None  # a line of the text with the context inlined, not of the file
        raise InputError(path, line, f"syntax error: {_syntax_message(exc)}") from None
    except (OSError, ValueError) as exc:
        raise InputError(path, None, f"cannot read: {exc}") from None


_NO_TRIPLES = (
    "no RDF triples, nothing to validate: the file is empty, or (JSON-LD) its @context maps "
    "none of its keys to IRIs"
)
_REMOTE_CONTEXT = "No LoadDocumentCallback has been set to load remote contexts"


def _syntax_message(exc: SyntaxError) -> str:
    text = exc.msg or str(exc)
    if _REMOTE_CONTEXT in text:
        return (
            "a nested JSON-LD @context refers to a document; handcar fetches no context: "
            "write that context inline"
        )
    return text.split(": ", 1)[1] if text.startswith("Parser error") and ": " in text else text
