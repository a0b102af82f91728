"""``handcar schema`` and ``handcar check`` (issue 16, points 2 and 3)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from handcar.annotation.schema import schema_text
from handcar.annotation.yamlsource import read_yaml
from handcar.cli import app
from handcar.curation.check import check_article
from handcar.resources import _packaged
from support.fresh import printed_by
from support.paths import ARTICLES, ROOT

from .conftest import Drafted

CORPUS = ROOT / "tests" / "corpus" / "articles"
ANNOTATIONS = sorted([*ARTICLES.glob("*/annotation.yaml"), *CORPUS.glob("*/annotation.yaml"),
                      *(ROOT / "tests" / "curation" / "fixtures").glob("*/annotation.yaml")])


def _json(value: object) -> object:
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(schema_text()))


def _locked(name: str) -> str:
    lock = (ROOT / "constraints" / "lock.txt").read_text(encoding="utf-8")
    return next(line.split("==")[1] for line in lock.splitlines() if line.startswith(name + "=="))


@pytest.mark.skipif(
    _locked("pydantic") != __import__("pydantic").VERSION,
    reason="the shipped schema is generated with the locked pydantic; others word it otherwise",
)
def test_the_shipped_schema_is_the_models() -> None:
    shipped = _packaged("handcar", "data", "schema", "annotation.schema.json")
    assert shipped.read_text(encoding="utf-8") == schema_text(), "run handcar schema --out …"


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda p: p.parent.name)
def test_every_annotation_validates(path: Path, validator) -> None:
    validator.validate(_json(read_yaml(path).data))


def test_the_draft_validates(drafted: Drafted, validator) -> None:
    validator.validate(_json(read_yaml(drafted.folder / "annotation.yaml").data))


@pytest.mark.parametrize("bad", [
    {"format": "handcar-annotation/1", "quantities": [
        {"id": "d", "value": 1, "unit": "kilometres", "quote": "x"}]},
    {"format": "handcar-annotation/1", "entities": [
        {"id": "x", "type": "Cty", "name": "X", "quote": "X"}]},
    {"format": "handcar-annotation/1", "times": [
        {"id": "t", "relative": "Thursday", "quote": "Thursday", "suggested": "yes"}]},
    {"format": "handcar-annotation/1", "entities": [{"id": "Not A Slug", "type": "City",
                                                     "name": "X", "quote": "X"}]},
    {"format": "handcar-annotation/1", "statements": [
        {"id": "s", "quote": "x", "facts": [["a", "destinaton", "b"]]}]},
])
def test_the_schema_rejects_wrong_values(bad: dict, validator) -> None:
    assert list(validator.iter_errors(bad))


def test_schema_command_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    result = CliRunner().invoke(app, ["schema", "--out", str(out)])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8") == schema_text()


def _broken(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """The wire report with five injected problems; their expected lines."""
    folder = tmp_path / "wire-2021-02-26-handcar"
    shutil.copytree(CORPUS / folder.name, folder)
    path = folder / "annotation.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in [
        ("quote: flew on to Moscow", "quote: flew to Moscow"),
        ("    unit: KiloM\n", "    unit: kilometres\n"),
        ("type: City\n    name: Vladivostok", "type: Cty\n    name: Vladivostok"),
        ("[leg-bus, destination, vladivostok]", "[leg-bus, destinaton, vladivostok]"),
        ("referred_to_as: the suitcases\n", "referred_to_as: the suitcases\n    colour: red\n"),
    ]:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()

    def line_of(fragment: str) -> int:
        return next(n for n, line in enumerate(lines, 1) if fragment in line)

    return folder, {
        "quote not found": line_of("quote: flew to Moscow"),
        "unknown QUDT unit 'kilometres'": line_of("unit: kilometres"),
        "'Cty' is not a class": line_of("type: Cty"),
        "'destinaton' is not a property": line_of("[leg-bus, destinaton"),
        "unknown key": line_of("colour: red"),
    }


def test_check_reports_every_problem_at_its_line(tmp_path: Path) -> None:
    folder, expected = _broken(tmp_path)
    result = CliRunner().invoke(app, ["check", str(folder)])
    assert result.exit_code == 1
    path = folder / "annotation.yaml"
    for problem, line in expected.items():
        assert any(out.startswith(f"{path}:{line}: ") and problem in out
                   for out in result.output.splitlines()), (problem, line, result.output)
    assert "  hint: " in result.output
    assert "  hint: did you mean 'flew on to Moscow' (article.md line " in result.output
    assert f"{folder}: 5 problems" in result.output


def test_check_reports_every_front_matter_problem(drafted: Drafted, tmp_path: Path) -> None:
    """Two unknown keys in article.md's front matter: both, each at its line (the build names
    the first and how many more)."""
    folder = tmp_path / drafted.folder.name
    shutil.copytree(drafted.folder, folder)
    article = folder / "article.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("\nheadline:", "\ntitle: x\npublisher: y\nheadline:", 1),
                       encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--no-shapes", str(folder)])
    lines = article.read_text(encoding="utf-8").splitlines()
    for key in ("title", "publisher"):
        line = next(n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:"))
        assert f"{article}:{line}: {key}: unknown key\n" in result.output, result.output
    assert "more problem" not in result.output


def test_check_lists_what_is_left(drafted: Drafted, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(drafted.folder)])
    assert result.exit_code == 1
    assert "unconfirmed suggestion" in result.output
    # nothing is confirmed yet, so no sentence counts as annotated
    assert "left to do: 17 unconfirmed suggestions, 4 unannotated sentences" in result.output


def test_check_is_clean_on_the_corpus() -> None:
    """(How fast: ``bench/README.md``, not a timed test.)"""
    folders = [ARTICLES / "moscow-times-2021-02-26-handcar", *sorted(CORPUS.iterdir())]
    results = [check_article(f) for f in folders]
    assert [r.problems for r in results] == [[]] * len(folders)


def test_the_shapes_check_builds_only_the_linked_articles(tmp_path: Path) -> None:
    """``check --shapes`` builds the article and the articles it links to (transitively), not
    the whole folder, and reports for this article's items what a whole validation reports."""
    from handcar.annotation import load_annotation
    from handcar.build import build_dataset
    from handcar.curation.check import check_shapes, linked_articles
    from handcar.validate.release import check_dataset
    from handcar.validate.report import Severity

    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES / "moscow-times-2021-02-26-handcar",
                    articles / "moscow-times-2021-02-26-handcar")
    for folder in CORPUS.iterdir():
        shutil.copytree(folder, articles / folder.name)
    broken = articles / "unrelated-broken"  # fiction: an article whose build would fail
    broken.mkdir()
    (broken / "article.md").write_text("Nothing here.\n", encoding="utf-8")
    (broken / "annotation.yaml").write_text("format: nonsense\n", encoding="utf-8")
    wire = articles / "wire-2021-02-26-handcar"
    linked = linked_articles(load_annotation(wire / "annotation.yaml").annotation, wire.name,
                             articles)
    assert linked == {wire.name, "moscow-times-2021-02-26-handcar"}
    found = check_shapes(wire)  # the broken article is not built
    broken.rename(tmp_path / "broken-aside")
    built = build_dataset(articles)
    whole = check_dataset(built.dataset)
    entities = {e.id for e in load_annotation(wire / "annotation.yaml").annotation.entities}

    def of_wire(focus: str) -> bool:  # the article's own nodes and its named entities' IRIs
        parts = built.iris.split(focus)
        return f"/{wire.name}." in focus or (parts is not None and parts[1] in entities)

    own = sorted((str(r.focus), whole.message(r)) for r in whole.results
                 if r.severity >= Severity.WARNING and of_wire(str(r.focus)))
    scoped = [(focus, message) for focus, message in own if f"/{wire.name}." in focus]
    assert scoped, "the wire report has warnings to compare"
    # its own nodes: the same findings; its named entities, shared with every article, get
    # more from the articles the check does not build (labels of Russia from two others)
    assert all(any(message in str(f) for f in found) for _focus, message in scoped)
    assert all(any(message in str(f) for _focus, message in own) for f in found)
    assert len(scoped) < len(found) < len(own)


