"""The week and day views: hour rows, each follow-up a block as long as its duration.

Painted like the month grid. Drag a block to another day or time to reschedule it (snapped to a
quarter hour); double-click a block to edit it, an empty slot to plan a follow-up there.
"""

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from crm_desktop.services.dto import FollowupDTO
from crm_desktop.ui.calendar.time_layout import (
    Block,
    Overflow,
    blocks_for,
    capped,
    local_instant,
    snapped,
)
from crm_desktop.ui.common.labels import followup_kind_label

HOUR_HEIGHT, GUTTER, BADGE_ROOM = 44, 52, 22
GRID, HALF, TEXT, NOW_LINE = QColor("#d5dbdb"), QColor("#eef1f1"), QColor("#2c3e50"), QColor("#c0392b")
TODAY_BG = QColor("#f4f9fd")
KIND_COLOURS = {"call": "#d6eaf8", "visit": "#d5f5e3", "email": "#fdebd0", "message": "#e8daef",
                "meeting": "#fcf3cf", "care": "#fadbd8", "callback": "#d1f2eb"}
DONE_BG, EDGE = QColor("#eceff1"), QColor("#5d6d7e")


def block_lines(f: FollowupDTO) -> list[str]:
    """What a block says, line by line as room allows: time and type, customer, title."""
    lines = [f"{f.due_at.astimezone():%H:%M} {followup_kind_label(f.draft.kind)}", f.contact_name]
    return lines + [f.draft.title] if f.draft.title else lines


def block_text(f: FollowupDTO) -> str:
    """The block's text on one line (its tooltip and the tests read it)."""
    return " · ".join(block_lines(f))


