"""``out/README.md``, rendered from ``templates/README.md.j2`` (Jinja2).

The template gets only values computed from the release itself (file sizes, triple counts, the
canonical hash, the articles' titles), never the date or the machine, so the README is as
reproducible as the rest of ``out/``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from handcar.build import BuildResult
from handcar.formats import published
from handcar.publish.formats import CONTEXT_URL
from handcar.publish.metadata import Article, FileInfo, GraphInfo
from handcar.publish.rdf import Quads
from handcar.publish.spool import Payload
from handcar.resources import templates_dir

TEMPLATES = templates_dir()


def human(size: int) -> str:
    """A byte count for people: ``957 B``, ``12.3 kB``, ``1.17 MB`` (SI units)."""
    if size < 1000:
        return f"{size} B"
    for unit in ("kB", "MB", "GB"):
        size_f = size / 1000
        if size_f < 1000 or unit == "GB":
            return f"{size_f:.3g} {unit}" if size_f < 100 else f"{size_f:.0f} {unit}"
        size = int(size_f)
    raise AssertionError("unreachable")


def readme(
    result: BuildResult,
    files: Mapping[str, Payload],
    infos: Sequence[FileInfo],
    data: Quads,
    graphs: Sequence[GraphInfo],
    sources: Sequence[Article],
    journeys: Sequence[str],
) -> bytes:
    """The README of a release made of ``files`` (described by ``infos``), with the dataset's
    named ``graphs``, its source articles and its ``journeys``."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    by_graph = data.graphs()
    graph_rows = [
        {"name": g.name, "iri": g.iri, "description": g.description,
         "triples": len(by_graph.get(f"<{g.iri}>", []))}
        for g in graphs
    ]
    listed = [
        {"path": i.path, "part": i.part, "purpose": i.purpose, "media_type": i.media_type,
         "size": len(files[i.path]), "human": human(len(files[i.path]))}
        for i in sorted(infos, key=lambda i: i.path)
    ]
    page = env.get_template("README.md.j2").render(
        files=listed,
        paths=set(files),
        graphs=graph_rows,
        quads=len(data),
        triples=len(data.triples),
        canonical_hash=data.canonical_hash,
        base=result.iris.base,
        context_url=CONTEXT_URL,
        articles=list(sources),
        article_ids=list(result.articles),
        journeys=list(journeys),
        dataset={fmt.name: fmt.dataset_file for fmt in published()},
        shapes=sorted(p for p in files if p.startswith("shapes/")),
    )
    return page.encode("utf-8")
