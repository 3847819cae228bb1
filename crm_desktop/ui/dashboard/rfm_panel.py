"""RFM: the recency × frequency grid and the eight segments; a segment opens as a contact list that
can be exported to XLSX or turned into follow-ups."""

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.analytics.rfm import SEGMENT_KEYS, segment_by_key
from crm_desktop.services.analytics_dto import RfmSummary
from crm_desktop.ui.common.formatting import money, number
from crm_desktop.ui.dashboard.plots import RfmGrid

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")




def segment_name(key: str) -> str:
    """The Chinese name in a Chinese interface, else the English one."""
    seg = segment_by_key(key)
    return seg.zh if QLocale().language() == QLocale.Language.Chinese else seg.en


class RfmPanel(QWidget):
    def __init__(self, open_segment, parent=None):
        super().__init__(parent, objectName="rfmPanel")
        self._open_segment = open_segment  # callable(key): the tab opens the member list
        self.summary: RfmSummary | None = None
        self.grid = RfmGrid("rfmGrid")
        self.table = QTableWidget(len(SEGMENT_KEYS), 4, objectName="rfmSegments")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self.open_selected())
        self.open_button = QPushButton(objectName="rfmOpenSegment")
        self.open_button.clicked.connect(self.open_selected)
        right = QVBoxLayout()
        right.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.grid, 2)
        layout.addLayout(right, 3)
        self.retranslate()

    def retranslate(self) -> None:
        self.grid.set_title(translate("RfmPanel", "Customers by recency and frequency score (5 = best)"))
        self.table.setHorizontalHeaderLabels([translate("RfmPanel", "Segment"), translate("RfmPanel", "Customers"), translate("RfmPanel", "Spend"), translate("RfmPanel", "Share of spend")])
        self.open_button.setText(translate("RfmPanel", "Open the segment's customers…"))
        if self.summary is not None:
            self.show_summary(self.summary)

    def show_summary(self, rfm: RfmSummary) -> None:
        self.summary = rfm
        self.grid.set_grid(rfm.grid, (translate("RfmPanel", "Recency score (R)"), translate("RfmPanel", "Frequency score (F)")))
        total = sum(rfm.segment_revenue.values()) or 1
        for row, key in enumerate(SEGMENT_KEYS):
            cells = (segment_name(key), number(rfm.segments[key]), money(rfm.segment_revenue[key]),
                     f"{100 * rfm.segment_revenue[key] / total:.1f}%")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(256, key)
                self.table.setItem(row, col, item)

    def selected_key(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return SEGMENT_KEYS[rows[0].row()] if rows else None

    def open_selected(self):
        """The segment dialog the tab opened for the selected segment (None without a selection)."""
        key = self.selected_key()
        if key is not None and self.summary is not None:
            return self._open_segment(key)
        return None
