"""The earning rules editor: a page the settings dialog hosts, also opened from the loyalty tab.

The rules are kept with the data (every PC on the database earns alike), so `load()` reads them
from the database and `save()` writes them back; invalid values are shown under their fields.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.domain.loyalty_rules import EarningRules
from crm_desktop.domain.permissions import Permission
from crm_desktop.services.registry import Services
from crm_desktop.ui.common.forms import ERROR_STYLE
from crm_desktop.ui.common.messages import error_text, translate_template
from crm_desktop.ui.common.widgets import row, select_data


class PointsRulesPage(QWidget):
    saved = Signal()
    permission = Permission.MANAGE_LOYALTY_PROGRAM  # the settings dialog disables the page without it

    def __init__(self, services: Services, parent=None):
        super().__init__(parent)
        self.setObjectName("pointsRulesPage")
        self._program = services.loyalty_program
        self.points_per_unit = QSpinBox(objectName="rulePoints", minimum=0, maximum=10_000)
        self.unit_yuan = QSpinBox(objectName="ruleUnit", minimum=1, maximum=100_000)
        self.birthday_bonus_pct = QSpinBox(objectName="ruleBirthday", minimum=0, maximum=1000, suffix=" %")
        self.referral_bonus = QSpinBox(objectName="ruleReferral", minimum=0, maximum=1_000_000)
        self.expiry_months = QSpinBox(objectName="ruleExpiry", minimum=0, maximum=240)
        self.level_basis = QComboBox(objectName="ruleBasis")
        self.error = QLabel(objectName="rulesError", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self._labels = [QLabel() for _ in range(5)]
        self._per = QLabel()
        self._build()
        self.retranslate()

    def _build(self) -> None:
        form = QFormLayout(self)
        per = row(self.points_per_unit, self._per, self.unit_yuan)
        fields = (per, self.birthday_bonus_pct, self.referral_bonus, self.expiry_months, self.level_basis)
        for label, field in zip(self._labels, fields, strict=True):
            form.addRow(label, field)
        self._hint = QLabel(wordWrap=True)
        form.addRow("", self._hint)
        form.addRow("", self.error)
        self.level_basis.addItem("", "spend")
        self.level_basis.addItem("", "points")

    def retranslate(self) -> None:
        for label, text in zip(self._labels, (
                self.tr("Points earned"), self.tr("Birthday-month bonus"), self.tr("Referral bonus"),
                self.tr("Points expire after"), self.tr("Levels follow")), strict=True):
            label.setText(text)
        self._per.setText(self.tr("points for every"))
        self.unit_yuan.setSuffix(self.tr(" yuan"))
        self.referral_bonus.setSuffix(self.tr(" points"))
        self.expiry_months.setSuffix(self.tr(" months"))
        self.expiry_months.setSpecialValueText(self.tr("never"))
        self.level_basis.setItemText(0, self.tr("spend in the last 12 months"))
        self.level_basis.setItemText(1, self.tr("points earned in the last 12 months"))
        self._hint.setText(self.tr("The level multiplier applies to the points of each sale; the birthday bonus is "
                                   "a share of the points before the multiplier; the referral bonus goes to whoever "
                                   "referred the customer, on their first purchase."))

    def load(self) -> None:
        self.show_rules(self._program.rules())

    def show_rules(self, rules: EarningRules) -> None:
        for name in ("points_per_unit", "unit_yuan", "birthday_bonus_pct", "referral_bonus", "expiry_months"):
            getattr(self, name).setValue(getattr(rules, name))
        select_data(self.level_basis, rules.level_basis)
        self.error.hide()

    def rules(self) -> EarningRules:
        return EarningRules(self.points_per_unit.value(), self.unit_yuan.value(), self.birthday_bonus_pct.value(),
                            self.referral_bonus.value(), self.expiry_months.value(), self.level_basis.currentData())

    def save(self) -> bool:
        """Store the rules; False (and the reason shown on the page) when they cannot be saved."""
        try:
            self._program.save_rules(self.rules())
        except ValidationError as exc:
            return self._fail(" ".join(translate_template(t) for t in exc.errors.values()))
        except CrmError as exc:
            return self._fail(error_text(exc))
        self.error.hide()
        self.saved.emit()
        return True

    def _fail(self, text: str) -> bool:
        self.error.setText(text)
        self.error.show()
        return False


class RulesDialog(QDialog):
    """The rules page on its own, for the loyalty tab's "Rules…" button."""

    def __init__(self, services: Services, parent=None):
        super().__init__(parent)
        self.setObjectName("rulesDialog")
        self.setWindowTitle(self.tr("Points rules"))
        self.page = PointsRulesPage(services, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(buttons)
        self.page.load()
        self.setMinimumWidth(480)

    def _on_buttons_accepted(self) -> None:
        if self.page.save():
            self.accept()