def test_check_and_help_import_no_heavy_library() -> None:
    """Without the shapes, ``handcar check`` needs no SHACL engine and no language library."""
    program = (
        "import sys\nfrom typer.testing import CliRunner\nfrom handcar.cli import app\n"
        f"r = CliRunner().invoke(app, ['check', '--no-shapes', "
        f"{str(CORPUS / 'wire-2021-02-26-handcar')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "heavy = ('spacy', 'quantulum3', 'dateparser', 'pyshacl', 'pyld', 'owlrl')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    assert printed_by(program) == ""


def test_check_validates_against_the_shapes_by_default(tmp_path: Path) -> None:
    """``handcar check`` reports a SHACL Violation as a problem (exit 1) at the item's line,
    and Warnings beside the verdict without failing (the build publishes with them);
    ``--no-shapes`` leaves the shapes out."""
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES / "moscow-times-2021-02-26-handcar",
                    articles / "moscow-times-2021-02-26-handcar")
    wire = articles / "wire-2021-02-26-handcar"
    shutil.copytree(CORPUS / wire.name, wire)
    clean = CliRunner().invoke(app, ["check", str(wire)])
    assert clean.exit_code == 0, clean.output
    assert f"{wire}: ok (3 warnings); 6/6 sentences annotated" in clean.output
    assert "warning (leg-trolley): " in clean.output
    # a named entity's one IRI is an item of the article too: the shared ministry gets a second
    # English label from this report
    assert (f"{wire / 'annotation.yaml'}:9: warning (russian-foreign-ministry): has more than "
            "one rdfs:label in the same language") in clean.output.splitlines()
    path = wire / "annotation.yaml"
    text = path.read_text(encoding="utf-8")
    fact = "      - [border-crossing, toCountry, russia]\n"
    assert text.count(fact) == 1
    path.write_text(text.replace(fact, "      - [border-crossing, toCountry, north-korea]\n"),
                    encoding="utf-8")
    # at a fact that gives the value the shape names: the country it leaves (the one it
    # enters is just as much to blame)
    at = text.splitlines().index("      - [border-crossing, fromCountry, north-korea]") + 1
    broken = CliRunner().invoke(app, ["check", str(wire)])
    assert broken.exit_code == 1, broken.output
    assert (f"{path}:{at}: violation (border-crossing): the border crossing leaves and enters "
            "the same country") in broken.output.splitlines()
    assert f"{wire}: 1 problem (3 warnings)" in broken.output
    quick = CliRunner().invoke(app, ["check", "--no-shapes", str(wire)])
    assert quick.exit_code == 0 and "warning" not in quick.output, quick.output


