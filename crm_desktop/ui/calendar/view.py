"""The follow-up calendar: a month grid and the agenda of the selected day (or of overdue ones)."""

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.enums import FollowupKind, FollowupStatus
from crm_desktop.services.followups import local_day_bounds
from crm_desktop.services.registry import Services
from crm_desktop.ui.calendar.dialogs import CompleteDialog, FollowupDialog
from crm_desktop.ui.calendar.model import COLUMN_WIDTHS, make_model
from crm_desktop.ui.calendar.month_view import WEEKS, MonthView
from crm_desktop.ui.common.forms import run_dialog
from crm_desktop.ui.common.labels import (
    fill_filter_combo,
    followup_kind_label,
    followup_status_label,
)
from crm_desktop.ui.common.list_page import ListPage, side_by_side
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.common.record_tab import ListTab


class CalendarTab(ListTab):
    def __init__(self, services: Services, notifier: Notifier, parent=None):
        super().__init__(notifier, parent)
        self.setObjectName("calendarTab")
        self._services, self._followups = services, services.followups
        self.month = MonthView()
        self.month_title = QLabel(objectName="monthTitle")
        self.prev_button = QPushButton("◀", objectName="prevMonth")
        self.next_button = QPushButton("▶", objectName="nextMonth")
        self.today_button = QPushButton(objectName="todayButton")
        self.model = make_model(self._followups, self)
        self.page = ListPage(self.model, table_name="agendaTable", search_name="agendaSearch")
        self.agenda_title = QLabel(objectName="agendaTitle")
        self.overdue = QCheckBox(objectName="overdueToggle")
        self.kind_filter = QComboBox(objectName="agendaKindFilter")
        self.status_filter = QComboBox(objectName="agendaStatusFilter")
        self.mine = QCheckBox(objectName="agendaMine")
        self.done_button = QPushButton(objectName="markDoneButton")
        self.care_button = QPushButton(objectName="careButton")
        self._build()
        self.retranslate()
        self._connect_signals()

    def _build(self) -> None:
        nav = QHBoxLayout()
        for w in (self.prev_button, self.today_button, self.next_button):
            nav.addWidget(w)
        nav.addSpacing(12)
        nav.addWidget(self.month_title, 1)
        self.month_title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(nav)
        left_layout.addWidget(self.month, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.agenda_title, 1)
        head.addWidget(self.overdue)
        head.addWidget(self.done_button)
        head.addWidget(self.care_button)
        self.agenda_title.setStyleSheet("font-weight: 600;")
        right_layout.addLayout(head)
        filters = QHBoxLayout()
        for w in (self.kind_filter, self.status_filter, self.mine):
            filters.addWidget(w)
        filters.addStretch(1)
        right_layout.addLayout(filters)
        right_layout.addWidget(self.page, 1)
        side_by_side(self, left, right, (760, 500))
        self.page.set_column_widths(COLUMN_WIDTHS)

    def _connect_signals(self) -> None:
        self.prev_button.clicked.connect(lambda: self._go_months(-1))
        self.next_button.clicked.connect(lambda: self._go_months(1))
        self.today_button.clicked.connect(self._on_today_button_clicked)
        self.month.daySelected.connect(self._on_month_daySelected)
        self.month.dayActivated.connect(self._on_month_dayActivated)
        self.month.followupActivated.connect(self.open_editor)
        self.page.activated.connect(self.open_editor)
        self.overdue.toggled.connect(self._on_overdue_toggled)
        self.kind_filter.currentIndexChanged.connect(
            lambda _: self.page.set_filter("kind", self.kind_filter.currentData()))
        self.status_filter.currentIndexChanged.connect(
            lambda _: self.page.set_filter("status", self.status_filter.currentData()))
        self.mine.toggled.connect(
            lambda on: self.page.set_filter("owner_id", self._services.ctx.user_id if on else None))
        self.done_button.clicked.connect(self.mark_done)
        self.care_button.clicked.connect(self.open_care)
        self.model.modelReset.connect(self.statusChanged)

    def retranslate(self) -> None:
        self.today_button.setText(self.tr("Today"))
        self.prev_button.setToolTip(self.tr("Previous month"))
        self.next_button.setToolTip(self.tr("Next month"))
        self.overdue.setText(self.tr("Overdue only"))
        self.done_button.setText(self.tr("Mark done…"))
        self.care_button.setText(self.tr("Care…"))
        self.care_button.setToolTip(self.tr("Customers due for contact, birthdays and holidays"))
        self.mine.setText(self.tr("Mine"))
        self.page.search.setPlaceholderText(self.tr("Search customer, title, notes… (Ctrl+F)"))
        self.page.trash_toggle.setText(self.tr("Show trash"))
        fill_filter_combo(self.kind_filter, self.tr("All types"), FollowupKind, followup_kind_label)
        fill_filter_combo(self.status_filter, self.tr("All statuses"), FollowupStatus, followup_status_label)
        self.month.more_text = self.tr("+{n} more")
        self.model.retranslate()
        self._show_titles()

    def _show_titles(self) -> None:
        locale = QLocale()
        first = QDate(self.month.year, self.month.month, 1)
        self.month_title.setText(locale.toString(first, self.tr("MMMM yyyy")))
        if self.overdue.isChecked():
            self.agenda_title.setText(self.tr("Overdue follow-ups"))
        else:
            day = self.month.selected
            self.agenda_title.setText(locale.toString(QDate(day.year, day.month, day.day),
                                                      QLocale.FormatType.LongFormat))

    def status_text(self) -> str:
        return self.tr("%n follow-up(s) listed", "", self.row_count())

    # --- reading ----------------------------------------------------------------------------------
    def load(self) -> None:
        self._read_month()
        self._apply_day_filter()
        self.page.apply_search()

    def refresh(self) -> None:
        self._read_month()
        self.page.refresh()
        self.statusChanged.emit()

    def _read_month(self) -> None:
        summaries = self.guarded(self._followups.day_summaries, self.month.first_day(), WEEKS * 7)
        self.month.set_summaries(summaries or [], self._services.ctx.now())
        self._show_titles()

    def _apply_day_filter(self) -> None:
        filters = dict(self.model.query.filters)
        if self.overdue.isChecked():
            filters.update(start=None, end=self._services.ctx.now(), status=FollowupStatus.PLANNED.value)
        else:
            start, end = local_day_bounds(self.month.selected)
            filters.update(start=start, end=end, status=self.status_filter.currentData())
        clean = tuple(sorted((k, v) for k, v in filters.items() if v is not None))
        self.model.set_query(replace(self.model.query, filters=clean, descending=self.overdue.isChecked()))

    # --- actions ------------------------------------------------------------------------------------
    def open_editor(self, followup_id: int | None, due: datetime | None = None) -> None:
        followup = self.guarded(self._followups.get, followup_id) if followup_id else None
        if followup_id and followup is None:
            return
        if followup is None and due is None:
            due = _next_hour(self.month.selected, self._services.ctx.now())
        run_dialog(FollowupDialog(self._services, followup, due, self))

    def mark_done(self) -> None:
        followup_id = self.page.current_id()
        followup = self.guarded(self._followups.get, followup_id) if followup_id else None
        if followup is not None:
            run_dialog(CompleteDialog(self._services, followup, self))

    def open_care(self):
        """The customer care dialog (loaded on first use). The main window holds the settings."""
        from crm_desktop.ui.calendar.care_dialog import open_care_dialog
        from crm_desktop.ui.settings import Settings

        settings = getattr(self.window(), "settings", None) or Settings()
        return open_care_dialog(self._services, settings, self.notifier, self)

    def _trash(self, ids: list[int]) -> None:
        self._followups.trash(ids)

    def _restore(self, ids: list[int]) -> None:
        self._followups.restore(ids)

    # --- slots ----------------------------------------------------------------------------------------
    def _go_months(self, step: int) -> None:
        index = self.month.year * 12 + self.month.month - 1 + step
        self.month.set_month(index // 12, index % 12 + 1)
        self._read_month()

    def _on_today_button_clicked(self) -> None:
        today = self._services.ctx.now().astimezone().date()
        self.month.set_month(today.year, today.month)
        self.month.select(today)
        self._read_month()

    def _on_month_daySelected(self, day: date) -> None:
        if (day.year, day.month) != (self.month.year, self.month.month):
            self.month.set_month(day.year, day.month)
            self._read_month()
        self.overdue.setChecked(False)
        self._apply_day_filter()
        self._show_titles()

    def _on_month_dayActivated(self, day: date) -> None:
        self.open_editor(None, _next_hour(day, self._services.ctx.now()))

    def _on_overdue_toggled(self, _on: bool) -> None:
        self._apply_day_filter()
        self._show_titles()


def _next_hour(day: date, now: datetime) -> datetime:
    """The next full hour on `day` when it is today, else 09:00 that day (local time)."""
    local_now = now.astimezone()
    if day == local_now.date():
        return (local_now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
    return datetime.combine(day, time(9)).astimezone()
