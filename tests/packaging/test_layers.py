"""Data flows one way: no module imports a stage that comes after its own (README,
Architecture). Read from the source with ``ast``, so lazy imports inside functions count too."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "src" / "handcar"

#: the stages in pipeline order; a module may import its own stage and earlier ones
STAGES = ["article", "annotation", "graph", "build", "validate", "publish", "curation"]
#: the one import that crosses backwards on purpose: the release check's exception is a kind of
#: publish.release.Rejected, so publishing can keep a rejected release without knowing SHACL
ALLOWED = {("validate.rejected", "publish.release")}


def _stage(module: str) -> str | None:
    head = module.split(".")[0]
    return head if head in STAGES else None


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("handcar."):
            found.add(node.module.removeprefix("handcar."))
        elif isinstance(node, ast.Import):
            found |= {a.name.removeprefix("handcar.") for a in node.names
                      if a.name.startswith("handcar.")}
    return found


def test_no_stage_imports_a_later_one() -> None:
    backwards = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        own = _stage(module)
        if own is None:
            continue
        for target in sorted(_imports(path)):
            other = _stage(target)
            if other is None or STAGES.index(other) <= STAGES.index(own):
                continue
            if (module, target) not in ALLOWED:
                backwards.append(f"{module} imports {target}")
    assert backwards == []


#: modules every stage may use; they import no stage themselves
SHARED = ["ontology", "vocabulary", "namespaces", "rdfterms", "formats", "resources", "errors",
          "limits", "chars", "files", "xml_entities"]


def test_shared_modules_import_no_stage() -> None:
    found = [
        f"{name} imports {target}"
        for name in SHARED
        for target in sorted(_imports(PACKAGE / f"{name}.py"))
        if _stage(target) is not None or target.split(".")[0] in {"query", "commands", "cli"}
    ]
    assert found == []
