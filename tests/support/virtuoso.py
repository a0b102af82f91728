"""A throw-away Virtuoso instance on 127.0.0.1, for tests that load handcar's output into a real
SPARQL server.

    with virtuoso_server(tmp_path) as vt:
        vt.load_turtle(path, "http://example.org/g")
        vt.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")

The instance gets its own database, ports and log under ``workdir`` (a temporary folder when not
given, removed afterwards), listens on 127.0.0.1 only, skips the admin app (empty VADInstallDir:
1.5 s to start instead of 7 s), and is always stopped on exit, even when the body raises.
Note: its SPARQL JSON results label typed values ``"typed-literal"`` (the old format).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .tools import ToolError, ToolMissing, free_port, missing_reason, sparql_select, stop_process
from .tools import wait_for_http as _wait_for_http

TOOL = "virtuoso"

_INI = """\
[Database]
DatabaseFile       = {db}/virtuoso.db
ErrorLogFile       = {db}/virtuoso.log
LockFile           = {db}/virtuoso.lck
TransactionFile    = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile    = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
Striping        = 0

[Parameters]
ServerPort         = 127.0.0.1:{isql_port}
DisableUnixSocket  = 1
DisableTcpSocket   = 0
CheckpointInterval = 0
DirsAllowed        = {dirs_allowed}
VADInstallDir      = {vad}
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000
MaxClientConnections = 10

[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerRoot           = {www}
ServerThreads        = 4
MaxClientConnections = 4
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows      = 1000000
MaxQueryExecutionTime = 120
"""


@dataclass(frozen=True)
class VirtuosoInstance:
    """A running instance: ``http_url`` (``/sparql`` is its endpoint), the SQL ``isql_port``."""

    http_url: str
    isql_port: int
    password: str
    workdir: Path
    data_dir: Path  # listed in DirsAllowed: put files here for file_to_string_output / ld_dir

    @property
    def sparql_url(self) -> str:
        return f"{self.http_url}/sparql"

    def isql(self, sql: str, *, timeout: float = 120) -> str:
        """Run SQL through isql-vt. It exits 0 even on SQL errors, so its output is searched
        for ``*** Error``; raises ToolError with that output."""
        cmd = [
            "isql-vt",
            str(self.isql_port),
            "dba",
            self.password,
            "VERBOSE=OFF",
            "BANNER=OFF",
            "PROMPT=OFF",
            f"EXEC={sql}",
        ]
        try:
            proc = subprocess.run(
                cmd,
                capture_output=True,
                text=True,
                timeout=timeout,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ToolError(TOOL, f"isql timed out after {timeout} s: {sql[:200]}") from exc
        output = proc.stdout + proc.stderr
        if proc.returncode != 0 or "*** Error" in output:
            raise ToolError(
                TOOL, f"isql failed: {sql[:200]}", returncode=proc.returncode, stderr=output
            )
        return proc.stdout

    def load_turtle(self, path: str | os.PathLike[str], graph: str) -> None:
        """Load a Turtle file into ``graph`` (copied into data_dir first, as DirsAllowed asks)."""
        source = Path(path)
        target = self.data_dir / source.name
        if source.resolve() != target.resolve():
            shutil.copyfile(source, target)
        self.isql(
            f"DB.DBA.TTLP(file_to_string_output('{_sql_str(target)}'), '', '{_sql_str(graph)}', 0)"
        )

    def select(self, query: str, *, timeout: float = 120) -> list[dict[str, Any]]:
        """Run a SPARQL SELECT at /sparql; the JSON bindings."""
        return sparql_select(self.sparql_url, query, TOOL, timeout=timeout)


def _sql_str(value: object) -> str:
    return str(value).replace("'", "''")


@contextmanager
def virtuoso_server(
    workdir: str | os.PathLike[str] | None = None,
    *,
    password: str = "dba",
    grant_sparql_update: bool = False,
    start_timeout: float = 60,
) -> Iterator[VirtuosoInstance]:
    """Start Virtuoso on free 127.0.0.1 ports, yield it, stop it. ``grant_sparql_update`` lets
    the anonymous /sparql and /sparql-graph-crud endpoints write (only for tests)."""
    reason = missing_reason(TOOL)
    if reason:
        raise ToolMissing(TOOL, reason)
    own_dir = workdir is None
    root = Path(workdir) if workdir is not None else Path(tempfile.mkdtemp(prefix="handcar-vt-"))
    proc: subprocess.Popen[bytes] | None = None
    isql_port = 0
    try:
        db, data, vad, www = (root / n for n in ("db", "data", "vad", "www"))
        for d in (db, data, vad, www):
            d.mkdir(parents=True, exist_ok=True)
        for attempt in range(3):
            isql_port, http_port = free_port(), free_port()
            ini = root / "virtuoso.ini"
            ini.write_text(
                _INI.format(
                    db=db,
                    isql_port=isql_port,
                    http_port=http_port,
                    dirs_allowed=f"., {data}",
                    vad=vad,
                    www=www,
                )
            )
            log = root / "virtuoso.out"
            with log.open("wb") as out:
                proc = subprocess.Popen(
                    ["virtuoso-t", "+foreground", "+configfile", str(ini)],
                    cwd=db,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    start_new_session=True,
                )
            http_url = f"http://127.0.0.1:{http_port}"
            try:
                _wait_for_http(
                    TOOL, f"{http_url}/sparql?query=ASK%7B%7D", proc, timeout=start_timeout, log=log
                )
                break
            except ToolError:
                stop_process(proc)
                text = log.read_text(errors="replace")
                if attempt < 2 and ("ddress already in use" in text or "Failed to" in text):
                    continue  # lost a port race: try other ports
                raise
        instance = VirtuosoInstance(http_url, isql_port, "dba", root, data)
        if password != "dba":
            instance.isql(f"USER_SET_PASSWORD('dba', '{_sql_str(password)}')")
            instance = VirtuosoInstance(http_url, isql_port, password, root, data)
        if grant_sparql_update:
            instance.isql('GRANT SPARQL_UPDATE TO "SPARQL"')
        yield instance
    finally:
        if proc is not None and proc.poll() is None:
            _shutdown(proc, isql_port, password)
        if own_dir:
            shutil.rmtree(root, ignore_errors=True)


def _shutdown(proc: subprocess.Popen[bytes], isql_port: int, password: str) -> None:
    """Ask for a clean shutdown (isql -K), then make sure the process is gone."""
    try:
        subprocess.run(
            ["isql-vt", str(isql_port), "dba", password, "-K"],
            capture_output=True,
            timeout=20,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        proc.wait(timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        pass
    stop_process(proc)
