"""Tables of the loyalty tab: members, one member's ledger, the rewards catalogue."""

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from crm_desktop.services.dto import ListQuery
from crm_desktop.services.loyalty import LoyaltyService
from crm_desktop.services.purchases import PurchaseService
from crm_desktop.ui.common.formatting import local_date, local_datetime, money, number
from crm_desktop.ui.common.labels import ledger_kind_label
from crm_desktop.ui.common.table_model import ColumnSpec, PagedTableModel
from crm_desktop.ui.loyalty.sale_dialog import payment_label

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
GAIN, LOSS = QColor("#1e8449"), QColor("#c0392b")


def _t(text: str) -> str:
    return QCoreApplication.translate("LoyaltyModel", text)


class MemberColumn(IntEnum):
    NAME = 0
    PHONE = 1
    LEVEL = 2
    BALANCE = 3
    SPENT = 4
    LAST = 5
    EXPIRING = 6


MEMBER_COLUMNS = [
    ColumnSpec("name", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Member")), lambda m: m.name),
    ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Phone")), lambda m: m.phone),
    ColumnSpec("level", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Level")), lambda m: m.level),
    ColumnSpec("balance", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Points")), lambda m: number(m.balance),
               align=RIGHT),
    ColumnSpec("total_spent", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Total spent")),
               lambda m: money(m.total_spent_cents), align=RIGHT),
    ColumnSpec("last_activity", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Last purchase")),
               lambda m: local_date(m.last_activity_at)),
    ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Expiring in 30 days")),
               lambda m: number(m.expiring_soon) if m.expiring_soon else "", align=RIGHT,
               foreground=lambda m: LOSS if m.expiring_soon else None),
]
MEMBER_WIDTHS = [16, 16, 7, 8, 12, 13, 12]


class LedgerColumn(IntEnum):
    WHEN = 0
    KIND = 1
    POINTS = 2
    BALANCE = 3
    REASON = 4
    OPERATOR = 5


LEDGER_COLUMNS = [
    ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "When")), lambda e: local_datetime(e.occurred_at)),
    ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Entry")), lambda e: ledger_kind_label(e.kind)),
    ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Points")), lambda e: f"{e.points:+,}",
               align=RIGHT, foreground=lambda e: GAIN if e.points > 0 else LOSS),
    ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Balance after")),
               lambda e: number(e.balance_after), align=RIGHT),
    ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Reason")), lambda e: e.reason),
    ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Operator")), lambda e: e.operator),
]


class RewardColumn(IntEnum):
    NAME = 0
    COST = 1
    STOCK = 2
    ACTIVE = 3


REWARD_COLUMNS = [
    ColumnSpec("name", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Reward")), lambda r: r.draft.name),
    ColumnSpec("cost", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Points needed")),
               lambda r: number(r.draft.points_cost), align=RIGHT),
    ColumnSpec("stock", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Stock")),
               lambda r: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "unlimited")) if r.draft.stock is None
               else number(r.draft.stock), align=RIGHT),
    ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Offered")),
               lambda r: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "yes")) if r.draft.active
               else _t(QT_TRANSLATE_NOOP("LoyaltyModel", "no"))),
]


def member_model(service: LoyaltyService, parent=None) -> PagedTableModel:
    return PagedTableModel(MEMBER_COLUMNS, service.count_members, service.member_page,
                           row_id=lambda m: m.contact_id, parent=parent)


def ledger_model(service: LoyaltyService, parent=None) -> PagedTableModel:
    """One member's entries, newest first; the member is the query's `contact_id` filter."""

    def member(query: ListQuery) -> int | None:
        return query.filter("contact_id")

    def count(query):
        return service.count_entries(member(query)) if member(query) else 0

    def fetch(query, offset, limit):
        return service.entries(member(query), offset, limit) if member(query) else []

    return PagedTableModel(LEDGER_COLUMNS, count, fetch, parent=parent)


PURCHASE_COLUMNS = [
    ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Date")), lambda p: local_datetime(p.purchased_at)),
    ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "What")),
               lambda p: p.description or p.items.replace("\n", "; ")),
    ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Amount")), lambda p: money(p.amount_cents),
               align=RIGHT, foreground=lambda p: LOSS if p.voided_at else None),
    ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Payment")), lambda p: payment_label(p.payment_method)),
    ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Staff")), lambda p: p.staff),
    ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "Status")),
               lambda p: _t(QT_TRANSLATE_NOOP("LoyaltyModel", "voided")) if p.voided_at else ""),
]


def purchase_model(service: PurchaseService, parent=None) -> PagedTableModel:
    """One member's sales, newest first; the member is the query's `contact_id` filter."""

    def count(query):
        return service.count(query.filter("contact_id")) if query.filter("contact_id") else 0

    def fetch(query, offset, limit):
        return service.page(query.filter("contact_id"), offset, limit) if query.filter("contact_id") else []

    return PagedTableModel(PURCHASE_COLUMNS, count, fetch, parent=parent)


def reward_model(service: LoyaltyService, parent=None) -> PagedTableModel:
    return PagedTableModel(REWARD_COLUMNS, service.count_rewards, service.reward_page, parent=parent)
