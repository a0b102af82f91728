"""Locate and run the outside RDF tools that check handcar's output independently of rdflib.

The tools are installed by ``scripts/install-tools.sh``: rapper (raptor2-utils), Apache Jena 4.5
(Debian's libapache-jena-java, called by class name on a classpath we build, with a fix for
its packaging bug), Virtuoso, jsonld.js and rdf-validate-shacl (npm, in ``tools/node``), the
Oxigraph server binary (PyPI ``oxigraph``) and headless Chromium (Debian ``chromium``). Every
runner raises :class:`ToolError` naming the tool
when the tool fails, and :class:`ToolMissing` when it is not installed; :func:`missing_reason`
tells the conftest whether a tool is usable without running it.

Nothing here touches the network: JSON-LD contexts and owl:imports are served from local files
given as a ``{url: path}`` mapping, and any other remote document is refused.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import rdflib

REPO_ROOT = Path(__file__).resolve().parents[2]
TOOLS_DIR = Path(os.environ.get("HANDCAR_TOOLS_DIR", REPO_ROOT / "tools"))
NODE_DIR = TOOLS_DIR / "node"
JENA_FIX_DIR = TOOLS_DIR / "jena-fix"
NODE_SCRIPTS = REPO_ROOT / "scripts" / "node"
JAVA_SHARE = Path("/usr/share/java")
INSTALL_HINT = "run scripts/install-tools.sh"

#: the tool names the ``requires`` marker and ``require_tool`` accept
TOOL_NAMES = (
    "rapper", "java", "jena", "virtuoso", "node-jsonld", "node-shacl", "oxigraph", "chromium"
)

SH_CONFORMS = "http://www.w3.org/ns/shacl#conforms"

# SLF4J 1.7 bindings: exactly one may be on the classpath; slf4j-simple prints errors to stderr
# (slf4j-nop would swallow them).
_SLF4J_BINDINGS = re.compile(
    r"^(slf4j-(jcl|jdk14|log4j12|nop|reload4j|migrator)|maven3-slf4j-provider|log4j-slf4j2?-impl"
    r"|logback-classic)([-.].*)?\.jar$"
)
# JVM options for the Jena commands: C1 only and the serial GC start ~0.5 s faster (most runs
# here are short); set HANDCAR_JAVA_OPTS (e.g. "-Xmx4g") for large files.
_JAVA_OPTS = tuple(
    shlex.split(os.environ.get("HANDCAR_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"))
)


class ToolError(RuntimeError):
    """An outside tool failed (bad input, crash, refused remote document)."""

    def __init__(
        self,
        tool: str,
        message: str,
        *,
        cmd: Sequence[str] | None = None,
        returncode: int | None = None,
        stderr: str = "",
    ) -> None:
        self.tool = tool
        self.cmd = list(cmd) if cmd is not None else None
        self.returncode = returncode
        self.stderr = stderr
        text = f"{tool}: {message}"
        if returncode is not None:
            text += f" (exit {returncode})"
        if stderr.strip():
            text += "\n" + _tail(stderr)
        super().__init__(text)


class ToolMissing(ToolError):
    """The tool is not installed here."""


class RemoteDocumentRefused(ToolError):
    """A tool wanted a remote document (JSON-LD context, owl:imports) that is not mapped locally."""


def _tail(text: str, limit: int = 4000) -> str:
    text = text.strip()
    return text if len(text) <= limit else "…" + text[-limit:]


def _run(
    tool: str,
    cmd: Sequence[str | os.PathLike[str]],
    *,
    timeout: float = 120,
    env: Mapping[str, str] | None = None,
    check: bool = True,
) -> subprocess.CompletedProcess[str]:
    args = [os.fspath(c) for c in cmd]
    try:
        proc = subprocess.run(
            args,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=dict(os.environ, **env) if env else None,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except FileNotFoundError as exc:
        raise ToolMissing(tool, f"{args[0]} not found: {INSTALL_HINT}", cmd=args) from exc
    except subprocess.TimeoutExpired as exc:
        raise ToolError(tool, f"timed out after {timeout} s", cmd=args) from exc
    if check and proc.returncode != 0:
        raise ToolError(tool, "failed", cmd=args, returncode=proc.returncode, stderr=proc.stderr)
    return proc


# --- locating -------------------------------------------------------------------------------------


def oxigraph_binary() -> Path | None:
    """The ``oxigraph`` server binary: next to this Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("oxigraph")
    return Path(found) if found else None


