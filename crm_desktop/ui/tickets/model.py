"""The tickets table: columns over TicketDTO, sorted in SQL by the service."""

from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from crm_desktop.domain.enums import TicketPriority, TicketStatus
from crm_desktop.domain.tickets import OPEN_STATUSES
from crm_desktop.services.dto import TicketDTO
from crm_desktop.ui.common.formatting import local_datetime
from crm_desktop.ui.common.labels import priority_label, ticket_category_label, ticket_status_label
from crm_desktop.ui.common.table_model import ColumnSpec, PagedTableModel
from crm_desktop.ui.tickets.sla_format import sla_colour, sla_text, sla_tooltip

PRIORITY_COLOURS = {TicketPriority.URGENT: QColor("#c0392b"), TicketPriority.HIGH: QColor("#d35400")}


def _t(text: str) -> str:
    return QCoreApplication.translate("TicketsModel", text)


def age_text(ticket: TicketDTO, now: datetime) -> str:
    """Open tickets: time since opened; finished ones: time it took to resolve."""
    end = now if ticket.status in OPEN_STATUSES else (ticket.resolved_at or ticket.closed_at or now)
    minutes = max(0, int((end - ticket.opened_at).total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return _t(QT_TRANSLATE_NOOP("TicketsModel", "{d} d {h} h")).format(d=days, h=hours)
    return _t(QT_TRANSLATE_NOOP("TicketsModel", "{h} h {m} min")).format(h=hours, m=mins)


class Column(IntEnum):
    NUMBER = 0
    OPENED = 1
    CUSTOMER = 2
    SUBJECT = 3
    CATEGORY = 4
    PRIORITY = 5
    STATUS = 6
    SLA = 7
    ASSIGNEE = 8
    AGE = 9


def columns(now) -> dict[Column, ColumnSpec]:
    return {
        Column.NUMBER: ColumnSpec("number", lambda: _t(QT_TRANSLATE_NOOP("TicketsModel", "No.")), lambda t: t.number),
        Column.OPENED: ColumnSpec("opened", lambda: _t(QT_TRANSLATE_NOOP("TicketsModel", "Opened")),
                                  lambda t: local_datetime(t.opened_at)),
        Column.CUSTOMER: ColumnSpec("contact", lambda: _t(QT_TRANSLATE_NOOP("TicketsModel", "Customer")),
                                    lambda t: t.contact_name),
        Column.SUBJECT: ColumnSpec("subject", lambda: _t(QT_TRANSLATE_NOOP("TicketsModel", "Subject")),
                                   lambda t: t.draft.subject),
        Column.CATEGORY: ColumnSpec("category", lambda: _t(QT_TRANSLATE_NOOP("TicketsModel", "Category")),
                                    lambda t: ticket_category_label(t.draft.category)),
        Column.PRIORITY: ColumnSpec("priority", lambda: _t(QT_TRANSLATE_NOOP("TicketsModel", "Priority")),
                                    lambda t: priority_label(t.draft.priority),
                                    foreground=lambda t: PRIORITY_COLOURS.get(t.draft.priority)),
        Column.STATUS: ColumnSpec("status", lambda: _t(QT_TRANSLATE_NOOP("TicketsModel", "Status")),
                                  lambda t: ticket_status_label(t.status),
                                  foreground=lambda t: QColor("#7f8c8d") if t.status == TicketStatus.CLOSED else None),
        Column.SLA: ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("TicketsModel", "SLA")), lambda t: sla_text(t.sla),
                               foreground=lambda t: sla_colour(t.sla), tooltip=lambda t: sla_tooltip(t.sla)),
        Column.ASSIGNEE: ColumnSpec("assignee", lambda: _t(QT_TRANSLATE_NOOP("TicketsModel", "Assignee")),
                                    lambda t: t.assignee),
        Column.AGE: ColumnSpec("", lambda: _t(QT_TRANSLATE_NOOP("TicketsModel", "Age")), lambda t: age_text(t, now())),
    }


COLUMN_WIDTHS = [9, 17, 12, 18, 13, 7, 14, 17, 9, 13]


def make_model(service, now, parent=None) -> PagedTableModel:
    model = PagedTableModel(list(columns(now).values()), service.count, service.page, parent=parent)
    model.set_query_silently(sort="opened", descending=True)
    return model
