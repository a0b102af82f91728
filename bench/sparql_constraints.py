"""Time every SHACL-SPARQL constraint of handcar's shapes, as ``handcar validate`` runs it (once,
with ``$this`` free), on releases of different sizes, and show how each grows.

    .venv/bin/python bench/sparql_constraints.py SMALL_RELEASE LARGE_RELEASE [--top 10]

A constraint whose time grows much faster than the data (the ratio column against the ratio of
the quads) is the one to rewrite: one such query made validation quadratic (see README.md,
"Validation at 1 M"). Not a test: the times depend on the machine.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from handcar.validate import engine
from handcar.validate.check import Settings, validate_files


def constraint_times(release: Path) -> dict[str, float]:
    """The seconds each constraint's query took in ``handcar validate --jobs 1`` of
    ``release``, by its text."""
    original = engine.DataGraph._solutions
    times: dict[str, float] = {}

    def timed(self, text, bindings):
        started = time.perf_counter()
        try:
            return original(self, text, bindings)
        finally:
            body = " ".join(text[text.index("SELECT"):].split())
            times[body] = times.get(body, 0.0) + time.perf_counter() - started

    engine.DataGraph._solutions = timed  # type: ignore[method-assign]
    try:
        validate_files([release], Settings(jobs=1))
    finally:
        engine.DataGraph._solutions = original  # type: ignore[method-assign]
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("small", type=Path)
    parser.add_argument("large", type=Path)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    quads = [sum(1 for _ in (r / "dataset.nq").open(encoding="utf-8")) for r in (args.small,
                                                                             args.large)]
    small = constraint_times(args.small)
    large = constraint_times(args.large)
    print(f"quads: {quads[0]:,} -> {quads[1]:,} (x{quads[1] / quads[0]:.1f}); "
          f"all constraints: {sum(small.values()):.3f} s -> {sum(large.values()):.3f} s")
    rows = sorted(((large[k] / max(small.get(k, 0.0), 1e-4), k) for k in large), reverse=True)
    print("| growth | small s | large s | query |\n|---:|---:|---:|---|")
    for ratio, key in rows[: args.top]:
        print(f"| x{ratio:.1f} | {small.get(key, 0.0):.4f} | {large[key]:.3f} | `{key[:90]}…` |")


if __name__ == "__main__":
    main()
