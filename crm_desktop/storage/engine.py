"""Engine factory: SQLite with the storage rules of DESIGN.md, or a PostgreSQL URL.

SQLite connections get WAL, synchronous=FULL, foreign keys and a busy timeout. Transactions are
opened by us, not by the driver: `BEGIN IMMEDIATE` on the write engine (a read-modify-write by two
processes then waits instead of failing), plain `BEGIN` for reads.
"""

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import QueuePool

from crm_desktop.domain.errors import CrmError
from crm_desktop.storage import cipher

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "crm_write"
# A file's pool hands out the connection given back last: the window's reads one after another
# keep using one connection, with its page cache warm and what it has worked out for the next page
# (storage/repositories/grouped_order.py), while workers take the others.
POOL_LIFO = True


class NotADatabaseError(CrmError):
    """The file exists but is not a database of ours; it is left untouched."""


def to_url(db: str | Path) -> str:
    """A path or URL as typed on the command line -> an SQLAlchemy URL."""
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def ensure_sqlite_file_is_database(path: Path) -> None:
    """Refuse an existing non-empty file that does not start with the SQLite header."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise NotADatabaseError("{path} is a folder, not a database file.", path=path)
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotADatabaseError("{path} is not a Zhanggui CRM database (not an SQLite file).", path=path)


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url, read_only)
    return create_engine(url, pool_pre_ping=True)


def _sqlite_engine(url: str, read_only: bool) -> Engine:
    path = sqlite_path(url)
    if path is not None and read_only and not path.exists():
        raise NotADatabaseError("There is no database at {path}.", path=path)
    if cipher.is_encrypted(path):
        return _sqlcipher_engine(path, read_only)
    if path is not None:
        ensure_sqlite_file_is_database(path)
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
    connect_args = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    if read_only and path is not None:
        url = f"sqlite:///file:{path}?mode=ro{_immutable_if_needed(path)}&uri=true"
    pooling = {"pool_use_lifo": POOL_LIFO} if path is not None else {}
    engine = create_engine(url, connect_args=connect_args, **pooling)
    event.listen(engine, "connect", _on_sqlite_connect_read_only if read_only else _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _sqlcipher_engine(path: Path, read_only: bool) -> Engine:
    """An SQLCipher file: sqlcipher3 as the DB-API (its errors are then SQLAlchemy's), the raw key
    as the URL's password (the dialect's `PRAGMA key` runs first on every connection; SQLAlchemy
    never prints a URL's password), then the same connection set-up as a plaintext file."""
    key = cipher.key_for(path)
    database, query = (f"file:{path}", {"mode": "ro", "uri": "true"}) if read_only else (str(path), {})
    url = URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=database, query=query)
    engine = create_engine(url, poolclass=QueuePool, pool_use_lifo=POOL_LIFO,
                           connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
    event.listen(engine, "connect", _on_sqlite_connect_read_only if read_only else _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _immutable_if_needed(path: Path) -> str:
    """A WAL file in a folder we cannot write, with no -shm beside it, opens only as immutable
    (SQLite cannot create the shared-memory file); nobody can be writing it there but its owner."""
    import os

    if Path(f"{path}-shm").exists() or os.access(path.parent, os.W_OK):
        return ""
    return "&immutable=1"


def engine_key(engine: Engine) -> bytes | None:
    """The raw SQLCipher key an engine opens its file with (None: a plaintext database)."""
    if engine.dialect.driver != "pysqlcipher":
        return None
    return bytes.fromhex(engine.url.password[2:-1])


def _on_sqlite_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _on_sqlite_connect_read_only(dbapi_connection, _record) -> None:
    """Read-only: change nothing in the file, not even its journal mode."""
    dbapi_connection.isolation_level = None
    dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    dbapi_connection.execute("PRAGMA query_only = 1")


def _on_sqlite_begin(conn) -> None:
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def write_engine(engine: Engine) -> Engine:
    """The same pool, but every transaction it opens is a write (`BEGIN IMMEDIATE` on SQLite)."""
    return engine.execution_options(**{WRITE_OPTION: True})
