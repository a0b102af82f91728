"""The bad-input catalogue (issue 10, point 8): every case in ``catalogue_cases.py`` runs the real
``handcar`` in a subprocess, in a copy of the project, and must end with its exit status, one line
of stderr that says what is wrong (file and line where there is one), no traceback, within its
time, and every file of the copied project (``articles/``, ``out/``, the case's inputs)
byte-identical afterwards.

Servers for ``load`` and for the network probes run in this process on 127.0.0.1: one that
counts requests (nothing may reach it), one that refuses with 403, one that answers a byte at a
time, one that accepts connections and never answers, and a port where nothing listens.
"""

from __future__ import annotations

import hashlib
import http.server
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from safety.catalogue_cases import BUILD, CASES, LOAD, QUERY, VALIDATE, Case, Project
from support.paths import ARTICLES, ROOT

RELEASE = ROOT / "out"
DROP_FILE_POWERS = ("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--")


# --- servers on 127.0.0.1 -------------------------------------------------------------------------


@dataclass
class Hits:
    """Requests each server has seen, by server name."""

    counts: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, name: str) -> None:
        with self.lock:
            self.counts[name] = self.counts.get(name, 0) + 1

    def of(self, name: str) -> int:
        with self.lock:
            return self.counts.get(name, 0)


def _handler(name: str, hits: Hits) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            return None

        def _drain(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            while length > 0:
                chunk = self.rfile.read(min(length, 65536))
                if not chunk:
                    break
                length -= len(chunk)

        def _answer(self, status: int, body: bytes, kind: str = "text/plain") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _any(self) -> None:
            hits.add(name)
            self._drain()
            if name == "probe":
                self._answer(
                    200, b'{"@context": {"name": "http://schema.org/name"}}', "application/json"
                )
            elif name == "forbidden":
                self._answer(403, b"Forbidden: this store is read-only\nsecond line\n")
            else:  # drip: a valid start, then one byte every 0.3 s, never finishing in time
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", "1000")
                self.end_headers()
                self.wfile.flush()
                stop = time.monotonic() + 60
                try:
                    while time.monotonic() < stop:
                        self.wfile.write(b".")
                        self.wfile.flush()
                        time.sleep(0.3)
                except OSError:
                    return

        do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _any

    return Handler


@dataclass
class Servers:
    urls: dict[str, str]
    hits: Hits


@pytest.fixture(scope="module")
def servers() -> Iterator[Servers]:
    hits = Hits()
    running: list[http.server.ThreadingHTTPServer] = []
    urls: dict[str, str] = {}
    for name in ("probe", "forbidden", "drip"):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(name, hits))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        running.append(server)
        urls[name] = f"http://127.0.0.1:{server.server_address[1]}"
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(64)  # connections wait in the backlog, never accepted, never answered
    urls["silent"] = f"http://127.0.0.1:{silent.getsockname()[1]}"
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        urls["refusing"] = f"http://127.0.0.1:{closed.getsockname()[1]}"
    try:
        yield Servers(urls, hits)
    finally:
        silent.close()
        for server in running:
            server.shutdown()
            server.server_close()


# --- the project copy and its fingerprint ---------------------------------------------------------


def snapshot(root: Path) -> dict[str, tuple[str, ...]]:
    """Every entry under ``root``: its kind, and the SHA-256 of a file or the target of a link."""
    found: dict[str, tuple[str, ...]] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for entry in dirs + files:
            path = Path(folder, entry)
            info = path.lstat()
            key = str(path.relative_to(root))
            mode = oct(stat.S_IMODE(info.st_mode))
            if stat.S_ISLNK(info.st_mode):
                found[key] = ("link", os.readlink(path))
            elif stat.S_ISDIR(info.st_mode):
                found[key] = ("folder", mode)
            elif stat.S_ISREG(info.st_mode):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                found[key] = ("file", mode, digest)
            else:
                found[key] = ("special", oct(stat.S_IFMT(info.st_mode)), mode)
    return found


