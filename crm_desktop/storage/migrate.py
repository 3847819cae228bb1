"""Schema migrations with Alembic, run from code.

At start the app calls `upgrade_to_head`: when an upgrade is pending on an SQLite file that already
holds a schema, a verified backup is taken first (SQLite backup API, into the rotation of storage/backups.py), then the upgrade runs in one
transaction. On SQLite, foreign-key enforcement is off while batch mode rebuilds tables (dropping a
referenced table would otherwise delete or refuse rows) and the keys are checked before commit.
"""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from crm_desktop.domain.errors import StorageError
from crm_desktop.storage import contact_days, risk_store, sales_days, ticket_clocks
from crm_desktop.storage.backups import BackupSet
from crm_desktop.storage.database import Database
from crm_desktop.storage.search import restore_triggers

MIGRATIONS = Path(__file__).with_name("migrations")
SCHEMA_HEAD = "0016"  # the newest revision shipped; a test keeps it equal to Alembic's head


class MigrationError(StorageError):
    """The upgrade could not be applied; the database was left as it was."""


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def upgraded(self) -> bool:
        return self.from_revision != self.to_revision


def _config(script_location: Path | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or MIGRATIONS))
    return cfg


def head_revision(script_location: Path | None = None) -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config(script_location)).get_current_head()


def current_revision(db: Database) -> str | None:
    """The schema revision stamped in the database (read without loading Alembic)."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("select version_num from alembic_version")).scalar()


def is_known_revision(revision: str, script_location: Path | None = None) -> bool:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config(script_location))
    return any(rev.revision == revision for rev in script.walk_revisions())


def upgrade_to_head(db: Database, backup_dir: Path | None = None,
                    script_location: Path | None = None) -> UpgradeResult:
    before = current_revision(db)
    if script_location is None and before == SCHEMA_HEAD:
        return UpgradeResult(before, before, None)  # the common case: no Alembic to load
    head = head_revision(script_location)
    if before == head:
        return UpgradeResult(before, head, None)
    if before is not None and not is_known_revision(before, script_location):
        raise MigrationError(
            "This database was written by a newer version of Zhanggui CRM (schema {rev}); "
            "please update the app.", rev=before)
    backup = None
    if db.path is not None and before is not None:  # into the rotation of automatic backups
        backup = BackupSet(db.path, backup_dir).take(db.engine, f"pre-{head}").path
    _run(db, "upgrade", "head", script_location)
    return UpgradeResult(before, head, backup)


def downgrade(db: Database, target: str, script_location: Path | None = None) -> None:
    _run(db, "downgrade", target, script_location)


def _run(db: Database, action_name: str, target: str, script_location: Path | None) -> None:
    from alembic import command

    action = getattr(command, action_name)
    cfg = _config(script_location)
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection if db.is_sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys = OFF")  # outside any transaction, as SQLite requires
        try:
            with conn.execution_options(crm_write=True).begin():
                cfg.attributes["connection"] = conn
                action(cfg, target)
                if raw is not None:
                    restore_triggers(conn)
                    if sales_days.installed(conn):  # batch mode may have rebuilt purchases without them
                        sales_days.install(conn)
                    if ticket_clocks.installed(conn):  # ... or tickets
                        ticket_clocks.install(conn)
                    if risk_store.installed(conn):  # ... or the tables its triggers watch
                        risk_store.install(conn)
                    if contact_days.installed(conn):  # ... or contacts
                        contact_days.install(conn)
                    _check_foreign_keys(conn)
        except DBAPIError as exc:  # the whole upgrade rolled back: say so in one sentence
            raise MigrationError("The schema upgrade failed and was rolled back; the database was left as it "
                                 "was: {reason}", reason=str(exc.orig).strip()) from exc
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys = ON")


def _check_foreign_keys(conn) -> None:
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise MigrationError("The upgrade would break {n} references between records; nothing was changed.",
                             n=len(broken))
