"""Content negotiation on the ``Accept`` header, as RFC 9110 defines it.

RFC 9110 §12.5.1 (https://www.rfc-editor.org/rfc/rfc9110#name-accept)::

    Accept      = #( media-range [ weight ] )
    media-range = ( "*/*" / ( type "/" "*" ) / ( type "/" subtype ) ) parameters
    parameters  = *( OWS ";" OWS [ parameter ] )
    parameter   = parameter-name "=" ( token / quoted-string )
    weight      = OWS ";" OWS "q=" qvalue
    qvalue      = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )

How this module reads it:

- type, subtype and parameter names are case-insensitive; a parameter named ``q`` (any case, at
  any position: §12.4.2) is the weight; a weight outside the ``qvalue`` grammar (``q=1.5``,
  ``q=0.12345``, ``q=abc``), a second weight, or a member that is not a media range makes that one
  member invalid, and it is ignored (§5.6.1: recipients parse lists robustly); empty members are
  skipped;
- a range with parameters applies only to an offer that has the same parameters (values compared
  case-insensitively for ``charset``, exactly otherwise); a range without parameters applies to
  an offer with any;
- beyond RFC 9110: ``application/json`` also applies to an offer of that structured syntax
  suffix (RFC 6839: ``application/ld+json``, ``application/sparql-results+json``), less
  specifically than its own subtype: a client that reads JSON gets JSON-LD rather than 406;
- an offer's quality is the weight of the *most specific* range that applies to it (type, then
  subtype, then the number of parameters; among equally specific ranges the first one listed);
  no range applies → quality 0 (not acceptable);
- the offer with the highest quality wins, ties going to the server's order; none above 0 → no
  offer (the caller answers 406);
- no ``Accept`` header, or an empty one, accepts anything: the server's first offer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

_TOKEN = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]++"
_QUOTED = r'"(?:[\t !#-\[\]-~\x80-\uffff]|\\[\t -~\x80-\uffff])*+"'
_OWS = r"[ \t]*+"  # possessive: no backtracking, linear time on any header
_PARAMETER = rf"{_OWS};{_OWS}(?:{_TOKEN}=(?:{_TOKEN}|{_QUOTED}))?"
_MEMBER = re.compile(
    rf"{_OWS}(?P<type>{_TOKEN})/(?P<subtype>{_TOKEN})(?P<parameters>(?:{_PARAMETER})*){_OWS}"
    rf"(?=,|\Z)"
)
_ONE_PARAMETER = re.compile(rf"{_OWS};{_OWS}(?:(?P<name>{_TOKEN})=(?P<value>{_TOKEN}|{_QUOTED}))?")
_SKIP = re.compile(rf'(?:[^,"]|{_QUOTED}|")*')
"""The rest of an invalid member, up to the next comma outside a quoted string."""
_QVALUE = re.compile(r"0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?")
_CASELESS_VALUES = frozenset({"charset"})
#: structured syntax suffixes (RFC 6839) whose base type a client may ask for: a JSON reader
#: reads JSON-LD and SPARQL JSON results. Not ``xml``: every browser sends
#: ``application/xml;q=0.9``, and would then get SPARQL XML results or RDF/XML, not what it got
SUFFIXES = frozenset({"json"})


@dataclass(frozen=True)
class MediaRange:
    """One member of an ``Accept`` header."""

    type: str
    subtype: str
    parameters: tuple[tuple[str, str], ...]
    weight: float

    def fit(self, offer: Offer) -> tuple[bool, int, int] | None:
        """How specifically this range applies to ``offer`` (type, subtype: 2 the same, 1 by
        its structured syntax suffix, 0 ``*``; then its parameters), or None if it does not."""
        if self.type != "*" and self.type != offer.type:
            return None
        if self.subtype == "*":
            subtype = 0
        elif self.subtype == offer.subtype:
            subtype = 2
        elif offer.subtype.endswith("+" + self.subtype) and self.subtype in SUFFIXES:
            subtype = 1  # application/json reads application/ld+json (RFC 6839)
        else:
            return None
        if not all(_same(name, offer.parameters.get(name), value)
                   for name, value in self.parameters):
            return None
        return (self.type != "*", subtype, len(self.parameters))


@dataclass(frozen=True)
class Offer:
    """A representation the server can send: its media type (``text/turtle``), parameters it
    carries (``charset``, a JSON-LD ``profile``), and the file extension of its URL."""

    media_type: str
    extension: str
    name: str
    """The format's name in :data:`handcar.formats.RDF_FORMATS`, or ``html``."""
    parameters: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, media_type: str, extension: str, name: str) -> Offer:
        """The offer of a media type written with its parameters (``text/csv; charset=utf-8``)."""
        match = _MEMBER.fullmatch(media_type)
        if match is None:
            raise ValueError(f"not a media type: {media_type!r}")
        parameters = {p["name"].lower(): _unquote(p["value"])
                      for p in _ONE_PARAMETER.finditer(match["parameters"]) if p["name"]}
        return cls(f"{match['type']}/{match['subtype']}".lower(), extension, name, parameters)

    @property
    def type(self) -> str:
        return self.media_type.split("/", 1)[0]

    @property
    def subtype(self) -> str:
        return self.media_type.split("/", 1)[1]


