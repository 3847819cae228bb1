"""The report's SQL over banked clocks (storage/repositories/sla_sql.py) equals the domain's
`banked_state` / `banked_seconds` on thousands of random banks: every priority, answered or not,
running or standing, near each target's at-risk and breach edges."""

import random
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from crm_desktop.domain.enums import TicketPriority, TicketStatus
from crm_desktop.domain.sla import (
    DEFAULT_TARGETS,
    SlaBank,
    SlaPolicy,
    SlaState,
    SlaTarget,
    banked_seconds,
    banked_state,
    clock_reading,
)
from crm_desktop.services.dto import ContactDraft
from crm_desktop.storage.records import TicketRecord

NOW = datetime(2026, 6, 1, 8, tzinfo=UTC)
NOW_POS = 200_000_000
OPEN = ("new", "in_progress", "waiting")


def _banks(seed: int, n: int, policy: SlaPolicy) -> list[tuple[str, str, SlaBank]]:
    rng, out = random.Random(seed), []
    for _ in range(n):
        priority = rng.choice(list(TicketPriority))
        target = policy.target(priority)
        def near(minutes):  # seconds around a target's at-risk or breach edge, or anywhere below
            edge = rng.choice((minutes, minutes * (1 - policy.at_risk_share), rng.uniform(0, minutes * 2)))
            return max(0, int(edge * 60) + rng.randint(-90, 90))
        first = near(target.first_response_minutes)
        answered = rng.random() < 0.5
        resolution = near(target.resolution_minutes)
        running = rng.random() < 0.7
        banked = rng.randint(0, resolution) if running else resolution
        out.append((priority.value, rng.choice(OPEN + ("resolved", "closed")), SlaBank(
            opened_pos=NOW_POS - first, first_response_s=first if answered else None, resolution_s=banked,
            last_change=NOW - timedelta(minutes=rng.randint(0, 5000)),
            run_pos=NOW_POS - (resolution - banked) if running else None)))
    return out


def _store(db, services, banks) -> dict[int, tuple]:
    contact = services.contacts.create(ContactDraft(name="客户")).id
    rows = [{"id": i + 1, "contact_id": contact, "category": "repair", "priority": p, "status": s, "subject": "x",
             "description": "", "complaint_reason": "", "opened_at": NOW - timedelta(days=3),
             "first_response_at": None if b.first_response_s is None else NOW - timedelta(days=2),
             "resolved_at": NOW - timedelta(hours=1) if s in ("resolved", "closed") or i % 7 == 0 else None,
             "sla_basis": "b", "sla_opened_pos": b.opened_pos, "sla_first_response_s": b.first_response_s,
             "sla_resolution_s": b.resolution_s, "sla_last_change": b.last_change, "sla_run_pos": b.run_pos,
             "uuid": str(uuid.uuid4()), "created_at": NOW, "updated_at": NOW} for i, (p, s, b) in enumerate(banks)]
    with db.writing() as uow:
        uow.session.execute(insert(TicketRecord.__table__), rows)
    return {i + 1: bank for i, bank in enumerate(banks)}


def sql_equals_domain(db, services, policy: SlaPolicy) -> int:
    stored = _store(db, services, _banks(5, 3000, policy))
    with db.reading() as uow:
        flagged = dict(uow.tickets.sla_banked_open("b", NOW, NOW_POS, policy, OPEN))
        resolved = uow.tickets.sla_banked_resolved("b", NOW, NOW_POS, policy, (NOW - timedelta(days=1), NOW))
    expected = {}
    for tid, (priority, status, bank) in stored.items():
        if status in OPEN:
            state = banked_state(TicketPriority(priority), TicketStatus(status), bank, NOW_POS, policy).headline.state
            if state in (SlaState.AT_RISK, SlaState.BREACHED):
                expected[tid] = state
    from crm_desktop.domain.sla import STATE_OF_SEVERITY

    assert {tid: STATE_OF_SEVERITY[n] for tid, n in flagged.items()} == expected
    done = []
    for tid, (priority, status, bank) in stored.items():
        if status in ("resolved", "closed") or (tid - 1) % 7 == 0:
            first_s, resolution_s = banked_seconds(bank, NOW_POS)
            target = policy.target(TicketPriority(priority)).resolution_minutes
            met = clock_reading(resolution_s, target, status not in ("resolved", "closed"), policy.at_risk_share)
            done.append((first_s // 60, resolution_s // 60, int(met.state == SlaState.MET)))
    assert sorted(tuple(r) for r in resolved) == sorted(done)
    assert 0 < sum(d[2] for d in done) < len(done)
    return len(expected)


def test_open_tickets_flagged_in_sql_are_those_the_domain_flags(db, services):
    assert sql_equals_domain(db, services, SlaPolicy()) > 300


def test_other_targets_and_share(db, services):
    targets = {**DEFAULT_TARGETS, TicketPriority.LOW: SlaTarget(7, 13)}
    assert sql_equals_domain(db, services, SlaPolicy(targets=targets, at_risk_share=0.35)) > 300
