"""Language tags of the words an article prints when the curator gives none."""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal, URIRef

from handcar.build import build_dataset
from handcar.languages import MIXED, script_of, words_language
from handcar.namespaces import RDFS, SCHEMA

# fiction: a made-up report in Ukrainian, invented for handcar's tests
ARTICLE = """\
---
# Fiction written for handcar's tests (tests/graph): no outlet wrote it.
headline: Посол перетнула кордон
date: 2023-03-02
language: uk
---

Посол Олена Коваль проїхала 40 кілометрів до кордону, повідомило агентство Reuters.
"""
ANNOTATION = """\
format: handcar-annotation/1
entities:
  - {id: olena-koval, type: Diplomat, name: Олена Коваль, quote: Посол Олена Коваль}
  - {id: reuters, type: Organization, name: Reuters, quote: Reuters}
  - {id: kordon, type: Place, referred_to_as: кордону, lang: uk-UA, quote: кордону}
events:
  - {id: drive, type: Journey, referred_to_as: проїхала 40 кілометрів,
     quote: проїхала 40 кілометрів}
statements:
  - id: s1
    quote: Посол Олена Коваль проїхала 40 кілометрів до кордону
    said_by: reuters
    facts:
      - [drive, traveller, olena-koval]
"""


def test_words_take_the_articles_language_or_their_scripts() -> None:
    assert words_language("Иван Сорокин", "en") == "ru"  # the seed's Russian, in English
    assert words_language("Олена Коваль", "uk", "CYRILLIC") == "uk"  # the article's own script
    assert words_language("Reuters", "uk", "CYRILLIC") == "uk"
    assert words_language("\uae40\uc815\uc740", "en") == "ko"  # Hangul is only Korean
    assert words_language("Иван Сорокин on 3 May", "en") == MIXED
    assert words_language("Αθήνα", "en") == "en"  # no language is taken for Greek script
    assert words_language("12 km", "de") == "de"
    assert words_language("", "fr") == "fr"
    assert script_of("Посол Иван Сорокин met Reuters") == "CYRILLIC"
    assert script_of("4, 5.") == "LATIN"


def test_names_and_labels_are_in_the_articles_language(tmp_path: Path) -> None:
    folder = tmp_path / "articles" / "posol-2023-03-02"
    folder.mkdir(parents=True)
    (folder / "article.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "annotation.yaml").write_text(ANNOTATION, encoding="utf-8")
    dataset = build_dataset(tmp_path / "articles").dataset
    names = {str(o): o.language for _s, _p, o, _g in dataset.quads((None, SCHEMA.name, None))}
    assert names == {"Олена Коваль": "uk", "Reuters": "uk"}  # not "en", the old default
    phrases = {o.language for s, _p, o, _g in dataset.quads((None, RDFS.label, None))
               if isinstance(s, URIRef) and str(s).endswith(("kordon", "drive"))
               and isinstance(o, Literal)}
    assert phrases == {"uk-UA", "uk"}  # the curator's tag wins
    statement = next(o for s, _p, o, _g in dataset.quads((None, RDFS.label, None))
                     if str(s).endswith("statement/posol-2023-03-02.s1"))
    assert statement.language == "uk"
