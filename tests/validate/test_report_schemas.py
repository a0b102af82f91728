"""Report formats against their published schemas, and results counted as SHACL counts them.

SARIF is validated against the OASIS SARIF 2.1.0 JSON schema and JUnit against Jenkins'
``junit-10.xsd`` (both vendored in ``schemas/`` with their licences), on real outputs of
``handcar validate``: the committed release ``out/`` and the same release with a violation added.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
import rdflib
import xmlschema
from typer.testing import CliRunner

from handcar.cli import app
from support.paths import ROOT

SCHEMAS = Path(__file__).parent / "schemas"
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
LEG = "https://w3id.org/djo/id/event/moscow-times-2021-02-26-handcar.leg-1-train"
BROKEN = f'<{LEG}> <https://w3id.org/djo#legIndex> "first" .\n'
runner = CliRunner()


@pytest.fixture(scope="module")
def sarif_schema() -> jsonschema.Draft4Validator:
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


@pytest.fixture(scope="module")
def junit_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMAS / "junit-10.xsd"))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working folder with a copy of the release as ``out/`` and a violation in ``broken.nt``."""
    folder = tmp_path_factory.mktemp("work")
    (folder / "out").mkdir()
    shutil.copy(ROOT / "out" / "dataset.trig", folder / "out" / "dataset.trig")
    (folder / "broken.nt").write_text(BROKEN, encoding="utf-8")
    return folder


CASES = {"seed": ["out"], "failing": ["out/dataset.trig", "broken.nt"]}


def report(
    workdir: Path,
    monkeypatch: pytest.MonkeyPatch,
    files: list[str],
    fmt: str,
    expect: int | None = None,
) -> str:
    monkeypatch.chdir(workdir)
    result = runner.invoke(app, ["validate", *files, "--format", fmt, "--no-coverage"])
    assert result.exit_code in ((0, 1) if expect is None else (expect,)), result.output
    return result.output


def sarif_locations(document: dict) -> list[dict]:
    return [loc for run in document["runs"] for r in run["results"] for loc in r["locations"]]


@pytest.mark.parametrize("case", CASES)
def test_sarif_passes_the_oasis_schema(
    workdir: Path,
    monkeypatch: pytest.MonkeyPatch,
    sarif_schema: jsonschema.Draft4Validator,
    case: str,
) -> None:
    document = json.loads(report(workdir, monkeypatch, CASES[case], "sarif"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_schema.iter_errors(document)]
    assert errors == []
    results = document["runs"][0]["results"]
    if case == "failing":
        assert any(r["ruleId"] == "djosh:LegShape/leg-index" for r in results)
    for result in results:
        assert "logicalLocations" not in result
        (location,) = result["locations"]
        assert location["logicalLocations"][0]["kind"] == "object"
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert artifact["uri"] in ("out/dataset.trig", "broken.nt")
    assert "originalUriBaseIds" not in document["runs"][0]


def test_sarif_uris_of_files_elsewhere_are_relative_to_a_declared_base(
    workdir: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    sarif_schema: jsonschema.Draft4Validator,
) -> None:
    elsewhere = tmp_path / "my data"  # outside the working folder, with a space to escape
    elsewhere.mkdir()
    shutil.copy(workdir / "out" / "dataset.trig", elsewhere / "data set.trig")
    (elsewhere / "broken.nt").write_text(BROKEN, encoding="utf-8")
    files = [str(elsewhere / "data set.trig"), str(elsewhere / "broken.nt")]
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["validate", *files, "--format", "sarif", "--no-coverage"])
    assert result.exit_code == 1, result.output
    document = json.loads(result.output)
    assert list(sarif_schema.iter_errors(document)) == []
    bases = {
        name: value["uri"] for name, value in document["runs"][0]["originalUriBaseIds"].items()
    }
    for location in sarif_locations(document):
        artifact = location["physicalLocation"]["artifactLocation"]
        uri = urlsplit(artifact["uri"])
        assert not uri.scheme and not uri.path.startswith("/") and "/" not in uri.path
        assert artifact["uriBaseId"] in bases
    assert bases == {"INPUT1": elsewhere.as_uri() + "/"}
    assert elsewhere.as_uri().endswith("/my%20data")
    assert {
        loc["physicalLocation"]["artifactLocation"]["uri"] for loc in sarif_locations(document)
    } == {"data%20set.trig"}


