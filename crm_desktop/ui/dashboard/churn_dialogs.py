"""Marking a customer churned (type and reason) and a win-back campaign's offer text."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from crm_desktop.domain.analytics.churn import ChurnType


def churn_type_label(v: ChurnType) -> str:
    return {
        ChurnType.NATURAL: QCoreApplication.translate("ChurnDialog", "Natural (no longer needs it)"),
        ChurnType.NEED_CHANGED: QCoreApplication.translate("ChurnDialog", "Need changed"),
        ChurnType.COMPETITOR: QCoreApplication.translate("ChurnDialog", "Went to a competitor"),
        ChurnType.SERVICE_FAILURE: QCoreApplication.translate("ChurnDialog", "Service failure"),
        ChurnType.PRICE: QCoreApplication.translate("ChurnDialog", "Price"),
        ChurnType.RELOCATION: QCoreApplication.translate("ChurnDialog", "Moved away"),
        ChurnType.OTHER: QCoreApplication.translate("ChurnDialog", "Other"),
    }[v]


class ChurnDialog(QDialog):
    """Why the customer left; accept() hands (type, reason) to the tab, which saves it."""

    def __init__(self, names: str, parent=None):
        super().__init__(parent, objectName="churnDialog")
        self.setWindowTitle(self.tr("Mark churned"))
        self.kind = QComboBox(objectName="churnType")
        for v in ChurnType:
            self.kind.addItem(churn_type_label(v), v.value)
        self.reason = QPlainTextEdit(objectName="churnReason")
        self.reason.setMaximumHeight(90)
        form = QFormLayout(self)
        form.addRow(QLabel(names))
        form.addRow(self.tr("Type:"), self.kind)
        form.addRow(self.tr("Reason:"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return self.kind.currentData(), self.reason.toPlainText()


class WinBackDialog(QDialog):
    def __init__(self, count: int, parent=None):
        super().__init__(parent, objectName="winBackDialog")
        self.setWindowTitle(self.tr("Win-back campaign"))
        self.title = QLineEdit(self.tr("Win-back call"), objectName="winBackTitle")
        self.offer = QPlainTextEdit(self.tr("We miss you: 15% off your next purchase this month."),
                                    objectName="winBackOffer")
        self.offer.setMaximumHeight(90)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Plans a call for each of the %n listed customer(s) whose win-back pays "
                                   "(E(V) − V3 > C3), spread over the next week, with this offer.", "", count)))
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Offer:"), self.offer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