@pytest.mark.slow  # five builds and validations
def test_several_articles_are_checked_in_one_build_with_the_same_findings(
        tmp_path: Path) -> None:
    """``check_shapes_of`` (one build and one validation for the folders of one articles
    folder, what ``handcar check`` does for several) finds for each article what checking it
    alone finds, and, on its named entities (one IRI shared by every article), what the other
    articles of the build add to them (the same place labelled twice in English)."""
    from handcar.annotation import load_annotation
    from handcar.curation.check import check_shapes, check_shapes_of

    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES / "moscow-times-2021-02-26-handcar",
                    articles / "moscow-times-2021-02-26-handcar")
    for folder in CORPUS.iterdir():
        shutil.copytree(folder, articles / folder.name)
    folders = sorted(articles.iterdir())
    together = check_shapes_of(folders)
    assert list(together) == folders
    assert any(together.values()), "the test reports have warnings to compare"
    for folder in folders:
        alone = [str(f) for f in check_shapes(folder)]
        named = {f"({e.id}):" for e in load_annotation(folder / "annotation.yaml").annotation
                 .entities}
        both = [str(f) for f in together[folder]]
        assert len(both) == len(set(both)), "each finding once"
        assert set(alone) <= set(both)
        assert all(any(n in f for n in named) for f in set(both) - set(alone))