def _node_module(name: str) -> Path:
    return NODE_DIR / "node_modules" / name / "package.json"


def missing_reason(name: str) -> str | None:
    """None when the tool ``name`` (one of :data:`TOOL_NAMES`) is usable here, else why not."""

    def absent(what: str) -> str:
        return f"{name} not installed ({what}): {INSTALL_HINT}"

    if name == "rapper":
        return None if shutil.which("rapper") else absent("no rapper on PATH")
    if name == "java":
        return None if shutil.which("java") else absent("no java on PATH")
    if name == "jena":
        if not shutil.which("java"):
            return absent("no java on PATH")
        if not (JAVA_SHARE / "jena-cmds.jar").is_file():
            return absent(f"no {JAVA_SHARE}/jena-cmds.jar")
        if not (JENA_FIX_DIR / "xerces/impl/msg/XMLSchemaMessages.properties").is_file():
            return absent(f"no xerces fix in {JENA_FIX_DIR}")
        return None
    if name == "virtuoso":
        for exe in ("virtuoso-t", "isql-vt"):
            if not shutil.which(exe):
                return absent(f"no {exe} on PATH")
        return None
    if name in ("node-jsonld", "node-shacl"):
        if not shutil.which("node"):
            return absent("no node on PATH")
        modules = ("jsonld",) if name == "node-jsonld" else ("rdf-validate-shacl", "n3")
        for module in modules:
            if not _node_module(module).is_file():
                return absent(f"no {module} in {NODE_DIR}")
        return None
    if name == "oxigraph":
        return None if oxigraph_binary() else absent("no oxigraph binary in the venv or on PATH")
    if name == "chromium":
        return None if shutil.which("chromium") else absent("no chromium on PATH")
    raise ValueError(f"unknown tool {name!r}; known: {', '.join(TOOL_NAMES)}")


def _need(name: str) -> None:
    reason = missing_reason(name)
    if reason:
        raise ToolMissing(name, reason)


# --- rapper ---------------------------------------------------------------------------------------

_RAPPER_COUNT = re.compile(r"Parsing returned (\d+) triples?")


def rapper_parse(
    path: str | os.PathLike[str],
    syntax: str = "turtle",
    *,
    base_uri: str | None = None,
    strict: bool = True,
) -> int:
    """Parse ``path`` with rapper (syntax: turtle, ntriples, nquads, trig, rdfxml) and return the
    triple count. Raises on a syntax error, and with ``strict`` on any warning too."""
    _need("rapper")
    cmd: list[str] = ["rapper", "-i", syntax, "-c", os.fspath(path)]
    if base_uri:
        cmd.append(base_uri)
    proc = _run("rapper", cmd)
    if strict and re.search(r"rapper: (Warning|Error)", proc.stderr):
        raise ToolError("rapper", f"warnings parsing {path}", cmd=cmd, stderr=proc.stderr)
    match = _RAPPER_COUNT.search(proc.stderr)
    if not match:
        raise ToolError("rapper", f"no triple count for {path}", cmd=cmd, stderr=proc.stderr)
    return int(match.group(1))


# --- Jena -----------------------------------------------------------------------------------------


def _installed_packages_closure(root: str) -> list[str]:
    """The installed Debian packages ``root`` depends on, transitively (itself included)."""
    seen = {root}
    todo = [root]
    while todo:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Package}\t${db:Status-Abbrev}\t${Depends}\n", *todo],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        todo = []
        for line in out.splitlines():
            _pkg, status, depends = [*line.split("\t"), "", ""][:3]
            if not status.startswith("ii"):
                continue
            for clause in depends.split(","):
                for alternative in clause.split("|"):
                    dep = re.sub(r"[\s(:].*", "", alternative.strip())
                    if dep and dep not in seen:
                        seen.add(dep)
                        todo.append(dep)
    return sorted(seen)


