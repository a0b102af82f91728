"""Lint check ``shacl-shacl``: the shapes graph conforms to the W3C's SHACL-for-SHACL shapes.

SHACL-for-SHACL (https://www.w3.org/TR/shacl/#shacl-shacl) describes a well-formed shapes graph
(an ``sh:maxCount`` with two values, an ``sh:path`` that is no path). The shapes are read from
the copy inside the installed pySHACL package (:func:`shacl_shacl_file`).
"""

from __future__ import annotations

import hashlib
import importlib.resources
from pathlib import Path

from rdflib import RDF, Graph, URIRef

from handcar.files import write_to_cache
from handcar.resources import cache_dir
from handcar.validate import verified
from handcar.validate.lint.context import LintContext, sh


def shacl_shacl_file() -> Path:
    """The W3C SHACL-for-SHACL shapes shipped inside the installed pySHACL package."""
    resource = importlib.resources.files("pyshacl") / "assets" / "shacl-shacl.ttl"
    return Path(str(resource))


def check_shacl_shacl(ctx: LintContext) -> None:
    """Validate the shapes graph against SHACL-for-SHACL. This takes ~3 s with pySHACL on
    handcar's shapes, so a pass is remembered in the cache folder under a hash of everything it
    depends on (the shapes files' bytes, the SHACL-for-SHACL file, the pySHACL version); a
    failure is never cached. ``$HANDCAR_NO_CACHE=1`` turns the cache off. handcar's own shapes,
    unchanged, pass without a run: their pass is shipped (:mod:`handcar.validate.verified`)."""
    import pyshacl

    from handcar.validate.inputs import read_into

    if verified.shapes_conform(ctx.shapes.files):
        return
    path = shacl_shacl_file()
    if not path.is_file():
        ctx.add(f"SHACL-for-SHACL shapes not found at {path} (pySHACL changed?)")
        return
    marker = _pass_marker(ctx.shapes.files, path, pyshacl.__version__)
    if marker is not None and marker.is_file():
        return
    meta = read_into(Graph(bind_namespaces="core"), [path])
    conforms, report, _text = pyshacl.validate(
        ctx.graph, shacl_graph=meta, inference="none", advanced=False, inplace=False,
        allow_warnings=False, meta_shacl=False)
    if conforms:
        if marker is not None:
            write_to_cache(marker, "SHACL-for-SHACL: conforms\n")
        return
    for result in report.subjects(RDF.type, sh("ValidationResult")):
        focus = report.value(result, sh("focusNode"))
        messages = sorted(str(m) for m in report.objects(result, sh("resultMessage")))
        path = report.value(result, sh("resultPath"))
        at = f" (path {ctx.name(path)})" if isinstance(path, URIRef) else ""
        ctx.add(f"{ctx.name(ctx.owner(focus))}{at}: "
                f"{'; '.join(messages) or 'does not conform to SHACL-for-SHACL'}", focus)


def _pass_marker(files: list[Path], meta: Path, version: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(f"shacl-shacl/1 pyshacl {version}\n".encode())
    for path in [meta, *files]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return folder / "lint" / f"shacl-shacl-{digest.hexdigest()[:32]}.ok"
