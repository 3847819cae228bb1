"""Where the user's data lives: `platformdirs.user_data_dir`, or `CRM_DATA_DIR` when set."""

import os
from pathlib import Path

import platformdirs

from crm_desktop import APP_AUTHOR, APP_NAME

DB_FILENAME = "crm.sqlite3"
APP_ICON = Path(__file__).resolve().parent / "resources" / "icons" / "crm-desktop.png"


def data_dir() -> Path:
    override = os.environ.get("CRM_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def backups_dir() -> Path:
    return data_dir() / "backups"
