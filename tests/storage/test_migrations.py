"""Migrations upgrade databases that hold data, take a verified backup first, and go back down."""

import shutil
import sqlite3
import textwrap
from datetime import UTC, datetime

import pytest

from crm_desktop.domain.enums import InteractionKind, LifecycleStage
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, InteractionDraft
from crm_desktop.services.registry import Services
from crm_desktop.storage import migrate
from crm_desktop.storage.backup import integrity_problems
from crm_desktop.storage.database import Database
from crm_desktop.storage.records import SCHEMA_TABLES

NEXT_REVISION = textwrap.dedent('''
    """test: a schema change that rebuilds the referenced contacts table"""
    from alembic import op
    import sqlalchemy as sa

    revision = "9999"
    down_revision = "{head}"
    branch_labels = None
    depends_on = None


    def upgrade():
        with op.batch_alter_table("contacts") as batch:
            batch.add_column(sa.Column("nickname", sa.String(50), nullable=False, server_default=""))
            batch.alter_column("title", existing_type=sa.String(100), type_=sa.String(150))


    def downgrade():
        with op.batch_alter_table("contacts") as batch:
            batch.drop_column("nickname")
            batch.alter_column("title", existing_type=sa.String(150), type_=sa.String(100))
''')


@pytest.fixture
def scripts_with_next_revision(tmp_path):
    """A copy of the shipped migrations plus one more revision on top of head."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    (folder / "versions" / "9999_test_next.py").write_text(NEXT_REVISION.format(head=head))
    return folder


def _fill(db: Database) -> int:
    services = Services.build(ServiceContext(db))
    contact = services.contacts.create(ContactDraft(name="张三", phone="13800138000", title="经理",
                                                    stage=LifecycleStage.CUSTOMER))
    services.contacts.log_interaction(InteractionDraft(contact.id, InteractionKind.CALL,
                                                       datetime(2026, 1, 5, tzinfo=UTC), "回访"))
    return contact.id


def _rows(path, sql):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_schema_head_constant_is_alembics_head():
    assert migrate.head_revision() == migrate.SCHEMA_HEAD


def test_new_database_gets_every_documented_table(db):
    assert set(SCHEMA_TABLES) <= set(db.table_names())
    assert migrate.current_revision(db) == migrate.head_revision()


def test_models_and_migrations_agree(db):
    """The shipped revisions create exactly what the records describe."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from crm_desktop.storage.records import Base
    from crm_desktop.storage.search import is_index_table

    skip = {"include_object": lambda o, name, kind, r, c: not is_index_table(name)}
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts=skip), Base.metadata)
    assert diff == []


def test_upgrade_keeps_data_and_backs_up_first(db_path, scripts_with_next_revision, tmp_path):
    db = Database(db_path)
    migrate.upgrade_to_head(db)
    contact_id = _fill(db)

    result = migrate.upgrade_to_head(db, backup_dir=tmp_path / "bk", script_location=scripts_with_next_revision)

    assert result.upgraded and result.to_revision == "9999"
    assert result.backup is not None and integrity_problems(result.backup) == []
    assert _rows(result.backup, "select version_num from alembic_version") == [(migrate.head_revision(),)]
    assert _rows(result.backup, "select name from contacts") == [("张三",)]
    assert _rows(db_path, "select id, name, title, nickname from contacts") == [(contact_id, "张三", "经理", "")]
    assert _rows(db_path, "select contact_id, summary from interactions") == [(contact_id, "回访")]
    assert _rows(db_path, "pragma foreign_key_check") == []
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("pragma foreign_keys").scalar() == 1
    db.dispose()


def test_downgrade_and_upgrade_again_keep_data(db_path, scripts_with_next_revision):
    db = Database(db_path)
    migrate.upgrade_to_head(db, script_location=scripts_with_next_revision)
    _fill(db)
    migrate.downgrade(db, migrate.head_revision(), script_location=scripts_with_next_revision)
    assert "nickname" not in [r[1] for r in _rows(db_path, "pragma table_info(contacts)")]
    assert _rows(db_path, "select name from contacts") == [("张三",)]
    migrate.upgrade_to_head(db, script_location=scripts_with_next_revision)
    assert _rows(db_path, "select name, nickname from contacts") == [("张三", "")]
    assert _rows(db_path, "select count(*) from interactions") == [(1,)]
    db.dispose()


def test_full_downgrade_to_base_and_back(db):
    migrate.downgrade(db, "base")
    assert set(db.table_names()) == {"alembic_version"}
    migrate.upgrade_to_head(db)
    assert set(SCHEMA_TABLES) <= set(db.table_names())


def test_database_from_a_newer_version_is_refused_untouched(db_path):
    db = Database(db_path)
    migrate.upgrade_to_head(db)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("update alembic_version set version_num = 'f00d'")
    with pytest.raises(migrate.MigrationError, match="newer version"):
        migrate.upgrade_to_head(db)
    assert _rows(db_path, "select version_num from alembic_version") == [("f00d",)]
    db.dispose()


def test_a_failing_upgrade_is_one_plain_sentence_and_changes_nothing(db_path, tmp_path):
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9999_test_broken.py").write_text(textwrap.dedent(f'''
        from alembic import op
        revision = "9999"
        down_revision = "{migrate.head_revision()}"
        def upgrade():
            op.execute("UPDATE contacts SET title = 'changed'")
            op.execute("INSERT INTO no_such_table VALUES (1)")
        def downgrade():
            pass
    '''))
    db = Database(db_path)
    migrate.upgrade_to_head(db)
    contact_id = _fill(db)
    with pytest.raises(migrate.MigrationError, match="rolled back; the database was left as it was: no such table"):
        migrate.upgrade_to_head(db, script_location=folder)
    assert migrate.current_revision(db) == migrate.head_revision()
    assert _rows(db_path, f"select title from contacts where id = {contact_id}") == [("经理",)]
    db.dispose()


def test_companies_already_there_get_their_pinyin_on_the_upgrade(db):
    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.dto import ContactDraft
    from crm_desktop.services.registry import Services

    services = Services.build(ServiceContext(db))
    for name, company in (("张三", "星辰科技"), ("Ann", "Beta Ltd"), ("李四", "阿里")):
        services.contacts.create(ContactDraft(name=name, company=company))
    migrate.downgrade(db, "0015")
    assert "name_pinyin" not in [r[1] for r in _rows(db.path, "pragma table_info(companies)")]
    migrate.upgrade_to_head(db)
    assert _rows(db.path, "select name, name_pinyin from companies order by id") == [
        ("星辰科技", "xingchenkeji"), ("Beta Ltd", "betaltd"), ("阿里", "ali")]
