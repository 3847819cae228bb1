"""A member's statement: the entries of a period between its opening and closing balance, what
was spent, and what expires soon. The screens print it; this only gathers the figures."""

from datetime import datetime

from crm_desktop.domain.enums import LedgerKind
from crm_desktop.domain.expiry import PointsMove, expiring_between
from crm_desktop.domain.phones import display_phone
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import LedgerEntryDTO
from crm_desktop.services.loyalty import SOON
from crm_desktop.services.loyalty_dto import StatementDTO
from crm_desktop.services.visibility import require_visible, shown_phone


class StatementService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def statement(self, contact_id: int, start: datetime, end: datetime | None = None) -> StatementDTO:
        now = self._ctx.now()
        end = end or now
        with self._ctx.db.reading() as uow:
            require_visible(self._ctx, uow, contact_id)
            c = uow.contacts.get(contact_id)
            rows = uow.loyalty.entries_between(contact_id, start, end)
            entries = tuple(LedgerEntryDTO(r[0].id, r[0].occurred_at, LedgerKind(r[0].kind), r[0].points,
                                           r[0].balance_after, r[0].reason, r.operator or "") for r in rows)
            opening = uow.loyalty.balance_before(contact_id, start)
            closing = entries[-1].balance_after if entries else opening
            spent = uow.purchases.spend_since(contact_id, start) - uow.purchases.spend_since(contact_id, end)
            moves = [PointsMove(m.id, m.points, m.reverses_id, m.expires_at) for m in uow.loyalty.moves([contact_id])]
            return StatementDTO(contact_id, c.name, shown_phone(self._ctx, display_phone(c.phone_e164, c.phone_raw)), c.member_level,
                                c.member_since, start, end, opening, closing, entries, spent,
                                expiring_between(moves, now, now + SOON), now + SOON)
