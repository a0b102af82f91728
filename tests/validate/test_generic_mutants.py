"""Generic mutation test: mutants derived from the published seed by :mod:`generic_mutator`
(which knows nothing of DJO) must each be caught by the shapes: a new result of severity Warning
or Violation on the mutant's focus nodes. Warning counts where the shape that fires says Warning
is the right severity (a journey without travellers is suspicious, not ill-formed).

Mutants not caught are listed in ``fixtures/generic_survivors.txt``, one a line, as
``<mutant id> | gap`` (an open gap: the shapes should catch it) or ``<mutant id> | equivalent:
<reason>`` (reviewed: the mutant is still valid data, for the reason given). The list must be
exact (a new survivor fails, and so does a listed mutant that is now caught), and no gap may remain
(``test_no_gap_remains``): a new survivor is either caught by a new shape or argued equivalent.

Focus nodes matter beyond speed: pySHACL's ``focus_nodes`` option also filters the value nodes a
nested shape (``sh:or``, ``sh:node``) is evaluated on, so a value outside the focus list
"conforms"; a mutant's focus therefore names the objects it touches.

After a change to the data or the shapes, regenerate the list with
``HANDCAR_WRITE_SURVIVORS=1 pytest --slow tests/validate/test_generic_mutants.py``: survivors keep
their listed status, new ones are written as ``gap``, caught ones are dropped (review the diff).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from generic_mutator import Mutant, Release, mutants
from validate_harness import result_key

from handcar.ontology import Ontology
from handcar.validate.engine import DataGraph, run, type_closure
from handcar.validate.report import Severity
from handcar.validate.shapes import Shapes

SURVIVORS = Path(__file__).parent / "fixtures" / "generic_survivors.txt"
MUST_CATCH = (  # the gaps an independent mutator found (issue 12)
    "retarget entailed moscow-times-2021-02-26-handcar.border-crossing prov:atLocation",
    "negate entailed moscow-times-2021-02-26-handcar.bus-hours qudt:value",
    "delete moscow-times-2021-02-26-handcar.journey djo:traveller",
)


def _caught(mutant: Mutant, seed: DataGraph, shapes: Shapes, ontology: Ontology,
            before: set) -> bool:
    for triple in mutant.removed:
        seed.remove(triple)
    added = [t for t in mutant.added if t not in seed]
    added += [t for t in type_closure(added, ontology) if t not in seed]
    for triple in added:
        seed.add(triple)
    try:
        report = run(seed, shapes, ontology, prepared=True, focus_nodes=list(mutant.focus))
    finally:
        for triple in added:
            seed.remove(triple)
        for triple in mutant.removed:
            seed.add(triple)
    return any(r.severity >= Severity.WARNING and result_key(report, r) not in before
               for r in report.results)


def _survivors() -> dict[str, str]:
    """The listed survivors: mutant id → ``gap`` or ``equivalent: <reason>``."""
    found: dict[str, str] = {}
    for line in SURVIVORS.read_text().splitlines():
        if line and not line.startswith("#"):
            mutant, _bar, status = line.partition(" | ")
            assert mutant not in found, f"listed twice: {mutant}"
            found[mutant] = status
    return found


def _write_survivors(survivors: set[str]) -> None:
    """Rewrite the list: the header kept, each survivor with its listed status or ``gap``."""
    header = [line for line in SURVIVORS.read_text().splitlines() if line.startswith("#")]
    listed = _survivors()
    lines = [f"{m} | {listed.get(m, 'gap')}" for m in sorted(survivors)]
    SURVIVORS.write_text("\n".join([*header, *lines]) + "\n")


def test_each_survivor_is_a_gap_or_an_argued_equivalent() -> None:
    for mutant, status in _survivors().items():
        reason = status.removeprefix("equivalent: ")
        assert status == "gap" or (reason != status and len(reason.split()) >= 3), mutant


def test_no_gap_remains() -> None:
    assert [m for m, status in _survivors().items() if status == "gap"] == []


@pytest.fixture(scope="module")
def all_mutants(seed_release: Path, ontology: Ontology) -> list[Mutant]:
    return mutants(Release.read(seed_release / "dataset.nq"), ontology.superclasses)


def test_at_least_200_mutants_over_every_asserted_class(all_mutants: list[Mutant],
                                                        seed_release: Path) -> None:
    assert len(all_mutants) >= 200
    assert {m.operator for m in all_mutants} == {"delete", "retarget", "plain", "negate",
                                                 "offset", "future"}
    release = Release.read(seed_release / "dataset.nq")
    classes: dict = {}
    for s, p, o in release["asserted"]:
        if str(p).endswith("#type"):
            classes.setdefault(o, set()).add(s)
    touched = {n for m in all_mutants for n in m.focus}
    assert [c for c, members in classes.items() if not members & touched] == []


@pytest.mark.slow  # ~25 s: one focused validation per mutant
def test_every_mutant_is_caught_or_listed(all_mutants: list[Mutant], seed: DataGraph,
                                          shapes: Shapes, ontology: Ontology) -> None:
    baseline = run(seed, shapes, ontology, prepared=True)
    before = {result_key(baseline, r) for r in baseline.results}
    survivors = {m.id for m in all_mutants if not _caught(m, seed, shapes, ontology, before)}
    if os.environ.get("HANDCAR_WRITE_SURVIVORS"):
        _write_survivors(survivors)
    listed = set(_survivors())
    print(f"\ngeneric mutants: {len(all_mutants) - len(survivors)}/{len(all_mutants)} caught")
    for prefix in MUST_CATCH:
        assert not any(s.startswith(prefix) for s in survivors), prefix
        assert any(m.id.startswith(prefix) for m in all_mutants), prefix
    assert survivors - listed == set(), "new survivors:\n" + "\n".join(sorted(survivors - listed))
    assert listed - survivors == set(), "now caught, unlist:\n" + "\n".join(
        sorted(listed - survivors))
