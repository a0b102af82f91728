"""The two constraints files agree with pyproject.toml (issue 10, point 9).

``constraints/lowest.txt`` pins every direct dependency at the lower bound pyproject.toml
declares (CI runs the tests with it); ``constraints/lock.txt`` pins every dependency that
``scripts/setup.sh`` installs.
"""

from __future__ import annotations

import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from support.paths import ROOT


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = project["dependencies"] + [
        r for extra in project["optional-dependencies"].values() for r in extra
    ]
    return [Requirement(line) for line in lines]


def _pins(name: str) -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints" / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            package, version = line.split("==")
            pins[canonicalize_name(package)] = version
    return pins


def test_lowest_pins_every_dependency_at_its_lower_bound() -> None:
    lowest = _pins("lowest.txt")
    for requirement in _declared():
        bounds = [s.version for s in requirement.specifier if s.operator == ">="]
        assert len(bounds) == 1, f"{requirement}: declare exactly one lower bound (>=)"
        name = canonicalize_name(requirement.name)
        assert Version(lowest.get(name, "0")) == Version(bounds[0]), (
            f"constraints/lowest.txt: pin {requirement.name}=={bounds[0]} ({requirement})"
        )
    assert set(lowest) == {canonicalize_name(r.name) for r in _declared()}, "stale pins"


def test_lock_pins_every_dependency_within_its_range() -> None:
    lock = _pins("lock.txt")
    for requirement in _declared():
        version = lock.get(canonicalize_name(requirement.name))
        assert version is not None, f"constraints/lock.txt lacks {requirement.name}"
        assert requirement.specifier.contains(version), f"lock {version} outside {requirement}"
