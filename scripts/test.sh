#!/usr/bin/env bash
# One command on a fresh machine: set up (with the test extra), lint, then run the tests.
# Tests that need outside tools (Java, rapper, Jena, node) skip when those are missing,
# unless CI=true or HANDCAR_REQUIRE_TOOLS=1, where a missing tool fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
.venv/bin/ruff check src tests scripts bench
exec .venv/bin/python -m pytest -n auto "$@"  # pytest-xdist: one worker per processor