def _same(name: str, offered: str | None, wanted: str) -> bool:
    if offered is None:
        return False
    if name in _CASELESS_VALUES:
        return offered.lower() == wanted.lower()
    return offered == wanted


def _unquote(value: str) -> str:
    if value.startswith('"'):
        return re.sub(r"\\(.)", r"\1", value[1:-1])
    return value


def parse_accept(header: str) -> list[MediaRange]:
    """The valid members of an ``Accept`` header, in order (invalid ones are left out)."""
    ranges: list[MediaRange] = []
    position = 0
    while position < len(header):
        if header[position] in " \t,":
            position += 1
            continue
        match = _MEMBER.match(header, position)
        if match is None:
            position = _SKIP.match(header, position).end()
            continue
        position = match.end()
        member = _member(match)
        if member is not None:
            ranges.append(member)
    return ranges


def _member(match: re.Match[str]) -> MediaRange | None:
    kind, subtype = match["type"].lower(), match["subtype"].lower()
    if kind == "*" and subtype != "*":
        return None  # "*/turtle" is not a media range
    parameters: list[tuple[str, str]] = []
    weight: float | None = None
    for parameter in _ONE_PARAMETER.finditer(match["parameters"]):
        if parameter["name"] is None:
            continue
        name, value = parameter["name"].lower(), _unquote(parameter["value"])
        if name == "q":
            if weight is not None or not _QVALUE.fullmatch(value):
                return None
            weight = float(value)
        else:
            parameters.append((name, value))
    return MediaRange(kind, subtype, tuple(parameters), 1.0 if weight is None else weight)


def quality(ranges: Sequence[MediaRange], offer: Offer) -> float:
    """The weight of the most specific range that applies to ``offer`` (0 if none does)."""
    best: tuple[tuple[bool, int, int], MediaRange] | None = None
    for candidate in ranges:
        fit = candidate.fit(offer)
        if fit is not None and (best is None or fit > best[0]):
            best = (fit, candidate)
    return 0.0 if best is None else best[1].weight


def choose(accept: str | None, offers: Sequence[Offer]) -> Offer | None:
    """The offer to send for this ``Accept`` header, or None when none is acceptable (406)."""
    if accept is None or not accept.strip():
        return offers[0] if offers else None
    ranges = parse_accept(accept)
    chosen, best = None, 0.0
    for offer in offers:
        q = quality(ranges, offer)
        if q > best:
            chosen, best = offer, q
    return chosen


def by_extension(extension: str, offers: Sequence[Offer]) -> Offer | None:
    """The offer whose URL ends with ``.extension`` (the extension override), if any."""
    for offer in offers:
        if offer.extension == extension:
            return offer
    return None
