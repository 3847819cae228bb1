"""Two app instances (two processes on one real SQLite file) redeem at the same moment: BEGIN
IMMEDIATE serialises them, so the balance never goes below zero and the ledger still reconciles."""

import multiprocessing

from crm_desktop.domain.enums import LedgerKind
from crm_desktop.services.dto import ContactDraft
from crm_desktop.storage.ledger_check import ledger_problems

ATTEMPTS, POINTS, BALANCE = 25, 7, 100


def _redeem_many(path: str, contact_id: int, barrier, results) -> None:
    """One app instance: its own engine and services, redeeming as fast as it can after the start signal."""
    from crm_desktop.domain.errors import DatabaseBusyError, RuleError
    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.registry import Services
    from crm_desktop.storage.database import Database

    db = Database(path)
    services = Services.build(ServiceContext(db))
    done = refused = 0
    barrier.wait()
    for _ in range(ATTEMPTS):
        try:
            services.loyalty.post(contact_id, LedgerKind.REDEEM, POINTS, "兑换")
            done += 1
        except (RuleError, DatabaseBusyError):
            refused += 1
    db.dispose()
    results.put((done, refused))


def test_two_processes_redeeming_at_once_never_overdraw(services, db, db_path):
    contact = services.contacts.create(ContactDraft(name="并发会员"))
    services.loyalty.post(contact.id, LedgerKind.EARN, BALANCE, "开卡")
    db.dispose()
    mp = multiprocessing.get_context("spawn")
    barrier, results = mp.Barrier(2), mp.Queue()
    workers = [mp.Process(target=_redeem_many, args=(str(db_path), contact.id, barrier, results)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    outcomes = [results.get(timeout=5) for _ in workers]
    redeemed = sum(done for done, _ in outcomes)
    assert sum(refused for _, refused in outcomes) == 2 * ATTEMPTS - redeemed
    assert redeemed == BALANCE // POINTS  # every redemption that fitted went through, none more
    assert services.loyalty.balance(contact.id) == BALANCE - redeemed * POINTS >= 0
    assert services.loyalty.count_entries(contact.id) == 1 + redeemed
    with db.engine.connect() as conn:
        assert ledger_problems(conn) == []
