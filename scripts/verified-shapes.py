#!/usr/bin/env python3
"""Writes ``src/handcar/data/verified/shapes.json``: what the bundled shapes are verified to do,
shipped so a new machine need not redo it (see :mod:`handcar.validate.verified`).

Usage (from the top of the source tree, after ``handcar build``)::

    .venv/bin/python scripts/verified-shapes.py

With nothing shipped used and an empty cache folder, it validates ``out/`` and checks the seed,
the test corpus and the tutorial's article (which lints the shapes against SHACL-for-SHACL and
decides every pre-binding verdict those runs meet), then writes the shapes' digest and the
verdicts found, sorted, so the same shapes give the same bytes. It stops, writing nothing, when a
run fails.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "tests" / "curation" / "fixtures"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="handcar-verified-") as temp:
        os.environ["HANDCAR_CACHE_DIR"] = str(Path(temp) / "cache")
        os.environ.pop("HANDCAR_NO_CACHE", None)
        from handcar.cli import app
        from handcar.files import write_atomically
        from handcar.resources import shapes_dir, verified_table
        from handcar.validate import verified

        article = Path(temp) / "tutorial" / "lake-ferry-2023-06-09"
        article.mkdir(parents=True)
        shutil.copy(TUTORIAL / "ferry.md", article / "article.md")
        shutil.copy(TUTORIAL / "tutorial-annotation.yaml", article / "annotation.yaml")
        corpus = Path(temp) / "corpus"  # the test reports name the seed's items
        for folder in [*(ROOT / "articles").iterdir(), *(ROOT / "tests/corpus/articles").iterdir()]:
            if folder.is_dir():
                shutil.copytree(folder, corpus / folder.name)
        runs = [["validate", str(ROOT / "out")],
                ["check", *(str(p) for p in sorted(corpus.iterdir()))],
                ["check", str(article)]]
        with verified.unshipped():
            for arguments in runs:
                try:
                    code = app(arguments, standalone_mode=False)
                except SystemExit as stop:
                    code = stop.code
                if code:
                    print(f"handcar {' '.join(arguments)} failed ({code}): nothing written",
                          file=sys.stderr)
                    return 1
        entries = {}
        for path in (Path(temp) / "cache" / "prebinding").glob("*/*.*"):
            entry = json.loads(path.read_text(encoding="utf-8"))
            entries[verified.query_key(entry["record"])] = entry
        head = {
            "about": "What handcar's tests verify about its bundled shapes (written by "
                     "scripts/verified-shapes.py; see handcar.validate.verified).",
            "rule": verified.rule_digest(),
            "shapes": verified.shapes_digest(sorted(shapes_dir().glob("*.ttl"))),
        }
        # one verdict a line, so a change of the shapes reads as a diff of the queries changed
        lines = [f" {json.dumps(k)}: {json.dumps(v)}," for k, v in head.items()]
        rows = ",\n".join(f"  {json.dumps(entries[key], sort_keys=True)}"
                          for key in sorted(entries))
        target = verified_table()
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, "{\n" + "\n".join(lines) + '\n "verdicts": [\n'
                         + rows + "\n ]\n}\n")
        print(f"{target}: {len(entries)} verdicts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