def differences(before: Mapping[str, object], after: Mapping[str, object]) -> list[str]:
    changed = [
        f"changed: {k}" for k in sorted(before.keys() & after.keys()) if before[k] != after[k]
    ]
    return (
        [f"removed: {k}" for k in sorted(before.keys() - after.keys())]
        + [f"added: {k}" for k in sorted(after.keys() - before.keys())]
        + changed
    )


def make_project(tmp_path: Path, urls: Mapping[str, str]) -> Project:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copytree(ARTICLES, root / "articles", symlinks=True)
    shutil.copytree(RELEASE, root / "out", symlinks=True)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    return Project(root, scratch, urls)


def fill(template: str, values: Mapping[str, str]) -> str:
    for name, value in values.items():
        template = template.replace(f"@{name}@", value)
    return template


# --- running one case ----------------------------------------------------------------------------


def command(case: Case, argv: list[str]) -> list[str]:
    prefix: list[str] = []
    limits = []
    if case.file_size_cap is not None:
        limits.append(f"--fsize={case.file_size_cap}")
    if case.memory_cap is not None:
        limits.append(f"--as={case.memory_cap}")
    if limits:
        prefix += ["prlimit", *limits, "--"]
    if case.unprivileged and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip(
                "running as root without setpriv: cannot take away the power to read any file"
            )
        prefix += list(DROP_FILE_POWERS)
    return [*prefix, sys.executable, "-m", "handcar", *argv]


def environment(case: Case, cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HANDCAR_")}
    env.update(
        HANDCAR_CACHE_DIR=str(cache),
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.update(case.env)
    return env


def run(case: Case, argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    """Run the case; on a hang, kill its whole process group and fail."""
    proc = subprocess.Popen(
        command(case, argv),
        cwd=cwd,
        env=env,
        stdin=subprocess.PIPE if case.stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        _, err = proc.communicate(case.stdin, timeout=case.timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"{case.id}: no answer within {case.timeout:g} s (a hang)", pytrace=False)
    return proc.returncode, err.decode("utf-8", "replace")


#: the cases of the default run (the first few of each command); every case is a subprocess of
#: about a second, so the rest are marked slow and run in CI (``--slow``)
QUICK = frozenset(case.id for group in (BUILD, VALIDATE, QUERY, LOAD) for case in group[:4])


def _params() -> list[object]:
    return [
        pytest.param(
            case,
            id=case.id,
            marks=[
                *([pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else []),
                *([] if case.id in QUICK else [pytest.mark.slow]),
            ],
        )
        for case in CASES
    ]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("handcar-cache")


@pytest.mark.parametrize("case", _params())
def test_bad_input(case: Case, tmp_path: Path, servers: Servers, cache: Path) -> None:
    project = make_project(tmp_path, servers.urls)
    found = dict(case.setup(project) or {}) if case.setup else {}
    values = {**servers.urls, "scratch": str(project.scratch), **found}
    argv = [fill(arg, values) for arg in case.argv]
    pattern = fill(case.message, {k: re.escape(v) for k, v in values.items()})
    before = snapshot(project.root)
    hits = servers.hits.of(case.untouched_server) if case.untouched_server else 0

    status, stderr = run(case, argv, project.root, environment(case, cache))

    assert "Traceback" not in stderr, stderr[-3000:]
    if "no such option" not in case.message.lower():  # an option handcar lacks proves nothing
        assert "no such option" not in stderr.lower(), stderr[-3000:]
    assert status == case.exit, f"exit {status}, expected {case.exit}; stderr:\n{stderr[-3000:]}"
    lines = stderr.splitlines()
    assert any(re.search(pattern, line) for line in lines), (
        f"no line of stderr matches {pattern!r}:\n{stderr[-3000:]}"
    )
    assert differences(before, snapshot(project.root)) == []
    if case.untouched_server:
        assert servers.hits.of(case.untouched_server) == hits, "a request reached the server"


def test_catalogue_is_large_and_covers_every_command() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    assert len(CASES) >= 60
    for command_name in ("build", "validate", "query", "load"):
        assert sum(case.argv[0] == command_name for case in CASES) >= 10, command_name
