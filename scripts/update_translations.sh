#!/usr/bin/env bash
# Re-extract every tr()/translate() string from the sources into resources/translations/*.ts,
# keeping existing translations (new strings appear as unfinished). Edit the .ts with Qt Linguist
# (.venv/bin/pyside6-linguist) or by hand; bootstrap.sh compiles them to .qm.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(find crm_desktop -name '*.py' -not -path '*/migrations/*' | sort)
for lang in zh_CN; do
  .venv/bin/pyside6-lupdate -locations none -no-obsolete "${sources[@]}" -ts "resources/translations/crm_desktop_${lang}.ts"
done
for ts in resources/translations/*.ts; do
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "crm_desktop/resources/translations/$(basename "${ts%.ts}").qm"
done
