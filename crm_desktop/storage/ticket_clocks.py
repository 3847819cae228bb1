"""Banked SLA clocks: what each ticket's clocks used up to its latest change (domain/sla.py
`SlaBank`), kept in the ticket's `sla_*` columns so the service-quality report over a hundred
thousand tickets reads numbers instead of every ticket's status history.

A bank is trusted only under the calendar it was counted with (`sla_basis`, from
`calendar_basis`). Triggers clear `sla_basis` whenever something a clock depends on changes — a
status event added, edited or deleted, or the ticket's opened / answered / resolved times or its
status — whoever writes (the services, an import, a merge, a script), in the same transaction.
A ticket without a valid bank is counted from its history as before, so a bank can be stale,
never wrong. The ticket service banks the tickets it changes; the bulk paths and the migration
that added the columns bank every stale ticket at once (`refresh`).
"""

from collections import defaultdict

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.orm import Session

from crm_desktop.domain.enums import TicketPriority, TicketStatus
from crm_desktop.domain.sla import (
    TicketFacts,
    WorkingCalendar,
    calendar_basis,
    sla_bank,
    status_intervals,
)
from crm_desktop.storage.records import TicketEventRecord, TicketRecord
from crm_desktop.storage.repositories.base import in_chunks
from crm_desktop.storage.trigger_sets import TriggerSet

T, E = TicketRecord.__table__.c, TicketEventRecord.__table__.c

_STALE = "UPDATE tickets SET sla_basis = NULL WHERE id = {row}.ticket_id AND sla_basis IS NOT NULL;"
_TICKET_COLUMNS = "opened_at, first_response_at, status, resolved_at"
SQLITE_TRIGGERS = [
    "CREATE TRIGGER IF NOT EXISTS ticket_events_sla_ai AFTER INSERT ON ticket_events BEGIN "
    + _STALE.format(row="NEW") + " END",
    "CREATE TRIGGER IF NOT EXISTS ticket_events_sla_ad AFTER DELETE ON ticket_events BEGIN "
    + _STALE.format(row="OLD") + " END",
    "CREATE TRIGGER IF NOT EXISTS ticket_events_sla_au AFTER UPDATE OF ticket_id, occurred_at, to_status "
    "ON ticket_events BEGIN " + _STALE.format(row="OLD") + _STALE.format(row="NEW") + " END",
    f"CREATE TRIGGER IF NOT EXISTS tickets_sla_au AFTER UPDATE OF {_TICKET_COLUMNS} ON tickets "
    "WHEN NEW.sla_basis IS NOT NULL BEGIN UPDATE tickets SET sla_basis = NULL WHERE id = NEW.id; END",
]
PG_FUNCTIONS = [
    "CREATE OR REPLACE FUNCTION ticket_events_sla_stale() RETURNS trigger AS $$ BEGIN "
    "IF TG_OP IN ('UPDATE', 'DELETE') THEN " + _STALE.format(row="OLD") + " END IF; "
    "IF TG_OP IN ('UPDATE', 'INSERT') THEN " + _STALE.format(row="NEW") + " END IF; "
    "RETURN NULL; END $$ LANGUAGE plpgsql",
    "CREATE OR REPLACE FUNCTION tickets_sla_stale() RETURNS trigger AS $$ BEGIN "
    "NEW.sla_basis := NULL; RETURN NEW; END $$ LANGUAGE plpgsql",
]
PG_TRIGGERS = [
    "CREATE TRIGGER ticket_events_sla_stale AFTER INSERT OR DELETE OR UPDATE OF ticket_id, occurred_at, to_status "
    "ON ticket_events FOR EACH ROW EXECUTE FUNCTION ticket_events_sla_stale()",
    f"CREATE TRIGGER tickets_sla_stale BEFORE UPDATE OF {_TICKET_COLUMNS} ON tickets FOR EACH ROW "
    "WHEN ((OLD.opened_at, OLD.first_response_at, OLD.status, OLD.resolved_at) IS DISTINCT FROM "
    "(NEW.opened_at, NEW.first_response_at, NEW.status, NEW.resolved_at)) EXECUTE FUNCTION tickets_sla_stale()",
]
TRIGGERS = TriggerSet(tuple(SQLITE_TRIGGERS), tuple(PG_FUNCTIONS), tuple(PG_TRIGGERS))
install, uninstall = TRIGGERS.install, TRIGGERS.uninstall  # again after a migration's batch mode


def installed(conn) -> bool:
    if conn.dialect.name == "sqlite":
        return conn.exec_driver_sql("SELECT 1 FROM pragma_table_info('tickets') WHERE name = 'sla_basis'"
                                    ).first() is not None
    return conn.exec_driver_sql("SELECT 1 FROM information_schema.columns WHERE table_name = 'tickets' "
                                "AND column_name = 'sla_basis'").first() is not None


# --- banking ----------------------------------------------------------------------------------------
_FACTS = (T.id, T.priority, T.status, T.opened_at, T.first_response_at, T.resolved_at)
_WRITE = (update(TicketRecord.__table__).where(T.id == bindparam("b_id"))
          .values(sla_basis=bindparam("b_basis"), sla_opened_pos=bindparam("b_opened"),
                  sla_first_response_s=bindparam("b_first"), sla_resolution_s=bindparam("b_resolution"),
                  sla_last_change=bindparam("b_change"), sla_run_pos=bindparam("b_run")))


def refresh(executor, calendar: WorkingCalendar, ticket_ids=None) -> int:
    """Bank the given tickets, or (None) every ticket whose bank is missing or of another
    calendar; `executor` is a Connection or Session inside the caller's transaction. Returns how
    many were banked."""
    if isinstance(executor, Session):  # its connection: derived columns are not audited
        executor = executor.connection()
    basis, done = calendar_basis(calendar), 0
    for ids in _stale_batches(executor, basis, ticket_ids):
        facts = {row[0]: TicketFacts(TicketPriority(row[1]), TicketStatus(row[2]), *row[3:])
                 for row in executor.execute(select(*_FACTS).where(T.id.in_(ids)))}
        events = defaultdict(list)
        stmt = select(E.ticket_id, E.occurred_at, E.to_status).where(E.ticket_id.in_(ids))
        for tid, occurred_at, to_status in executor.execute(stmt.order_by(E.ticket_id, E.occurred_at, E.id)):
            events[tid].append((occurred_at, to_status))
        rows = [_bank_row(tid, basis, sla_bank(f, status_intervals(events.get(tid, ())), calendar))
                for tid, f in facts.items()]
        if rows:
            executor.execute(_WRITE, rows)
        done += len(rows)
    return done


def _stale_batches(executor, basis: str, ticket_ids):
    if ticket_ids is not None:
        yield from in_chunks(sorted(set(ticket_ids)))
        return
    stale = or_(T.sla_basis.is_(None), T.sla_basis != basis)
    yield from in_chunks(executor.execute(select(T.id).where(stale).order_by(T.id)).scalars())


def _bank_row(ticket_id: int, basis: str, bank) -> dict:
    return {"b_id": ticket_id, "b_basis": basis, "b_opened": bank.opened_pos, "b_first": bank.first_response_s,
            "b_resolution": bank.resolution_s, "b_change": bank.last_change, "b_run": bank.run_pos}
