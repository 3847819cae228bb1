#!/usr/bin/env bash
# Builds dist/crm-desktop/ (one folder) and dist/crm-desktop-onefile from a clean clone, then
# proves both start: demo data, check, a search and the smoke test (the window painted, every
# tab visited) on a temporary data folder. Then the installers: the Linux .deb (built and checked
# in a scratch root, build/deb/) and a compile of the Windows NSIS script (build/windows/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/python -m pip install -q "pyinstaller>=6.10"
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/work \
  build/crm-desktop.spec
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for exe in dist/crm-desktop/crm-desktop dist/crm-desktop-onefile; do
  "$exe" --db "$tmp/$(basename "$exe").sqlite3" demo --contacts 200
  "$exe" --db "$tmp/$(basename "$exe").sqlite3" check
  "$exe" --db "$tmp/$(basename "$exe").sqlite3" search 张 --limit 1
  CRM_DATA_DIR="$tmp" "$exe" --db "$tmp/$(basename "$exe").sqlite3" smoke-test
done
du -sh dist/crm-desktop dist/crm-desktop-onefile
if command -v dpkg-deb >/dev/null 2>&1; then
  bash build/deb/build_deb.sh
else
  echo "build.sh: no dpkg-deb here, so no .deb" >&2
fi
bash build/windows/check_installer.sh
