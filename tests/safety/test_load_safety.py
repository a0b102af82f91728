"""``handcar load`` on hostile targets: a server that trickles its answer a byte at a time is
stopped at the total deadline (``--deadline``/``HANDCAR_LOAD_DEADLINE``), and ``--store`` never
writes into a folder that is neither empty nor an Oxigraph store. One line, exit 2 (3 for an
I/O failure), and what was there is byte-identical afterwards."""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from handcar.cli import app
from handcar.errors import EXIT_INPUT, EXIT_IO
from support.release import built_release

ANSWER = b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"


@pytest.fixture(scope="module")
def release() -> Path:
    return built_release()


def handcar(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, ["load", *args], env=env)


class Trickle:
    """A TCP server on 127.0.0.1 that reads a request, then answers one byte every ``pause``
    seconds, so that no single read waits long but the answer takes forever."""

    def __init__(self, pause: float) -> None:
        self.pause = pause
        self.requests = 0
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}/store"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                self.requests += 1
                self._answer(connection)

    def _answer(self, connection: socket.socket) -> None:
        connection.settimeout(5)
        received = b""
        try:
            while b"\r\n\r\n" not in received:
                received += connection.recv(65536)
            head, _, body = received.partition(b"\r\n\r\n")
            length = next(
                int(line.split(b":", 1)[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
            while len(body) < length:
                body += connection.recv(65536)
            for byte in ANSWER:
                if self._stop.wait(self.pause):
                    return
                connection.sendall(bytes([byte]))
        except OSError:  # the client gave up: that is the point
            return

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._socket.close()


@pytest.fixture
def trickle() -> Iterator[Trickle]:
    server = Trickle(pause=0.3)
    try:
        yield server
    finally:
        server.close()


def test_a_trickling_server_is_stopped_at_the_deadline(release: Path, trickle: Trickle) -> None:
    started = time.monotonic()
    result = handcar(
        "--endpoint", trickle.url, "--timeout", "1", "--deadline", "1.5", "--out", str(release)
    )
    elapsed = time.monotonic() - started
    assert result.exit_code == EXIT_INPUT, result.output
    assert result.stderr == (
        f"handcar load: {trickle.url}: over the limit on load time (stopped after 1.5 s): the "
        "limit is 1.5 s; raise it with --deadline or HANDCAR_LOAD_DEADLINE\n"
    )
    assert trickle.requests == 1
    assert elapsed < 1.5 + 2.0, f"took {elapsed:.1f} s"


def test_the_deadline_comes_from_the_environment(release: Path, trickle: Trickle) -> None:
    env = {"HANDCAR_LOAD_DEADLINE": "1"}
    result = handcar("--endpoint", trickle.url, "--out", str(release), env=env)
    assert result.exit_code == EXIT_INPUT, result.output
    assert "over the limit on load time (stopped after 1 s)" in result.stderr
    assert "raise it with HANDCAR_LOAD_DEADLINE" in result.stderr


@pytest.mark.parametrize("value", ["0", "-1"])
def test_a_deadline_must_be_positive(release: Path, value: str) -> None:
    result = handcar("--endpoint", "http://127.0.0.1:9/store", "--deadline", value)
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == "handcar load: --deadline must be more than 0 seconds\n"


# --- --store never damages what handcar did not create ------------------------------------------


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"dir")
    return digest.hexdigest()


def fake_rocksdb(folder: Path) -> None:
    """RocksDB-looking files that are not an Oxigraph store."""
    (folder / "CURRENT").write_text("MANIFEST-000001\n")
    (folder / "OPTIONS-000001").write_text('[Version]\n[DBOptions]\n[CFOptions "default"]\n')


@pytest.mark.parametrize(
    "fill",
    [
        lambda f: (f / "notes.txt").write_text("mine\n"),
        lambda f: (f / "sub").mkdir() or (f / "sub" / "a.yaml").write_text("a: 1\n"),
        lambda f: (f / ".hidden").write_text("x"),
        fake_rocksdb,
    ],
    ids=["a-file", "a-sub-folder", "a-hidden-file", "another-rocksdb"],
)
def test_a_folder_with_other_things_is_refused(release: Path, tmp_path: Path, fill) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    fill(folder)
    before = tree_hash(folder)
    result = handcar("--store", str(folder), "--out", str(release))
    assert result.exit_code == EXIT_INPUT, result.output
    assert result.stderr == (
        f"handcar load: --store {folder} is a folder that is neither empty nor an Oxigraph "
        "store; handcar writes only into a new or empty folder or an existing store: give "
        "another\n"
    )
    assert tree_hash(folder) == before


def test_the_release_folder_is_not_a_store(release: Path, tmp_path: Path) -> None:
    before = tree_hash(release)
    result = handcar("--store", str(release), "--out", str(release))
    assert result.exit_code == EXIT_INPUT
    assert "neither empty nor an Oxigraph store" in result.stderr
    assert tree_hash(release) == before


def test_a_file_is_refused(release: Path, tmp_path: Path) -> None:
    target = tmp_path / "data.nq"
    target.write_bytes(b"<a:s> <a:p> <a:o> .\n")
    result = handcar("--store", str(target), "--out", str(release))
    assert result.exit_code == EXIT_INPUT
    assert (
        result.stderr == f"handcar load: --store {target} is a file, not a folder; give a folder\n"
    )
    assert target.read_bytes() == b"<a:s> <a:p> <a:o> .\n"


def test_an_empty_folder_and_an_existing_store_are_loaded(release: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert handcar("--store", str(empty), "--out", str(release)).exit_code == 0
    store = ox.Store(str(empty))
    assert len(list(store.named_graphs())) == 5
    del store
    again = handcar("--store", str(empty), "--out", str(release))
    assert again.exit_code == 0, again.output


def test_a_store_that_cannot_be_created_is_an_io_failure(release: Path) -> None:
    result = handcar("--store", "/proc/handcar-nowhere/store", "--out", str(release))
    assert result.exit_code == EXIT_IO, result.output
    assert result.stderr.startswith("handcar load: /proc/handcar-nowhere/store: I/O error: ")
    assert result.stderr.count("\n") == 1
