#!/usr/bin/env bash
# Packs the one-folder build (dist/crm-desktop/) as dist/crm-desktop_VERSION_ARCH.deb:
#   /opt/crm-desktop/                      the app
#   /usr/bin/crm-desktop                   a wrapper, so `crm-desktop` works in a terminal
#   /usr/share/applications/crm-desktop.desktop, /usr/share/icons/hicolor/256x256/apps/crm-desktop.png
# then checks it: dpkg-deb --info/--contents, and the smoke test of a copy unpacked with dpkg -x.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x dist/crm-desktop/crm-desktop ] || { echo "build_deb: build dist/crm-desktop first (build/build.sh)" >&2; exit 1; }
version=$(.venv/bin/python build/windows/version_info.py)
arch=$(dpkg --print-architecture)
stage=build/work/deb/root
deb="dist/crm-desktop_${version}_${arch}.deb"
rm -rf "$stage" && mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/icons/hicolor/256x256/apps" "$stage/usr/share/doc/crm-desktop"
cp -a dist/crm-desktop "$stage/opt/crm-desktop"
install -m 0755 build/deb/crm-desktop.sh "$stage/usr/bin/crm-desktop"
install -m 0644 build/deb/crm-desktop.desktop "$stage/usr/share/applications/crm-desktop.desktop"
install -m 0644 crm_desktop/resources/icons/crm-desktop.png "$stage/usr/share/icons/hicolor/256x256/apps/crm-desktop.png"
install -m 0644 README.md "$stage/usr/share/doc/crm-desktop/README.md"
install -m 0755 build/deb/postinst build/deb/postrm "$stage/DEBIAN/"
chmod -R u+rwX,go+rX,go-w "$stage/opt/crm-desktop"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" build/deb/control.in > "$stage/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
bash build/deb/check_deb.sh "$deb"
