"""Where a node is written: the file and line of its first appearance as a subject.

CI formats (SARIF, GitHub annotations, JUnit) point at a file and line. A validation result is
about a node, not a line, so the line is found in the text of the validated files: the first line
that starts with the node (``<iri>`` or ``prefix:local``, as N-Triples, N-Quads, Turtle and TriG
write subjects), else the first line that mentions it. Blank nodes and nodes that no file spells
out get the first file without a line.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import URIRef
from rdflib.term import Node

_PREFIX = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)


class Locator:
    """Finds nodes in the text of the files they were read from (files are read lazily, once)."""

    def __init__(self, files: list[Path]) -> None:
        self.files = files
        self._texts: dict[Path, list[str]] = {}
        self._prefixes: dict[Path, dict[str, str]] = {}
        self._found: dict[Node, tuple[Path, int | None] | None] = {}

    def _lines(self, path: Path) -> list[str]:
        if path not in self._texts:
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                lines = []
            self._texts[path] = lines
            prefixes = {}
            for line in lines:
                match = _PREFIX.match(line)
                if match:
                    prefixes[match.group(1) or ""] = match.group(2)
            self._prefixes[path] = prefixes
        return self._texts[path]

    def _tokens(self, path: Path, node: URIRef) -> list[str]:
        iri = str(node)
        tokens = [f"<{iri}>"]
        for prefix, namespace in self._prefixes[path].items():
            if namespace and iri.startswith(namespace):
                local = iri[len(namespace) :]
                if re.fullmatch(r"[\w.-]*", local) and not local.endswith("."):
                    tokens.append(f"{prefix}:{local}")
        return tokens

    def find(self, node: Node) -> tuple[Path, int | None] | None:
        if node in self._found:
            return self._found[node]
        found = self._search(node)
        self._found[node] = found
        return found

    def _search(self, node: Node) -> tuple[Path, int | None] | None:
        if not self.files:
            return None
        if not isinstance(node, URIRef):
            return (self.files[0], None)
        fallback: tuple[Path, int | None] | None = None
        for path in self.files:
            lines = self._lines(path)
            tokens = self._tokens(path, node)
            for number, line in enumerate(lines, start=1):
                stripped = line.lstrip()
                for token in tokens:
                    if stripped.startswith(token) and _ends(stripped, len(token)):
                        return (path, number)
                    if fallback is None and token in line:
                        at = line.index(token)
                        if _ends(line, at + len(token)):
                            fallback = (path, number)
        return fallback or (self.files[0], None)


def _ends(text: str, at: int) -> bool:
    """True when a name ends at ``at`` (so ``ex:a`` does not match inside ``ex:ab``)."""
    return at >= len(text) or not (text[at].isalnum() or text[at] in "_-")