@functools.cache
def jena_classpath() -> str:
    """Classpath for Debian's Jena 4.5 command classes: the xerces fix folder first, then the jars
    under /usr/share/java of libapache-jena-java and its dependencies, with slf4j-simple as the
    only SLF4J binding."""
    _need("jena")
    packages = _installed_packages_closure("libapache-jena-java")
    listing = subprocess.run(
        ["dpkg-query", "-L", *packages], capture_output=True, text=True, check=False
    ).stdout
    by_target: dict[str, str] = {}
    for line in sorted(set(listing.splitlines())):
        jar = Path(line)
        if jar.parent != JAVA_SHARE or jar.suffix != ".jar" or not jar.exists():
            continue
        if _SLF4J_BINDINGS.match(jar.name):
            continue
        # versioned and unversioned names point at one file: keep one (the shorter name)
        target = os.path.realpath(jar)
        if target not in by_target or len(line) < len(by_target[target]):
            by_target[target] = line
    jars = sorted(by_target.values())
    if not any(Path(j).name == "jena-cmds.jar" for j in jars):
        raise ToolMissing("jena", f"jena-cmds.jar not found via dpkg: {INSTALL_HINT}")
    if not any(Path(j).name.startswith("slf4j-simple") for j in jars):
        raise ToolMissing("jena", f"slf4j-simple.jar not found (libslf4j-java): {INSTALL_HINT}")
    return os.pathsep.join([os.fspath(JENA_FIX_DIR), *jars])


def jena_run(
    main_class: str,
    args: Sequence[str | os.PathLike[str]],
    *,
    tool: str = "jena",
    jvm_args: Sequence[str] = (),
    classpath_prefix: Sequence[str | os.PathLike[str]] = (),
    timeout: float = 300,
    check: bool = True,
) -> subprocess.CompletedProcess[str]:
    """Run one Jena command class (riotcmd.riot, shacl.shacl, arq.sparql, tdb2.tdbloader, …)."""
    classpath = os.pathsep.join([*map(os.fspath, classpath_prefix), jena_classpath()])
    cmd = ["java", *_JAVA_OPTS, *jvm_args, "-cp", classpath, main_class, *args]
    return _run(tool, cmd, timeout=timeout, check=check)


_JSONLD_SUFFIXES = (".jsonld", ".json")


def _riot_syntax(path: Path, syntax: str | None) -> str | None:
    # Jena 4.5's JSON-LD 1.1 reader needs a JSON-P provider Debian lacks; 1.0 works.
    if syntax is None and path.suffix.lower() in _JSONLD_SUFFIXES:
        return "jsonld10"
    return syntax


