"""The follow-up calendar: month, week and day views beside the agenda of the selected day (or of
the overdue ones). Drag a follow-up to reschedule it; double-click to edit it."""

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

from crm_desktop.domain.enums import FollowupKind, FollowupStatus, Tier
from crm_desktop.services.dto import FollowupDTO
from crm_desktop.services.followups import local_day_bounds
from crm_desktop.services.registry import Services
from crm_desktop.ui.calendar.calendar_views import CalendarViews
from crm_desktop.ui.calendar.dialogs import CompleteDialog, FollowupDialog
from crm_desktop.ui.calendar.ics_actions import IcsTransfer
from crm_desktop.ui.calendar.model import COLUMN_WIDTHS, make_model
from crm_desktop.ui.calendar.scope_dialog import SERIES, ask_series_scope
from crm_desktop.ui.common.forms import run_dialog
from crm_desktop.ui.common.labels import (
    fill_filter_combo,
    followup_kind_label,
    followup_status_label,
    tier_label,
)
from crm_desktop.ui.common.list_page import ListPage, side_by_side
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.common.record_tab import ListTab


class CalendarTab(ListTab):
    def __init__(self, services: Services, notifier: Notifier, parent=None):
        super().__init__(notifier, parent)
        self.setObjectName("calendarTab")
        self._services, self._followups = services, services.followups
        self.views = CalendarViews(self._followups, services.ctx.now, self.guarded)
        self.month = self.views.month
        self.prev_button, self.next_button = self.views.prev_button, self.views.next_button
        self.today_button, self.month_title = self.views.today_button, self.views.title
        self.model = make_model(self._followups, self)
        self.page = ListPage(self.model, table_name="agendaTable", search_name="agendaSearch")
        self.agenda_title = QLabel(objectName="agendaTitle")
        self.overdue = QCheckBox(objectName="overdueToggle")
        self.kind_filter = QComboBox(objectName="agendaKindFilter")
        self.status_filter = QComboBox(objectName="agendaStatusFilter")
        self.tier_filter = QComboBox(objectName="agendaTierFilter")
        self.mine = QCheckBox(objectName="agendaMine")
        self.done_button = QPushButton(objectName="markDoneButton")
        self.care_button = QPushButton(objectName="careButton")
        self.ics = IcsTransfer(services.calendar_transfer, notifier, self.views.visible_range, self)
        self.ask_scope = ask_series_scope  # (parent, followup) -> "one" | "series" | None; tests replace it
        self._build()
        self.retranslate()
        self._connect_signals()

    def _build(self) -> None:
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.agenda_title, 1)
        head.addWidget(self.overdue)
        head.addWidget(self.done_button)
        head.addWidget(self.care_button)
        self.views.nav.insertWidget(self.views.nav.indexOf(self.views.title) + 1, self.ics.button)
        self.agenda_title.setStyleSheet("font-weight: 600;")
        right_layout.addLayout(head)
        filters = QHBoxLayout()
        for w in (self.kind_filter, self.status_filter, self.tier_filter, self.mine):
            filters.addWidget(w)
        filters.addStretch(1)
        right_layout.addLayout(filters)
        right_layout.addWidget(self.page, 1)
        side_by_side(self, self.views, right, (800, 480))
        self.page.set_column_widths(COLUMN_WIDTHS)

    def _connect_signals(self) -> None:
        self.views.daySelected.connect(self._on_views_daySelected)
        self.views.dayActivated.connect(self._on_views_dayActivated)
        self.views.slotActivated.connect(lambda due: self.open_editor(None, due))
        self.views.followupActivated.connect(self.open_editor)
        self.views.moveRequested.connect(self.move_followup)
        self.page.activated.connect(self.open_editor)
        self.overdue.toggled.connect(self._on_overdue_toggled)
        for combo in (self.kind_filter, self.status_filter, self.tier_filter):
            combo.currentIndexChanged.connect(self._on_filters_changed)
        self.mine.toggled.connect(self._on_filters_changed)
        self.done_button.clicked.connect(self.mark_done)
        self.care_button.clicked.connect(self.open_care)
        self.model.modelReset.connect(self.statusChanged)

    def retranslate(self) -> None:
        self.overdue.setText(self.tr("Overdue only"))
        self.done_button.setText(self.tr("Mark done…"))
        self.care_button.setText(self.tr("Care…"))
        self.care_button.setToolTip(self.tr("Customers due for contact, birthdays and holidays"))
        self.mine.setText(self.tr("Mine"))
        self.page.search.setPlaceholderText(self.tr("Search customer, title, notes… (Ctrl+F)"))
        self.page.trash_toggle.setText(self.tr("Show trash"))
        fill_filter_combo(self.kind_filter, self.tr("All types"), FollowupKind, followup_kind_label)
        fill_filter_combo(self.status_filter, self.tr("All statuses"), FollowupStatus, followup_status_label)
        fill_filter_combo(self.tier_filter, self.tr("All tiers"), Tier, tier_label)
        self.views.retranslate()
        self.ics.retranslate()
        self.model.retranslate()
        self._show_titles()

    def _show_titles(self) -> None:
        if self.overdue.isChecked():
            self.agenda_title.setText(self.tr("Overdue follow-ups"))
        else:
            day = self.views.selected
            self.agenda_title.setText(QLocale().toString(QDate(day.year, day.month, day.day),
                                                         QLocale.FormatType.LongFormat))

    def status_text(self) -> str:
        return self.tr("%n follow-up(s) listed", "", self.row_count())

    # --- reading ----------------------------------------------------------------------------------
    def load(self) -> None:
        self.views.filters = self.filters()
        self.views.read()
        self._apply_day_filter()
        self.page.apply_search()

    def refresh(self) -> None:
        self.views.read()
        self.page.refresh()
        self.statusChanged.emit()

    def filters(self) -> dict:
        """The filters the views and the agenda share: type, status, tier, mine."""
        mine = self._services.ctx.user_id if self.mine.isChecked() else None
        found = {"kind": self.kind_filter.currentData(), "status": self.status_filter.currentData(),
                 "tier": self.tier_filter.currentData(), "owner_id": mine}
        return {k: v for k, v in found.items() if v is not None}

    def _apply_day_filter(self) -> None:
        filters = self.filters()
        if self.overdue.isChecked():
            filters.update(end=self._services.ctx.now(), status=FollowupStatus.PLANNED.value)
        else:
            filters["start"], filters["end"] = local_day_bounds(self.views.selected)
        clean = tuple(sorted(filters.items()))
        self.model.set_query(replace(self.model.query, filters=clean, descending=self.overdue.isChecked()))

    # --- actions ------------------------------------------------------------------------------------
    def open_editor(self, followup_id: int | None, due: datetime | None = None) -> None:
        followup = self.guarded(self._followups.get, followup_id) if followup_id else None
        if followup_id and followup is None:
            return
        if followup is None and due is None:
            due = _next_hour(self.views.selected, self._services.ctx.now())
        run_dialog(FollowupDialog(self._services, followup, due, self))

    def move_followup(self, followup: FollowupDTO, new_due: datetime) -> FollowupDTO | None:
        """A drag ended on another day or time: one occurrence or the series, as the user says."""
        occurrence, whole = None, False
        if followup.series_start is not None:
            scope = self.ask_scope(self, followup)
            if scope is None:
                return None
            occurrence, whole = followup.due_at, scope == SERIES
        moved = self.guarded(self._followups.move, followup.id, new_due, occurrence, whole)
        if moved is not None:
            self.notifier.info(self.tr("Moved to {when}").format(
                when=QLocale().toString(new_due.astimezone(), QLocale.FormatType.ShortFormat)))
        return moved

    def mark_done(self) -> None:
        """The agenda's current row done: an occurrence of a repeating one on its own."""
        index = self.page.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        followup = self.guarded(self._followups.get, row.id) if row is not None else None
        if followup is not None:
            occurrence = row.due_at if row.series_start is not None else None
            run_dialog(CompleteDialog(self._services, followup, self._cadence(), occurrence, parent=self))

    def _cadence(self):
        settings = getattr(self.window(), "settings", None)
        return settings.tier_cadence if settings is not None else None

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
    def _on_views_daySelected(self, _day: date) -> None:
        self.overdue.setChecked(False)
        self._apply_day_filter()
        self._show_titles()

    def _on_views_dayActivated(self, day: date) -> None:
        self.open_editor(None, _next_hour(day, self._services.ctx.now()))

    def _on_overdue_toggled(self, _on: bool) -> None:
        self._apply_day_filter()
        self._show_titles()

    def _on_filters_changed(self, *_args) -> None:
        self.views.filters = self.filters()
        self.views.read()
        self._apply_day_filter()


def _next_hour(day: date, now: datetime) -> datetime:
    """The next full hour on `day` when it is today (23:59 late in the evening, so that it stays on
    the day chosen), else 09:00 that day (local time)."""
    local_now = now.astimezone()
    if day == local_now.date():
        next_hour = (local_now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        return next_hour if next_hour.date() == day else datetime.combine(day, time(23, 59)).astimezone()
    return datetime.combine(day, time(9)).astimezone()
