"""A week (7 columns) or a day (1 column): day names and all-day follow-ups on top, hours below."""

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QLocale, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from crm_desktop.services.dto import FollowupDTO
from crm_desktop.ui.calendar.time_grid import (
    GUTTER,
    HOUR_HEIGHT,
    KIND_COLOURS,
    TEXT,
    TODAY_BG,
    HoursCanvas,
)
from crm_desktop.ui.common.labels import followup_kind_label

ALL_DAY_ROWS = 2


class DayHeader(QWidget):
    """Day names over the columns (click: that day in the agenda) and the all-day follow-ups."""

    daySelected = Signal(object)  # date
    followupActivated = Signal(int)

    def __init__(self, canvas: HoursCanvas, parent=None):
        super().__init__(parent)
        self.canvas = canvas
        self.all_day: list[FollowupDTO] = []
        self.selected: date | None = None
        self._hits: list[tuple[QRect, int]] = []
        self.more_text = "+{n}"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(760, self._line() * (1 + self.rows()) + 6)

    def rows(self) -> int:
        """All-day rows: none without all-day follow-ups, up to ALL_DAY_ROWS with them."""
        per_day: dict[date, int] = {}
        for f in self.all_day:
            day = f.due_at.astimezone().date()
            per_day[day] = per_day.get(day, 0) + 1
        return min(ALL_DAY_ROWS, max(per_day.values(), default=0))

    def minimumSizeHint(self) -> QSize:
        return QSize(GUTTER + 7 * 24, self.sizeHint().height())

    def _line(self) -> int:
        return self.fontMetrics().height() + 4

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().window())
        self._hits.clear()
        cw, line, locale = self.canvas.column_width(), self._line(), QLocale()
        today = self.canvas.now.astimezone().date()
        for d in range(self.canvas.days):
            day = self.canvas.first_day + timedelta(days=d)
            column = QRectF(GUTTER + d * cw, 0, cw, self.height())
            if day == today or day == self.selected:
                p.fillRect(column, TODAY_BG)
            font = self.font()
            font.setBold(day == today)
            p.setFont(font)
            p.setPen(TEXT)
            label = f"{locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)} " \
                    f"{locale.toString(QDate(day.year, day.month, day.day), 'M/d')}"
            p.drawText(QRectF(column.left(), 2, cw, line), Qt.AlignmentFlag.AlignCenter, label)
            p.setFont(self.font())
            self._paint_all_day(p, day, column.adjusted(2, line + 2, -2, 0), line)
        p.end()

    def _paint_all_day(self, p: QPainter, day: date, area: QRectF, line: int) -> None:
        items = [f for f in self.all_day if f.due_at.astimezone().date() == day]
        shown = items[:ALL_DAY_ROWS] if len(items) <= ALL_DAY_ROWS else items[:ALL_DAY_ROWS - 1]
        for i, f in enumerate(shown):
            rect = QRect(int(area.left()), int(area.top() + i * line), int(area.width()), line - 2)
            p.fillRect(rect, QColor(KIND_COLOURS.get(f.draft.kind.value, "#eaecee")))
            text = f"{followup_kind_label(f.draft.kind)} · {f.contact_name}"
            p.drawText(rect.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 6))
            self._hits.append((rect, f.id))
        if len(items) > len(shown):
            rect = QRectF(area.left() + 4, area.top() + len(shown) * line, area.width(), line)
            p.drawText(rect, Qt.AlignmentFlag.AlignLeft, self.more_text.format(n=len(items) - len(shown)))

    def _day_at(self, x: float) -> date | None:
        if x < GUTTER:
            return None
        column = min(self.canvas.days - 1, int((x - GUTTER) // self.canvas.column_width()))
        return self.canvas.first_day + timedelta(days=column)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self._day_at(event.position().x())
        if day is not None:
            self.daySelected.emit(day)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        hit = next((fid for rect, fid in self._hits if rect.contains(pos)), None)
        if hit is not None:
            self.followupActivated.emit(hit)


class TimeGridView(QWidget):
    """The header over a scrolling hour canvas; the canvas' signals are the view's."""

    def __init__(self, days: int, max_lanes: int, object_name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.canvas = HoursCanvas(days, max_lanes)
        self.header = DayHeader(self.canvas)
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setWidget(self.canvas)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 1)
        self._scrolled = False

    @property
    def days(self) -> int:
        return self.canvas.days

    def set_items(self, first_day: date, items: list[FollowupDTO], now: datetime, selected: date) -> None:
        self.canvas.set_items(first_day, items, now)
        self.header.all_day = [f for f in items if f.draft.all_day]
        self.header.selected = selected
        self.header.updateGeometry()
        self.header.update()
        if not self._scrolled:  # the working day in sight the first time; the user's scroll after
            first = min((b.start for b in self.canvas.blocks), default=8 * 60)
            self.scroll.verticalScrollBar().setValue(min(8 * 60, first) * HOUR_HEIGHT // 60)
            self._scrolled = True

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.header.update()
