"""A small made-up article and its annotation (fiction: no real event or person), written to a
scratch folder, and helpers to resolve them or to see the first error."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from handcar.annotation import AnnotationError, CheckedAnnotation, load_annotation
from handcar.annotation.enrichment import CheckedEnrichment, load_enrichment
from handcar.annotation.resolve import resolve
from handcar.article import load_article
from handcar.vocabulary import vocabulary

ARTICLE = """\
<!-- fiction: invented for handcar's tests; no such article, crew or crossing exists -->
# Ferry Crew Rows Keeper Home From Gull Rock

March 3, 2022

The Harbour Gazette reports that Captain Ilse Marrow rowed the keeper home on Tuesday.

The first leg took 2 hours by rowing boat; a bus ride of 30 minutes followed.
The crew said the sea was calm.

Later, the keeper said the sea was calm.

Original url:

<https://example.org/fiction/ferry-crew>
"""

ANNOTATION = """\
# fiction: the annotation of the made-up article in tests/annotation/conftest.py
format: handcar-annotation/1
article:
  headline: Ferry Crew Rows Keeper Home From Gull Rock
  date: 2022-03-03
  url: https://example.org/fiction/ferry-crew
  publisher: harbour-gazette
  publisher_quote: The Harbour Gazette
entities:
  - id: harbour-gazette
    type: NewsOrganization
    name: The Harbour Gazette
    quote: The Harbour Gazette
  - id: ilse-marrow
    type: Person
    name: Ilse Marrow
    quote: Captain Ilse Marrow
events:
  - id: boat-leg
    type: Leg
    label: the rowing-boat leg
    quote: The first leg took 2 hours by rowing boat
  - id: bus-leg
    type: BusLeg
    referred_to_as: a bus ride
    quote: a bus ride of 30 minutes
quantities:
  - id: boat-hours
    value: 2
    unit: HR
    quote: 2 hours
  - id: bus-minutes
    value: 30
    unit: MIN
    quote: 30 minutes
times:
  - id: tuesday
    relative: Tuesday
    quote: on Tuesday
statements:
  - id: crossing
    quote: The first leg took 2 hours by rowing boat; a bus ride of 30 minutes followed.
    facts:
      - [boat-leg, nextLeg, bus-leg]
      - [boat-leg, duration, boat-hours]
      - [bus-leg, duration, bus-minutes]
      - [boat-leg, during, tuesday]
      - [boat-leg, legIndex, 1]
      - [boat-leg, traveller, ilse-marrow]
  - id: calm-sea
    quote: the sea was calm.
    prefix: "The crew said "
    said_by: ilse-marrow
    facts:
      - [bus-leg, legIndex, 2]
not_modelled:
  - quote: Later, the keeper said the sea was calm.
    reason: a remark about the weather
reading_relations:
  - between: [boat-hours, bus-minutes]
    relation: different-questions
    reason: fiction, two legs
"""

ENRICHMENT = """\
# fiction: enrichment of the made-up article in tests/annotation/conftest.py
format: handcar-enrichment/1
sources:
  - {id: wikidata, label: Wikidata, url: "https://www.wikidata.org/"}
  - id: curators
    label: the curators
    note: made up for the tests
facts:
  - [ilse-marrow, owl:sameAs, {iri: "http://www.wikidata.org/entity/Q4242424242"}, wikidata]
  - [ilse-marrow, rdfs:label, {value: Ильзе Марроу, lang: ru}, curators]
  - [boat-leg, traveller, ilse-marrow, curators]
"""


@dataclass(frozen=True)
class Fiction:
    """The scratch article folder; ``resolve`` and ``error`` take the annotation's text."""

    folder: Path

    @property
    def annotation_path(self) -> Path:
        return self.folder / "annotation.yaml"

    def resolve(self, text: str = ANNOTATION) -> CheckedAnnotation:
        self.annotation_path.write_text(text, encoding="utf-8")
        loaded = load_annotation(self.annotation_path)
        return resolve(loaded, load_article(self.folder), vocabulary())

    def error(self, text: str) -> AnnotationError:
        with pytest.raises(AnnotationError) as caught:
            self.resolve(text)
        assert caught.value.path == self.annotation_path
        return caught.value

    @property
    def enrichment_path(self) -> Path:
        return self.folder / "enrichment.yaml"

    def enrich(self, text: str = ENRICHMENT) -> CheckedEnrichment:
        self.enrichment_path.write_text(text, encoding="utf-8")
        return load_enrichment(self.enrichment_path, self.resolve(), vocabulary())

    def enrichment_error(self, text: str) -> AnnotationError:
        with pytest.raises(AnnotationError) as caught:
            self.enrich(text)
        assert caught.value.path == self.enrichment_path
        return caught.value


@pytest.fixture()
def fiction(tmp_path: Path) -> Fiction:
    folder = tmp_path / "ferry-crew"
    folder.mkdir()
    (folder / "article.md").write_text(ARTICLE, encoding="utf-8")
    return Fiction(folder)


def edit(old: str, new: str, text: str = ANNOTATION) -> str:
    """``text`` with the one occurrence of ``old`` replaced by ``new``."""
    assert text.count(old) == 1, f"not exactly once in the fixture: {old!r}"
    return text.replace(old, new)


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line of ``text`` containing ``needle``."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]
