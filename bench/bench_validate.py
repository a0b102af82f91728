"""Time ``handcar validate`` of the seed release: each run a new process, as CI runs it.

    .venv/bin/python bench/bench_validate.py [--release out] [--runs 7] [--budget 1.0]

Reports, each as min / median / max wall-clock seconds:

- ``handcar validate`` (text report) of the release, the shape lint's SHACL-for-SHACL pass cached
  (the usual case: it is re-run only when the shapes change);
- ``handcar validate --format sarif``;
- ``handcar validate``, no cache (``HANDCAR_NO_CACHE=1``: SHACL-for-SHACL runs, as on a fresh CI
  machine);
- ``python -c "import pyshacl"``, the floor every run pays.

Then, in one process: the time of each phase of a run, and what the engine's choices save
(measured, not assumed): pySHACL's own RDFS inference with the ontology as ``ont_graph`` against
handcar's rdf:type closure, and rdflib against Oxigraph for the SHACL-SPARQL queries.
With ``--budget S`` the script exits 1 when the median cached run takes longer than S seconds.
Nothing here is a unit test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def handcar_command() -> list[str]:
    script = Path(sys.executable).parent / "handcar"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "handcar"]


def timed_runs(args: list[str], runs: int, env: dict[str, str] | None = None) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(args, cwd=ROOT, env={**os.environ, **(env or {})},
                              capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            sys.exit(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return times


def line(name: str, times: list[float]) -> str:
    return (f"{name:44} min {min(times):5.2f}  median {statistics.median(times):5.2f}  "
            f"max {max(times):5.2f} s")


def phases(release: Path) -> None:
    """One run, phase by phase, and the measured alternatives."""
    start = time.perf_counter()
    import pyshacl

    from handcar.ontology import load_ontology
    from handcar.validate.engine import read_data, run
    from handcar.validate.formats import renderer
    from handcar.validate.lint import lint
    from handcar.validate.report import Severity
    from handcar.validate.shapes import load_shapes

    marks = [("import pyshacl, handcar.validate", time.perf_counter() - start)]

    def mark(name: str, since: float) -> float:
        now = time.perf_counter()
        marks.append((name, now - since))
        return now

    t = time.perf_counter()
    data, files = read_data([release])
    t = mark(f"read {files[0].name} ({len(data)} triples)", t)
    shapes, ontology = load_shapes(), load_ontology()
    t = mark("read shapes and ontology", t)
    problems = lint(shapes, ontology, data)
    t = mark(f"lint ({len(problems)} problems; SHACL-for-SHACL cached)", t)
    report = run(data, shapes, ontology, files)
    t = mark(f"validate ({len(report.results)} results)", t)
    renderer("text")(report, Severity.VIOLATION)
    mark("text report", t)
    for name, seconds in marks:
        print(f"  {name:52} {seconds:6.3f} s")

    print("\nwhat the engine's choices save (same release, in process):")
    t = time.perf_counter()
    run(data, shapes, ontology, files, prepared=True)
    ours = time.perf_counter() - t
    t = time.perf_counter()
    run(data, shapes, ontology, files, prepared=True, oxigraph=False)
    rdflib_sparql = time.perf_counter() - t
    plain, _files = read_data([release])
    ontology_graph = read_data(list(ontology.files))[0]
    t = time.perf_counter()
    pyshacl.validate(plain, shacl_graph=shapes.graph, ont_graph=ontology_graph,
                     inference="rdfs", inplace=False)
    rdfs = time.perf_counter() - t
    print(f"  {'validate (type closure + Oxigraph SPARQL)':52} {ours:6.3f} s")
    print(f"  {'validate, SHACL-SPARQL in rdflib':52} {rdflib_sparql:6.3f} s")
    print(f"  {'pySHACL with ont_graph + inference=rdfs (rdflib SPARQL)':52} {rdfs:6.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--release", type=Path, default=ROOT / "out")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--budget", type=float, default=None)
    args = parser.parse_args()
    release = args.release.resolve()
    command = [*handcar_command(), "validate", str(release)]
    timed_runs(command, 1)  # fill the lint cache
    cached = timed_runs(command, args.runs)
    print(line("handcar validate", cached))
    print(line("handcar validate --format sarif", timed_runs([*command, "-f", "sarif"], args.runs)))
    print(line("handcar validate, no cache", timed_runs(command, max(1, args.runs // 3),
                                                        {"HANDCAR_NO_CACHE": "1"})))
    print(line("python -c 'import pyshacl'",
               timed_runs([sys.executable, "-c", "import pyshacl"], args.runs)))
    print("\none run, by phase:")
    phases(release)
    if args.budget is not None and statistics.median(cached) > args.budget:
        sys.exit(f"median {statistics.median(cached):.2f} s is over the budget of "
                 f"{args.budget:.2f} s")


if __name__ == "__main__":
    main()
