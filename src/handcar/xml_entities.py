"""RDF/XML without XML entity expansion.

pyoxigraph expands the internal entities an RDF/XML document declares in its DTD, so three
nested declarations of ten references each already make a 1000-fold larger literal (the
"billion laughs" attack). Declarations are detected with the XML parser of the standard library
(expat) before pyoxigraph sees the file, as defusedxml does: the document's prologue is parsed up
to its root element, and any ``<!ENTITY …>`` (general or parameter) is refused with its line.
"""

from __future__ import annotations

from pathlib import Path
from xml.parsers import expat

from handcar.errors import InputError


class _Declared(Exception):
    def __init__(self, name: str, line: int) -> None:
        super().__init__(name)
        self.name = name
        self.line = line


class _RootReached(Exception):
    """The prologue (where a DTD may stand) is over."""


def refuse_entities(path: Path, data: bytes) -> None:
    """Raise :class:`InputError` when the XML in ``data`` declares any entity."""
    parser = expat.ParserCreate()

    def declared(name: str, *_ignored: object) -> None:
        raise _Declared(name, parser.CurrentLineNumber)

    def root(*_ignored: object) -> None:
        raise _RootReached

    parser.EntityDeclHandler = declared
    parser.UnparsedEntityDeclHandler = declared
    parser.StartElementHandler = root
    try:
        parser.Parse(data, True)
    except _Declared as found:
        raise InputError(
            path,
            found.line,
            f"the DTD declares the XML entity {found.name!r}; "
            "handcar does not expand XML entities (they can grow without bound): "
            "write the values out, or convert the file to Turtle",
        ) from None
    except (_RootReached, expat.ExpatError):
        return  # no declaration before the root; syntax errors are pyoxigraph's to report
