"""The base IRI of the data and the names of the release's graphs: what the builder, the
publisher and the commands agree on (stdlib only, so ``handcar --help`` stays light)."""

from __future__ import annotations

from urllib.parse import urlsplit

from handcar.errors import UsageError

__all__ = ["DEFAULT_BASE", "GRAPHS", "check_base"]

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
