"""Every ``tests/**/test_*.py`` is collected by pytest (issue 10, point 8).

pytest's default ``norecursedirs`` skips folders such as ``build`` and ``dist``: a test file there
is silently never run. This test collects the whole suite as the README's command does and fails
naming every test file that gave no test.
"""

from __future__ import annotations

import re
import subprocess
import sys

from support.paths import ROOT

TESTS = ROOT / "tests"
# "tests/x/test_y.py::test_z" or, for a module skipped as a whole, "SKIPPED [1] tests/x/test_y.py:3"
COLLECTED = re.compile(r"^(?:SKIPPED \[\d+\] )?(tests/\S+?\.py)(?:::|:\d+)")


def test_every_test_file_is_collected() -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            "--slow",  # a file of slow tests only is collected too
            "tests",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, f"collection failed:\n{run.stdout[-3000:]}{run.stderr[-2000:]}"
    collected = {m.group(1) for line in run.stdout.splitlines() if (m := COLLECTED.match(line))}
    on_disk = {p.relative_to(ROOT).as_posix() for p in TESTS.rglob("test_*.py")}
    missing = sorted(on_disk - collected)
    assert not missing, (
        "test files pytest does not collect (a folder named build/dist/venv…? see "
        f"norecursedirs): {missing}"
    )
