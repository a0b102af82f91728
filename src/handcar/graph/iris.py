"""Deterministic IRIs for everything handcar publishes.

Every IRI is ``{base}{kind}/{slug}`` with a small, fixed set of kinds, so a handful of namespaces
cover the whole dataset (serialisers stay linear as articles are added). Entities use their
annotation id as slug and are shared across articles; things that belong to one article (events,
statements, evidence) use ``{article-id}.{local-id}``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from handcar.baseiri import DEFAULT_BASE, GRAPHS, check_base


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

    def fact(self, article: str, statement: str, n: int) -> URIRef:
        """The reified ``n``-th triple (from 1) of an article's statement."""
        return self.scoped("fact", article, statement, str(n))

    def split(self, iri: str) -> tuple[str, str] | None:
        """An IRI minted here as ``(kind, slug)``; None for an IRI outside the base."""
        if not iri.startswith(self.base):
            return None
        kind, _, slug = iri[len(self.base) :].partition("/")
        return kind, slug

    def article_of(self, iri: str) -> str | None:
        """The article a scoped IRI (``{kind}/{article}.{local}``) belongs to; None for others."""
        parts = self.split(iri)
        if parts is None:
            return None
        article, dot, _local = parts[1].partition(".")
        return article if dot else None

    def article(self, article: str) -> URIRef:
        return self.entity("source", article)

    def text(self, article: str) -> URIRef:
        return self.entity("text", article)

    def graph(self, name: str) -> URIRef:
        if name not in GRAPHS:
            raise ValueError(f"unknown graph {name!r}")
        return self.entity("graph", name)
