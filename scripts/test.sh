#!/usr/bin/env bash
# Set everything up, then run the whole test suite: lint, layer contracts, pytest (SQLite files,
# widgets on the offscreen platform, and a throwaway PostgreSQL server for the PostgreSQL tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh --test

source scripts/pg_test_server.sh
start_pg_test_server || echo "test.sh: no PostgreSQL server could be started; its tests will fail" >&2
trap stop_pg_test_server EXIT

echo "== ruff"
.venv/bin/ruff check crm_desktop tests bench
echo "== import contracts"
.venv/bin/lint-imports
echo "== pytest"
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -p no:cacheprovider "$@"
