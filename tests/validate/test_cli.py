"""``handcar validate`` on the command line: exit codes, inputs, and every report format."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from handcar.cli import app
from support.paths import ROOT

runner = CliRunner()
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
LEG = "https://w3id.org/djo/id/event/example-2022-03-03-crossing.leg-1-train"
BROKEN = f'<{LEG}> <https://w3id.org/djo#legIndex> "first" .\n'  # wrong datatype: a violation


def invoke(*args: str):
    return runner.invoke(app, ["validate", *args])


@pytest.fixture()
def broken(tmp_path: Path, mini_release: Path) -> Path:
    """The fixture release plus one wrong triple, as a second file."""
    extra = tmp_path / "broken.nt"
    extra.write_text(BROKEN, encoding="utf-8")
    return extra


def test_conforming_data_exits_0(mini_release: Path) -> None:
    result = invoke(str(mini_release))
    assert result.exit_code == 0, result.output
    assert "conforms (fail on violation): 0 violations, 0 warnings, 0 infos" in result.output


def test_violation_exits_1(mini_release: Path, broken: Path) -> None:
    result = invoke(str(mini_release / "dataset.nq"), str(broken))
    assert result.exit_code == 1, result.output
    assert "does not conform" in result.output


@pytest.mark.slow  # a few full builds or validations: CI runs it
def test_threshold_decides(mini_release: Path, tmp_path: Path) -> None:
    """A warning (two English names) fails with --fail-on warning or info, not by default."""
    extra = tmp_path / "warning.ttl"
    extra.write_text('<https://w3id.org/djo/id/place/russia> <https://schema.org/name> '
                     '"Russian Federation"@en .\n', encoding="utf-8")
    files = [str(mini_release), str(extra)]
    assert invoke(*files).exit_code == 0
    assert invoke(*files, "--fail-on", "warning").exit_code == 1
    assert invoke(*files, "--fail-on", "info").exit_code == 1


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = invoke(str(tmp_path / "nope.ttl"))
    assert result.exit_code == 2
    assert "nope.ttl: no such file or folder" in result.output


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n',
                   encoding="utf-8")
    result = invoke(str(bad))
    assert result.exit_code == 2
    assert f"{bad}:3: syntax error" in result.output


def test_unknown_format_is_a_usage_error(mini_release: Path) -> None:
    assert invoke(str(mini_release), "--format", "pdf").exit_code == 2


def test_default_is_handcars_own_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         seed_release: Path) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke()
    assert result.exit_code == 2 and "run 'handcar build' first" in result.output
    shutil.copytree(seed_release, tmp_path / "out")
    result = invoke("--format", "json")
    assert result.exit_code in (0, 1), result.output
    document = json.loads(result.output)
    assert document["files"] == ["out/dataset.nq"]
    assert result.exit_code == (0 if document["conforms"] else 1)


def test_broken_shapes_exit_2(tmp_path: Path, mini_release: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
                      "@prefix djo: <https://w3id.org/djo#> .\n"
                      "<urn:s> a sh:NodeShape ; sh:targetClass djo:Leg ; sh:clossed true .\n",
                      encoding="utf-8")
    result = invoke(str(mini_release), "--shapes", str(shapes))
    assert result.exit_code == 2
    assert "the shapes fail the lint" in result.output
    assert f"{shapes}:3: [vocabulary] sh:clossed" in result.output


def test_own_shapes_must_select_something(tmp_path: Path, mini_release: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
                      "@prefix djo: <https://w3id.org/djo#> .\n"
                      "<urn:s> a sh:NodeShape ; sh:targetClass djo:Aircraft ; sh:closed false .\n",
                      encoding="utf-8")
    result = invoke(str(mini_release), "--shapes", str(shapes))
    assert result.exit_code == 2 and "selects no focus node" in result.output
    assert invoke(str(mini_release), "--shapes", str(shapes), "--no-coverage").exit_code == 0


@pytest.fixture(scope="module")
def rendered(mini_release: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each format of one report (the fixture release with a wrong leg number), rendered once."""
    from handcar.validate.engine import read_data, run
    from handcar.validate.formats import FORMATS, renderer
    from handcar.validate.report import Severity
    from handcar.validate.shapes import load_shapes

    extra = tmp_path_factory.mktemp("broken") / "broken.nt"
    extra.write_text(BROKEN, encoding="utf-8")
    data, files = read_data([mini_release, extra])
    report = run(data, load_shapes(), files=files)
    return {name: renderer(name)(report, Severity.VIOLATION) for name in FORMATS}


@pytest.mark.slow  # a whole validation through the CLI (~4 s): CI runs it
def test_text_report_groups_by_node_and_shows_labels(mini_release: Path, broken: Path) -> None:
    result = invoke(str(mini_release), str(broken))
    assert result.exit_code == 1
    output = result.output
    assert "‘a 10-hour train ride from Pyongyang to Tumangang station’  [djo:TrainLeg]" in output
    assert "violation  leg index (djo:legIndex)" in output
    assert LEG not in output


def test_turtle_report_is_a_shacl_validation_report(rendered: dict[str, str]) -> None:
    graph = rdflib.Graph().parse(data=rendered["turtle"], format="turtle")
    report = graph.value(predicate=rdflib.RDF.type, object=SH.ValidationReport)
    assert graph.value(report, SH.conforms).toPython() is False
    focus = {str(graph.value(r, SH.focusNode)) for r in graph.objects(report, SH.result)}
    assert LEG in focus
    components = set(graph.objects(None, SH.sourceConstraintComponent))
    assert SH.DatatypeConstraintComponent in components


def test_json_report(rendered: dict[str, str]) -> None:
    document = json.loads(rendered["json"])
    assert document["conforms"] is False and document["counts"]["violation"] >= 1
    first = document["results"][0]
    assert {"severity", "focusNode", "focusLabel", "path", "constraintComponent", "message",
            "file", "line", "shape", "shapeName"} <= first.keys()


def test_junit_report_is_junit_xml(rendered: dict[str, str]) -> None:
    root = ET.fromstring(rendered["junit"].split("?>", 1)[1])
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None and int(suite.get("tests")) > 50
    failures = [case for case in suite.iter("testcase") if case.find("failure") is not None]
    assert int(suite.get("failures")) == len(failures) >= 1
    assert any(case.get("classname") == "djosh:LegShape" for case in failures)


def test_sarif_report(rendered: dict[str, str]) -> None:
    document = json.loads(rendered["sarif"])
    assert document["version"] == "2.1.0"
    run = document["runs"][0]
    rules = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    result = next(r for r in run["results"] if r["ruleId"] == "djosh:LegShape/leg-index")
    assert result["level"] == "error" and result["ruleId"] in rules
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("dataset.nq")
    assert location["region"]["startLine"] >= 1
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_github_annotations(rendered: dict[str, str]) -> None:
    line = next(x for x in rendered["github"].splitlines() if "leg index" in x)
    assert line.startswith("::error file=")
    assert ",line=" in line and ",title=leg index::" in line


def test_output_file(mini_release: Path, broken: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    result = invoke(str(mini_release), str(broken), "--format", "sarif", "--output", str(target))
    assert result.exit_code == 1 and result.output == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_exit_codes_in_a_real_process(mini_release: Path, broken: Path, tmp_path: Path) -> None:
    def status(*args: str) -> int:
        return subprocess.run([sys.executable, "-m", "handcar", "validate", *args], cwd=ROOT,
                              capture_output=True, check=False).returncode

    assert status(str(mini_release), str(broken), "-f", "github") == 1
    assert status(str(tmp_path / "missing.nq")) == 2
