"""Which file a database is and whether it is encrypted, without SQLAlchemy or argon2.

Start-up asks both before anything else (the CLI before every command, the app before its window
fills); importing SQLAlchemy for them would cost most of a second before the window paints.
"""

import re
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
KEYFILE_SUFFIX = ".keys"


def database_file(db: str | Path) -> Path | None:
    """The SQLite file of `db` (a path or URL as typed); None for a server or in-memory database."""
    text = str(db)
    if "://" not in text:
        return Path(text).expanduser().resolve()
    from crm_desktop.storage.engine import sqlite_path  # a URL: SQLAlchemy parses it

    return sqlite_path(text)


def database_label(db: str | Path) -> str:
    """`db` as a window names it before it is open: the resolved file, or the URL with its
    password hidden as SQLAlchemy hides it (Database.display_name, once open)."""
    text = str(db)
    if "://" not in text:
        return str(Path(text).expanduser().resolve())
    return re.sub(r"^([^:/]+://[^:@/]*:)[^@/]*@", r"\1***@", text)


def keyfile_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + KEYFILE_SUFFIX)


def has_plain_header(path: Path) -> bool:
    """True for a plaintext SQLite file (and for a missing or empty one: it becomes plaintext)."""
    if not path.is_file() or path.stat().st_size == 0:
        return True
    with path.open("rb") as fh:
        return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def is_encrypted(path: Path | None) -> bool:
    """Encrypted: the file does not start with SQLite's plaintext header and its key file exists."""
    return path is not None and not has_plain_header(path) and keyfile_path(path).is_file()
