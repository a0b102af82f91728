"""Which characters handcar refuses in the text it reads (articles, annotations, enrichment).

Refused everywhere: C0 controls other than TAB and LF (so NUL, BEL, ESC, CR, …), DEL, C1
controls (U+0080–U+009F) and lone surrogates (which a YAML escape such as ``"\\ud800"`` can
produce but no RDF serialisation can carry). In whole files a CR is accepted only as part of a
CR LF line end.
"""

from __future__ import annotations

import re
import unicodedata

# Lone surrogates cannot come out of a UTF-8 decoder, only out of escapes in YAML strings.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_FORBIDDEN_IN_FILE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


def describe(char: str) -> str:
    """``U+001B (ESCAPE)``: how a refused character is named in messages."""
    name = unicodedata.name(char, "")
    if not name:
        name = "lone surrogate" if 0xD800 <= ord(char) <= 0xDFFF else "control character"
    return f"U+{ord(char):04X} ({name})"


def forbidden_in_string(value: str) -> int | None:
    """The index of the first refused character of a string value, or None."""
    found = _FORBIDDEN.search(value)
    return found.start() if found else None


def forbidden_in_file(text: str) -> tuple[int, str] | None:
    """The 1-based line and the first refused character of a whole file's text, or None."""
    found = _FORBIDDEN_IN_FILE.search(text)
    if found is None:
        return None
    return text.count("\n", 0, found.start()) + 1, found.group()[0]
