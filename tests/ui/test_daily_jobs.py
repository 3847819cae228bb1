"""The open app runs the loyalty day job itself: points that came due while it was closed expire
at start, without anyone running a command."""

from crm_desktop.domain.enums import LedgerKind
from crm_desktop.domain.loyalty_rules import EarningRules
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft
from crm_desktop.services.registry import Services


def test_points_due_while_the_app_was_closed_expire_when_it_opens(qtbot, db, db_path, clock, open_window):
    shop = Services.build(ServiceContext(db, clock=clock))
    shop.loyalty_program.save_rules(EarningRules(expiry_months=12, birthday_bonus_pct=0))
    member = shop.contacts.create(ContactDraft(name="钱多多")).id
    shop.loyalty.post(member, LedgerKind.EARN, 120, "开卡")
    clock.advance(days=400)  # the app was not opened for over a year

    window = open_window(db_path, clock=clock)
    qtbot.waitUntil(lambda: shop.loyalty.balance(member) == 0, timeout=10_000)
    kinds = [e.kind for e in shop.loyalty.entries(member, 0, 10)]
    assert kinds == [LedgerKind.EXPIRE, LedgerKind.EARN]
    window.daily_jobs.run_now()  # again at the same moment: nothing more expires
    qtbot.waitUntil(lambda: window.daily_jobs._worker is None, timeout=10_000)
    assert shop.loyalty.count_entries(member) == 2



def test_the_hourly_job_leaves_no_trace_in_the_audit_trail(qtbot, db, db_path, open_window):
    from crm_desktop.services.audit import AuditQuery

    shop = Services.build(ServiceContext(db))
    shop.contacts.create(ContactDraft(name="孙悟空"))
    window = open_window(db_path)
    qtbot.waitUntil(lambda: window.daily_jobs._worker is None, timeout=10_000)
    before = shop.audit.count(AuditQuery())
    window.daily_jobs.run_now()
    qtbot.waitUntil(lambda: window.daily_jobs._worker is None, timeout=10_000)
    assert shop.data_settings.get("state.loyalty_daily_checked_until")  # the job did run and write
    assert shop.audit.count(AuditQuery()) == before == 1  # the contact's creation alone


def test_the_day_job_stores_the_churn_risk_scores_without_an_audit_entry(qtbot, db, db_path, clock, open_window):
    import sqlite3

    from crm_desktop.services.audit import AuditQuery
    from crm_desktop.services.churn import SCORED_AT
    from crm_desktop.services.demo import generate_demo

    generate_demo(db, 120, seed=3)
    shop = Services.build(ServiceContext(db, clock=clock))
    before = shop.audit.count(AuditQuery())
    window = open_window(db_path, clock=clock)
    qtbot.waitUntil(lambda: shop.data_settings.get(SCORED_AT) is not None, timeout=20_000)
    qtbot.waitUntil(lambda: window.daily_jobs._worker is None, timeout=20_000)
    assert shop.data_settings.get(SCORED_AT) == clock.now.isoformat()
    with sqlite3.connect(db_path) as conn:
        scored, stale = conn.execute("select count(score), count(*) - count(score) from risk_scores").fetchone()
    assert scored == shop.churn.risk(5).customers > 10 and stale == 0
    assert shop.audit.count(AuditQuery()) == before