def test_check_reports_a_named_entitys_violation_with_class_names(tmp_path: Path) -> None:
    """A named entity has one IRI in every article (no article in it): its Violations are
    the article's too, at the entity's line; a fact that would make it a class it cannot be
    (subject and object swapped: Russia as a border crossing) is refused at the fact, with
    the classes named."""
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES / "moscow-times-2021-02-26-handcar",
                    articles / "moscow-times-2021-02-26-handcar")
    wire = articles / "wire-2021-02-26-handcar"
    shutil.copytree(CORPUS / wire.name, wire)
    path = wire / "annotation.yaml"
    text = path.read_text(encoding="utf-8")
    fact = "      - [border-crossing, toCountry, russia]\n"
    assert text.count(fact) == 1  # subject and object swapped: Russia becomes a crossing
    path.write_text(text.replace(fact, "      - [russia, toCountry, border-crossing]\n"),
                    encoding="utf-8")
    at = text.splitlines().index(fact.rstrip("\n")) + 1
    result = CliRunner().invoke(app, ["check", str(wire)])
    assert result.exit_code == 1, result.output
    assert f"{path}:{at}: toCountry is a property of an Event (its domain), and 'russia' is a" \
           " Place, which no Event is" in result.output.splitlines()
    # a Violation of the shapes on the named entity: at its line
    path.write_text(text.replace(fact, "      - [russia, inCountry, north-korea]\n"),
                    encoding="utf-8")
    item = next(n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "- id: russia")
    result = CliRunner().invoke(app, ["check", str(wire)])
    assert result.exit_code == 1, result.output
    assert (f"{path}:{item}: violation (russia): a country cannot be djo:inCountry another"
            " country") in result.output.splitlines()


def test_an_articles_folder_is_checked_article_by_article(tmp_path: Path) -> None:
    """``handcar check articles/`` checks every article in it, as with no argument (it was
    taken for one article without article.md); an annotation that cannot be read leaves no
    sentence annotated (it counted them all)."""
    articles = tmp_path / "articles"
    for folder in CORPUS.iterdir():
        shutil.copytree(folder, articles / folder.name)
    bare = articles / "zz-no-annotation"  # fiction: an article not annotated yet
    bare.mkdir()
    (bare / "article.md").write_text("FICTION FOR TESTING. Two envoys left.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--no-shapes", str(articles)])
    assert result.exit_code == 1, result.output
    verdicts = [line for line in result.output.splitlines() if " sentences annotated" in line]
    assert [line.split(":")[0] for line in verdicts] == [
        str(articles / name) for name in sorted(p.name for p in articles.iterdir())]
    assert verdicts[-1] == f"{bare}: 1 problem; 0/2 sentences annotated"


def _wire_edited(tmp_path: Path, old: str, new: str) -> tuple[Path, Path, int]:
    """A copy of the wire test report whose annotation has its one line ``old`` replaced by
    ``new``: its folder, the annotation's path and the line where ``new`` starts."""
    folder = tmp_path / "wire-2021-02-26-handcar"
    shutil.copytree(CORPUS / folder.name, folder)
    path = folder / "annotation.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return folder, path, text.splitlines().index(new.splitlines()[0]) + 1


