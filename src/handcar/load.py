"""Loading a handcar release into a triple store, one named graph per handcar graph.

Two targets:

- a persistent Oxigraph store folder (:func:`load_store`, pyoxigraph ``Store(path)``), which
  ``oxigraph serve --location DIR`` can then serve;
- any SPARQL 1.1 Graph Store Protocol endpoint (:func:`load_endpoint`): one HTTP ``PUT
  {endpoint}?graph={graph IRI}`` per graph (https://www.w3.org/TR/sparql11-http-rdf-update/#http-put),
  which replaces the graph's content, so loading twice leaves one copy. The body is the graph in
  N-Triples sent as ``text/turtle`` (N-Triples is a subset of Turtle, which every GSP server reads).
  HTTP Basic or Digest authentication is chosen by the server's challenge.

Every failure (release missing, store folder locked, endpoint down, refusing, or too slow) raises
:class:`LoadError` with one clear sentence; the CLI exits with status 2. Two more guards:
``--store`` only writes into a missing or empty folder or an existing Oxigraph store
(:func:`is_oxigraph_store`), never into anything else; and the whole upload to an endpoint has a
deadline (:data:`~handcar.limits.LOAD_DEADLINE`) besides the per-read ``timeout``, so a server
that trickles a byte at a time cannot hold the command (:class:`~handcar.errors.LimitError`).
An operating-system failure writing the store is :class:`~handcar.errors.IOFailure` (exit 3).
"""

from __future__ import annotations

import configparser
import contextlib
import html
import re
import signal
import threading
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox

from handcar import limits
from handcar.errors import IOFailure
from handcar.formats import RDF_FORMATS
from handcar.query import RELEASE_FILE, QueryError, open_release

GSP_MEDIA_TYPE = RDF_FORMATS["turtle"].media_type
GSP_BODY = RDF_FORMATS["ntriples"].oxigraph
"""The body of a PUT: N-Triples, which every Graph Store reads as the Turtle it is part of."""


class LoadError(Exception):
    """The release could not be loaded into the target; the CLI exits with status 2."""


@dataclass(frozen=True)
class LoadedGraph:
    """One graph loaded: its short name, IRI, triple count, and how the target answered."""

    name: str
    iri: str
    triples: int
    status: str


Progress = Callable[[str], None]


def _release(folder: Path):
    try:
        return open_release(folder)
    except QueryError as exc:
        raise LoadError(str(exc)) from None


def load_store(
    folder: Path, store_dir: Path, progress: Progress | None = None
) -> list[LoadedGraph]:
    """Load the release in ``folder`` into the Oxigraph store at ``store_dir`` (created when
    missing). Each handcar graph is replaced: cleared, then filled with the release's triples."""
    release = _release(folder)
    check_store_folder(store_dir)
    try:
        target = ox.Store(str(store_dir))
    except OSError as exc:
        text = str(exc)
        if "lock" in text.lower():
            raise LoadError(
                f"the store {store_dir} is in use (an Oxigraph server or another process holds "
                "it): stop it, or load through the server with --endpoint URL/store"
            ) from None
        raise IOFailure(store_dir, exc) from None
    loaded: list[LoadedGraph] = []
    try:
        for name, graph in release.graphs.items():
            if progress:
                progress(name)
            quads = list(release.store.quads_for_pattern(None, None, None, graph))
            if target.contains_named_graph(graph):
                target.remove_graph(graph)
            target.extend(quads)
            count = sum(1 for _ in target.quads_for_pattern(None, None, None, graph))
            loaded.append(LoadedGraph(name, graph.value, count, "stored"))
        target.flush()
    except OSError as exc:
        raise IOFailure(store_dir, exc) from None
    finally:
        del target
    return loaded


_STORE_COLUMNS = ('CFOptions "id2str"', 'CFOptions "spog"', 'CFOptions "gspo"')
"""Column families every Oxigraph store has (RocksDB lists them in its ``OPTIONS-*`` file)."""


