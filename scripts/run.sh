#!/usr/bin/env bash
# Set everything up, then open Zhanggui CRM on its default local database (or pass --db, --lang).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/crm-desktop "$@"
