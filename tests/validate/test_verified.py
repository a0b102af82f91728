"""What is shipped about the bundled shapes (:mod:`handcar.validate.verified`) is true of them:
made for these shapes and this rule, every verdict the rule's, the shapes well-formed, and enough
of it that validating the seed on a new machine decides nothing again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib.plugins.sparql import prepareQuery

from handcar.resources import shapes_dir, verified_table
from handcar.validate import engine, verified
from handcar.validate.prebinding import substitution_is_prebinding

REGENERATE = "run scripts/verified-shapes.py (after handcar build) and commit the table"
ROOT = Path(__file__).resolve().parents[2]


def _table() -> dict:
    return json.loads(verified_table().read_text(encoding="utf-8"))


def test_the_table_is_made_for_the_bundled_shapes_and_this_rule() -> None:
    table = _table()
    assert table["shapes"] == verified.shapes_digest(shapes_dir().glob("*.ttl")), REGENERATE
    assert table["rule"] == verified.rule_digest(), REGENERATE
    assert verified.shapes_conform(list(shapes_dir().glob("*.ttl")))


def test_every_shipped_verdict_is_the_one_the_rule_gives() -> None:
    """Each query is parsed again by the installed rdflib (CI runs this at the lowest and the
    locked versions) and judged again by :mod:`handcar.validate.prebinding`."""
    entries = _table()["verdicts"]
    assert entries, REGENERATE
    for entry in entries:
        record = entry["record"]
        prepared = prepareQuery(record["query"], initNs=dict(record["prefixes"]))
        safe = (prepared.algebra.name == "SelectQuery"
                and substitution_is_prebinding(prepared.algebra, record["bound"]))
        assert entry["safe"] is safe, record["query"]
        assert verified.verdict(verified.query_key(record)) is safe


def test_other_shapes_or_a_changed_query_are_not_covered(tmp_path: Path) -> None:
    copies = []
    for path in sorted(shapes_dir().glob("*.ttl")):
        copies.append(tmp_path / path.name)
        shutil.copy(path, copies[-1])
    assert verified.shapes_conform(copies)  # the same bytes under the same names
    copies[0].write_text(copies[0].read_text(encoding="utf-8") + "\n# edited\n",
                         encoding="utf-8")
    assert not verified.shapes_conform(copies)
    record = dict(_table()["verdicts"][0]["record"])
    assert verified.verdict(verified.query_key(record)) is not None
    record["bound"] = ["this", "value"]
    assert verified.verdict(verified.query_key(record)) is None
    with verified.unshipped():
        assert not verified.shapes_conform(list(shapes_dir().glob("*.ttl")))


@pytest.mark.slow
def test_the_bundled_shapes_conform_to_shacl_for_shacl(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pass the table ships, checked by pySHACL itself (no cache, nothing shipped)."""
    from handcar.ontology import load_ontology
    from handcar.validate.lint import lint
    from handcar.validate.shapes import load_shapes

    monkeypatch.setenv("HANDCAR_NO_CACHE", "1")
    with verified.unshipped():
        problems = lint(load_shapes(), load_ontology())
    assert not [p for p in problems if p.check == "shacl-shacl"], problems


@pytest.mark.slow
def test_validating_the_seed_on_a_new_machine_decides_no_verdict_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from handcar.cli import app

    monkeypatch.setenv("HANDCAR_CACHE_DIR", str(tmp_path / "cache"))
    engine.DataGraph._safe.clear()
    engine.DataGraph._prepared.clear()
    assert app(["validate", str(ROOT / "out")], standalone_mode=False) in (0, None)
    assert not engine.DataGraph._prepared  # no query was parsed to decide a verdict
    assert not list((tmp_path / "cache").rglob("*.True")), REGENERATE
