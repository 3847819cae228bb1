"""The daily loyalty job: write off points that have expired (oldest first) and move members to
the level their rolling 12 months now earn (a sale falling out of the window can downgrade).

Only what changed since the last run is looked at: lots whose expiry fell in (last run, now] (the
expiry index) and buyers whose sales left the window meanwhile. Running it twice at the same moment
writes nothing the second time: expired lots are used up by their expire entry. Work is done in
small write transactions so the counter is never blocked for long; the mark of the run is written
last, so a run that fails is simply done again next time.
"""

from datetime import datetime

from crm_desktop.domain.enums import LedgerKind
from crm_desktop.domain.expiry import PointsMove, due_points
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.events import ContactsChanged, PointsChanged
from crm_desktop.services.loyalty_dto import DailyResult
from crm_desktop.services.loyalty_posting import (
    WINDOW,
    append_entry,
    load_levels,
    load_rules,
    reevaluate_level,
)

CHECKED_UNTIL = "state.loyalty_daily_checked_until"  # bookkeeping ("state."): not audited
BATCH = 500


class LoyaltyJobs:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def run_daily(self, now: datetime | None = None) -> DailyResult:
        now = now or self._ctx.now()
        with self._ctx.db.reading() as uow:
            last = _instant(uow.app_settings.get(CHECKED_UNTIL))
            due = uow.loyalty.contacts_with_lots_due(last, now)
            start = last - WINDOW if last else datetime.min.replace(tzinfo=now.tzinfo)
            movers = set(uow.loyalty.buyers_between(start, now - WINDOW)) if start < now - WINDOW else set()
        expired = members = changes = 0
        ids, touched = sorted(set(due) | movers), set()
        for i in range(0, len(ids), BATCH):
            n, m, c = self._batch(ids[i:i + BATCH], set(due), now, touched)
            expired, members, changes = expired + n, members + m, changes + c
        with self._ctx.db.writing() as uow:
            if last is None or now > last:
                uow.app_settings.put(CHECKED_UNTIL, now.isoformat(), self._ctx.now())
        if touched:
            self._ctx.bus.publish(PointsChanged(0))
            self._ctx.bus.publish(ContactsChanged(frozenset(touched)))
        return DailyResult(members, expired, changes, max(now, last) if last else now)

    def _batch(self, ids: list[int], due: set[int], now: datetime, touched: set[int]) -> tuple[int, int, int]:
        expired = members = changes = 0
        with self._ctx.db.writing() as uow:
            rules, levels = load_rules(uow), load_levels(uow)
            moves: dict[int, list[PointsMove]] = {}
            for row in uow.loyalty.moves([i for i in ids if i in due]):
                moves.setdefault(row.contact_id, []).append(
                    PointsMove(row.id, row.points, row.reverses_id, row.expires_at))
            for contact_id in ids:
                member = uow.loyalty.lock_member(contact_id)
                points = min(due_points(moves.get(contact_id, ()), now), member.points_balance)
                if points > 0:
                    append_entry(uow, member, LedgerKind.EXPIRE, -points, "积分到期", now, None)
                    expired, members = expired + points, members + 1
                    touched.add(contact_id)
                if reevaluate_level(uow, member, now, "每日评估", None, rules, levels):
                    changes += 1
                    touched.add(contact_id)
        return expired, members, changes


def _instant(value) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
