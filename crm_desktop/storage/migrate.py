"""Schema migrations with Alembic, run from code.

At start the app calls `upgrade_to_head`: when an upgrade is pending on an SQLite file that already
holds a schema, a verified backup is taken first (SQLite backup API), then the upgrade runs.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from crm_desktop.storage.backup import backup_sqlite
from crm_desktop.storage.database import Database

MIGRATIONS = Path(__file__).with_name("migrations")


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def upgraded(self) -> bool:
        return self.from_revision != self.to_revision


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_known_revision(revision: str) -> bool:
    script = ScriptDirectory.from_config(_config())
    return any(rev.revision == revision for rev in script.walk_revisions())


def _run(db: Database, action, target: str) -> None:
    cfg = _config()
    with db.engine.connect().execution_options(crm_write=True) as conn:
        cfg.attributes["connection"] = conn
        action(cfg, target)
        conn.commit()


def upgrade_to_head(db: Database, backup_dir: Path | None = None) -> UpgradeResult:
    before = current_revision(db)
    head = head_revision()
    if before == head:
        return UpgradeResult(before, head, None)
    backup = None
    if db.path is not None and before is not None:
        folder = backup_dir or db.path.parent / "backups"
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        backup = backup_sqlite(db.engine, folder / f"{db.path.stem}-pre-{head}-{stamp}.sqlite3")
    _run(db, command.upgrade, "head")
    return UpgradeResult(before, head, backup)


def downgrade(db: Database, target: str) -> None:
    _run(db, command.downgrade, target)
