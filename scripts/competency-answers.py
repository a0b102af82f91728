#!/usr/bin/env python3
"""Answer every competency question in queries/ and store the answers.

Builds the dataset afresh into a temporary folder (``handcar build``), or reads a release folder
(``--out DIR``), runs each ``queries/cqNN-*.rq`` with ``handcar query``'s embedded store over the
union of the named graphs, and writes

- ``queries/expected/cqNN-<slug>.json``: the normalised answers the tests compare every engine with;
- the tables in ``queries/README.md`` between its ANSWERS markers.

Review the diff before committing: the expected answers must say what the article says.
``--check`` writes nothing and exits 1 when a file would change.

Usage: .venv/bin/python scripts/competency-answers.py [--out DIR] [--check]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from handcar.baseiri import DEFAULT_BASE
from handcar.competency import (
    answer,
    answers_markdown,
    dump_expected,
    queries_dir,
    questions,
    replace_generated,
)
from handcar.query import open_release


def build(folder: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "handcar", "build", "--out", str(folder), "--quiet"], check=True
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="a release folder (default: build afresh)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a file would change")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="handcar-cq-") as tmp:
        folder = args.out
        if folder is None:
            folder = Path(tmp) / "out"
            build(folder)
        release = open_release(folder)
        items = [(q, answer(release, q)) for q in questions()]

    files: dict[Path, str] = {q.expected_path: dump_expected(q, a) for q, a in items}
    readme = queries_dir() / "README.md"
    files[readme] = replace_generated(
        readme.read_text(encoding="utf-8"), answers_markdown(items, base=DEFAULT_BASE)
    )
    expected_dir = queries_dir() / "expected"
    stale = sorted(set(expected_dir.glob("*.json")) - set(files))
    changed = [p for p, text in files.items() if not p.is_file() or p.read_text("utf-8") != text]
    if args.check:
        for path in changed + stale:
            print(f"out of date: {path}", file=sys.stderr)
        return 1 if changed or stale else 0
    expected_dir.mkdir(exist_ok=True)
    for path in changed:
        path.write_text(files[path], encoding="utf-8")
        print(f"wrote {path}")
    for path in stale:
        path.unlink()
        print(f"removed {path}")
    for question, answers in items:
        print(f"CQ{question.number:<3} {len(answers.rows):>3} rows  {question.path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
