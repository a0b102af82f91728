"""One module per output format of ``handcar validate``; each has ``render(report, threshold)``.

| name     | module    | for                                                              |
|----------|-----------|------------------------------------------------------------------|
| text     | text      | people: results grouped by focus node, labels instead of IRIs    |
| turtle   | turtle    | RDF tools: a W3C SHACL validation report (sh:ValidationReport)   |
| json     | json      | scripts: counts and one object per result                         |
| junit    | junit     | CI test reports: one test case per shape (JUnit XML)             |
| sarif    | sarif     | code-scanning UIs: SARIF 2.1.0, one rule per shape               |
| github   | github    | GitHub Actions: ``::error file=…,line=…::…`` workflow commands      |

Adding a format is one module with a ``render`` function and one line in :data:`FORMATS`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from handcar.validate.report import Report, Severity

Renderer = Callable[[Report, Severity], str]

FORMATS: dict[str, str] = {
    "text": "handcar.validate.formats.text",
    "turtle": "handcar.validate.formats.turtle",
    "json": "handcar.validate.formats.json",
    "junit": "handcar.validate.formats.junit",
    "sarif": "handcar.validate.formats.sarif",
    "github": "handcar.validate.formats.github",
}


def renderer(name: str) -> Renderer:
    """The ``render`` function of format ``name`` (imported on first use)."""
    if name not in FORMATS:
        raise KeyError(f"unknown format {name!r}; known: {', '.join(FORMATS)}")
    return importlib.import_module(FORMATS[name]).render
