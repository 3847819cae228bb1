"""The revenue trend (with the forecast) and the RFM grid, drawn by pyqtgraph when shown (charts.py)."""

from PySide6.QtGui import QColor

from crm_desktop.ui.dashboard.charts import Chart

LINE, FORECAST = QColor("#2e86c1"), QColor("#e67e22")


class TrendChart(Chart):
    """Revenue a month (yuan) as a line, the forecast months after it dashed."""

    def __init__(self, object_name: str, parent=None):
        super().__init__(object_name, 200, 2.2, parent)
        self.values: list[tuple[str, int]] = []

    def set_series(self, months: list[str], values: list[int], forecast_months: list[str], forecast: list[int]):
        self.values = list(zip(months, values, strict=True))
        self.draw(lambda plot: _trend(plot, months, values, forecast_months, forecast))


def _trend(plot, months: list[str], values: list[int], forecast_months: list[str], forecast: list[int]) -> None:
    import pyqtgraph as pg

    xs = list(range(len(months)))
    plot.plot(xs, [v / 100 for v in values], pen=pg.mkPen(LINE, width=2), symbol="o", symbolSize=5,
              symbolBrush=LINE, symbolPen=LINE)
    if forecast and months:
        fx = [xs[-1]] + [len(months) + i for i in range(len(forecast))]
        fy = [values[-1] / 100] + [v / 100 for v in forecast]
        plot.plot(fx, fy, pen=pg.mkPen(FORECAST, width=2, style=pg.QtCore.Qt.PenStyle.DashLine))
    labels = months + forecast_months
    step = max(1, -(-len(labels) // 7))  # about seven month labels, never overlapping
    plot.getAxis("bottom").setTicks([[(i, m[2:]) for i, m in enumerate(labels) if i % step == 0]])
    plot.setXRange(-0.5, max(len(labels) - 0.5, 0.5), padding=0)


class RfmGrid(Chart):
    """Customers per (recency score, frequency score): 5 × 5 cells, darker = more."""

    def __init__(self, object_name: str, parent=None):
        super().__init__(object_name, 200, 2.2, parent)
        self.grid = None

    def set_grid(self, grid, axis_titles: tuple[str, str]) -> None:
        self.grid = grid
        self.draw(lambda plot: _grid(plot, grid, axis_titles))


def _grid(plot, grid, axis_titles: tuple[str, str]) -> None:
    import numpy as np
    import pyqtgraph as pg

    data = np.array(grid, dtype=float)  # [r - 1][f - 1]
    image = pg.ImageItem(data)
    image.setLookupTable(_blues())
    image.setLevels((0, max(1.0, data.max())))
    plot.addItem(image)
    for r in range(5):
        for f in range(5):
            colour = "w" if data[r][f] > data.max() * 0.55 else "#2c3e50"
            text = pg.TextItem(f"{int(data[r][f]):,}", color=colour, anchor=(0.5, 0.5))
            text.setPos(r + 0.5, f + 0.5)
            plot.addItem(text)
    ticks = [[(i + 0.5, str(i + 1)) for i in range(5)]]
    plot.getAxis("bottom").setTicks(ticks)
    plot.getAxis("left").setTicks(ticks)
    plot.setLabel("bottom", axis_titles[0])
    plot.setLabel("left", axis_titles[1])
    plot.setXRange(0, 5, padding=0.02)
    plot.setYRange(0, 5, padding=0.02)


def _blues():
    import numpy as np

    low, high = np.array([235, 245, 251]), np.array([21, 67, 96])
    return np.array([low + (high - low) * i / 255 for i in range(256)], dtype=np.ubyte)
