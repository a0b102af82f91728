"""The corpus benchmark: handcar against the naive pipeline, stage by stage, at several sizes.

    .venv/bin/python bench/run.py [--sizes 10k,100k,1M] [--out bench/results] [--timeout 900]
                                  [--naive-timeout S] [--no-virtuoso] [--keep]

For each size, a synthetic corpus (:mod:`corpus`, fiction generated for testing) of about that
many quads is generated, then, each in a fresh process (so peak RSS is the stage's own):

- ``handcar build`` (the whole command: build, validate, publish every format), then the same
  pipeline in one process timed by stage: ``build`` (articles to dataset), ``canonical`` (RDFC-1.0
  and sort), ``validate`` (SHACL), and one ``write:<format>`` per release format;
- ``handcar validate`` of the release, and ``handcar query`` of a competency question;
- the naive pipeline over the same release: rdflib parses ``dataset.trig``, pySHACL validates it
  with the same shapes (``inference="none"``), rdflib writes Turtle and JSON-LD;
- a bulk load of ``dataset.nq`` into Oxigraph (its ``oxigraph load`` command).

Results go to ``<out>/bench-<sizes>.json`` (wall seconds, quads per second, peak RSS in MiB per
stage, and handcar/naive ratios) and, when matplotlib is installed (``pip install
'handcar[bench]'``), a chart ``bench-<sizes>.svg``. A stage that runs past ``--timeout`` is
recorded as not finished. Nothing here is a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
QUADS_PER_ARTICLE = 2070  # measured on the generator's corpora (50 reports: 103 459 quads)
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1M": 1_000_000}

# Each stage is a small program run in a fresh interpreter; it prints one JSON object.
_PRELUDE = """
import json, resource, sys, time
times = {}
def timed(name, make):
    start = time.perf_counter()
    value = make()
    times[name] = time.perf_counter() - start
    print(json.dumps({"stage": name, "s": times[name]}), flush=True)  # kept if cut short
    return value