def _remote_contexts(value: Any) -> Iterator[str]:
    """Every string value of an ``@context`` key (remote context references), recursively."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "@context":
                items = item if isinstance(item, list) else [item]
                yield from (i for i in items if isinstance(i, str))
            yield from _remote_contexts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _remote_contexts(item)


def _jsonld_cache_dir(
    tool: str, document: Path, contexts: Mapping[str, str | os.PathLike[str]], workdir: Path
) -> Path:
    """A classpath folder with a jsonld-java ``jarcache.json`` serving ``contexts`` locally.
    Every remote context the document (or a mapped context) names must be mapped."""
    pending = [document]
    checked: set[Path] = set()
    while pending:
        source = pending.pop()
        if source in checked:
            continue
        checked.add(source)
        try:
            data = json.loads(source.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ToolError(tool, f"cannot read JSON from {source}: {exc}") from exc
        for url in _remote_contexts(data):
            if url not in contexts:
                raise RemoteDocumentRefused(
                    tool, f"{source} names remote context {url}, not mapped to a local file"
                )
            pending.append(Path(contexts[url]))
    entries = []
    for i, (url, file) in enumerate(sorted(contexts.items())):
        name = f"context-{i}.jsonld"
        shutil.copyfile(file, workdir / name)
        entries.append(
            {"Content-Location": url, "X-Classpath": name, "Content-Type": "application/ld+json"}
        )
    (workdir / "jarcache.json").write_text(json.dumps(entries), encoding="utf-8")
    return workdir


def _riot(
    mode: str,
    path: str | os.PathLike[str],
    syntax: str | None,
    base: str | None,
    contexts: Mapping[str, str | os.PathLike[str]] | None,
) -> subprocess.CompletedProcess[str]:
    file = Path(path)
    syntax = _riot_syntax(file, syntax)
    args: list[str] = [mode]
    if syntax:
        args.append(f"--syntax={syntax}")
    if base:
        args.append(f"--base={base}")
    args.append(os.fspath(file))
    with tempfile.TemporaryDirectory(prefix="handcar-riot-") as tmp:
        jvm_args: list[str] = []
        prefix: list[Path] = []
        if syntax and syntax.startswith("jsonld"):
            if contexts:
                # jsonld-java serves jarcache.json entries from the classpath without fetching;
                # but it would fetch any other context, so _jsonld_cache_dir first refuses
                # documents that name an unmapped remote context.
                prefix = [_jsonld_cache_dir("riot", file, contexts, Path(tmp))]
            else:
                jvm_args = ["-Dcom.github.jsonldjava.disallowRemoteContextLoading=true"]
        proc = jena_run(
            "riotcmd.riot",
            args,
            tool="riot",
            jvm_args=jvm_args,
            classpath_prefix=prefix,
            check=False,
        )
    if "Remote context loading has been disallowed" in proc.stderr:
        raise RemoteDocumentRefused(
            "riot",
            f"{file} names a remote JSON-LD context; pass contexts={{url: local_file}}",
            returncode=proc.returncode,
            stderr=proc.stderr,
        )
    if proc.returncode != 0:
        raise ToolError(
            "riot",
            f"{mode} {file} failed",
            cmd=proc.args,
            returncode=proc.returncode,
            stderr=proc.stderr,
        )
    return proc


def riot_validate(
    path: str | os.PathLike[str],
    *,
    syntax: str | None = None,
    base: str | None = None,
    contexts: Mapping[str, str | os.PathLike[str]] | None = None,
) -> None:
    """``riot --validate`` (strict parse plus RDF term checks). Raises on any error or warning.
    ``syntax`` is guessed from the extension (JSON-LD: ``jsonld10``); ``contexts`` maps remote
    JSON-LD context URLs to local files."""
    proc = _riot("--validate", path, syntax, base, contexts)
    if re.search(r"\b(WARN|ERROR)\b", proc.stderr):
        raise ToolError("riot", f"--validate {path} reported problems", stderr=proc.stderr)


def riot_count(
    path: str | os.PathLike[str],
    *,
    syntax: str | None = None,
    base: str | None = None,
    contexts: Mapping[str, str | os.PathLike[str]] | None = None,
) -> int:
    """Triples (or quads) ``riot --count`` parses from ``path``."""
    proc = _riot("--count", path, syntax, base, contexts)
    # riot prints the count with thousands separators: "Triples = 5,285"
    match = re.search(r"(?:Triples|Quads) = ([\d,]+)", proc.stderr + proc.stdout)  # on stderr
    if not match:
        raise ToolError("riot", f"no count for {path}", stderr=proc.stdout + proc.stderr)
    return int(match.group(1).replace(",", ""))


def jena_shacl_report(data: str | os.PathLike[str], shapes: str | os.PathLike[str]) -> str:
    """Jena's SHACL validation report (Turtle) for ``data`` against ``shapes``."""
    proc = jena_run(
        "shacl.shacl", ["validate", "--shapes", shapes, "--data", data], tool="jena shacl"
    )
    return proc.stdout


def jena_shacl(data: str | os.PathLike[str], shapes: str | os.PathLike[str]) -> bool:
    """Whether ``data`` conforms to ``shapes`` according to Jena SHACL. Jena exits 0 even when
    the data does not conform, so the verdict is read from sh:conforms in its report."""
    report = jena_shacl_report(data, shapes)
    graph = rdflib.Graph()
    try:
        graph.parse(data=report, format="turtle")
    except Exception as exc:
        raise ToolError("jena shacl", f"unreadable report: {exc}", stderr=report) from exc
    verdicts = {o.toPython() for o in graph.objects(None, rdflib.URIRef(SH_CONFORMS))}
    if len(verdicts) != 1 or not isinstance(next(iter(verdicts)), bool):
        raise ToolError("jena shacl", f"no single sh:conforms: {verdicts}", stderr=report)
    return bool(verdicts.pop())


# --- node: jsonld.js, rdf-validate-shacl ---------------------------------------------------------


def _node(
    tool: str, script: str, args: Sequence[str | os.PathLike[str]], timeout: float
) -> subprocess.CompletedProcess[str]:
    cmd = ["node", os.fspath(NODE_SCRIPTS / script), *map(os.fspath, args)]
    proc = _run(
        tool, cmd, timeout=timeout, env={"HANDCAR_NODE_DIR": os.fspath(NODE_DIR)}, check=False
    )
    if proc.returncode == 3:
        raise RemoteDocumentRefused(
            tool, "refused a remote document", cmd=cmd, returncode=3, stderr=proc.stderr
        )
    if proc.returncode != 0:
        raise ToolError(tool, "failed", cmd=cmd, returncode=proc.returncode, stderr=proc.stderr)
    return proc


def _mapping_args(flag: str, mapping: Mapping[str, str | os.PathLike[str]] | None) -> list[str]:
    args: list[str] = []
    for url, file in (mapping or {}).items():
        args += [flag, f"{url}={os.fspath(file)}"]
    return args


