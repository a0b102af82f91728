"""One event, many reports (issue 13 points 1–3): scoped IRIs, identity links, readings kept
and compared across articles, and shapes that hold per reading."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from handcar.build import BuildResult, build_dataset
from handcar.errors import AnnotationError
from handcar.namespaces import DJO
from support.paths import ARTICLES

ID = "https://w3id.org/djo/id/"
SEED = "moscow-times-2021-02-26-handcar"
BRIEF = "example-2021-02-27-handcar-brief"
FIXTURE = Path(__file__).parent / "fixtures" / "identity" / BRIEF


def _articles(tmp_path: Path, *extra: tuple[str, Path]) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES / SEED, folder / SEED)
    for name, source in extra:
        shutil.copytree(source, folder / name)
    return folder


def _build(articles: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """The real command: build, validate (SHACL) and publish."""
    return subprocess.run(
        [sys.executable, "-m", "handcar", "build", "--articles", str(articles), "--out",
         str(out), "-q"],
        capture_output=True, text=True, check=False,
    )


def union(result: BuildResult) -> Graph:
    """Every named graph of the build as one graph."""
    graph = Graph()
    for s, p, o, _g in result.dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build_dataset(_articles(tmp_path_factory.mktemp("linked"), (BRIEF, FIXTURE)))


def test_unnamed_things_are_the_articles_own_and_named_ones_shared(built: BuildResult) -> None:
    subjects = {str(s) for s in union(built).subjects()}
    assert f"{ID}place/{SEED}.train-ride-end" in subjects  # described in passing
    assert f"{ID}group/{SEED}.border-colleagues" in subjects
    assert f"{ID}place/{SEED}.handcar-travellers-home" in subjects
    assert f"{ID}place/train-ride-end" not in subjects
    assert f"{ID}place/pyongyang" in subjects  # named: one IRI in every article
    assert f"{ID}org/the-moscow-times" in subjects  # shared: true
    assert f"{ID}org/russian-embassy-pyongyang" in subjects


@pytest.mark.slow  # a build in a subprocess and another in-process (about 6 s): CI runs it
def test_two_copies_of_the_seed_publish_without_violation(tmp_path: Path) -> None:
    """Two articles giving values for the same named things (Varya's age, North Korea's
    reported cases) are two readings each, not a violation; their unnamed things never meet."""
    articles = _articles(tmp_path, ("copy-of-the-seed", ARTICLES / SEED))
    proc = _build(articles, tmp_path / "out")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    result = build_dataset(articles)
    ages = set(union(result).objects(URIRef(f"{ID}person/varya"), DJO.age))
    assert len(ages) == 2  # one reading per article, each with its statement
    same = [r for r in result.relations if r.relation == "sameReading"]
    assert len(same) == 2 and all(r.across for r in same)  # the age, the reported cases
    assert f"{ID}place/copy-of-the-seed.train-ride-end" in {
        str(s) for s in union(result).subjects()
    }


@pytest.mark.slow  # a whole build in a subprocess (~4 s): the other tests use the build in memory
def test_linked_reports_publish_without_violation(tmp_path: Path) -> None:
    proc = _build(_articles(tmp_path, (BRIEF, FIXTURE)), tmp_path / "out")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def test_identity_links_are_claims_of_the_curators_with_a_reason(linked: BuildResult) -> None:
    rows = list(linked.dataset.query(
        """
        SELECT ?a ?b ?by ?reason WHERE {
          GRAPH <https://w3id.org/djo/id/graph/enrichment> { ?a djo:identifiedWith ?b }
          GRAPH <https://w3id.org/djo/id/graph/provenance> {
            ?fact rdf:subject ?a ; rdf:predicate djo:identifiedWith ; rdf:object ?b ;
                  djo:assertedBy ?claim .
            ?claim djo:statedBy ?by ; djo:reason ?reason ; djo:statedIn ?source . }
        }""",
        initNs={"djo": str(DJO)},
    ))
    pairs = {(str(r.a), str(r.b)) for r in rows}
    assert pairs == {
        (f"{ID}event/{BRIEF}.trip", f"{ID}event/{SEED}.journey"),
        (f"{ID}event/{BRIEF}.handcar-leg", f"{ID}event/{SEED}.leg-3-handcar"),
        (f"{ID}group/{BRIEF}.travellers", f"{ID}group/{SEED}.handcar-travellers"),
    }
    assert {str(r.by) for r in rows} == {f"{ID}org/handcar-curators"}
    assert all(str(r.reason) for r in rows)


def test_linked_journeys_are_queryable_as_one(linked: BuildResult) -> None:
    """Every leg of every report of the seed's journey, following the links either way."""
    legs = {
        str(r.leg).rsplit("/", 1)[1]
        for r in union(linked).query(
            f"""SELECT ?leg WHERE {{
              <{ID}event/{SEED}.journey> (djo:identifiedWith|^djo:identifiedWith)* ?j .
              ?j djo:hasLeg ?leg }}""",
            initNs={"djo": str(DJO)},
        )
    }
    assert legs == {f"{SEED}.leg-{n}" for n in ("1-train", "2-bus", "3-handcar", "4-bus")} | {
        f"{BRIEF}.handcar-leg"
    }


