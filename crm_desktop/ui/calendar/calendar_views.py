"""Month, week and day views behind one switcher and one ◀ Today ▶ bar.

Only the visible range is read, through the service: a month as day summaries (counts and the first
few per day), a week or a day as its follow-ups with repeating ones expanded.
"""

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.followups import FollowupService, local_day_bounds
from crm_desktop.ui.calendar.month_view import WEEKS, MonthView
from crm_desktop.ui.calendar.week_view import TimeGridView

MONTH, WEEK, DAY = "month", "week", "day"


class CalendarViews(QWidget):
    daySelected = Signal(object)  # date
    dayActivated = Signal(object)  # date: plan a follow-up that day
    slotActivated = Signal(object)  # aware datetime: plan a follow-up then
    followupActivated = Signal(int)
    moveRequested = Signal(object, object)  # FollowupDTO (due at its occurrence), new aware datetime

    def __init__(self, service: FollowupService, now: Callable[[], datetime], guarded: Callable, parent=None):
        super().__init__(parent)
        self._service, self._now, self._guarded = service, now, guarded
        self.mode = MONTH
        self.filters: dict = {}
        self.month = MonthView()
        self.week = TimeGridView(7, 2, "weekView")
        self.day = TimeGridView(1, 8, "dayView")
        self.stack = QStackedWidget(objectName="calendarViews")
        self.title = QLabel(objectName="monthTitle")
        self.prev_button = QToolButton(text="◀", objectName="prevMonth")
        self.next_button = QToolButton(text="▶", objectName="nextMonth")
        self.today_button = QToolButton(objectName="todayButton")
        self.mode_buttons = {m: QToolButton(objectName=f"view{m.title()}", checkable=True) for m in (MONTH, WEEK, DAY)}
        self._group = QButtonGroup(self)
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.nav = nav = QHBoxLayout()
        for w in (self.prev_button, self.today_button, self.next_button):
            nav.addWidget(w)
        nav.addSpacing(12)
        nav.addWidget(self.title, 1)
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # may shrink
        for button in self.mode_buttons.values():
            self._group.addButton(button)
            nav.addWidget(button)
        self.mode_buttons[MONTH].setChecked(True)
        for view in (self.month, self.week, self.day):
            self.stack.addWidget(view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(nav)
        layout.addWidget(self.stack, 1)

    def _connect_signals(self) -> None:
        self.prev_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        self.today_button.clicked.connect(self.go_today)
        for mode, button in self.mode_buttons.items():
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
        self.month.daySelected.connect(self._on_day_picked)
        self.month.dayActivated.connect(self.dayActivated)
        self.month.followupActivated.connect(self.followupActivated)
        self.month.moveRequested.connect(self.moveRequested)
        for grid in (self.week, self.day):
            grid.header.daySelected.connect(self.select)
            grid.header.followupActivated.connect(self.followupActivated)
            grid.canvas.followupActivated.connect(self.followupActivated)
            grid.canvas.slotActivated.connect(self.slotActivated)
            grid.canvas.moveRequested.connect(self.moveRequested)
            grid.canvas.overflowClicked.connect(self._on_canvas_overflowClicked)

    def retranslate(self) -> None:
        self.today_button.setText(self.tr("Today"))
        self.prev_button.setToolTip(self.tr("Previous"))
        self.next_button.setToolTip(self.tr("Next"))
        for mode, text in ((MONTH, self.tr("Month")), (WEEK, self.tr("Week")), (DAY, self.tr("Day"))):
            self.mode_buttons[mode].setText(text)
        more = self.tr("+{n} more")
        self.month.more_text = self.week.header.more_text = self.day.header.more_text = more
        self._show_title()

    # --- what is shown --------------------------------------------------------------------------------
    @property
    def selected(self) -> date:
        return self.month.selected

    def visible_days(self) -> tuple[date, int]:
        """The first day shown and how many days are shown."""
        if self.mode == MONTH:
            return self.month.first_day(), WEEKS * 7
        if self.mode == WEEK:
            return self.selected - timedelta(days=self.selected.weekday()), 7
        return self.selected, 1

    def visible_range(self) -> tuple[datetime, datetime]:
        first, days = self.visible_days()
        return local_day_bounds(first)[0], local_day_bounds(first + timedelta(days=days - 1))[1]

    def read(self) -> None:
        now = self._now()
        first, days = self.visible_days()
        if self.mode == MONTH:
            summaries = self._guarded(self._service.day_summaries, first, days, 4, self.filters)
            self.month.set_summaries(summaries or [], now)
        else:
            grid = self.week if self.mode == WEEK else self.day
            items = self._guarded(self._service.occurrences, *self.visible_range(), self.filters)
            grid.set_items(first, items or [], now, self.selected)
        self._show_title()

    def _show_title(self) -> None:
        locale, first = QLocale(), self.selected
        if self.mode == MONTH:
            text = locale.toString(QDate(self.month.year, self.month.month, 1), self.tr("MMMM yyyy"))
        elif self.mode == WEEK:
            start, _ = self.visible_days()
            end = start + timedelta(days=6)
            text = self.tr("{start} – {end}").format(
                start=locale.toString(QDate(start.year, start.month, start.day), self.tr("d MMM")),
                end=locale.toString(QDate(end.year, end.month, end.day), self.tr("d MMM yyyy")))
        else:
            text = locale.toString(QDate(first.year, first.month, first.day), QLocale.FormatType.LongFormat)
        self.title.setText(text)

    # --- moving about ---------------------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.mode_buttons[mode].setChecked(True)
        self.stack.setCurrentWidget({MONTH: self.month, WEEK: self.week, DAY: self.day}[mode])
        self.read()

    def go(self, step: int) -> None:
        if self.mode == MONTH:
            index = self.month.year * 12 + self.month.month - 1 + step
            self.month.set_month(index // 12, index % 12 + 1)
            self.read()
        else:
            self.select(self.selected + timedelta(days=step * (7 if self.mode == WEEK else 1)))

    def go_today(self) -> None:
        self.select(self._now().astimezone().date())

    def select(self, day: date) -> None:
        """Make `day` the selected one (the agenda shows it), moving the view to it if need be."""
        self.month.select(day)  # emits daySelected through _on_day_picked

    def _on_canvas_overflowClicked(self, day: date) -> None:
        self.month.selected = day
        self.set_mode(DAY)
        self.daySelected.emit(day)

    def _on_day_picked(self, day: date) -> None:
        moved = (day.year, day.month) != (self.month.year, self.month.month)
        if moved:
            self.month.set_month(day.year, day.month)
        if moved or self.mode != MONTH:
            self.read()
        self.daySelected.emit(day)
