"""The analytics parameters kept with the data (services/analytics_settings.py): the margin and
expected lifespan lifetime value multiplies by, the win-back parameters p_win and C3, the risk
threshold, and the stage probabilities that weight open leads in the forecast. Each group names the
formula it feeds; a refused value is shown under the field it belongs to."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.domain.permissions import Permission
from crm_desktop.services.analytics_dto import AnalyticsSettings
from crm_desktop.services.analytics_settings import AnalyticsSettingsService
from crm_desktop.ui.common.messages import error_text, translate_template
from crm_desktop.ui.settings_dialog.base import SettingsPage, error_label

FIELDS = ("margin_pct", "lifespan_years", "winback_win_pct", "winback_cost_cents", "risk_threshold",
          "lead_probability", "prospect_probability")


def _spin(name: str, low: float, high: float, decimals: int = 1, step: float = 1.0) -> QDoubleSpinBox:
    return QDoubleSpinBox(objectName=name, minimum=low, maximum=high, decimals=decimals, singleStep=step)


class AnalyticsPage(SettingsPage):
    permission = Permission.MANAGE_SETTINGS  # a data setting: the dialog disables the page without it

    def __init__(self, analytics_settings: AnalyticsSettingsService, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsAnalyticsPage")
        self._service = analytics_settings
        self.margin = _spin("analyticsMargin", 0, 100)
        self.lifespan = _spin("analyticsLifespan", 0.1, 50, step=0.5)
        self.win = _spin("analyticsWinPct", 0, 100)
        self.cost = _spin("analyticsCost", 0, 1_000_000, decimals=2, step=10)
        self.threshold = QSpinBox(objectName="analyticsRiskThreshold", minimum=1, maximum=100)
        self.lead = _spin("analyticsLeadProbability", 0, 100)
        self.prospect = _spin("analyticsProspectProbability", 0, 100)
        self.errors = {key: error_label(f"analyticsError_{key}") for key in FIELDS}
        self.error = error_label("analyticsError")
        self.defaults = QPushButton(objectName="analyticsDefaults")
        self.value_box, self.winback_box, self.forecast_box = QGroupBox(), QGroupBox(), QGroupBox()
        self.value_help, self.winback_help, self.forecast_help = (QLabel(wordWrap=True) for _ in range(3))
        self._labels: dict[QWidget, QLabel] = {}
        self._group(self.value_box, self.value_help, [(self.margin, "margin_pct"), (self.lifespan, "lifespan_years")])
        self._group(self.winback_box, self.winback_help, [(self.win, "winback_win_pct"),
                                                          (self.cost, "winback_cost_cents"),
                                                          (self.threshold, "risk_threshold")])
        self._group(self.forecast_box, self.forecast_help, [(self.lead, "lead_probability"),
                                                            (self.prospect, "prospect_probability")])
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 6, 0)
        for box in (self.value_box, self.winback_box, self.forecast_box):
            layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(self.defaults, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)  # a small dialog scrolls
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        self.defaults.clicked.connect(lambda: self.show_settings(AnalyticsSettings()))
        self.retranslate()

    def _group(self, box: QGroupBox, help_label: QLabel, fields: list) -> None:
        form = QFormLayout(box)
        form.addRow(help_label)
        for widget, key in fields:
            widget.setMaximumWidth(180)
            self._labels[widget] = QLabel()
            form.addRow(self._labels[widget], widget)
            form.addRow(None, self.errors[key])

    def load(self) -> None:
        self.show_settings(self._service.get())

    def show_settings(self, s: AnalyticsSettings) -> None:
        self.margin.setValue(s.margin_pct)
        self.lifespan.setValue(s.lifespan_years)
        self.win.setValue(s.winback_win_pct)
        self.cost.setValue(s.winback_cost_cents / 100)
        self.threshold.setValue(s.risk_threshold)
        self.lead.setValue(100 * s.stage_probability.get("lead", 0.0))
        self.prospect.setValue(100 * s.stage_probability.get("prospect", 0.0))
        self._show_errors({})

    def edited(self) -> AnalyticsSettings:
        return AnalyticsSettings(
            margin_pct=self.margin.value(), lifespan_years=self.lifespan.value(),
            risk_threshold=self.threshold.value(), winback_win_pct=self.win.value(),
            winback_cost_cents=round(self.cost.value() * 100),
            stage_probability={"lead": round(self.lead.value() / 100, 4),
                               "prospect": round(self.prospect.value() / 100, 4)})

    def save(self) -> bool:
        try:
            self._service.put(self.edited())
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return False
        except CrmError as exc:
            self._show_errors({})
            self.error.setText(error_text(exc))
            self.error.show()
            return False
        self._show_errors({})
        return True

    def _show_errors(self, errors: dict[str, str]) -> None:
        self.error.hide()
        for key, label in self.errors.items():
            label.setText(translate_template(errors[key]) if key in errors else "")
            label.setVisible(key in errors)
        shown = [label for key, label in self.errors.items() if key in errors]
        if shown:  # the first refused field scrolled into view
            self.scroll.ensureWidgetVisible(shown[0])

    def retranslate(self) -> None:
        self.value_box.setTitle(self.tr("Customer lifetime value"))
        self.value_help.setText(self.tr("CLV = average order value × purchases a year × expected lifespan × "
                                        "margin. The dashboard's average CLV, the re-tiering and the win-back "
                                        "figures use it."))
        self.winback_box.setTitle(self.tr("Churn warning and win-back"))
        self.winback_help.setText(self.tr("Win back when E(V) − V3 > C3: E(V) = CLV × (p_stay + (1 − p_stay) × "
                                          "p_win), V3 = CLV × p_stay, p_stay = 1 − risk ÷ 100 (0 for a churned "
                                          "customer). Customers whose risk score reaches the threshold count as "
                                          "at risk."))
        self.forecast_box.setTitle(self.tr("Sales forecast"))
        self.forecast_help.setText(self.tr("Open leads weighted = Σ open leads and prospects × stage probability × "
                                           "average order value. A prospect cannot be less likely than a lead."))
        labels = {self.margin: self.tr("Margin:"), self.lifespan: self.tr("Expected lifespan:"),
                  self.win: self.tr("Won back (p_win):"), self.cost: self.tr("Cost of an action (C3):"),
                  self.threshold: self.tr("At risk from score:"), self.lead: self.tr("Lead becomes a customer:"),
                  self.prospect: self.tr("Prospect becomes a customer:")}
        for widget, label in self._labels.items():
            label.setText(labels[widget])
        for spin in (self.margin, self.win, self.lead, self.prospect):
            spin.setSuffix(" %")
        self.lifespan.setSuffix(self.tr(" years"))
        self.cost.setPrefix("¥ ")
        self.threshold.setSuffix(self.tr(" of 100"))
        self.defaults.setText(self.tr("Restore the defaults"))
        self.error.setText("")
