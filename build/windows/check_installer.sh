#!/usr/bin/env bash
# Proves build/windows/installer.nsi compiles (warnings are errors) with makensis from Debian,
# against a placeholder folder shaped like the Windows one-folder build: the app's .exe itself
# can only be built on Windows (.github/workflows/build.yml does both there).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v makensis >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || { echo "check_installer: no makensis and no apt-get: skipped" >&2; exit 0; }
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
  echo "check_installer: installing nsis"
  $sudo apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nsis >/dev/null
fi
placeholder=build/work/nsis-placeholder
rm -rf "$placeholder" && mkdir -p "$placeholder/_internal"
echo "placeholder, not a Windows program" > "$placeholder/crm-desktop.exe"
echo "placeholder" > "$placeholder/_internal/README.txt"
version=$(.venv/bin/python build/windows/version_info.py)
out="$PWD/build/work/crm-desktop-${version}-setup-placeholder.exe"
makensis -V2 -WX "-DVERSION=$version" "-DSOURCE=$PWD/$placeholder" "-DOUTFILE=$out" build/windows/installer.nsi
echo "check_installer: build/windows/installer.nsi compiles ($(du -h "$out" | cut -f1), placeholder contents)"