def test_an_item_the_schema_refuses_still_has_its_quote_checked(tmp_path: Path) -> None:
    """Every problem at once: an item left out for a schema problem (an unknown key) is also
    told that its quote is not in the article; its quote was checked only on the next run."""
    folder, path, line = _wire_edited(
        tmp_path, "    quote: the children sat on the suitcases\n",
        "    quote: the children sat on their suitcases\n    colour: red\n")
    result = CliRunner().invoke(app, ["check", "--no-shapes", str(folder)])
    assert result.exit_code == 1, result.output
    out = result.output.splitlines()
    assert any(o.startswith(f"{path}:{line + 1}: ") and o.endswith(".colour: unknown key")
               for o in out), result.output
    assert (f"{path}:{line}: quote not found in the article: 'the children sat on their "
            "suitcases'") in out
    assert f"{folder}: 2 problems; 6/6 sentences annotated" in out


def _tutorial(tmp_path: Path) -> tuple[Path, str]:
    """The tutorial's made-up article in ``articles/lake-ferry-2023-06-09`` under
    ``tmp_path``, and the text of its annotation (fixtures/tutorial-annotation.yaml), not yet
    written there."""
    fixtures = ROOT / "tests" / "curation" / "fixtures"
    folder = tmp_path / "articles" / "lake-ferry-2023-06-09"
    folder.mkdir(parents=True)
    shutil.copy(fixtures / "ferry.md", folder / "article.md")
    return folder, (fixtures / "tutorial-annotation.yaml").read_text(encoding="utf-8")


