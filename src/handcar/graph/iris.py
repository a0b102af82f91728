"""Deterministic IRIs for everything handcar publishes.

Every IRI is ``{base}{kind}/{slug}`` with a small, fixed set of kinds, so a handful of namespaces
cover the whole dataset (serialisers stay linear as articles are added). Entities use their
annotation id as slug and are shared across articles; things that belong to one article (events,
statements, evidence) use ``{article-id}.{local-id}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from rdflib import URIRef

from handcar.errors import UsageError

DEFAULT_BASE = "https://w3id.org/djo/id/"
GRAPHS = ("asserted", "enrichment", "text", "provenance", "entailed")


def check_base(base: str, what: str = "base IRI") -> str:
    """``base`` if data IRIs can be minted under it, else :class:`UsageError` saying why.

    A base is an absolute ``http``/``https`` IRI with a host, ending with ``/``, with no query
    and no fragment: ``{base}{kind}/{slug}`` is then a path, one dereferenceable document per
    thing. A base ending in ``#`` is refused: it would make every thing a fragment of one
    document (``…#person/x``), which cannot be served thing by thing."""
    try:
        parts = urlsplit(base)
    except ValueError as exc:
        raise UsageError(f"{what} <{base}> is not a valid IRI ({exc})") from None
    problem = None
    if not parts.scheme:
        problem = "is not absolute (no scheme)"
    elif parts.scheme not in ("http", "https"):
        problem = f"uses the scheme {parts.scheme}:, not http: or https:"
    elif not parts.netloc:
        problem = "has no host"
    elif parts.fragment or "#" in base:
        problem = "has a fragment ('#')"
    elif parts.query or "?" in base:
        problem = "has a query ('?')"
    elif not base.endswith("/"):
        problem = "does not end with '/'"
    if problem:
        raise UsageError(
            f"{what} <{base}> {problem}; data IRIs are {{base}}{{kind}}/{{slug}}, "
            f"so give an http(s) IRI ending with '/', such as {DEFAULT_BASE}"
        )
    return base


@dataclass(frozen=True)
class Iris:
    """Mints IRIs under ``base`` (see :func:`check_base`)."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        check_base(self.base)

    def entity(self, kind: str, slug: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{slug}")

    def scoped(self, kind: str, article: str, *local: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{'.'.join((article, *local))}")

    def article(self, article: str) -> URIRef:
        return self.entity("source", article)

    def text(self, article: str) -> URIRef:
        return self.entity("text", article)

    def graph(self, name: str) -> URIRef:
        if name not in GRAPHS:
            raise ValueError(f"unknown graph {name!r}")
        return self.entity("graph", name)
