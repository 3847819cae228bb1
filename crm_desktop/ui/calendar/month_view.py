"""A month grid, Monday first: each day shows its follow-up count and the first few follow-ups.

Painted, not built from widgets, so a busy month costs one paint. Click selects a day; double-click
on a follow-up's line opens it, on the rest of a day plans a new one there; dragging a follow-up's
line to another day moves it there at the same time of day.
"""

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QLocale, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from crm_desktop.services.dto import DaySummary, FollowupDTO
from crm_desktop.ui.common.labels import followup_kind_label

WEEKS = 6
TODAY_BG, SELECTED_BG, OTHER_MONTH = QColor("#eaf2fb"), QColor("#d4e6f1"), QColor("#aab7b8")
GRID, TEXT, LATE, BADGE = QColor("#d5dbdb"), QColor("#2c3e50"), QColor("#c0392b"), QColor("#2e86c1")
DONE = QColor("#7f8c8d")


def first_cell(year: int, month: int) -> date:
    """The Monday on or before the first of the month."""
    first = date(year, month, 1)
    return first - timedelta(days=first.weekday())


class MonthView(QWidget):
    daySelected = Signal(object)  # date
    dayActivated = Signal(object)  # date (double-click on an empty part of a day)
    followupActivated = Signal(int)
    moveRequested = Signal(object, object)  # FollowupDTO (due at its occurrence), new aware datetime

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("monthView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.year, self.month = date.today().year, date.today().month
        self.selected = date.today()
        self.today = date.today()
        self.now = datetime.now(UTC)
        self.summaries: dict[date, DaySummary] = {}
        self._hits: list[tuple[QRect, FollowupDTO]] = []
        self._dragged: FollowupDTO | None = None
        self.more_text = "+{n}"

    def sizeHint(self) -> QSize:
        return QSize(760, 560)

    def first_day(self) -> date:
        return first_cell(self.year, self.month)

    def set_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self.update()

    def set_summaries(self, summaries: list[DaySummary], now: datetime) -> None:
        self.summaries = {s.day: s for s in summaries}
        self.now, self.today = now, now.astimezone().date()
        self.update()

    def select(self, day: date) -> None:
        self.selected = day
        self.update()
        self.daySelected.emit(day)

    # --- geometry ---------------------------------------------------------------------------------
    def _header_height(self) -> int:
        return self.fontMetrics().height() + 10

    def _cell_rect(self, index: int) -> QRect:
        top = self._header_height()
        w, h = self.width() / 7, (self.height() - top) / WEEKS
        row, col = divmod(index, 7)
        return QRect(int(col * w), int(top + row * h), int(w), int(h))

    def day_at(self, pos: QPoint) -> date | None:
        for index in range(WEEKS * 7):
            if self._cell_rect(index).contains(pos):
                return self.first_day() + timedelta(days=index)
        return None

    # --- painting ---------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        self._hits.clear()
        self._paint_header(painter)
        for index in range(WEEKS * 7):
            self._paint_day(painter, index, self.first_day() + timedelta(days=index))
        painter.end()

    def _paint_header(self, p: QPainter) -> None:
        locale = QLocale()
        w = self.width() / 7
        p.setPen(TEXT)
        for col in range(7):
            name = locale.dayName(col + 1, QLocale.FormatType.ShortFormat)
            p.drawText(QRectF(col * w, 0, w, self._header_height()), Qt.AlignmentFlag.AlignCenter, name)

    def _paint_day(self, p: QPainter, index: int, day: date) -> None:
        rect = self._cell_rect(index)
        if day == self.selected:
            p.fillRect(rect, SELECTED_BG)
        elif day == self.today:
            p.fillRect(rect, TODAY_BG)
        p.setPen(GRID)
        p.drawRect(rect.adjusted(0, 0, -1, -1))
        fm = QFontMetrics(self.font())
        line = fm.height() + 1
        inner = rect.adjusted(4, 2, -4, -2)
        p.setPen(TEXT if day.month == self.month else OTHER_MONTH)
        font = self.font()
        font.setBold(day == self.today)
        p.setFont(font)
        p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, str(day.day))
        font.setBold(False)
        p.setFont(font)
        summary = self.summaries.get(day)
        if summary and summary.count:
            self._paint_badge(p, inner, summary)
            self._paint_items(p, inner.adjusted(0, line, 0, 0), summary, line, fm)

    def _paint_badge(self, p: QPainter, inner: QRect, summary: DaySummary) -> None:
        p.setPen(LATE if summary.overdue else BADGE)
        p.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, f"{summary.count:,}")

    def _paint_items(self, p: QPainter, area: QRect, summary: DaySummary, line: int, fm: QFontMetrics) -> None:
        fits = max(0, area.height() // line)
        shown = summary.first[: fits if summary.count <= fits else max(0, fits - 1)]
        for i, f in enumerate(shown):
            row = QRect(area.left(), area.top() + i * line, area.width(), line)
            late = f.status.value == "planned" and f.due_at < self.now
            p.setPen(LATE if late else (DONE if f.status.value != "planned" else TEXT))
            text = f"{f.due_at.astimezone():%H:%M} {f.contact_name} · {followup_kind_label(f.draft.kind)}"
            p.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(text, Qt.TextElideMode.ElideRight, row.width()))
            self._hits.append((row, f))
        hidden = summary.count - len(shown)
        if hidden > 0 and fits:
            row = QRect(area.left(), area.top() + len(shown) * line, area.width(), line)
            p.setPen(BADGE)
            p.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       self.more_text.format(n=hidden))

    # --- mouse ------------------------------------------------------------------------------------
    def followup_at(self, pos: QPoint) -> FollowupDTO | None:
        return next((f for rect, f in self._hits if rect.contains(pos)), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        self._dragged = self.followup_at(pos) if event.button() == Qt.MouseButton.LeftButton else None
        day = self.day_at(pos)
        if day is not None:
            self.select(day)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragged is not None:
            self.setCursor(Qt.CursorShape.DragMoveCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        dragged, self._dragged = self._dragged, None
        self.unsetCursor()
        day = self.day_at(event.position().toPoint())
        if dragged is None or day is None:
            return
        local = dragged.due_at.astimezone()
        if day != local.date():
            new_due = datetime.combine(day, local.time().replace(tzinfo=None)).astimezone()
            self.moveRequested.emit(dragged, new_due)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._dragged = None
        pos = event.position().toPoint()
        followup = self.followup_at(pos)
        if followup is not None:
            self.followupActivated.emit(followup.id)
            return
        day = self.day_at(pos)
        if day is not None:
            self.dayActivated.emit(day)
