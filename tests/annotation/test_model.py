"""The annotation model's own rules (pydantic): names are words of the quote."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from handcar.annotation.model import Thing


def _thing(**fields: object) -> Thing:
    return Thing.model_validate({"id": "kari-nordmann", "type": "Person", **fields})


def test_a_name_is_words_of_the_quote_a_line_break_being_a_space() -> None:
    assert _thing(name="Kari Nordmann", quote="Ambassador Kari\nNordmann").name == "Kari Nordmann"
    assert _thing(referred_to_as="the envoy", quote="the\nenvoy").referred_to_as == "the envoy"


def test_a_name_is_the_same_words_however_its_accents_are_written() -> None:
    # fiction: a quote copied from a text with decomposed accents, the name typed composed
    thing = _thing(name="Ren\u00e9e Dupr\u00e9", quote="envoy Rene\u0301e Dupre\u0301")
    assert thing.name == "Ren\u00e9e Dupr\u00e9"  # kept as written
    with pytest.raises(ValidationError, match="names are never invented"):
        _thing(name="Renee Dupre", quote="envoy Rene\u0301e Dupre\u0301")


@pytest.mark.parametrize("name", ["Kari Nordmannen", "Kari  Nordmann", "KariNordmann"])
def test_a_name_the_quote_does_not_print_is_refused(name: str) -> None:
    with pytest.raises(ValidationError, match="names are never invented"):
        _thing(name=name, quote="Ambassador Kari\nNordmann")


def test_each_wrong_value_gets_the_hint_for_its_key(tmp_path) -> None:
    """A value that breaks its pattern is told what that key takes (not always "ids are
    slugs"); numbers, dates and booleans say their form."""
    from handcar.annotation.load import load_collecting

    path = tmp_path / "annotation.yaml"
    path.write_text(
        "format: handcar-annotation/1\n"
        "entities:\n"
        "  - {id: Kari, type: Big Person, name: Kari, lang: EN, quote: Kari}\n"
        "quantities:\n"
        "  - {id: q, value: ninety, unit: kilo metres, quote: x}\n"
        "times:\n"
        "  - {id: t, date: 2021-02-25, quote: y, suggested: maybe}\n"
        "statements: []\n", encoding="utf-8")
    hints = {".".join(map(str, p.loc)): p.hint for p in load_collecting(path).problems}
    assert hints == {
        "entities.0.id": "ids are lower-case slugs: letters, digits and hyphens",
        "entities.0.type.0": "a DJO class (TrainLeg) or a prefixed standard one (schema:Person)",
        "entities.0.lang": "a BCP 47 language tag: en, ru, en-GB",
        "quantities.0.value": "a number without words or units: 90, 1.5 (the unit goes in unit:)",
        "quantities.0.unit": "a QUDT unit code: KiloM, HR, NUM (articles/README.md, Quantities)",
        "times.0.suggested": "true or false",
    }


def test_an_unknown_key_gets_the_keys_spelt_like_it(tmp_path: Path) -> None:
    from handcar.annotation.load import load_collecting

    path = tmp_path / "annotation.yaml"
    path.write_text(
        "format: handcar-annotation/1\n"
        "entities:\n"
        "  - {id: k, type: Person, name: Kari, qoute: Kari, refered_to_as: x, colour: red}\n"
        "statements: []\n", encoding="utf-8")
    hints = {".".join(map(str, p.loc)): p.hint for p in load_collecting(path).problems}
    tail = ("the keys here are quote, prefix, suffix, suggested, said_by, source, id, type, "
            "name, referred_to_as, label, lang, shared (articles/README.md)")  # an entity's
    assert hints["entities.0.qoute"] == f"did you mean quote? {tail}"
    assert hints["entities.0.refered_to_as"] == f"did you mean referred_to_as? {tail}"
    assert hints["entities.0.colour"] == tail  # nothing close


def test_an_unknown_key_gets_the_keys_of_its_mapping(tmp_path: Path) -> None:
    """Each mapping's own keys: an identity's, a statement's, the top level's."""
    from handcar.annotation.load import load_collecting

    path = tmp_path / "annotation.yaml"
    path.write_text(
        "format: handcar-annotation/1\n"
        "colour: red\n"
        "statements:\n"
        "  - {id: s, quote: Boats left., fact: []}\n"
        "identities:\n"
        "  - {id: trip, item: trip, same_as: other/trip, reason: the same trip}\n",
        encoding="utf-8")
    hints = {".".join(map(str, p.loc)): p.hint for p in load_collecting(path).problems}
    assert hints["colour"] == (
        "the keys here are format, article, entities, events, quantities, times, statements, "
        "participations, not_modelled, reading_relations, identities, conflicts "
        "(articles/README.md)")
    assert hints["statements.0.fact"].startswith("did you mean facts? the keys here are quote,")
    assert hints["identities.0.item"] == (
        "the keys here are id, same_as, reason, suggested (articles/README.md)")


def test_an_annotation_error_crosses_processes_with_its_hint() -> None:
    import pickle

    from handcar.errors import AnnotationError, with_hint

    error = AnnotationError(Path("a.yaml"), 3, "'Diplmat' is not a class of the ontology")
    error.loc, error.hint = ("entities", 0, "type"), "did you mean Diplomat?"
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.loc, copy.hint) == (
        AnnotationError, str(error), error.loc, error.hint)
    assert with_hint(copy) == f"{error}\n  hint: did you mean Diplomat?"
