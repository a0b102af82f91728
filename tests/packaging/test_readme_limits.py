"""The README's limits table names every limit handcar enforces, with its default."""

from __future__ import annotations

from pathlib import Path

from handcar import limits

README = Path(__file__).parents[2] / "README.md"


def _limits() -> list[limits.Limit]:
    return [value for value in vars(limits).values() if isinstance(value, limits.Limit)]


def test_every_limit_and_its_override_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| limit | default | override |") :]
    table = table[: table.index("\n\n")]
    missing = [limit.env for limit in _limits() if f"`{limit.env}`" not in table]
    assert missing == []
    assert len(table.splitlines()) - 2 == len(_limits())


def test_every_exit_status_is_in_the_readme() -> None:
    from handcar import errors

    text = README.read_text(encoding="utf-8")
    table = text[text.index("| exit | meaning |\n|---:|") :]
    for name in ("EXIT_OK", "EXIT_NONCONFORMING", "EXIT_INPUT", "EXIT_IO"):
        assert f"\n| {getattr(errors, name)} |" in table
