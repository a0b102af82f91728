"""The Accept header, as RFC 9110 §12.5.1 reads it (handcar.serve.negotiation)."""

from __future__ import annotations

import time

import pytest

from handcar.serve.negotiation import Offer, choose, parse_accept, quality

TURTLE = Offer("text/turtle", "ttl", "turtle", {"charset": "utf-8"})
HTML = Offer("text/html", "html", "html", {"charset": "utf-8"})
JSONLD = Offer("application/ld+json", "jsonld", "jsonld",
               {"profile": "http://www.w3.org/ns/json-ld#compacted"})
NTRIPLES = Offer("application/n-triples", "nt", "ntriples")
OFFERS = [TURTLE, HTML, JSONLD, NTRIPLES]


def chosen(accept: str | None) -> str | None:
    offer = choose(accept, OFFERS)
    return offer.name if offer else None


@pytest.mark.parametrize(("accept", "expected"), [
    (None, "turtle"),                                   # no header: anything, the first offer
    ("", "turtle"),
    ("*/*", "turtle"),                                  # ties go to the server's order
    ("text/html", "html"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"),  # a browser
    ("application/ld+json", "jsonld"),
    ("application/n-triples", "ntriples"),
    ("text/turtle;q=0.5, application/ld+json", "jsonld"),
    ("text/turtle;q=0.5, application/ld+json;q=0.4", "turtle"),
    ("text/*;q=0.9, text/turtle;q=0", "html"),         # the most specific range decides
    ("*/*;q=0.1, text/turtle;q=0, text/html;q=0", "jsonld"),
    ("application/*;q=0.2, application/n-triples;q=0.3", "ntriples"),
    ("TEXT/HTML;Q=0.5, text/turtle;q=0.4", "html"),     # names are case-insensitive
    ("text/turtle;charset=UTF-8", "turtle"),            # charset values too
    ("text/turtle;charset=latin-1", None),              # a parameter the offer lacks
    ('application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"', "jsonld"),
    ('application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded"', None),
    ("application/ld+json;q=0.5, application/ld+json;profile=\"x\";q=0.9", "jsonld"),
    ("image/png", None),
    ("text/turtle;q=0", None),
    ("*/*;q=0", None),
    # a JSON reader reads JSON-LD (RFC 6839's +json suffix), less specifically than its own
    ("application/json", "jsonld"),
    ("application/json;q=0.9, text/turtle;q=0.5", "jsonld"),
    ("application/json;q=0.9, application/ld+json;q=0.1, text/turtle;q=0.5", "turtle"),
    ("application/json;q=0", None),
    ("text/json", None),  # not the suffix's type
])
def test_choice(accept: str | None, expected: str | None) -> None:
    assert chosen(accept) == expected


@pytest.mark.parametrize(("accept", "expected"), [
    ("text/turtle;q=1.5, text/html;q=0.2", "html"),    # q above 1: that member is ignored
    ("text/turtle;q=0.12345, text/html;q=0.2", "html"),  # more than 3 decimals
    ("text/turtle;q=abc, text/html;q=0.2", "html"),
    ("text/turtle;q=-1, text/html;q=0.2", "html"),
    ("text/turtle;q=0.5;q=0.9, text/html;q=0.2", "html"),  # two weights
    ("text/turtle;q=, text/html;q=0.2", "html"),
    ("garbage, text/html;q=0.5", "html"),               # not a media range
    ("text, text/html;q=0.5", "html"),
    ("*/turtle, text/html;q=0.5", "html"),
    ("text/turtle;foo, text/html;q=0.5", "html"),       # a parameter without a value
    ('a/b;x="a,b", text/html;q=0.3', "html"),          # a comma inside a quoted string
    ('x/y;x="unterminated, text/html', "html"),
    (",,, ,text/html,,", "html"),                       # empty list members are skipped
    ("text/html ; q=0.5 , text/turtle ; q=0.4", "html"),  # optional white space
    ("garbage", None),                                 # nothing valid: nothing acceptable
    ("\x00\x01", None),
    ("text/html\u00e9", None),
])
def test_malformed_members_are_ignored(accept: str, expected: str | None) -> None:
    assert chosen(accept) == expected


def test_weights_and_parameters_are_parsed() -> None:
    [first, second] = parse_accept('text/html; level=1 ;Q=0.3, a/b;x="q\\"uoted"')
    assert (first.type, first.subtype, first.parameters, first.weight) == (
        "text", "html", (("level", "1"),), 0.3)
    assert second.parameters == (("x", 'q"uoted'),) and second.weight == 1.0


def test_rfc_9110_example() -> None:
    """The example of RFC 9110 §12.5.1 and the qualities it gives."""
    ranges = parse_accept("text/*;q=0.3, text/plain;q=0.7, text/plain;format=flowed, "
                          "text/plain;format=fixed;q=0.4, */*;q=0.5")
    expected = [
        (Offer("text/plain", "txt", "a", {"format": "flowed"}), 1.0),
        (Offer("text/plain", "txt", "b"), 0.7),
        (Offer("text/html", "html", "c"), 0.3),
        (Offer("image/jpeg", "jpg", "d"), 0.5),
        (Offer("text/plain", "txt", "e", {"format": "fixed"}), 0.4),
        (Offer("text/html", "html", "f", {"level": "3"}), 0.3),
    ]
    assert [quality(ranges, offer) for offer, _ in expected] == [q for _, q in expected]


@pytest.mark.parametrize("header", [
    "a/b" + ";" * 20000 + "x",
    "a/b;" + " " * 20000 + "c",
    "a/b" + " ;" * 20000 + "c",
    'a/b;c="' + "a" * 20000,
    "text/html;q=0.5," * 5000,
])
def test_pathological_headers_take_linear_time(header: str) -> None:
    started = time.perf_counter()
    parse_accept(header)
    assert time.perf_counter() - started < 0.5


def test_offer_of_a_media_type_with_parameters() -> None:
    offer = Offer.of("text/csv; charset=utf-8", "csv", "csv")
    assert (offer.media_type, dict(offer.parameters)) == ("text/csv", {"charset": "utf-8"})
    assert chosen_from("text/csv", [offer]) == "csv"
    with pytest.raises(ValueError, match="not a media type"):
        Offer.of("csv", "csv", "csv")


def chosen_from(accept: str, offers: list[Offer]) -> str | None:
    offer = choose(accept, offers)
    return offer.name if offer else None