def test_a_wrong_fact_is_reported_at_its_line_from_inside_the_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A value a property may not take is reported at the fact that states it, and what the
    reasoner then infers of that value (a time used as a distance becomes a quantity
    without a unit) says which fact; ``handcar check .`` in the article's folder checks it
    against the shapes too (its articles folder is the parent), once however often it is named.
    (A place as a distance is refused before the shapes: see the next test.)"""
    folder, text = _tutorial(tmp_path)
    fact = "      - [crossing, distance, more-than-5-kilometres]\n"
    assert text.count(fact) == 1
    (folder / "annotation.yaml").write_text(
        text.replace(fact, "      - [crossing, distance, thursday]\n"), encoding="utf-8")
    line = text.splitlines().index(fact.rstrip("\n")) + 1
    place = text.splitlines().index("  - id: thursday") + 1
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(app, ["check", ".", "../lake-ferry-2023-06-09"])
    assert result.exit_code == 1, result.output
    printed = result.output.splitlines()
    assert f"annotation.yaml:{line}: violation (crossing): djo:distance must be a quantity" in (
        "\n".join(printed))
    inferred = [p for p in printed if p.startswith(f"annotation.yaml:{place}: violation")]
    assert inferred and all(p.endswith(f"(it is the value of the fact at line {line})")
                            for p in inferred), printed
    assert [p for p in printed if "sentences annotated" in p] == [
        f".: {len(inferred) + 1} problems (1 warning); 4/4 sentences annotated"]


def test_a_fact_that_would_give_an_item_a_disjoint_class_is_refused_at_its_line(
        tmp_path: Path) -> None:
    """A place as a distance (the property's range is a quantity), a journey given a leg's
    crossing (the domain of includesCrossing is a leg): the build would infer the class and
    the shapes reject the item at its own line; the check says so at the fact, with both
    classes, before any shape runs."""
    folder, text = _tutorial(tmp_path)
    fact = "      - [crossing, distance, more-than-5-kilometres]\n"
    (folder / "annotation.yaml").write_text(
        text.replace(fact, "      - [crossing, distance, lake-moran]\n"), encoding="utf-8")
    line = text.splitlines().index(fact.rstrip("\n")) + 1
    result = CliRunner().invoke(app, ["check", str(folder)])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[:2] == [
        f"{folder / 'annotation.yaml'}:{line}: distance links to a QuantityValue (its range), and"
        " 'lake-moran' is a Place, which no QuantityValue is",
        "  hint: check the type of 'lake-moran', or use a property that links to a Place:"
        " atPlace, basedIn, destination, locatedIn, origin, spans, via"]


def test_two_facts_that_give_an_item_disjoint_classes_are_found_by_the_shapes(
        tmp_path: Path) -> None:
    """An Event that has a leg (a journey's property) and is one (a leg's range): each fact
    fits the declared class, together they make it a journey and a leg, which the shapes
    report at the item's line, the classes named (djo:Journey), not described."""
    folder, text = _tutorial(tmp_path)
    assert text.count("    type: Journey\n") == 1
    fact = "      - [crossing, duration, about-3-hours]\n"
    (folder / "annotation.yaml").write_text(
        text.replace("    type: Journey\n", "    type: Event\n").replace(
            fact, fact + "      - [crossing, hasLeg, crossing]\n"), encoding="utf-8")
    item = text.splitlines().index("  - id: crossing") + 1
    result = CliRunner().invoke(app, ["check", str(folder)])
    assert result.exit_code == 1, result.output
    assert (f"{folder / 'annotation.yaml'}:{item}: violation (crossing): is both djo:Journey and"
            " djo:Leg, which are disjoint: check its types, its properties and those that point"
            " at it (a property's domain or range gives it a class)") in result.output.splitlines()


def test_an_unknown_class_gets_the_classes_about_it_and_nothing_more(tmp_path: Path) -> None:
    """A class the ontology does not have and no class is spelt like ("Ministry") gets the
    classes whose name, label or definition has the word; what the item is then used as
    (the statements' ``said_by`` needs an Agent) is not reported again."""
    folder, text = _tutorial(tmp_path)
    office = "  - id: lakeville-harbour-office\n    type: Organization\n"
    assert text.count(office) == 1 and "said_by: lakeville-harbour-office" in text
    (folder / "annotation.yaml").write_text(
        text.replace(office, office.replace("Organization", "Ministry")), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--no-shapes", str(folder)])
    assert result.exit_code == 1, result.output
    line = text.splitlines().index("    type: Organization") + 1
    assert result.output.splitlines()[:2] == [
        f"{folder / 'annotation.yaml'}:{line}: 'Ministry' is not a class of the ontology",
        "  hint: classes about it: ForeignMinistry; use a DJO class (ontology/README.md) or a"
        " prefixed standard one the ontology declares",
    ]
    assert "is not an Agent" not in result.output
    assert f"{folder}: 1 problem;" in result.output


def test_check_lists_every_problem_of_the_enrichment(tmp_path: Path) -> None:
    folder, text = _tutorial(tmp_path)
    (folder / "annotation.yaml").write_text(text, encoding="utf-8")
    (folder / "enrichment.yaml").write_text(
        "format: handcar-enrichment/1\n"
        "sources:\n  - {id: atlas, label: A made-up atlas (fiction for a test)}\n"
        "facts:\n"
        "  - [crossing, distance, about-3-hours, atlas]\n"
        "  - [lake-morann, rdfs:label, {value: Lac Moran, lang: fr}, atlas]\n",
        encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--no-shapes", str(folder)])
    assert result.exit_code == 1, result.output
    path = folder / "enrichment.yaml"
    assert result.output.splitlines()[:3] == [
        f"{path}:5: 'about-3-hours' is a quantity: enrichment facts are about the annotation's"
        " entities and events",
        f"{path}:6: reference to undefined entity 'lake-morann'",
        "  hint: did you mean lake-moran? name an entity or event of the annotation",
    ]


def test_a_fact_with_two_problems_reports_both(tmp_path: Path) -> None:
    """A fact whose subject is not declared and whose property is misspelt: both, at its
    line (the property was not checked once the subject failed)."""
    folder, path, line = _wire_edited(tmp_path, "      - [leg-bus, destination, vladivostok]\n",
                                      "      - [leg-buss, destinaton, vladivostok]\n")
    result = CliRunner().invoke(app, ["check", "--no-shapes", str(folder)])
    assert result.exit_code == 1, result.output
    at_line = [o for o in result.output.splitlines() if o.startswith(f"{path}:{line}: ")]
    assert [o.split(": ", 1)[1] for o in at_line] == [
        "reference to undefined entity 'leg-buss'",
        "'destinaton' is not a property of the ontology"]
