"""The service tickets tab: filterable list, the selected ticket with its history and next steps."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QVBoxLayout, QWidget

from crm_desktop.domain.enums import TicketCategory, TicketPriority, TicketStatus
from crm_desktop.domain.errors import RuleError
from crm_desktop.domain.permissions import Permission
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
from crm_desktop.ui.common.refresher import Refresher
from crm_desktop.ui.tickets.attachment_actions import AttachmentActions
from crm_desktop.ui.tickets.board import TicketBoard
from crm_desktop.ui.tickets.detail import TicketDetailPane
from crm_desktop.ui.tickets.dialogs import TicketDialog
from crm_desktop.ui.tickets.model import COLUMN_WIDTHS, Column, make_model
from crm_desktop.ui.tickets.survey_dialog import SurveyDialog

OPEN = "open"
LIST, BOARD = "list", "board"
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
        self.view_switch = QComboBox(objectName="ticketViewSwitch")
        self.board = TicketBoard()
        self.detail = TicketDetailPane()
        self.attachment_actions = AttachmentActions(services.attachments, self.detail, self.guarded, self.show_detail,
                                                    self)
        self._clock_timer = QTimer(self, interval=CLOCK_REFRESH_MS)
        # the board's columns and the SLA filter's tickets take a while over many tickets: read in
        # workers, once more when asked again meanwhile
        self._board = Refresher(lambda: self._tickets.board(self._board_query), self)
        self._sla = Refresher(lambda: (self._sla_state, self._tickets.sla_ticket_ids(self._sla_state)), self)
        self._board_query, self._sla_state = self.model.query, None
        self.editable = True  # apply_permissions() sets it from the acting user's role
        self._build()
        self.retranslate()
        self._connect_signals()

    def _build(self) -> None:
        for w in (self.status_filter, self.category_filter, self.priority_filter, self.sla_filter, self.mine,
                  self.view_switch):
            self.page.filters.addWidget(w)
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_filter.setMinimumContentsLength(6)
        self.view_switch.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.view_switch.setMinimumContentsLength(3)
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.page, 0)
        box.addWidget(self.board, 1)
        self.board.hide()
        side_by_side(self, left, self.detail)
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
        self.model.modelReset.connect(self._on_model_modelReset)
        self.view_switch.currentIndexChanged.connect(self._on_view_switch_changed)
        self.board.moveRequested.connect(self._on_board_moveRequested)
        self.board.currentIdChanged.connect(self._on_page_currentIdChanged)
        self.board.activated.connect(self.open_editor)
        self._board.succeeded.connect(self.board.show_columns)
        self._board.failed.connect(self.notifier.error)
        self._sla.succeeded.connect(self._on_sla_succeeded)
        self._sla.failed.connect(self.notifier.error)
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
        self._fill_view_switch()
        self.model.retranslate()
        self.board.retranslate()
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

    def _fill_view_switch(self) -> None:
        current = self.view_switch.currentData() or LIST
        self.view_switch.blockSignals(True)
        self.view_switch.clear()
        self.view_switch.addItem(self.tr("List"), LIST)
        self.view_switch.addItem(self.tr("Board"), BOARD)
        self.view_switch.setCurrentIndex(self.view_switch.findData(current))
        self.view_switch.blockSignals(False)

    @property
    def showing_board(self) -> bool:
        return self.view_switch.currentData() == BOARD

    def show_board(self, on: bool) -> None:
        self.view_switch.setCurrentIndex(self.view_switch.findData(BOARD if on else LIST))

    def reload_board(self) -> None:
        """Read the board's columns under the list's search and filters (its status filter aside)."""
        if self.showing_board:
            self._board_query = self.model.query
            self._board.refresh()

    def busy(self) -> bool:
        return self._board.busy or self._sla.busy

    def shutdown(self) -> None:
        self._board.shutdown()
        self._sla.shutdown()
        self.attachment_actions.cleanup()

    def status_text(self) -> str:
        if self.page.showing_trash:
            return self.tr("%n ticket(s) in the trash", "", self.row_count())
        return self.tr("%n ticket(s)", "", self.row_count())

    def load(self) -> None:
        self.page.apply_search()

    # --- actions --------------------------------------------------------------------------------
    def apply_permissions(self) -> None:
        """A role without MANAGE_TICKETS sees tickets but gets no button that would change one."""
        self.editable = self._services.users.can(Permission.MANAGE_TICKETS)
        self.detail.set_editable(self.editable)
        self.board.set_editable(self.editable)

    def may_change(self) -> bool:
        """Whether New / Edit / Trash / Restore apply (the main window's actions ask)."""
        return self.editable

    def open_editor(self, ticket_id: int | None) -> None:
        if not self.editable:  # the list's double-click: the detail pane shows the ticket already
            return
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
        if ticket is not None:
            self.attachment_actions.shown_for(ticket.id)

    # --- slots ----------------------------------------------------------------------------------
    def _on_dialog_saved(self, ticket) -> None:
        self.page.select_id(ticket.id)

    def _on_survey_saved(self, survey) -> None:
        self.notifier.info(self.tr("Survey saved for {number}.").format(number=ticket_number(survey.ticket_id)))

    def _on_page_currentIdChanged(self, ticket_id) -> None:
        self.show_detail(ticket_id)

    def _on_view_switch_changed(self, _index: int) -> None:
        board = self.showing_board
        self.page.table.setVisible(not board)
        self.page.trash_toggle.setVisible(not board)
        self.status_filter.setEnabled(not board)
        self.board.setVisible(board)
        if board and self.page.showing_trash:
            self.page.trash_toggle.setChecked(False)
        self.reload_board()

    def _on_model_modelReset(self) -> None:
        self.reload_board()

    def _on_board_moveRequested(self, ticket_id: int, status) -> None:
        """A card dropped on another column: the same move, and the same refusal, as in the detail."""
        ticket = self.guarded(self._tickets.get, ticket_id)
        if ticket is not None and ticket.status != status:
            self._on_detail_statusRequested(ticket_id, status, "")
        self.reload_board()

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
        if self.isVisible() and self.sla_filter.currentData():
            self._find_sla_tickets()  # which tickets are at risk changes with the clock too
        elif self.isVisible() and self.model.loaded:
            bar = self.page.table.verticalScrollBar()
            where = bar.value()
            self.page.refresh()
            bar.setValue(where)

    def _on_sla_filter_changed(self, _index: int) -> None:
        if self.sla_filter.currentData():
            self._find_sla_tickets()
        else:
            self.page.set_filter("ids", None)

    def _find_sla_tickets(self) -> None:
        """Work out in a worker which open tickets are in the chosen SLA state, then list those."""
        self._sla_state = self.sla_filter.currentData()
        self._sla.refresh()

    def _on_sla_succeeded(self, result) -> None:
        state, ids = result
        if state == self.sla_filter.currentData():  # else the choice changed: its own read follows
            self.page.set_filter("ids", tuple(ids))
            self.page.refresh()

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
