"""The README's architecture table stays true: it names every module and package of
``src/handcar`` (top level), and everything it names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "src" / "handcar"


def _table() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Architecture") :]
    return section[: section.index("\n## ", 1)]


def _named() -> set[str]:
    """The modules and packages in the first column of the table."""
    cells = [line.split("|")[1] for line in _table().splitlines() if line.startswith("| `")]
    return {m.group(1) for cell in cells for m in re.finditer(r"`([a-z_]+(?:\.py|/))`", cell)}


def _on_disk() -> set[str]:
    found = set()
    for path in PACKAGE.iterdir():
        if path.suffix == ".py" and path.name not in {"__init__.py", "__main__.py"}:
            found.add(path.name)
        elif path.is_dir() and (path / "__init__.py").is_file():
            found.add(path.name + "/")
    return found


def test_every_top_level_module_is_in_the_architecture_section() -> None:
    assert sorted(_on_disk() - _named()) == []


def test_everything_the_architecture_section_names_exists() -> None:
    assert sorted(_named() - _on_disk()) == []
