#!/usr/bin/env bash
# Checks a built .deb: its control fields, that it holds the app, the wrapper, the menu entry and
# the icon, and that a copy unpacked into a scratch root (dpkg -x, no root needed) passes the
# smoke test and opens a demo database with the Chinese translation bundled.
set -euo pipefail
deb="$1"
dpkg-deb --info "$deb" | grep -E "Package|Version|Architecture|Installed-Size|Depends"
contents=$(dpkg-deb --contents "$deb")
for path in ./opt/crm-desktop/crm-desktop ./usr/bin/crm-desktop ./usr/share/applications/crm-desktop.desktop \
    ./usr/share/icons/hicolor/256x256/apps/crm-desktop.png \
    ./opt/crm-desktop/_internal/crm_desktop/resources/translations/crm_desktop_zh_CN.qm; do
  grep -q " $path\$" <<<"$contents" || grep -q " $path -> " <<<"$contents" \
    || { echo "check_deb: $path missing from $deb" >&2; exit 1; }
done
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
grep -q '^exec /opt/crm-desktop/crm-desktop "\$@"$' "$root/usr/bin/crm-desktop"
app="$root/opt/crm-desktop/crm-desktop"
"$app" --db "$root/data/deb.sqlite3" demo --contacts 100 >/dev/null
"$app" --db "$root/data/deb.sqlite3" check
CRM_DATA_DIR="$root/data" "$app" --db "$root/data/deb.sqlite3" smoke-test
echo "check_deb: $deb ($(du -h "$deb" | cut -f1)) installs and starts"
