"""Times the build stage (articles → dataset, :func:`handcar.build.build_dataset`) with one
process and with worker processes, and incremental rebuilds from the article cache.

    .venv/bin/python bench/bench_parallel.py [--articles 50] [--jobs 1,2] [--repeat 1]

Generates the synthetic corpus (``bench/corpus.py``, fiction) in a temporary folder, then times,
each in a fresh process (imports and the ontology excluded, as a long build amortises them):
the build with each ``--jobs`` and no cache; a build that fills an empty cache; a rebuild with
nothing changed; a rebuild after one annotation changed. Prints a table and the quads built.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

ONE = """
import json, sys, time
from pathlib import Path
from handcar.build import build_dataset
from handcar.build.workers import executor
from handcar.vocabulary import vocabulary
vocabulary()
articles, jobs, cache = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] or None
started = time.perf_counter()
with executor(jobs) as pool:
    result = build_dataset(articles, executor=pool, cache=Path(cache) if cache else None)
print(json.dumps({"seconds": time.perf_counter() - started, "quads": len(result.dataset),
                  "rebuilt": len(result.rebuilt), "articles": len(result.articles)}))
"""


def _time(articles: Path, jobs: int, cache: Path | None) -> dict:
    done = subprocess.run([sys.executable, "-c", ONE, str(articles), str(jobs), str(cache or "")],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best is shown")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    from corpus import generate

    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles"
        generate(articles, args.articles)
        rows = []

        def best(label: str, jobs: int, cache: Path | None, setup=None) -> None:
            runs = []
            for _ in range(args.repeat):
                if setup:
                    setup()
                runs.append(_time(articles, jobs, cache))
            run = min(runs, key=lambda r: r["seconds"])
            rows.append((label, jobs, run))

        for jobs in (int(j) for j in args.jobs.split(",")):
            best("no cache", jobs, None)
        top = max(int(j) for j in args.jobs.split(","))
        cache = Path(tmp) / "cache"
        rows.append(("empty cache (filled)", top, _time(articles, top, cache)))
        best("rebuild, nothing changed", top, cache)
        changed = sorted(articles.iterdir())[len(list(articles.iterdir())) // 2] / "annotation.yaml"

        def edit() -> None:
            changed.write_text(changed.read_text(encoding="utf-8") + "# edited\n",
                               encoding="utf-8")

        best("rebuild, one annotation changed", top, cache, edit)
    print(f"{'build':34} {'jobs':>4} {'seconds':>8} {'rebuilt':>8} {'quads':>8}")
    for label, jobs, run in rows:
        print(f"{label:34} {jobs:>4} {run['seconds']:>8.2f} "
              f"{run['rebuilt']:>4}/{run['articles']:<3} {run['quads']:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