def is_oxigraph_store(folder: Path) -> bool:
    """Whether ``folder`` is an Oxigraph store: RocksDB files whose options (an INI file, read
    with :mod:`configparser`) name Oxigraph's column families."""
    if not (folder / "CURRENT").is_file():
        return False
    for options in sorted(folder.glob("OPTIONS-*")):
        parser = configparser.ConfigParser(strict=False, interpolation=None)
        try:
            parser.read(options, encoding="utf-8")
        except (configparser.Error, OSError, UnicodeDecodeError):
            continue
        if all(parser.has_section(name) for name in _STORE_COLUMNS):
            return True
    return False


def check_store_folder(store_dir: Path) -> None:
    """Refuse a ``--store`` that handcar would damage: a file, or a folder that holds something
    other than an Oxigraph store. A missing or empty folder, or a store, is fine."""
    if store_dir.is_symlink() and not store_dir.exists():
        raise LoadError(f"--store {store_dir} is a broken symbolic link")
    if not store_dir.exists():
        return
    if not store_dir.is_dir():
        raise LoadError(f"--store {store_dir} is a file, not a folder; give a folder")
    try:
        empty = next(store_dir.iterdir(), None) is None
    except OSError as exc:
        raise IOFailure(store_dir, exc) from None
    if not empty and not is_oxigraph_store(store_dir):
        raise LoadError(
            f"--store {store_dir} is a folder that is neither empty nor an Oxigraph store; "
            "handcar writes only into a new or empty folder or an existing store: give another"
        )


class ChallengeAuth(httpx.Auth):
    """HTTP authentication chosen by the server's challenge: Digest when it asks for Digest
    (Virtuoso's ``/sparql-graph-crud-auth``), Basic otherwise (Fuseki, GraphDB, RDF4J).
    Nothing is sent until the server asks for credentials."""

    requires_request_body = True

    def __init__(self, user: str, password: str) -> None:
        self._digest = httpx.DigestAuth(user, password)
        self._basic = httpx.BasicAuth(user, password)
        self._scheme: str | None = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._scheme == "basic":
            yield from self._basic.auth_flow(request)
            return
        if self._scheme == "digest":
            yield from self._digest.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        challenges = [c.lower() for c in response.headers.get_list("www-authenticate")]
        if any(c.startswith("digest") for c in challenges):
            self._scheme = "digest"
            flow = self._digest.auth_flow(request)
            next(flow)  # the digest flow's first, unauthenticated request: already answered
            try:
                authed = flow.send(response)
            except StopIteration:
                return
            response = yield authed
            with contextlib.suppress(StopIteration):
                flow.send(response)
            return
        if any(c.startswith("basic") for c in challenges) or not challenges:
            self._scheme = "basic"
            yield from self._basic.auth_flow(request)


def load_endpoint(
    folder: Path,
    endpoint: str,
    *,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 60.0,
    deadline: float | None = None,
    progress: Progress | None = None,
    transport: httpx.BaseTransport | None = None,
) -> list[LoadedGraph]:
    """PUT every named graph of the release in ``folder`` to the Graph Store Protocol
    ``endpoint`` (e.g. ``http://localhost:7878/store``), replacing what each graph held.

    ``timeout`` bounds each connect, read and write; ``deadline`` (seconds, default
    :data:`~handcar.limits.LOAD_DEADLINE`) bounds the whole upload: each request gets no more
    than the time left, and a timer signal interrupts a transfer that is still running at the
    deadline (in the main thread; elsewhere the per-request bound alone applies)."""
    total = float(deadline if deadline is not None else limits.LOAD_DEADLINE.value())
    option = "--deadline" if deadline is not None else None
    try:
        with _deadline(total):
            return _load_endpoint(
                folder,
                endpoint,
                user,
                password,
                timeout,
                time.monotonic() + total,
                progress,
                transport,
            )
    except _DeadlineReached:
        raise _too_long(endpoint, total, option) from None


