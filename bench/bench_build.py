"""Time a cold ``handcar build`` of the seed: each run is a new process, as a user would run it.

    .venv/bin/python bench/bench_build.py [--runs 5] [--budget 1.5]

Reports three cases, each as min / median / max wall-clock seconds:

- ``build``: ``handcar build --out TMP`` with the ontology documentation cached (the usual case:
  pyLODE runs only when the ontology changes; the first run fills the cache);
- ``build, no docs cache``: the same with ``HANDCAR_CACHE_DIR=`` (pyLODE renders every time, as
  on a fresh CI machine);
- ``build --check``: compares with the release just written (never uses the cache).

Then an in-process breakdown of one build by phase. With ``--budget S`` the script exits 1 when
the median cached build takes longer than S seconds. Nothing here is a unit test: timings
depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def handcar_command() -> list[str]:
    script = Path(sys.executable).parent / "handcar"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "handcar"]


def timed_runs(args: list[str], runs: int, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run([*handcar_command(), *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            sys.exit(f"handcar {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return times


def phases(cache: Path) -> list[tuple[str, float]]:
    """One build in this process, timed by phase (imports are already warm: see above)."""
    from handcar.build import build_dataset
    from handcar.publish import framed
    from handcar.publish.formats import FORMATS, WriteOptions, write
    from handcar.publish.formats.jsonld import context
    from handcar.publish.ontology import ontology_files
    from handcar.publish.rdf import PUBLISHED_PREFIXES, Quads
    from handcar.publish.site import release_files

    out: list[tuple[str, float]] = []

    def lap(name: str, start: float) -> float:
        now = time.perf_counter()
        out.append((name, now - start))
        return now

    t = time.perf_counter()
    result = build_dataset(ROOT / "articles")
    t = lap("build the dataset (rdflib)", t)
    data = Quads.of(result.dataset)
    t = lap("to pyoxigraph, canonicalise, sort", t)
    options = WriteOptions()
    for name in FORMATS:
        write(name, data, options)
        t = lap(f"write {name}", t)
    graphs = [str(result.iris.graph(g)) for g in ("asserted", "enrichment")]
    framed.write(data.select(graphs), result.journeys, context(PUBLISHED_PREFIXES)["@context"])
    t = lap("framed JSON-LD (PyLD)", t)
    from handcar.ontology import load_ontology

    ontology_files(load_ontology(), cache, options)
    t = lap("ontology files + docs (cached)", t)
    release_files(result, cache=cache)
    lap("whole release_files (cached docs)", t)
    return out


def report(name: str, times: list[float]) -> None:
    print(f"  {name:<28} min {min(times):6.3f}   median {statistics.median(times):6.3f}   "
          f"max {max(times):6.3f}   ({len(times)} runs)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget", type=float, default=None,
                        help="exit 1 if the median cached build exceeds this many seconds")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="handcar-bench-") as tmp:
        out = Path(tmp) / "out"
        cache = Path(tmp) / "cache"
        env = {**os.environ, "HANDCAR_CACHE_DIR": str(cache)}
        build = ["build", "--out", str(out), "--quiet"]
        first = timed_runs(build, 1, env)  # fills the docs cache
        cached = timed_runs(build, args.runs, env)
        uncached = timed_runs(build, max(1, args.runs // 2), {**env, "HANDCAR_CACHE_DIR": ""})
        check = timed_runs([*build, "--check"], max(1, args.runs // 2), env)

        print(f"handcar build of {ROOT / 'articles'} (wall clock, new process each run)")
        report("first build (fills cache)", first)
        report("build", cached)
        report("build, no docs cache", uncached)
        report("build --check", check)
        print("in-process phases of one build:")
        sys.path.insert(0, str(ROOT / "src"))
        for name, seconds in phases(cache):
            print(f"  {name:<36} {seconds:6.3f} s")

    median = statistics.median(cached)
    if args.budget is not None and median > args.budget:
        print(f"median build {median:.3f} s is over the budget of {args.budget} s")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
