"""Shape lint: each way of writing shapes that would pass when they should not is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from handcar.ontology import Ontology
from handcar.resources import cache_dir
from handcar.validate import lint as lint_module
from handcar.validate.engine import DataGraph
from handcar.validate.lint import LintProblem, lint
from handcar.validate.shacl_terms import SH, TERMS
from handcar.validate.shapes import load_shapes

HEADER = """@prefix djo: <https://w3id.org/djo#> .
@prefix ex: <https://example.org/shapes#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
AIRCRAFT = "ex:AircraftShape a sh:NodeShape ; sh:targetClass djo:Aircraft ; sh:closed false .\n"
GOOD = HEADER + """
ex:LegShape a sh:NodeShape ;
    sh:targetClass djo:Leg ;
    sh:property [ sh:path djo:legIndex ; sh:maxCount 1 ] .
"""


def _lint(tmp_path: Path, text: str, ontology: Ontology, data: DataGraph | None = None,
          empty: str | None = None) -> list[LintProblem]:
    folder = tmp_path / "shapes"
    folder.mkdir(exist_ok=True)
    (folder / "shapes.ttl").write_text(text, encoding="utf-8")
    if empty is not None:
        (folder / "intentionally-empty.txt").write_text(empty, encoding="utf-8")
    return lint(load_shapes([folder]), ontology, data)


def test_good_shapes_pass(tmp_path: Path, ontology: Ontology, mini: DataGraph) -> None:
    assert _lint(tmp_path, GOOD, ontology, mini) == []


def test_misspelt_shacl_term_is_refused_with_its_line(tmp_path: Path, ontology: Ontology) -> None:
    text = GOOD.replace("sh:maxCount 1", "sh:maxcount 1")
    problems = _lint(tmp_path, text, ontology)
    assert [p.check for p in problems] == ["vocabulary"], problems
    assert "sh:maxcount" in problems[0].message
    assert problems[0].file is not None and problems[0].file.name == "shapes.ttl"
    assert problems[0].line == 7  # the line of ex:LegShape


def test_shacl_advanced_terms_are_not_core(tmp_path: Path, ontology: Ontology) -> None:
    text = GOOD + "ex:Rule a sh:NodeShape ; sh:targetClass djo:Leg ; sh:rule [] .\n"
    assert {p.check for p in _lint(tmp_path, text, ontology)} == {"vocabulary"}


def test_misspelt_target_class_is_refused(tmp_path: Path, ontology: Ontology) -> None:
    problems = _lint(tmp_path, GOOD.replace("djo:Leg ;", "djo:Legg ;"), ontology)
    assert [p.check for p in problems] == ["class"]
    assert "djo:Legg" in problems[0].message
    assert "not a class of the ontology" in problems[0].message


def test_misspelt_class_constraint_is_refused(tmp_path: Path, ontology: Ontology) -> None:
    text = GOOD.replace("sh:maxCount 1 ]",
                        "sh:maxCount 1 ] , [ sh:path djo:origin ; sh:class djo:Plac ]")
    problems = _lint(tmp_path, text, ontology)
    assert [p.check for p in problems] == ["class"]
    assert "djo:Plac" in problems[0].message


def test_misspelt_property_is_refused(tmp_path: Path, ontology: Ontology) -> None:
    text = GOOD.replace("sh:path djo:legIndex", "sh:path [ sh:inversePath djo:hasLegs ]")
    problems = _lint(tmp_path, text, ontology)
    assert [p.check for p in problems] == ["class"]
    assert "djo:hasLegs" in problems[0].message and "not a property" in problems[0].message


def test_shapes_must_conform_to_shacl_for_shacl(tmp_path: Path, ontology: Ontology) -> None:
    text = GOOD.replace("sh:maxCount 1", 'sh:maxCount "one"')
    problems = _lint(tmp_path, text, ontology)
    assert {p.check for p in problems} == {"shacl-shacl"}, problems


@pytest.fixture()
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("HANDCAR_CACHE_DIR", str(folder))
    return folder


def _markers() -> set[Path]:
    folder = cache_dir()
    assert folder is not None
    return set((folder / "lint").glob("*.ok"))


def test_a_failure_is_not_cached(tmp_path: Path, ontology: Ontology, private_cache: Path) -> None:
    text = GOOD.replace("sh:maxCount 1", "sh:maxCount 1, 2")
    before = _markers()
    first = _lint(tmp_path, text, ontology)
    assert {p.check for p in first} == {"shacl-shacl"}
    assert _markers() == before
    assert _lint(tmp_path, text, ontology) == first


