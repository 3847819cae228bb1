"""Re-tiering by value: the proposed tier changes are listed first and applied only on request."""

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QVBoxLayout,
)

from crm_desktop.domain.enums import Tier
from crm_desktop.ui.common.labels import tier_label
from crm_desktop.ui.common.table_fill import fill_rows
from crm_desktop.ui.common.worker import Worker

SHOWN = 1000


def _tier(v: str) -> str:
    return tier_label(Tier(v)) if v in Tier._value2member_map_ else v


class RetierDialog(QDialog):
    def __init__(self, churn, notifier, parent=None):
        super().__init__(parent, objectName="retierDialog")
        self._churn, self.notifier = churn, notifier
        self.proposals: list[tuple[int, str, str, str]] | None = None
        self.setWindowTitle(self.tr("Re-tier by value"))
        self.resize(620, 480)
        self.note = QLabel(self.tr("Working out the proposals…"), wordWrap=True)
        self.table = QTableWidget(0, 3, objectName="retierList")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalHeaderLabels([self.tr("Customer"), self.tr("Tier now"), self.tr("Proposed tier")])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Close)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self._worker = Worker(lambda _r: churn.retier_proposals(), self)
        self._worker.succeeded.connect(self._show)
        self._worker.failed.connect(notifier.error)
        self._worker.start()

    def _show(self, proposals) -> None:
        self.proposals = proposals
        self.note.setText(self.tr("%n customer(s) would change tier: lifetime value in the top fifth → key; in the "
                                  "fourth, or above the middle and bought recently → potential; not bought for "
                                  "longest → cold; else ordinary.", "", len(proposals)))
        fill_rows(self.table, [(name, _tier(now), _tier(proposed)) for _, name, now, proposed in proposals[:SHOWN]])
        self.apply_button.setEnabled(bool(proposals))

    def apply(self) -> None:
        try:
            n = self._churn.apply_tiers([(cid, proposed) for cid, _, _, proposed in self.proposals or []])
        except Exception as exc:  # noqa: BLE001 - shown through the notifier
            self.notifier.error(exc)
            return
        self.notifier.info(self.tr("%n customer(s) re-tiered.", "", n))
        self.accept()

    def done(self, result: int) -> None:
        self._worker.wait()
        super().done(result)
