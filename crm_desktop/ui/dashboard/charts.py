"""Bar charts with pyqtgraph, imported on first use (it costs most of a second at start-up)."""

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


class BarChart(QWidget):
    """A titled bar chart; `set_bars([(label, value), ...])` redraws it."""

    def __init__(self, object_name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setMinimumHeight(190)
        self._plot = None
        self._title = ""
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.values: list[tuple[str, int]] = []

    def set_title(self, title: str) -> None:
        self._title = title
        if self._plot is not None:
            self._plot.setTitle(title, color="#34495e", size="11pt")

    def set_bars(self, bars: list[tuple[str, int]]) -> None:
        self.values = list(bars)
        plot = self._ensure_plot()
        plot.clear()
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

    def _ensure_plot(self):
        if self._plot is None:
            widget = plot_widget(label_lines=2.8)  # room for labels wrapped on two lines
            self._layout.addWidget(widget)
            self._plot = widget.getPlotItem()
            self.set_title(self._title)
        return self._plot


def _wrap(label: str, width: int = 9) -> str:
    """Long Latin labels on two lines so neighbouring bars' labels do not overlap."""
    if len(label) <= width or " " not in label:
        return label
    middle = len(label) // 2
    cut = min((i for i, ch in enumerate(label) if ch == " "), key=lambda i: abs(i - middle))
    return label[:cut] + "\n" + label[cut + 1:]
