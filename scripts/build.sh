#!/usr/bin/env bash
# One command on a fresh machine: set up, then build, validate and publish out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/handcar build "$@"