def done(**fields):
    fields["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(fields))
"""

HANDCAR_STAGES = _PRELUDE + """
from pathlib import Path
from handcar.build import build_dataset
from handcar.publish.formats import FORMATS, WriteOptions, write
from handcar.publish.rdf import Quads
from handcar.validate.release import check_dataset
result = timed("build", lambda: build_dataset(Path(sys.argv[1])))
data = timed("canonical", lambda: Quads.of(result.dataset))
report = timed("validate", lambda: check_dataset(result.dataset))
for name in FORMATS:
    timed("write:" + name, lambda: write(name, data, WriteOptions()))
done(stages=times, quads=len(data), conforms=report.conforms())
"""

NAIVE_STAGES = _PRELUDE + """
from pathlib import Path
import pyshacl
from rdflib import Dataset, Graph
release, shapes = Path(sys.argv[1]), Path(sys.argv[2])
def parse():
    ds = Dataset()
    ds.parse(release / "dataset.trig", format="trig")
    data = Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        data.add((s, p, o))
    return ds, data
ds, data = timed("parse", parse)
shape_graph = Graph()
for f in sorted(shapes.glob("*.ttl")):
    shape_graph.parse(f, format="turtle")
conforms = timed("validate", lambda: pyshacl.validate(
    data, shacl_graph=shape_graph, inference="none", advanced=True)[0])
timed("write:trig", lambda: ds.serialize(format="trig"))
timed("write:jsonld", lambda: ds.serialize(format="json-ld"))
done(stages=times, quads=len(data), conforms=conforms)
"""


def _python() -> str:
    return sys.executable


def _handcar() -> list[str]:
    script = Path(sys.executable).parent / "handcar"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "handcar"]


def _measure(args: list[str], timeout: float, env: dict[str, str] | None = None) -> dict:
    """Wall time and peak RSS of one command (``/usr/bin/time`` when present), or a note that
    it did not finish within ``timeout`` seconds; ``env``: variables to set for it."""
    timer = ["/usr/bin/time", "-f", "RSS %M"] if Path("/usr/bin/time").exists() else []
    start = time.perf_counter()
    # its own session, so that a timeout stops the command and every process it started (a
    # build's validation workers would otherwise go on, and slow down what is measured next)
    with subprocess.Popen([*timer, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, cwd=ROOT, start_new_session=True,
                          env={**os.environ, **(env or {})}) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            stdout, _stderr = process.communicate()
            partial = _stage_lines(stdout or "")
            return {"finished": False, "timeout_s": timeout,
                    **({"stages": partial} if partial else {})}
    done = subprocess.CompletedProcess(args, process.returncode, stdout, stderr)
    wall = time.perf_counter() - start
    found: dict = {"finished": done.returncode == 0, "wall_s": round(wall, 3)}
    lines = done.stderr.strip().splitlines()
    if timer and lines and lines[-1].startswith("RSS "):
        found["rss_mib"] = round(int(lines[-1].split()[1]) / 1024, 1)
    if done.returncode != 0:
        found["error"] = (done.stderr or done.stdout)[-600:]
    last = done.stdout.strip().splitlines()[-1:] if done.stdout.strip() else []
    if last and last[0].startswith("{") and '"stage"' not in last[0]:
        found.update(json.loads(last[0]))
    elif _stage_lines(done.stdout):  # the program failed after some stages
        found["stages"] = _stage_lines(done.stdout)
    return found


def _stage_lines(output: str) -> dict[str, float]:
    """The stages a stage program reported before it ended (one JSON line each)."""
    found = {}
    for line in output.splitlines():
        if line.startswith('{"stage"'):
            item = json.loads(line)
            found[item["stage"]] = item["s"]
    return found


def run_size(label: str, quads: int, work: Path, timeout: float, virtuoso: bool = False,
             naive_timeout: float | None = None, query_timeout: float | None = None,
             skip: set[str] | None = None) -> dict:
    sys.path.insert(0, str(HERE))
    import corpus

    articles = max(1, round(quads / QUADS_PER_ARTICLE))
    folder = work / label
    corpus.generate(folder / "articles", articles, seed=1)
    out = folder / "out"
    row: dict = {"size": label, "articles": articles}
    skip = skip or set()
    if "build" not in skip:
        # a cache folder of its own, empty: a first build, as the stages are (a user's cache
        # would hold the same deterministic corpus from an earlier run)
        row["handcar build"] = _measure(
            [*_handcar(), "build", "--articles", str(folder / "articles"), "--out", str(out),
             "-q"], timeout, env={"HANDCAR_CACHE_DIR": str(folder / "cache")})
    if "stages" not in skip:
        runs = [_measure([_python(), "-c", HANDCAR_STAGES, str(folder / "articles")], timeout)
                for _ in range(STAGE_RUNS if quads < 50_000 else 1)]
        row["handcar stages"] = _fastest(runs)
    if out.is_dir():
        row["quads"] = sum(1 for _ in (out / "dataset.nq").open("rb"))
        if "validate" not in skip:
            # the release's files are over validate's default input limit (64 MiB) at 1 M
            row["handcar validate"] = _measure(
                [*_handcar(), "validate", "--max-input-size", "4GiB", str(out)], timeout)
        if quads <= 200_000 and "validate" not in skip:  # one process (too slow at 1M)
            row["handcar validate --jobs 1"] = _measure(
                [*_handcar(), "validate", "--jobs", "1", str(out)], timeout)
        row["handcar query cq13"] = _measure(
            [*_handcar(), "query", str(ROOT / "queries" / "cq13-evidence-for-a-fact.rq"),
             "--out", str(out)], query_timeout or timeout)
        if "naive" not in skip:
            row["naive"] = _measure(
                [_python(), "-c", NAIVE_STAGES, str(out), str(out / "shapes")],
                naive_timeout or timeout)
        oxigraph = Path(sys.executable).parent / "oxigraph"
        if oxigraph.is_file():
            store = folder / "oxigraph-store"
            row["oxigraph load"] = _measure(
                [str(oxigraph), "load", "--location", str(store), "--file",
                 str(out / "dataset.nq")], timeout)
        if virtuoso:
            row["virtuoso load"] = _virtuoso_load(out / "dataset.nq", folder, timeout)
    row["ratios"] = _ratios(row)
    return row


STAGE_RUNS = 3
"""Below 50 k quads the stage program runs this many times, each in a fresh process (cold,
as a user's run is), and each stage's fastest time counts: several stages take a few
milliseconds there, where one run is mostly noise, and the per-quad ratios divide by them."""


def _fastest(runs: list[dict]) -> dict:
    """One measurement from several runs of the stage program: per stage the fastest time, the
    fastest wall time, the highest peak RSS (the first run that did not finish, if one)."""
    failed = [run for run in runs if not run.get("finished")]
    if failed or len(runs) == 1:
        return failed[0] if failed else runs[0]
    best = dict(runs[0])
    best["wall_s"] = min(run["wall_s"] for run in runs)
    best["rss_mib"] = max(run.get("rss_mib", 0) for run in runs)
    best["stages"] = {name: min(run["stages"][name] for run in runs)
                      for name in runs[0]["stages"]}
    best["runs"] = len(runs)
    return best


def _virtuoso_load(nquads: Path, folder: Path, timeout: float) -> dict:
    """Wall seconds of Virtuoso's bulk loader (``ld_dir``, ``rdf_loader_run``, ``checkpoint``)
    on ``nquads``, in a throw-away instance started as the store tests start it
    (``tests/support/virtuoso.py``); the copy into its allowed folder is not timed."""
    sys.path.insert(0, str(ROOT / "tests"))
    from support.tools import ToolError, ToolMissing
    from support.virtuoso import virtuoso_server

    try:
        with virtuoso_server(folder / "virtuoso") as server:
            shutil.copyfile(nquads, server.data_dir / nquads.name)
            before = _count(server.isql(_COUNT))
            start = time.perf_counter()
            server.isql(f"ld_dir('{server.data_dir}', '{nquads.name}', 'urn:handcar:bench'); "
                        "rdf_loader_run(); checkpoint;", timeout=timeout)
            wall = time.perf_counter() - start
            after = _count(server.isql(_COUNT))
            errors = server.isql(
                "SELECT COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;")
    except (ToolError, ToolMissing) as exc:
        return {"finished": False, "error": str(exc)[-600:]}
    return {"finished": not _count(errors), "wall_s": round(wall, 3),
            "quads_loaded": after - before}


_COUNT = "SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } };"  # with Virtuoso's own graphs


def _count(output: str) -> int:
    numbers = [int(w) for w in output.split() if w.isdigit()]
    return numbers[0] if numbers else 0


def _ratios(row: dict) -> dict:
    """naive seconds / handcar seconds for the stages both have (where both finished)."""
    mine = row.get("handcar stages", {}).get("stages", {})
    theirs = row.get("naive", {}).get("stages", {})
    pairs = {"validate": "validate", "write:trig": "write:trig", "write:jsonld": "write:jsonld"}
    found = {k: round(theirs[v] / mine[k], 2) for k, v in pairs.items()
             if mine.get(k) and theirs.get(v)}
    if mine and theirs:
        total_mine = mine.get("build", 0) + mine.get("canonical", 0) + sum(
            mine.get(k, 0) for k in pairs)
        total_theirs = sum(theirs.get(k, 0) for k in ("parse", *pairs.values()))
        if total_mine:
            found["overall"] = round(total_theirs / total_mine, 2)
    return found


def _timings(row: dict) -> dict[str, float]:
    """Wall seconds of every measured stage and command of one size that finished."""
    found = {}
    for name, value in row.items():
        if isinstance(value, dict) and value.get("finished") and "wall_s" in value:
            found[name] = value["wall_s"]
        if isinstance(value, dict) and isinstance(value.get("stages"), dict):
            prefix = "naive " if name == "naive" else ""
            found.update({prefix + k: v for k, v in value["stages"].items()})
    return found


def linearity(rows: list[dict]) -> dict[str, dict[str, float]]:
    """Per stage, the cost per quad at each size divided by the cost per quad at the smallest
    size (1.0: linear; the issue's target is at most 1.3 at 1 M against 10 k)."""
    measured = [r for r in rows if r.get("quads")]
    if len(measured) < 2:
        return {}
    base = measured[0]
    base_times = _timings(base)
    out: dict[str, dict[str, float]] = {}
    for row in measured[1:]:
        times = _timings(row)
        out[row["size"]] = {
            name: round((times[name] / row["quads"]) / (base_times[name] / base["quads"]), 2)
            for name in sorted(times) if base_times.get(name)}
    return out


def _host() -> dict:
    """The processor model, memory and load (other work on the machine skews the figures)."""
    found: dict = {"load_average_at_end": [round(x, 2) for x in os.getloadavg()]}
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                found["cpu"] = line.split(":", 1)[1].strip()
                break
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                found["memory_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    return found


def _chart(rows: list[dict], path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("svg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, ax = plt.subplots(figsize=(9, 5))
    names = ["handcar build", "build", "canonical", "validate", "handcar validate",
             "naive validate", "oxigraph load", "virtuoso load"]
    for name in names:
        xs, ys = [], []
        for row in rows:
            seconds = _timings(row).get(name)
            if seconds and row.get("quads"):
                xs.append(row["quads"])
                ys.append(seconds)
        if xs:
            ax.plot(xs, ys, marker="o", label=name,
                    linestyle="--" if name.startswith("naive") else "-")
    if rows and rows[-1].get("quads"):  # what linear from the smallest size would be
        first = next(r for r in rows if r.get("quads"))
        start = _timings(first).get("handcar build")
        if start:
            xs = [first["quads"], rows[-1]["quads"]]
            ax.plot(xs, [start, start * xs[1] / xs[0]], color="grey", linewidth=0.8,
                    label="handcar build, if linear")
    ax.axhline(60, color="red", linewidth=0.8, label="target at 1 M: 60 s")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("quads")
    ax.set_ylabel("wall seconds")
    ax.set_title("handcar corpus benchmark (2 cores)")
    ax.legend(fontsize="small")
    ax.grid(True, which="both", alpha=0.3)
    fig.savefig(path, metadata={"Date": None})
    return True


def _write(path: Path, rows: list[dict]) -> None:
    machine = {"python": platform.python_version(), "machine": platform.machine(),
               "cpus": os.cpu_count(), "system": platform.platform(), **_host()}
    path.write_text(json.dumps({"machine": machine, "results": rows,
                                "per_quad_cost_vs_smallest": linearity(rows)}, indent=2) + "\n",
                    encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1M")
    parser.add_argument("--out", type=Path, default=HERE / "results")
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--naive-timeout", type=float, default=None,
                        help="a shorter limit for the naive pipeline (default: --timeout)")
    parser.add_argument("--query-timeout", type=float, default=None,
                        help="a shorter limit for the competency query (default: --timeout)")
    parser.add_argument("--combine", type=Path, nargs="+", metavar="JSON",
                        help="merge the results of earlier runs (one file per size, smallest "
                        "first) into one file and chart; measures nothing")
    parser.add_argument("--skip", default="", help="measurements to leave out, comma-separated: "
                        "build (the command), stages, validate (the command), naive")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora")
    parser.add_argument("--no-virtuoso", dest="virtuoso", action="store_false",
                        help="skip the Virtuoso bulk load (it runs when virtuoso-t is installed)")
    args = parser.parse_args(argv)
    if args.combine:
        rows = [row for path in args.combine
                for row in json.loads(path.read_text(encoding="utf-8"))["results"]]
        name = "bench-" + "-".join(row["size"] for row in rows)
        args.out.mkdir(parents=True, exist_ok=True)
        _write(args.out / f"{name}.json", rows)
        _chart(rows, args.out / f"{name}.svg")
        print(f"wrote {args.out / name}.json", file=sys.stderr)
        return 0
    labels = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in labels if s not in SIZES]
    if unknown:
        parser.error(f"unknown size {unknown[0]!r}; choose from {', '.join(SIZES)}")
    work = Path(tempfile.mkdtemp(prefix="handcar-bench-"))
    args.out.mkdir(parents=True, exist_ok=True)
    name = "bench-" + "-".join(labels)
    rows: list[dict] = []
    charted = False
    try:
        for label in labels:
            print(f"{label}: generating and measuring…", file=sys.stderr)
            rows.append(run_size(label, SIZES[label], work, args.timeout,
                                 virtuoso=args.virtuoso and shutil.which("virtuoso-t") is not None,
                                 naive_timeout=args.naive_timeout,
                                 query_timeout=args.query_timeout,
                                 skip=set(filter(None, args.skip.split(",")))))
            print(json.dumps(rows[-1]["ratios"]), file=sys.stderr)
            _write(args.out / f"{name}.json", rows)  # after each size: a long run may be cut
            charted = _chart(rows, args.out / f"{name}.svg")
            if not args.keep:
                shutil.rmtree(work / label, ignore_errors=True)  # its corpus (GiBs at 1 M)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"wrote {args.out / (name + '.json')}" + (" and the chart" if charted else
          " (no chart: matplotlib is not installed)"), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
