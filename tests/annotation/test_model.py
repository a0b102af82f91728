"""The annotation model's own rules (pydantic): names are words of the quote."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from handcar.annotation.model import Thing


def _thing(**fields: object) -> Thing:
    return Thing.model_validate({"id": "kari-nordmann", "type": "Person", **fields})


def test_a_name_is_words_of_the_quote_a_line_break_being_a_space() -> None:
    assert _thing(name="Kari Nordmann", quote="Ambassador Kari\nNordmann").name == "Kari Nordmann"
    assert _thing(referred_to_as="the envoy", quote="the\nenvoy").referred_to_as == "the envoy"


@pytest.mark.parametrize("name", ["Kari Nordmannen", "Kari  Nordmann", "KariNordmann"])
def test_a_name_the_quote_does_not_print_is_refused(name: str) -> None:
    with pytest.raises(ValidationError, match="names are never invented"):
        _thing(name=name, quote="Ambassador Kari\nNordmann")