def jsonld_expand(
    path: str | os.PathLike[str],
    contexts: Mapping[str, str | os.PathLike[str]] | None = None,
    *,
    base: str | None = None,
    safe: bool = True,
) -> list[Any]:
    """Expand a JSON-LD document with jsonld.js. ``contexts`` maps context URLs to local files;
    any other remote context raises :class:`RemoteDocumentRefused` (nothing is fetched). ``safe``
    (jsonld.js safe mode) makes dropped terms and invalid IRIs errors instead of silent losses."""
    _need("node-jsonld")
    args = _mapping_args("--context", contexts)
    if base:
        args += ["--base", base]
    if safe:
        args.append("--safe")
    proc = _node("jsonld.js", "jsonld-expand.mjs", [*args, path], timeout=120)
    result = json.loads(proc.stdout)
    if not isinstance(result, list):
        raise ToolError("jsonld.js", f"expanded form is not a list: {proc.stdout[:200]}")
    return result


def shacl_js_report(
    data: str | os.PathLike[str],
    shapes: str | os.PathLike[str],
    imports: Mapping[str, str | os.PathLike[str]] | None = None,
) -> dict[str, Any]:
    """rdf-validate-shacl's summary ``{"conforms": bool, "results": [...]}`` for ``data``
    (Turtle/N-Triples/TriG/N-Quads) against ``shapes``; ``imports`` maps owl:imports URLs to
    local files (others are refused)."""
    _need("node-shacl")
    args = [*_mapping_args("--import", imports), data, shapes]
    proc = _node("rdf-validate-shacl", "shacl-validate.mjs", args, timeout=300)
    report = json.loads(proc.stdout)
    if not isinstance(report, dict) or not isinstance(report.get("conforms"), bool):
        raise ToolError("rdf-validate-shacl", f"unexpected output: {proc.stdout[:200]}")
    return report


def shacl_js(
    data: str | os.PathLike[str],
    shapes: str | os.PathLike[str],
    imports: Mapping[str, str | os.PathLike[str]] | None = None,
) -> bool:
    """Whether ``data`` conforms to ``shapes`` according to rdf-validate-shacl."""
    return bool(shacl_js_report(data, shapes, imports)["conforms"])


# --- servers on 127.0.0.1 ------------------------------------------------------------------------


# never route requests to our own 127.0.0.1 servers through an http_proxy from the environment
_LOCAL_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def http_request(
    url: str,
    *,
    data: bytes | None = None,
    method: str | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 60,
) -> tuple[int, bytes]:
    """One HTTP request to a local test server (never through a proxy): (status, body).
    HTTP error statuses are returned, not raised."""
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    try:
        with _LOCAL_OPENER.open(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port on ``host`` that is free right now (the caller should retry if it is taken)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def sparql_select(url: str, query: str, tool: str, *, timeout: float = 30) -> list[dict[str, Any]]:
    """POST a SPARQL SELECT to ``url`` (SPARQL 1.1 Protocol); the JSON result bindings."""
    status, body = http_request(
        url,
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
        timeout=timeout,
    )
    if status != 200:
        raise ToolError(
            tool, f"SPARQL query failed: HTTP {status}", stderr=body.decode(errors="replace")
        )
    bindings: list[dict[str, Any]] = json.loads(body)["results"]["bindings"]
    return bindings


def wait_for_http(
    tool: str,
    url: str,
    proc: subprocess.Popen[bytes],
    *,
    timeout: float = 60,
    log: Path | None = None,
) -> None:
    """Poll ``url`` until it answers 2xx; fail early if ``proc`` exits, and after ``timeout``."""
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            text = log.read_text(errors="replace") if log and log.exists() else ""
            raise ToolError(
                tool, f"exited before serving {url}", returncode=proc.returncode, stderr=text
            )
        try:
            with _LOCAL_OPENER.open(url, timeout=2) as response:
                if 200 <= response.status < 300:
                    return
                last = f"HTTP {response.status}"
        except (OSError, urllib.error.URLError) as exc:
            last = str(exc)
        time.sleep(0.05)
    text = log.read_text(errors="replace") if log and log.exists() else ""
    raise ToolError(tool, f"not ready at {url} after {timeout} s ({last})", stderr=text)


def stop_process(proc: subprocess.Popen[bytes], *, grace: float = 10) -> None:
    """Terminate ``proc`` (SIGTERM, then SIGKILL after ``grace`` seconds) and reap it."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=grace)