class HoursCanvas(QWidget):
    followupActivated = Signal(int)
    slotActivated = Signal(object)  # aware datetime
    moveRequested = Signal(object, object)  # FollowupDTO (due at its occurrence), new aware datetime
    overflowClicked = Signal(object)  # date: the "+n" of a crowded group (the day view shows all)

    def __init__(self, days: int, max_lanes: int, parent=None):
        super().__init__(parent)
        self.days, self.max_lanes = days, max_lanes
        self.overflow: list[Overflow] = []
        self._crowded: set[tuple[int, int]] = set()
        self.first_day = date.today()
        self.now = datetime.now(UTC)
        self.blocks: list[Block] = []
        self._drag: tuple[Block, QPointF] | None = None
        self._drag_pos: QPointF | None = None
        self.setMinimumHeight(24 * HOUR_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(760, 24 * HOUR_HEIGHT)

    def set_items(self, first_day: date, items: list[FollowupDTO], now: datetime) -> None:
        self.first_day, self.now = first_day, now
        self.blocks, self.overflow = capped(blocks_for(items, first_day, self.days), self.max_lanes)
        self._crowded = {(o.day, o.group) for o in self.overflow}
        self.update()

    # --- geometry ---------------------------------------------------------------------------------
    def column_width(self) -> float:
        return max(1.0, (self.width() - GUTTER) / self.days)

    def block_rect(self, b: Block) -> QRectF:
        """A crowded group leaves room at the column's right for its "+n" badge."""
        room = self.column_width() - (BADGE_ROOM if (b.day, b.group) in self._crowded else 0)
        w = room / b.lanes
        x = GUTTER + b.day * self.column_width() + b.lane * w
        return QRectF(x + 1, b.start * HOUR_HEIGHT / 60, w - 3, (b.end - b.start) * HOUR_HEIGHT / 60 - 1)

    def slot_at(self, pos: QPointF) -> tuple[date, int] | None:
        """(day, minutes after midnight) under `pos`, or None in the hour gutter."""
        if pos.x() < GUTTER:
            return None
        day = min(self.days - 1, max(0, int((pos.x() - GUTTER) // self.column_width())))
        return self.first_day + timedelta(days=day), snapped(pos.y() * 60 / HOUR_HEIGHT)

    def overflow_rect(self, o: Overflow) -> QRectF:
        right = GUTTER + (o.day + 1) * self.column_width()
        return QRectF(right - BADGE_ROOM, o.start * HOUR_HEIGHT / 60 + 1, BADGE_ROOM - 2, self.fontMetrics().height())

    def block_at(self, pos: QPointF) -> Block | None:
        return next((b for b in reversed(self.blocks) if self.block_rect(b).contains(pos)), None)

    # --- painting ---------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().base())
        self._paint_grid(p)
        if self.days > 1:  # a week's narrow blocks: a point smaller, so the time still fits
            font = p.font()
            font.setPointSizeF(max(7.0, font.pointSizeF() - 1.5))
            p.setFont(font)
        for b in self.blocks:
            self._paint_block(p, b, self.block_rect(b))
        for o in self.overflow:
            rect = self.overflow_rect(o)
            p.fillRect(rect, EDGE)
            p.setPen(QColor("white"))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"+{o.count}")
        if self._drag and self._drag_pos is not None:
            block, grab = self._drag
            ghost = self.block_rect(block)
            ghost.moveTopLeft(self._drag_pos - grab)
            p.setOpacity(0.6)
            self._paint_block(p, block, ghost)
            p.setOpacity(1.0)
        p.end()

    def _paint_grid(self, p: QPainter) -> None:
        cw, today = self.column_width(), self.now.astimezone().date()
        for d in range(self.days):
            if self.first_day + timedelta(days=d) == today:
                p.fillRect(QRectF(GUTTER + d * cw, 0, cw, self.height()), TODAY_BG)
        for hour in range(24):
            y = hour * HOUR_HEIGHT
            p.setPen(GRID)
            p.drawLine(GUTTER, y, self.width(), y)
            p.setPen(HALF)
            p.drawLine(GUTTER, y + HOUR_HEIGHT // 2, self.width(), y + HOUR_HEIGHT // 2)
            p.setPen(TEXT)
            p.drawText(QRectF(0, y, GUTTER - 6, HOUR_HEIGHT), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                       f"{hour:02d}:00")
        p.setPen(GRID)
        for d in range(self.days + 1):
            p.drawLine(int(GUTTER + d * cw), 0, int(GUTTER + d * cw), self.height())
        local = self.now.astimezone()
        column = (local.date() - self.first_day).days
        if 0 <= column < self.days:
            y = (local.hour * 60 + local.minute) * HOUR_HEIGHT / 60
            p.setPen(NOW_LINE)
            p.drawLine(QPointF(GUTTER + column * cw, y), QPointF(GUTTER + (column + 1) * cw, y))

    def _paint_block(self, p: QPainter, b: Block, rect: QRectF) -> None:
        f = b.followup
        planned = f.status.value == "planned"
        p.fillRect(rect, QColor(KIND_COLOURS.get(f.draft.kind.value, "#eaecee")) if planned else DONE_BG)
        p.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()),
                   NOW_LINE if planned and f.due_at < self.now else EDGE)
        p.setPen(TEXT if planned else EDGE)
        inner = rect.adjusted(6, 1, -2, -1)
        fm = p.fontMetrics()
        fits = max(1, int(inner.height() // fm.height()))
        lines = block_lines(f)
        if fits == 1 and len(lines) > 1:  # one line: time, type and customer together
            lines = [f"{lines[0]} · {lines[1]}"]
        for i, text in enumerate(lines[:fits]):
            row = QRectF(inner.left(), inner.top() + i * fm.height(), inner.width(), fm.height())
            shown = _fitting(fm, text, int(row.width()), first=i == 0, time_text=f"{f.due_at.astimezone():%H:%M}")
            p.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)

    # --- mouse --------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        crowded = next((o for o in self.overflow if self.overflow_rect(o).contains(pos)), None)
        if crowded is not None:
            self.overflowClicked.emit(self.first_day + timedelta(days=crowded.day))
            return
        block = self.block_at(pos)
        if block is not None and event.button() == Qt.MouseButton.LeftButton:
            self._drag, self._drag_pos = (block, pos - self.block_rect(block).topLeft()), None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            self._drag_pos = event.position()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, moved = self._drag, self._drag_pos
        self._drag = self._drag_pos = None
        if drag is None or moved is None:
            return
        block, grab = drag
        if (moved - grab - self.block_rect(block).topLeft()).manhattanLength() < 6:
            self.update()
            return
        top_left = moved - grab
        slot = self.slot_at(QPointF(max(GUTTER + 1.0, top_left.x() + self.column_width() / 2 / block.lanes),
                                    max(0.0, top_left.y())))
        self.update()
        if slot is not None:
            new_due = local_instant(*slot)
            if new_due != block.followup.due_at:
                self.moveRequested.emit(block.followup, new_due)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:  # a narrow block's full text on hover
            block = self.block_at(QPointF(event.pos()))
            if block is not None:
                QToolTip.showText(event.globalPos(), "\n".join(block_lines(block.followup)), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._drag = self._drag_pos = None
        pos = event.position()
        block = self.block_at(pos)
        if block is not None:
            self.followupActivated.emit(block.followup.id)
            return
        slot = self.slot_at(pos)
        if slot is not None:
            day, minutes = slot
            self.slotActivated.emit(local_instant(day, minutes - minutes % 30))


def _fitting(fm, text: str, width: int, first: bool, time_text: str) -> str:
    """`text` if it fits; else a first line shows just the time, another line is elided, and a
    line that would show no more than a letter or two shows nothing (a bare "1…" says nothing)."""
    if fm.horizontalAdvance(text) <= width:
        return text
    if first:  # the time whole rather than "09:2…"
        return time_text if fm.horizontalAdvance(time_text) <= width else ""
    elided = fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
    return elided if len(elided) > 3 else ""


def drag_point(canvas: HoursCanvas, day: int, minutes: int) -> QPoint:
    """The point over `minutes` after midnight in column `day` (tests and the header's hit tests)."""
    return QPoint(int(GUTTER + (day + 0.5) * canvas.column_width()), int(minutes * HOUR_HEIGHT / 60))
