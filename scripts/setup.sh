#!/usr/bin/env bash
# Creates .venv (if missing) and installs handcar into it (editable), every package pinned by
# constraints/lock.txt so that out/ is rebuilt byte for byte; with --test also the test extra
# and the cluster extra (Dask, for the --scheduler tests).
# Usage: scripts/setup.sh [--test]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
extra=""
[ "${1:-}" = "--test" ] && extra="[test,curation,cluster]"
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints/lock.txt -e ".${extra}"
# Byte-compiled once here: where PYTHONDONTWRITEBYTECODE is set (as on these machines), Python
# never writes the .pyc of an editable install's modules and compiles handcar's sources again
# at every command (about 0.1 s of processor time at each start). A stale .pyc is only unused.
.venv/bin/python -m compileall -q src/handcar