def _load_endpoint(
    folder: Path,
    endpoint: str,
    user: str | None,
    password: str | None,
    timeout: float,
    ends: float,
    progress: Progress | None,
    transport: httpx.BaseTransport | None,
) -> list[LoadedGraph]:
    url = httpx.URL(endpoint)
    if url.scheme not in ("http", "https") or not url.host:
        raise LoadError(f"--endpoint must be an http(s) URL, not {endpoint!r}")
    if password is not None and user is None:
        raise LoadError("--password needs --user")
    release = _release(folder)
    if not release.graphs:
        raise LoadError(f"{folder}/{RELEASE_FILE} has no named graphs")
    auth = ChallengeAuth(user, password or "") if user is not None else None
    loaded: list[LoadedGraph] = []
    with httpx.Client(
        auth=auth, timeout=timeout, follow_redirects=False, transport=transport
    ) as client:
        for name, graph in release.graphs.items():
            if progress:
                progress(name)
            body = release.store.dump(format=GSP_BODY, from_graph=graph)
            count = body.count(b"\n")
            left = ends - time.monotonic()
            if left <= 0:
                raise _DeadlineReached
            response = _put(client, url, graph.value, body, min(timeout, left), timeout)
            loaded.append(LoadedGraph(name, graph.value, count, f"HTTP {response.status_code}"))
    return loaded


def _put(
    client: httpx.Client,
    url: httpx.URL,
    graph: str,
    body: bytes,
    bound: float,
    timeout: float,
) -> httpx.Response:
    """One PUT, given at most ``bound`` seconds per operation (``timeout``, or less when the
    deadline is nearer)."""
    target = url.copy_merge_params({"graph": graph})
    try:
        response = client.put(
            target,
            content=body,
            headers={"Content-Type": GSP_MEDIA_TYPE},
            timeout=httpx.Timeout(bound),
        )
    except httpx.TimeoutException:
        if bound < timeout:  # the deadline's share ran out, not --timeout
            raise _DeadlineReached from None
        raise LoadError(
            f"{_where(url)} did not answer within {timeout:g} s (loading graph <{graph}>); "
            "raise --timeout or check the server"
        ) from None
    except httpx.ConnectError as exc:
        raise LoadError(
            f"cannot connect to {_where(url)}: {_reason(exc)}; is the server running?"
        ) from None
    except httpx.HTTPError as exc:
        raise LoadError(f"{_where(url)} failed: {_reason(exc)}") from None
    if not 200 <= response.status_code < 300:
        hint = " (check --user and --password)" if response.status_code in (401, 403) else ""
        first = _first_line(response)
        detail = f": {first}" if first else ""
        raise LoadError(
            f"{_where(url)} refused graph <{graph}>: HTTP {response.status_code} "
            f"{response.reason_phrase}{detail}{hint}"
        )
    return response


def _where(url: httpx.URL) -> str:
    """The endpoint as shown in messages: without user info or query parameters."""
    return str(url.copy_with(userinfo=b"", query=None))


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__


def _first_line(response: httpx.Response) -> str:
    """The first line of the body; for an HTML error page, its text (title and status lines
    left out), which is where servers such as Virtuoso put the reason."""
    try:
        text = response.text
    except (UnicodeDecodeError, httpx.HTTPError):
        return ""
    if "html" in response.headers.get("content-type", "").lower() or text.lstrip().startswith("<"):
        text = re.sub(r"(?is)<(head|script|style)\b.*?</\1>", " ", text)
        text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
        lines = [line.strip() for line in text.splitlines()]
        lines = [line for line in lines if line and not line.upper().startswith("HTTP/")]
        return " ".join(lines)[:300]
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:300]
    return ""


class _DeadlineReached(Exception):
    """The load's total deadline passed (raised by the timer or before a request)."""


def _too_long(endpoint: str, total: float, option: str | None) -> LoadError:
    """The error for a load over :data:`~handcar.limits.LOAD_DEADLINE`: the limit and how to
    raise it (a URL is no path, so not a :class:`~handcar.errors.LimitError`)."""
    how = f"{option} or {limits.LOAD_DEADLINE.env}" if option else limits.LOAD_DEADLINE.env
    return LoadError(
        f"{_where(httpx.URL(endpoint))}: over the limit on {limits.LOAD_DEADLINE.name} "
        f"(stopped after {total:g} s): the limit is {total:g} s; raise it with {how}"
    )


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`_DeadlineReached` in this thread when ``seconds`` have passed: a real-time
    timer (``setitimer``) whose signal interrupts a blocked socket read or write. Only the main
    thread receives signals; in other threads this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _DeadlineReached

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