def _comparisons(result: BuildResult) -> set[tuple[str, str, str]]:
    rows = union(result).query(
        """SELECT ?a ?b ?relation WHERE {
             ?c a djo:ReadingComparison ; djo:comparedReading ?a , ?b ;
                djo:readingRelation ?relation . FILTER (STR(?a) < STR(?b)) }""",
        initNs={"djo": str(DJO)},
    )
    return {
        (str(r.a).rsplit("/", 1)[1], str(r.b).rsplit("/", 1)[1], str(r.relation).rsplit("#")[1])
        for r in rows
    }


def test_readings_are_compared_across_linked_reports(linked: BuildResult) -> None:
    found = _comparisons(linked)
    brief, seed = f"{BRIEF}.", f"{SEED}."
    assert found == {
        # the handcar leg's distance: about 800 m against more than / about a kilometre
        (brief + "distance", seed + "handcar-distance-ministry", "contradictoryReadings"),
        (brief + "distance", seed + "handcar-distance-post", "contradictoryReadings"),
        (seed + "handcar-distance-ministry", seed + "handcar-distance-post",
         "compatibleReadings"),
        (brief + "thursday", seed + "thursday", "sameReading"),  # the leg's day
        (brief + "eight", seed + "travellers-count", "sameReading"),  # the linked party
        # declared: what "eight" counts, within the seed and across the articles
        (seed + "staff-count", seed + "travellers-count", "differentQuestions"),
        (brief + "eight", seed + "staff-count", "differentQuestions"),
    }


def test_unlinked_reports_are_not_compared(tmp_path: Path) -> None:
    unlinked = tmp_path / "unlinked"
    shutil.copytree(FIXTURE, unlinked)
    ann = unlinked / "annotation.yaml"
    text = ann.read_text(encoding="utf-8")
    ann.write_text(text[: text.index("identities:")], encoding="utf-8")
    found = _comparisons(build_dataset(_articles(tmp_path, (BRIEF, unlinked))))
    assert not any(a.startswith(BRIEF) and b.startswith(SEED) for a, b, _r in found)


def test_a_misspelt_link_gets_the_closest_names(tmp_path: Path) -> None:
    for old, new, hint in [
        ("same_as: moscow-times-2021-02-26-handcar/journey",
         "same_as: moscow-times-2021-02-26-handcar/journy", "did you mean journey?"),
        ("same_as: moscow-times-2021-02-26-handcar/journey",
         "same_as: moscow-times-2021-02-26-handcr/journey",
         "did you mean moscow-times-2021-02-26-handcar?"),
    ]:
        work = tmp_path / f"case-{len(hint)}"
        shutil.copytree(FIXTURE, work / "brief")
        ann = work / "brief" / "annotation.yaml"
        ann.write_text(ann.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        with pytest.raises(AnnotationError) as caught:
            build_dataset(_articles(work, (BRIEF, work / "brief")))
        assert caught.value.hint == hint


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("same_as: moscow-times-2021-02-26-handcar/journey",
         "same_as: no-such-article/journey", "no article 'no-such-article' in this build"),
        ("same_as: moscow-times-2021-02-26-handcar/journey",
         "same_as: moscow-times-2021-02-26-handcar/no-such-event", "is not an entity or event"),
        ("same_as: moscow-times-2021-02-26-handcar/journey",
         "same_as: moscow-times-2021-02-26-handcar/pyongyang", "has a name (or is shared)"),
        ("same_as: moscow-times-2021-02-26-handcar/journey",
         "same_as: moscow-times-2021-02-26-handcar/train-ride-end", "only things of one kind"),
        ("  - id: trip\n    same_as", "  - id: russia\n    same_as", "has a name (or is shared)"),
        ("same_as: moscow-times-2021-02-26-handcar/journey",
         "same_as: example-2021-02-27-handcar-brief/handcar-leg", "names this article"),
        ("moscow-times-2021-02-26-handcar/staff-count", "moscow-times-2021-02-26-handcar/nine",
         "is not a quantity or time of that article"),
    ],
)
def test_bad_links_stop_the_build_at_their_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    broken = tmp_path / "brief"
    shutil.copytree(FIXTURE, broken)
    ann = broken / "annotation.yaml"
    text = ann.read_text(encoding="utf-8")
    assert old in text
    ann.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(AnnotationError) as caught:
        build_dataset(_articles(tmp_path, (BRIEF, broken)))
    assert message in caught.value.message
    assert caught.value.path.name == "annotation.yaml" and caught.value.line