def test_a_pass_is_cached_under_the_hash_of_the_shapes(tmp_path: Path, ontology: Ontology,
                                                       private_cache: Path) -> None:
    text = GOOD.replace("djo:legIndex", "djo:nextLeg")  # new content: not cached yet
    before = _markers()
    assert _lint(tmp_path, text, ontology) == []
    after = _markers()
    assert len(after - before) == 1
    assert _lint(tmp_path, text, ontology) == []
    assert _markers() == after


def test_sparql_syntax_error_is_refused(tmp_path: Path, ontology: Ontology) -> None:
    text = HEADER + '''
ex:Rules a sh:NodeShape ; sh:targetClass djo:Journey ;
    sh:sparql [ sh:select "SELECT $this WHERE { $this djo:hasLeg }" ] .
'''
    problems = _lint(tmp_path, text, ontology)
    assert "sparql" in {p.check for p in problems}, problems


def test_shape_that_selects_nothing_is_refused(tmp_path: Path, ontology: Ontology,
                                               mini: DataGraph) -> None:
    text = GOOD + AIRCRAFT
    problems = _lint(tmp_path, text, ontology, mini)
    assert [p.check for p in problems] == ["focus"]
    assert "ex:AircraftShape selects no focus node" in problems[0].message


def test_intentionally_empty_shapes_are_allowed_with_a_reason(tmp_path: Path, ontology: Ontology,
                                                               mini: DataGraph) -> None:
    text = GOOD + AIRCRAFT
    empty = "ex:AircraftShape  # no aircraft in the fixture article\n"
    assert _lint(tmp_path, text, ontology, mini, empty) == []


def test_intentionally_empty_list_stays_honest(tmp_path: Path, ontology: Ontology,
                                               mini: DataGraph) -> None:
    empty = "ex:LegShape  # wrongly listed\nex:NoSuchShape  # not a shape\n"
    problems = _lint(tmp_path, GOOD, ontology, mini, empty)
    messages = " ".join(p.message for p in problems)
    assert [p.check for p in problems] == ["focus", "focus"]
    assert "selects" in messages and "is not a shape with a target" in messages


def test_intentionally_empty_needs_a_reason(tmp_path: Path, ontology: Ontology) -> None:
    from handcar.errors import InputError

    with pytest.raises(InputError, match="say why"):
        _lint(tmp_path, GOOD, ontology, None, "ex:LegShape\n")


def test_the_shacl_term_list_is_w3c_vocabulary() -> None:
    """Every accepted term is in the W3C SHACL vocabulary (pySHACL's copy of shacl.ttl), and the
    vocabulary terms not accepted are exactly SHACL-AF and SHACL-JS terms."""
    path = Path(str(lint_module.shacl_shacl_file())).with_name("shacl.ttl")
    vocabulary = rdflib.Graph().parse(path)
    w3c = {str(t)[len(SH):] for t in vocabulary.all_nodes()
           if isinstance(t, rdflib.URIRef) and str(t).startswith(SH)} - {""}
    assert w3c >= TERMS, sorted(TERMS - w3c)
    advanced = {t for t in w3c - TERMS
                if t.startswith(("JS", "js")) or t in {
                    "ExpressionConstraintComponent", "ExpressionConstraintComponent-expression",
                    "Function", "ResultAnnotation", "Rule", "SPARQLFunction", "SPARQLRule",
                    "SPARQLTarget", "SPARQLTargetType", "Target", "TargetType", "TripleRule",
                    "annotationProperty", "annotationValue", "annotationVarName", "condition",
                    "expression", "filterShape", "intersection", "nodes", "object", "predicate",
                    "resultAnnotation", "returnType", "rule", "subject", "target", "this",
                    "union"}}
    assert w3c - TERMS == advanced, sorted(w3c - TERMS - advanced)


def test_the_checks_are_listed_once_in_the_order_they_run() -> None:
    assert [c.name for c in lint_module.CHECKS] == [
        "vocabulary", "class", "shacl-shacl", "sparql", "focus"]
    assert {"shacl-shacl", "focus"} == lint_module.LENIENT_CHECKS


def test_general_mode_warns_for_lenient_checks_unless_nothing_is_selected() -> None:
    single = LintProblem("focus", "ex:A selects no focus node in the data")
    meta = LintProblem("shacl-shacl", "ex:A: not well-formed")
    name = LintProblem("class", "ex:A: djo:Lge is not a class of the ontology")
    assert lint_module.split_problems([single, meta, name], strict=False) == (
        [name], [single, meta])
    vacuous = LintProblem("focus", "none of the 2 shape(s) selects", vacuous=True)
    assert lint_module.split_problems([single, vacuous, meta], strict=False) == (
        [single, vacuous], [meta])
    assert lint_module.split_problems([single, meta], strict=True) == ([single, meta], [])
