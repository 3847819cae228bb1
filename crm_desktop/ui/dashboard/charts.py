"""Charts with pyqtgraph, imported on first use (it costs most of a second at start-up): the shared
titled chart, which draws only when shown, and the bar chart."""

from collections.abc import Callable

from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

BAR = QColor("#2e86c1")


def plot_widget(label_lines: float):
    """A static pyqtgraph plot (no mouse, no menu) in the application's font, with room under the
    x axis for `label_lines` lines of labels. pyqtgraph is imported here, on first use."""
    import pyqtgraph as pg

    widget = pg.PlotWidget(background="w")
    widget.setMenuEnabled(False)
    widget.setMouseEnabled(x=False, y=False)
    widget.hideButtons()
    font = QFont(QApplication.font())
    for name in ("bottom", "left"):
        axis = widget.getAxis(name)
        axis.setTickFont(font)
        axis.setTextPen("#2c3e50")
        axis.setPen("#95a5a6")
    widget.getAxis("bottom").setHeight(int(QFontMetrics(font).height() * label_lines))
    return widget


class Chart(QWidget):
    """A titled pyqtgraph plot, made on first drawing. New data is drawn at once when the chart is
    on screen, else when it is first shown (`draw_pending` for a picture of it meanwhile): the
    dashboard's pages not shown cost the window nothing while their figures arrive."""

    def __init__(self, object_name: str, min_height: int, label_lines: float, parent=None):
        super().__init__(parent, objectName=object_name)
        self.setMinimumHeight(min_height)
        self._label_lines = label_lines
        self._plot = None
        self._title = ""
        self._pending: Callable | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def set_title(self, title: str) -> None:
        self._title = title
        if self._plot is not None:
            self._plot.setTitle(title, color="#34495e", size="11pt")

    def plot(self):
        if self._plot is None:
            widget = plot_widget(self._label_lines)
            self._layout.addWidget(widget)
            self._plot = widget.getPlotItem()
            self.set_title(self._title)
        return self._plot

    def draw(self, paint: Callable) -> None:
        """`paint(plot)` now if the chart is on screen, else when it is shown (the latest data only)."""
        self._pending = paint
        if self.isVisible():
            self.draw_pending()

    def draw_pending(self) -> None:
        paint, self._pending = self._pending, None
        if paint is not None:
            plot = self.plot()
            plot.clear()
            paint(plot)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.draw_pending()


class BarChart(Chart):
    """A titled bar chart; `set_bars([(label, value), ...])` redraws it."""

    def __init__(self, object_name: str, parent=None):
        super().__init__(object_name, 190, 2.8, parent)  # room for labels wrapped on two lines
        self.values: list[tuple[str, int]] = []

    def set_bars(self, bars: list[tuple[str, int]]) -> None:
        self.values = list(bars)
        self.draw(lambda plot: _bars(plot, self.values))


def _bars(plot, bars: list[tuple[str, int]]) -> None:
    import pyqtgraph as pg

    xs = list(range(len(bars)))
    plot.addItem(pg.BarGraphItem(x=xs, height=[v for _, v in bars], width=0.6, brush=BAR, pen=BAR))
    for x, (_, value) in zip(xs, bars, strict=True):
        text = pg.TextItem(f"{value:,}", color="#2c3e50", anchor=(0.5, 1.0))
        text.setPos(x, value)
        plot.addItem(text)
    plot.getAxis("bottom").setTicks([[(x, _wrap(label)) for x, (label, _) in zip(xs, bars, strict=True)]])
    top = max([v for _, v in bars] + [1])
    plot.setYRange(0, top * 1.15, padding=0)
    plot.setXRange(-0.6, max(len(bars) - 0.4, 0.6), padding=0)


def _wrap(label: str, width: int = 9) -> str:
    """Long Latin labels on two lines so neighbouring bars' labels do not overlap."""
    if len(label) <= width or " " not in label:
        return label
    middle = len(label) // 2
    cut = min((i for i, ch in enumerate(label) if ch == " "), key=lambda i: abs(i - middle))
    return label[:cut] + "\n" + label[cut + 1:]
