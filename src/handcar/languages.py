"""The language tag of words an article prints, when no one gave one.

Words in the article's own script are in the article's language (its front matter's
``language``). Words in another script are in the one language that script is taken for here
(:data:`SCRIPT_LANGUAGES`: the Russian the seed embeds, and Korean, the only language written
in Hangul); words that mix scripts of different languages are :data:`MIXED`. A curator who knows
better says so (an item's ``lang``, a ``{value, lang}`` literal).
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter

SCRIPT_LANGUAGES = {"CYRILLIC": "ru", "HANGUL": "ko"}
MIXED = "mul"  # BCP 47: several languages (a Russian name and an English date in one quote)


@functools.lru_cache(maxsize=8)
def script_of(text: str) -> str:
    """The script most of ``text``'s letters are written in (the first word of their Unicode
    names: "LATIN", "CYRILLIC"); "LATIN" for a text without letters."""
    counts = Counter(_script(c) for c in text if c.isalpha())
    return counts.most_common(1)[0][0] if counts else "LATIN"


def words_language(words: str, default: str, own_script: str = "LATIN") -> str:
    """The language tag of ``words`` in an article in ``default`` written in ``own_script``:
    ``default`` for its own script (and for a script no language is taken for), the language
    of another script, or :data:`MIXED` when the words mix scripts of different languages."""
    languages = {
        default if script == own_script else SCRIPT_LANGUAGES.get(script, default)
        for script in {_script(c) for c in words if c.isalpha()}
    }
    if len(languages) > 1:
        return MIXED
    return languages.pop() if languages else default


PAGE_LANGUAGE = "en"  # the language of handcar's pages' own words (their <html lang>)


def english(tag: str) -> bool:
    """Whether the BCP 47 language ``tag`` is English (``en``, ``en-GB``)."""
    return tag.split("-")[0].lower() == "en"


def foreign(language: str) -> str:
    """``language`` where it is not the pages', else "" (no ``lang`` attribute needed)."""
    return "" if language.lower() == PAGE_LANGUAGE else language


def marked(words: str, language: str, text: str) -> str:
    """The ``lang`` attribute a page gives ``words`` of an article in ``language`` whose text is
    ``text``: :func:`words_language` where it is not the pages' own, else ""."""
    return foreign(words_language(words, language, script_of(text)))


def _script(char: str) -> str:
    return unicodedata.name(char, "").split(" ")[0]
