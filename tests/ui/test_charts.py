"""Charts draw when they are on screen: a page not shown draws its data when first shown."""

from PySide6.QtWidgets import QTabWidget

from crm_desktop.ui.dashboard.charts import BarChart
from crm_desktop.ui.dashboard.plots import RfmGrid


def _bar_heights(chart) -> list[float]:
    import pyqtgraph as pg

    bars = [i for i in chart._plot.items if isinstance(i, pg.BarGraphItem)]
    return [float(h) for bar in bars for h in bar.opts["height"]]


def test_a_chart_on_a_hidden_page_draws_its_latest_data_when_shown(qtbot):
    pages = QTabWidget()
    qtbot.addWidget(pages)
    shown, hidden = BarChart("shown"), BarChart("hidden")
    pages.addTab(shown, "1")
    pages.addTab(hidden, "2")
    pages.show()
    qtbot.waitExposed(pages)
    shown.set_bars([("线索", 3), ("客户", 5)])
    hidden.set_bars([("a", 1)])
    hidden.set_bars([("重点", 7), ("普通", 2)])  # only the latest is drawn
    assert _bar_heights(shown) == [3, 5]
    assert hidden._plot is None and hidden.values == [("重点", 7), ("普通", 2)]
    pages.setCurrentWidget(hidden)
    assert _bar_heights(hidden) == [7, 2]
    hidden.set_bars([("重点", 1)])  # on screen now: drawn at once
    assert _bar_heights(hidden) == [1]


def test_draw_pending_draws_a_hidden_chart_for_a_picture(qtbot):
    grid = RfmGrid("g")
    qtbot.addWidget(grid)
    grid.set_grid([[i * 5 + j for j in range(5)] for i in range(5)], ("R", "F"))
    assert grid._plot is None
    grid.draw_pending()
    assert grid._plot is not None and len(grid._plot.items) == 26  # the image and 25 counts
    grid.draw_pending()  # nothing pending: the drawing stays
    assert len(grid._plot.items) == 26
