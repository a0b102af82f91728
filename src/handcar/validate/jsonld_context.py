"""JSON-LD input without the network: contexts are inlined from local files, or refused.

pyoxigraph's JSON-LD parser loads no context document at all (any ``"@context": "…"`` reference
is a syntax error to it), so a document's top-level context references are inlined here, from
files in the document's own folder only:

- a relative reference (``"context.jsonld"``, ``"ctx/base.jsonld"``) is that file, and must
  resolve inside the document's folder (``"../secret.json"`` is refused);
- an absolute IRI is never fetched: a file of the same name next to the document stands for it
  (handcar's release publishes ``https://w3id.org/djo/context.jsonld`` as ``context.jsonld``).

A context file must be a JSON object with ``"@context"``; arrays of contexts and context files
that refer to further files are followed (each file once). JSON deeper than
:data:`handcar.limits.JSON_DEPTH` is refused, whether the parser runs out of stack or not.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from handcar.errors import InputError
from handcar.limits import JSON_DEPTH

Reader = Callable[[Path], bytes]
JSON = object


def load_json(path: Path, data: bytes) -> JSON:
    """The JSON value in ``data`` (read from ``path``), no deeper than the JSON-LD depth limit."""
    try:
        value = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(path, None, f"not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise InputError(path, exc.lineno, f"syntax error: {exc.msg}") from None
    except RecursionError:
        raise JSON_DEPTH.exceeded(path, None, "deeper than Python's JSON parser goes") from None
    depth = _depth(value, int(JSON_DEPTH.value()))
    if depth > JSON_DEPTH.value():
        raise JSON_DEPTH.exceeded(path, None, f"more than {depth - 1} levels")
    return value


def _depth(value: JSON, cap: int) -> int:
    """How deep ``value`` nests (1 for a flat object or array), counting no further than cap+1."""
    deepest = 0
    stack: list[tuple[JSON, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if deepest > cap:
                return deepest
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def inline_contexts(path: Path, document: JSON, read: Reader) -> tuple[JSON, bool]:
    """``document`` with the context references of its top-level objects replaced by the
    contexts they name, and whether anything was replaced. ``read`` reads a context file
    (size limit and regular-file check included)."""
    folder = path.resolve().parent
    objects = document if isinstance(document, list) else [document]
    changed = False
    for node in objects:
        if isinstance(node, dict) and _has_reference(node.get("@context")):
            node["@context"] = _inline(path, node["@context"], folder, read, set())
            changed = True
    return document, changed


def _has_reference(context: JSON) -> bool:
    if isinstance(context, list):
        return any(isinstance(item, str) for item in context)
    return isinstance(context, str)


def _inline(path: Path, context: JSON, folder: Path, read: Reader, seen: set[Path]) -> JSON:
    """``context`` (as written in ``path``) with every reference replaced by its file's context."""
    if isinstance(context, list):
        return [_inline(path, item, folder, read, seen) for item in context]
    if not isinstance(context, str):
        return context
    local = _local_file(path, context, folder)
    if local in seen:
        raise InputError(path, None, f"JSON-LD context {context!r} refers back to itself")
    seen.add(local)
    value = load_json(local, read(local))
    if not isinstance(value, dict) or "@context" not in value:
        raise InputError(
            local, None, 'not a JSON-LD context document: a JSON object with "@context" is expected'
        )
    return _inline(local, value["@context"], folder, read, seen)


def _local_file(path: Path, reference: str, folder: Path) -> Path:
    """The file in ``folder`` that stands for ``reference`` (written in ``path``)."""
    if "://" in reference or reference.startswith(("urn:", "file:")):
        name = reference.rstrip("/").rsplit("/", 1)[-1]
        candidate = folder / name if name and "://" not in name else None
        if candidate is None or not candidate.is_file() or candidate.resolve().parent != folder:
            shown = name or "context.jsonld"
            raise InputError(
                path,
                None,
                f"JSON-LD context {reference!r} is not fetched "
                f"(handcar reads no remote contexts): save it next to the file as "
                f"{shown}, or write it inline",
            )
        return candidate.resolve()
    candidate = (path.resolve().parent / reference).resolve()
    if not candidate.is_relative_to(folder):
        raise InputError(
            path,
            None,
            f"JSON-LD context {reference!r} lies outside the "
            f"document's folder ({folder}); copy it into that folder",
        )
    if not candidate.is_file():
        raise InputError(
            path, None, f"JSON-LD context {reference!r} not found: no such file {candidate}"
        )
    return candidate