@pytest.mark.parametrize("case", CASES)
def test_junit_passes_jenkins_xsd(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, junit_schema: xmlschema.XMLSchema, case: str
) -> None:
    text = report(workdir, monkeypatch, CASES[case], "junit")
    errors = [str(e.reason) for e in junit_schema.iter_errors(text.encode("utf-8"))]
    assert errors == []
    failures = int(junit_schema.to_dict(text.encode("utf-8"))["testsuite"][0]["@failures"])
    assert (failures >= 1) if case == "failing" else True


# -- sh:detail: nested, not counted ---------------------------------------------------------------

AGE = """@prefix djo: <https://w3id.org/djo#> .
@prefix unit: <http://qudt.org/vocab/unit/> .
<https://w3id.org/djo/id/person/probe> a djo:Person ;
    djo:age <https://w3id.org/djo/id/quantity/probe-age> .
<https://w3id.org/djo/id/quantity/probe-age> djo:unit unit:KiloM .
unit:KiloM a <http://qudt.org/schema/qudt/Unit> ;
    <http://qudt.org/schema/qudt/hasQuantityKind> <http://qudt.org/vocab/quantitykind/Length> ;
    <http://qudt.org/schema/qudt/hasDimensionVector>
        <http://qudt.org/vocab/dimensionvector/A0E0L1I0M0H0T0D0> .
"""


@pytest.fixture()
def age(tmp_path: Path) -> Path:
    """A person whose age is not in years: one sh:node result with one sh:detail."""
    path = tmp_path / "age.ttl"
    path.write_text(AGE, encoding="utf-8")
    return path


def test_json_nests_details_and_counts_only_top_level_results(
    age: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = json.loads(report(age.parent, monkeypatch, [str(age)], "json", expect=1))
    components = [r["constraintComponent"] for r in document["results"]]
    assert "sh:HasValueConstraintComponent" not in components
    assert sum(document["counts"].values()) == len(document["results"])
    (node,) = [r for r in document["results"] if r["shape"] == "djosh:PersonShape/age"]
    assert node["constraintComponent"] == "sh:NodeConstraintComponent"
    (detail,) = node["details"]
    assert detail["constraintComponent"] == "sh:HasValueConstraintComponent"
    assert detail["focusNode"] == "https://w3id.org/djo/id/quantity/probe-age"
    assert detail["message"] == (
        "an age must have a djo:unit of quantity kind Time (qudt:hasQuantityKind quantitykind:Time)"
    )
    assert detail["details"] == []


def test_turtle_puts_details_under_sh_detail(age: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = report(age.parent, monkeypatch, [str(age)], "turtle", expect=1)
    graph = rdflib.Graph().parse(data=text, format="turtle")
    root = graph.value(predicate=rdflib.RDF.type, object=SH.ValidationReport)
    top = set(graph.objects(root, SH.result))
    details = set(graph.objects(None, SH.detail))
    assert len(details) == 1 and not details & top
    (detail,) = details
    assert graph.value(detail, SH.sourceConstraintComponent) == SH.HasValueConstraintComponent
    parent = graph.value(predicate=SH.detail, object=detail)
    assert parent in top
    assert graph.value(parent, SH.sourceConstraintComponent) == SH.NodeConstraintComponent
    counts = json.loads(report(age.parent, monkeypatch, [str(age)], "json", expect=1))["counts"]
    assert len(top) == sum(counts.values())


def test_text_and_sarif_count_top_level_results(age: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counts = json.loads(report(age.parent, monkeypatch, [str(age)], "json", expect=1))["counts"]
    text = report(age.parent, monkeypatch, [str(age)], "text", expect=1)
    assert f"does not conform (fail on violation): {counts['violation']} violations" in text
    assert "because: " in text and "an age must have a djo:unit of quantity kind Time" in text
    sarif = json.loads(report(age.parent, monkeypatch, [str(age)], "sarif", expect=1))
    assert len(sarif["runs"][0]["results"]) == sum(counts.values())
