"""The first start's database, as the welcome screen asked for it (part of the composition root,
with app.py and controller.py: the welcome screen itself never touches storage)."""

import logging
from pathlib import Path

from crm_desktop.paths import DB_FILENAME
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.demo import USERS, generate_demo
from crm_desktop.services.registry import Services
from crm_desktop.storage.database import Database
from crm_desktop.storage.migrate import upgrade_to_head

log = logging.getLogger(__name__)
DEMO_CONTACTS = 2000
DEMO_USERNAMES = frozenset(username for username, _display, _role in USERS)


def create_first_database(choices, report, contacts: int = DEMO_CONTACTS) -> str:
    """Run in a worker: a new database in the chosen folder at the current schema, demo data when
    asked, then the owner's account. Any failure (or Cancel) removes the half-made files, so the
    next start asks again; a database already in the folder is opened as it is."""
    path = Path(choices.folder) / DB_FILENAME
    if choices.existing and path.is_file():
        return str(path)
    if path.exists():
        raise FileExistsError(str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    database = Database(str(path))
    try:
        upgrade_to_head(database)
        if choices.demo:
            generate_demo(database, contacts=contacts, progress=report)
        services = Services.build(ServiceContext(database))
        services.users.create_owner(choices.username, choices.display_name, choices.password)
    except BaseException:
        database.dispose()
        _remove(path)
        raise
    database.dispose()
    log.info("first database created at %s (demo data: %s)", path, choices.demo)
    return str(path)


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
                     path.with_name(path.name + "-journal")):
        leftover.unlink(missing_ok=True)
