"""The service tickets tab: filterable list, the selected ticket with its history and next steps."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox

from crm_desktop.domain.enums import TicketCategory, TicketPriority, TicketStatus
from crm_desktop.domain.errors import RuleError
from crm_desktop.domain.sla import SlaState
from crm_desktop.domain.tickets import OPEN_STATUSES, ticket_number
from crm_desktop.services.registry import Services
from crm_desktop.ui.common.forms import run_dialog
from crm_desktop.ui.common.labels import (
    fill_filter_combo,
    priority_label,
    ticket_category_label,
    ticket_status_label,
)
from crm_desktop.ui.common.list_page import ListPage, side_by_side
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.common.record_tab import ListTab
from crm_desktop.ui.tickets.detail import TicketDetailPane
from crm_desktop.ui.tickets.dialogs import TicketDialog
from crm_desktop.ui.tickets.model import COLUMN_WIDTHS, Column, make_model
from crm_desktop.ui.tickets.survey_dialog import SurveyDialog

OPEN = "open"
CLOCK_REFRESH_MS = 60_000  # SLA clocks run: re-read the shown rows once a minute


class TicketsTab(ListTab):
    def __init__(self, services: Services, notifier: Notifier, parent=None):
        super().__init__(notifier, parent)
        self.setObjectName("ticketsTab")
        self._services, self._tickets = services, services.tickets
        self.model = make_model(self._tickets, services.ctx.now, self)
        self.page = ListPage(self.model, table_name="ticketTable", search_name="ticketSearch",
                             sort_column=Column.OPENED, descending=True)
        self.status_filter = QComboBox(objectName="ticketStatusFilter")
        self.category_filter = QComboBox(objectName="ticketCategoryFilter")
        self.priority_filter = QComboBox(objectName="ticketPriorityFilter")
        self.sla_filter = QComboBox(objectName="ticketSlaFilter")
        self.mine = QCheckBox(objectName="ticketMineFilter")
        self.detail = TicketDetailPane()
        self._clock_timer = QTimer(self, interval=CLOCK_REFRESH_MS)
        self._build()
        self.retranslate()
        self._connect_signals()

    def _build(self) -> None:
        for w in (self.status_filter, self.category_filter, self.priority_filter, self.sla_filter, self.mine):
            self.page.filters.addWidget(w)
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_filter.setMinimumContentsLength(10)
        side_by_side(self, self.page, self.detail)
        self.page.set_column_widths(COLUMN_WIDTHS)

    def _connect_signals(self) -> None:
        self.page.currentIdChanged.connect(self._on_page_currentIdChanged)
        self.page.activated.connect(self.open_editor)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)
        self.category_filter.currentIndexChanged.connect(self._on_category_filter_changed)
        self.priority_filter.currentIndexChanged.connect(self._on_priority_filter_changed)
        self.sla_filter.currentIndexChanged.connect(self._on_sla_filter_changed)
        self.mine.toggled.connect(self._on_mine_toggled)
        self.detail.statusRequested.connect(self._on_detail_statusRequested)
        self.detail.editRequested.connect(self.open_editor)
        self.detail.surveyRequested.connect(self.open_survey)
        self.model.modelReset.connect(self.statusChanged)
        self._clock_timer.timeout.connect(self._on_clock_timer_timeout)
        self._clock_timer.start()

    def retranslate(self) -> None:
        self.page.search.setPlaceholderText(self.tr("Search subject, customer, description… (Ctrl+F)"))
        self.page.trash_toggle.setText(self.tr("Show trash"))
        self.mine.setText(self.tr("Mine"))
        fill_filter_combo(self.status_filter, self.tr("All statuses"), TicketStatus, ticket_status_label)
        self.status_filter.insertItem(1, self.tr("Open (new, in progress, waiting)"), OPEN)
        fill_filter_combo(self.category_filter, self.tr("All categories"), TicketCategory, ticket_category_label)
        fill_filter_combo(self.priority_filter, self.tr("All priorities"), TicketPriority, priority_label)
        self._fill_sla_filter()
        self.model.retranslate()
        self.detail.retranslate()

    def _fill_sla_filter(self) -> None:
        """All / at risk / breached: open tickets by the state of their most urgent clock."""
        current = self.sla_filter.currentData()
        self.sla_filter.blockSignals(True)
        self.sla_filter.clear()
        for text, value in ((self.tr("Any SLA"), None), (self.tr("SLA at risk"), SlaState.AT_RISK.value),
                            (self.tr("SLA breached"), SlaState.BREACHED.value)):
            self.sla_filter.addItem(text, value)
        self.sla_filter.setCurrentIndex(max(0, self.sla_filter.findData(current)))
        self.sla_filter.blockSignals(False)

    def status_text(self) -> str:
        if self.page.showing_trash:
            return self.tr("%n ticket(s) in the trash", "", self.row_count())
        return self.tr("%n ticket(s)", "", self.row_count())

    def load(self) -> None:
        self.page.apply_search()

    # --- actions --------------------------------------------------------------------------------
    def open_editor(self, ticket_id: int | None) -> None:
        ticket = self.guarded(self._tickets.get, ticket_id) if ticket_id else None
        if ticket_id and ticket is None:
            return
        run_dialog(TicketDialog(self._services, ticket, self), self._on_dialog_saved)

    def open_survey(self, ticket_id: int) -> None:
        ticket = self.guarded(self._tickets.get, ticket_id)
        if ticket is not None:
            run_dialog(SurveyDialog(self._tickets, ticket, self), self._on_survey_saved)

    def _trash(self, ids: list[int]) -> None:
        self._tickets.trash(ids)

    def _restore(self, ids: list[int]) -> None:
        self._tickets.restore(ids)

    def show_detail(self, ticket_id: int | None) -> None:
        ticket = self.guarded(self._tickets.get, ticket_id) if ticket_id else None
        events = self.guarded(self._tickets.events, ticket_id) if ticket else []
        self.detail.show_ticket(ticket, events or [])

    # --- slots ----------------------------------------------------------------------------------
    def _on_dialog_saved(self, ticket) -> None:
        self.page.select_id(ticket.id)

    def _on_survey_saved(self, survey) -> None:
        self.notifier.info(self.tr("Survey saved for {number}.").format(number=ticket_number(survey.ticket_id)))

    def _on_page_currentIdChanged(self, ticket_id) -> None:
        self.show_detail(ticket_id)

    def _on_status_filter_changed(self, _index: int) -> None:
        value = self.status_filter.currentData()
        statuses = tuple(sorted(OPEN_STATUSES)) if value == OPEN else ((value,) if value else None)
        self.page.set_filter("statuses", statuses)

    def _on_category_filter_changed(self, _index: int) -> None:
        self.page.set_filter("category", self.category_filter.currentData())

    def _on_priority_filter_changed(self, _index: int) -> None:
        self.page.set_filter("priority", self.priority_filter.currentData())

    def _on_clock_timer_timeout(self) -> None:
        """The clocks moved: read the rows again where the user is looking (scroll kept)."""
        if self.isVisible() and self.model.loaded:
            bar = self.page.table.verticalScrollBar()
            where = bar.value()
            self.page.refresh()
            bar.setValue(where)

    def _on_sla_filter_changed(self, _index: int) -> None:
        self.page.set_filter("sla", self.sla_filter.currentData())

    def _on_mine_toggled(self, on: bool) -> None:
        self.page.set_filter("assignee_id", self._services.ctx.user_id if on else None)

    def _on_detail_statusRequested(self, ticket_id: int, status, comment: str) -> None:
        try:
            self._tickets.change_status(ticket_id, status, comment)
        except RuleError as exc:  # someone else moved it meanwhile: say so with the status names
            current = exc.params.get("current")
            self.notifier.warning(self.tr("This ticket cannot go from {current} to {target}.").format(
                current=ticket_status_label(current) if current else "", target=ticket_status_label(status)))
        except Exception as exc:  # noqa: BLE001 - every failure reaches the user through one path
            self.notifier.error(exc)
        else:
            self.detail.clear_comment()
