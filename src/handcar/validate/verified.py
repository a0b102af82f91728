"""What handcar's own tests verify about its bundled shapes, shipped so a new machine need not
redo it: that they conform to SHACL-for-SHACL (a ~3 s pySHACL run) and the pre-binding verdicts of
their SPARQL queries (~20 ms of rdflib parsing each, see :mod:`handcar.validate.prebinding`).

Both used to be only in the cache folder, so the first ``handcar validate`` on a fresh machine (a
user's CI) took about 5 s against 0.6 s after, and the first ``handcar check`` 1.1 s against
0.55 s. The table (``handcar/data/verified/shapes.json``) is written by
``scripts/verified-shapes.py``; the tests check that its digest is the bundled shapes', that
those shapes do conform, and that every verdict in it is the one the rule gives for its query
(``tests/validate/test_verified.py``), at each pySHACL and rdflib version CI installs. A table
made for other shapes or another version of the rule is not used: each entry is found by a
digest of what it depends on, so a changed shape or query simply misses and is computed.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from handcar.resources import verified_table

#: the rule the verdicts were proved with: the pre-binding module's source
RULE_FILE = Path(__file__).with_name("prebinding.py")


@functools.cache
def rule_digest() -> str:
    """A digest of :mod:`handcar.validate.prebinding`'s source (read once: every verdict
    looked up in the cache folder names it)."""
    return hashlib.sha256(RULE_FILE.read_bytes()).hexdigest()[:16]


def shapes_digest(files: Iterable[Path]) -> str:
    """A digest of shapes files' names and bytes, whatever order they are given in."""
    digest = hashlib.sha256(b"shapes/1\0")
    for path in sorted(files, key=lambda p: p.name):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def query_record(text: str, names: Iterable[str], prefixes: Iterable[tuple[str, str]]) -> dict:
    """What a pre-binding verdict depends on: the query with its PREFIX lines sorted (pySHACL
    writes them in set order, which changes between runs), the pre-bound names and the graph's
    prefixes the query may use."""
    lines = text.split("\n")
    head = 0
    while head < len(lines) and lines[head].lstrip().upper().startswith("PREFIX"):
        head += 1
    return {"query": "\n".join(sorted(lines[:head]) + lines[head:]),
            "bound": sorted(str(n) for n in names),
            "prefixes": [list(p) for p in sorted(prefixes)]}


def query_key(record: dict) -> str:
    """The digest naming a :func:`query_record`."""
    canonical = json.dumps(record, sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


_ignored = False


@contextlib.contextmanager
def unshipped() -> Iterator[None]:
    """Within the block nothing shipped is used: everything is checked and computed again (how
    ``scripts/verified-shapes.py`` and the tests make and check the table)."""
    global _ignored
    before, _ignored = _ignored, True
    try:
        yield
    finally:
        _ignored = before


def _table() -> tuple[str, dict[str, bool]]:
    return ("", {}) if _ignored else _shipped()


@functools.cache
def _shipped() -> tuple[str, dict[str, bool]]:
    """The shipped shapes digest and verdicts by key (none when the rule has changed)."""
    try:
        data = json.loads(verified_table().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "", {}
    verdicts = {}
    if data.get("rule") == rule_digest():
        verdicts = {query_key(entry["record"]): bool(entry["safe"])
                    for entry in data.get("verdicts", [])}
    return str(data.get("shapes", "")), verdicts


def shapes_conform(files: Iterable[Path]) -> bool:
    """True when ``files`` are exactly the shapes whose SHACL-for-SHACL pass is shipped."""
    shipped, _verdicts = _table()
    return bool(shipped) and shapes_digest(files) == shipped


def verdict(key: str) -> bool | None:
    """The shipped pre-binding verdict of the query named ``key``, if there is one."""
    return _table()[1].get(key)
