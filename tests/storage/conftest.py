"""Fixtures of the storage tests."""

import pytest

from crm_desktop.storage import migrate
from crm_desktop.storage.database import Database
from tests.storage.postgres import URL


@pytest.fixture
def pg():
    """The server's database emptied and upgraded to the newest schema."""
    assert URL, "CI must provide CRM_TEST_PG_URL (scripts/test.sh starts a server)"
    db = Database(URL)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    migrate.upgrade_to_head(db)
    yield db
    db.dispose()
