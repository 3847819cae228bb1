"""The demo's loyalty programme is one the app could have written: levels by rolling 12-month
spend with their history, points by the stored rules, expiry already settled by the daily job."""

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta

import pytest

from crm_desktop.domain.loyalty_rules import DEFAULT_LEVELS, level_for
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.registry import Services
from crm_desktop.storage.database import Database
from crm_desktop.storage.ledger_check import ledger_problems
from crm_desktop.storage.migrate import upgrade_to_head

ANCHOR = datetime(2026, 6, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = Database(path)
    upgrade_to_head(db)
    generate_demo(db, contacts=400, seed=3, anchor=ANCHOR)
    yield path, db
    db.dispose()


def _q(path, sql, *args):
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql, args).fetchall()


def test_levels_rules_and_history_are_written(demo):
    path, _db = demo
    assert [r[0] for r in _q(path, "select name from member_levels order by rank")] == ["普通", "银卡", "金卡", "钻石"]
    assert dict(_q(path, "select key, value from app_settings"))["loyalty.expiry_months"] == "24"
    last = dict(_q(path, "select contact_id, to_level from member_level_history h where id = "
                         "(select max(id) from member_level_history where contact_id = h.contact_id)"))
    assert last and all(_q(path, "select member_level from contacts where id = ?", cid)[0][0] == level
                        for cid, level in last.items())


def test_every_member_holds_the_level_of_its_last_12_months(demo):
    path, _db = demo
    since = (ANCHOR - timedelta(hours=1) - timedelta(days=365)).strftime("%Y-%m-%d %H:%M:%S")
    rows = _q(path, "select c.id, c.member_level, coalesce((select sum(amount_cents) from purchases p "
                    "where p.contact_id = c.id and p.purchased_at >= ?), 0) from contacts c "
                    "where member_since is not null", since)
    assert rows and all(level == level_for(DEFAULT_LEVELS, spend, 0).name for _cid, level, spend in rows)
    assert {level for _cid, level, _spend in rows} >= {"普通", "银卡"}


def test_daily_job_finds_nothing_left_to_expire_and_check_passes(demo):
    path, db = demo
    services = Services.build(ServiceContext(db, clock=lambda: ANCHOR))
    assert _q(path, "select count(*) from points_ledger where kind = 'expire'")[0][0] > 0
    result = services.loyalty_jobs.run_daily(ANCHOR)
    assert (result.points_expired, result.level_changes) == (0, 0)
    with db.engine.connect() as conn:
        assert ledger_problems(conn) == []
