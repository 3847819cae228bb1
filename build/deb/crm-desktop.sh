#!/bin/sh
# /usr/bin/crm-desktop: the app installed in /opt/crm-desktop (a one-folder PyInstaller build).
exec /opt/crm-desktop/crm-desktop "$@"
