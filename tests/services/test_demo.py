"""Demo data: every table filled, consistent with itself, deterministic for a seed."""

import hashlib
import sqlite3
from datetime import UTC, datetime

import pytest

from crm_desktop.domain.audit import entry_hash
from crm_desktop.domain.enums import TicketStatus
from crm_desktop.services.demo import DemoError, generate_demo
from crm_desktop.storage.database import Database
from crm_desktop.storage.migrate import upgrade_to_head
from crm_desktop.storage.records import SCHEMA_TABLES

ANCHOR = datetime(2026, 6, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = Database(path)
    upgrade_to_head(db)
    generate_demo(db, contacts=600, seed=7, anchor=ANCHOR)
    db.dispose()
    return path


def _q(path, sql):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_every_table_holds_rows(demo_file):
    for table in SCHEMA_TABLES:
        assert _q(demo_file, f"select count(*) from {table}")[0][0] > 0, table


def test_tickets_in_every_status_with_their_history(demo_file):
    statuses = {r[0] for r in _q(demo_file, "select distinct status from tickets")}
    assert statuses == {s.value for s in TicketStatus}
    orphans = _q(demo_file, "select count(*) from tickets t where not exists "
                            "(select 1 from ticket_events e where e.ticket_id = t.id and e.to_status = 'new')")
    assert orphans == [(0,)]
    last = _q(demo_file, "select t.status, (select to_status from ticket_events e where e.ticket_id = t.id "
                         "order by occurred_at desc, id desc limit 1) from tickets t")
    assert all(status == final for status, final in last)
    assert _q(demo_file, "select count(*) from surveys where ticket_id is null") == [(0,)]


def test_points_ledger_is_consistent_and_never_negative(demo_file):
    rows = _q(demo_file, "select contact_id, points, balance_after from points_ledger order by contact_id, id")
    balances: dict[int, int] = {}
    for contact_id, points, after in rows:
        balances[contact_id] = balances.get(contact_id, 0) + points
        assert after == balances[contact_id] >= 0
    stored = dict(_q(demo_file, "select id, points_balance from contacts where member_since is not null"))
    assert stored == {cid: balances.get(cid, 0) for cid in stored}


def test_contact_totals_match_purchases(demo_file):
    mismatched = _q(demo_file, """
        select count(*) from contacts c where total_spent_cents !=
            coalesce((select sum(amount_cents) from purchases p where p.contact_id = c.id), 0)
        or purchase_count != (select count(*) from purchases p where p.contact_id = c.id)""")
    assert mismatched == [(0,)]


def test_nothing_past_happens_in_the_future(demo_file):
    for table, column in (("interactions", "occurred_at"), ("purchases", "purchased_at"),
                          ("ticket_events", "occurred_at"), ("surveys", "answered_at"),
                          ("points_ledger", "occurred_at"), ("tickets", "opened_at"), ("contacts", "created_at")):
        assert _q(demo_file, f"select max({column}) from {table}")[0][0] < "2026-06-01 00:00:00.000001", table
    assert _q(demo_file, "select count(*) from followups where status != 'planned' and due_at > '2026-06-01'") == [(0,)]


def test_history_ends_today_and_phones_are_e164(demo_file):
    latest = _q(demo_file, "select max(occurred_at) from interactions")[0][0]
    assert latest <= "2026-06-01" and latest >= "2026-05"
    assert _q(demo_file, "select count(*) from contacts where phone_invalid = 0 and phone_e164 not like '+86%'") == [(0,)]
    assert _q(demo_file, "select count(*) from contacts where phone_invalid = 1") != [(0,)]


def test_audit_chain_links(demo_file):
    rows = _q(demo_file, "select occurred_at, user_id, action, table_name, record_uuid, changes, prev_hash, hash "
                         "from audit_log order by id")
    prev = ""
    for occurred, user, action, table, uuid, changes, prev_hash, digest in rows:
        when = datetime.fromisoformat(occurred).replace(tzinfo=UTC)
        assert prev_hash == prev
        assert digest == entry_hash(prev, when, user, action, table, uuid, changes)
        prev = digest
    assert {"update", "erase", "demo"} <= {r[2] for r in rows}


def test_consents_and_one_erased_customer(demo_file):
    purposes = dict(_q(demo_file, "select purpose, count(*) from consents group by purpose"))
    assert purposes["marketing"] > 0 and purposes["data_processing"] > 0
    assert _q(demo_file, "select count(*) from consents where granted = 0") != [(0,)]
    erased = _q(demo_file, "select c.name, c.phone_raw, c.email, c.notes, c.search_text from erasures e "
                           "join contacts c on c.uuid = e.contact_uuid")
    assert erased == [("***", "", "", "", "")]
    text = _q(demo_file, "select count(*) from interactions i join contacts c on c.id = i.contact_id "
                         "where c.name = '***' and i.summary != ''")
    assert text == [(0,)]


def test_same_seed_same_data(tmp_path):
    def digest(seed):
        path = tmp_path / f"d{seed}-{len(list(tmp_path.iterdir()))}.sqlite3"
        db = Database(path)
        upgrade_to_head(db)
        generate_demo(db, contacts=150, seed=seed, anchor=ANCHOR)
        db.dispose()
        rows = _q(path, "select c.uuid, c.name, c.phone_raw, p.amount_cents from contacts c "
                        "left join purchases p on p.contact_id = c.id order by c.id, p.id")
        return hashlib.sha256(repr(rows).encode()).hexdigest()

    assert digest(3) == digest(3)
    assert digest(3) != digest(4)


def test_refuses_a_database_that_has_contacts(db):
    generate_demo(db, contacts=5, seed=1, anchor=ANCHOR)
    with pytest.raises(DemoError, match="already holds contacts"):
        generate_demo(db, contacts=5, seed=1, anchor=ANCHOR)


def test_cancel_leaves_nothing(db):
    def cancel(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        generate_demo(db, contacts=2500, seed=1, anchor=ANCHOR, progress=cancel)
    with db.reading() as uow:
        assert uow.contacts.count("", False, {}) == 0
        assert uow.users.active() == []


def test_demo_goes_into_a_database_whose_settings_the_app_already_wrote(tmp_path):
    """Opening an empty database runs the loyalty day job, which stores how far it got; loading
    the demo afterwards replaces that and the programme's rules instead of failing."""
    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.registry import Services

    db = Database(tmp_path / "crm.sqlite3")
    upgrade_to_head(db)
    services = Services.build(ServiceContext(db))
    services.loyalty_jobs.run_daily()
    services.data_settings.put("loyalty.points_per_unit", 5)
    generate_demo(db, 60, seed=2)
    assert services.data_settings.get("loyalty.points_per_unit") == 1
    db.dispose()
