"""The care dialog's second page: birthdays and holidays of the coming days, planning greetings
for them, and the greeting batch of an occasion exported for SMS or copied for WeChat."""

from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.care import MERGE_FIELDS
from crm_desktop.services.care import MAX_DAYS_AHEAD, CareService
from crm_desktop.services.care_dto import CareOccasion, CareTaskDTO, ExclusionReason, GreetingList
from crm_desktop.ui.calendar.care_due_page import guarded, selected_rows, table_view
from crm_desktop.ui.calendar.care_models import OccasionColumn, OccasionModel
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.common.widgets import text_box
from crm_desktop.ui.settings import Settings


class OccasionsPage(QWidget):
    def __init__(self, care: CareService, settings: Settings, notifier: Notifier, parent=None):
        super().__init__(parent)
        self._care, self._settings, self._notifier = care, settings, notifier
        self.days_label = QLabel()
        self.days = QSpinBox(objectName="careDaysAhead", minimum=0, maximum=MAX_DAYS_AHEAD, value=7)
        self.model = OccasionModel(self)
        self.table = table_view(self.model, "occasionTable")
        self.plan_button = QPushButton(objectName="planGreetingsButton")
        self.template_label = QLabel()
        self.template = text_box(3, "greetingTemplate")
        self.fields_label = QLabel(objectName="mergeFields", wordWrap=True)
        self.export_button = QPushButton(objectName="exportSmsButton")
        self.copy_button = QPushButton(objectName="copyWechatButton")
        self.own_dates_button = QPushButton(objectName="ownDatesButton")
        self.status = QLabel(objectName="greetingStatus", wordWrap=True)
        self.own_dates_button.setEnabled(care.may_change_own_dates())  # a data setting
        self._build()
        self.retranslate()
        self.template.setPlainText(settings.greeting_template or self.default_template())
        self._connect_signals()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.days_label)
        top.addWidget(self.days)
        top.addStretch(1)
        top.addWidget(self.own_dates_button)
        top.addWidget(self.plan_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.copy_button)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(OccasionColumn.WHO, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.template_label)
        layout.addWidget(self.template)
        layout.addWidget(self.fields_label)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.days.valueChanged.connect(self._on_days_valueChanged)
        self.plan_button.clicked.connect(self._on_plan_button_clicked)
        self.template.textChanged.connect(self._on_template_textChanged)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.own_dates_button.clicked.connect(self.open_own_dates)

    def retranslate(self) -> None:
        self.days_label.setText(self.tr("Occasions in the next"))
        self.days.setSuffix(self.tr(" days"))
        self.plan_button.setText(self.tr("Plan greetings"))
        self.own_dates_button.setText(self.tr("Own dates…"))
        self.own_dates_button.setToolTip(self.tr("Your own yearly dates to greet customers on, such as the shop's anniversary"))
        self.template_label.setText(self.tr("Greeting for the selected occasion:"))
        fields = " ".join(f"{{{f}}}" for f in MERGE_FIELDS)
        self.fields_label.setText(self.tr("Merge fields: {fields}").format(fields=fields))
        self.export_button.setText(self.tr("Export for SMS…"))
        self.copy_button.setText(self.tr("Copy for WeChat"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.columns) - 1)

    def default_template(self) -> str:
        return self.tr("Dear {name}, warm wishes for {holiday} from all of us!")

    def open_own_dates(self):
        """The shop's own dates; the list is read again once they are saved."""
        from crm_desktop.ui.calendar.own_dates_dialog import OwnDatesDialog
        from crm_desktop.ui.common.forms import run_dialog

        dialog = OwnDatesDialog(self._care, self)
        run_dialog(dialog, lambda _saved: self.load())
        return dialog

    # --- reading ----------------------------------------------------------------------------------------
    def load(self) -> None:
        tasks = guarded(self._notifier, self._care.care_tasks, self._care.today(), self.days.value())
        self.model.set_items(tasks or [])
        self.table.resizeColumnsToContents()
        if tasks:
            self.table.selectRow(0)

    def selected_tasks(self) -> list[CareTaskDTO]:
        """The selected occasions, or every listed one when none is selected."""
        rows = selected_rows(self.table) or range(self.model.rowCount())
        return [self.model.task_at(r) for r in rows]

    def greeting_list(self) -> GreetingList | None:
        """The batch for the first selected occasion, with the occasion's name and date filled in."""
        rows = selected_rows(self.table)
        task = self.model.task_at(rows[0]) if rows else None
        if task is None:
            self.status.setText(self.tr("Select an occasion first."))
            return None
        fields = {"holiday": self._holiday_text(task), "date": self._date_text(task)}
        return guarded(self._notifier, self._care.greeting_list, self.template.toPlainText(), None, task, fields)

    def _holiday_text(self, task: CareTaskDTO) -> str:
        if task.occasion == CareOccasion.HOLIDAY:
            return self.model.occasion_label(task)
        return self.tr("your birthday")

    def _date_text(self, task: CareTaskDTO) -> str:
        return QLocale().toString(QDate(task.day.year, task.day.month, task.day.day), self.tr("MMMM d"))

    # --- actions ----------------------------------------------------------------------------------------
    def export_to(self, path: Path | str) -> int | None:
        """Write the selected occasion's greetings as a CSV for an SMS platform; returns the count."""
        greetings = self.greeting_list()
        if greetings is None:
            return None
        written = guarded(self._notifier, self._care.export_greetings_csv, Path(path), greetings)
        if written is not None:
            self._show_result(self.tr("%n message(s) written to the file.", "", written), greetings)
        return written

    def copy_for_wechat(self) -> str | None:
        greetings = self.greeting_list()
        if greetings is None:
            return None
        text = self._care.as_wechat_text(greetings)
        QApplication.clipboard().setText(text)
        self._show_result(self.tr("%n message(s) copied.", "", len(greetings.rows)), greetings)
        return text

    def _show_result(self, done: str, greetings: GreetingList) -> None:
        counts = greetings.excluded_counts()
        if not counts:
            self.status.setText(done)
            return
        names = {ExclusionReason.NO_CONSENT: self.tr("no marketing consent"),
                 ExclusionReason.DO_NOT_CONTACT: self.tr("do not contact"),
                 ExclusionReason.MINOR: self.tr("under 14"), ExclusionReason.NO_PHONE: self.tr("no phone")}
        reasons = ", ".join(f"{names[r]}: {n}" for r, n in counts.items())
        self.status.setText(self.tr("{done} Left out — {reasons}.").format(done=done, reasons=reasons))

    # --- slots --------------------------------------------------------------------------------------------
    def _on_days_valueChanged(self, _days: int) -> None:
        self.load()

    def _on_plan_button_clicked(self) -> None:
        titles = {CareOccasion.BIRTHDAY: self.tr("Birthday greeting"),
                  CareOccasion.LUNAR_BIRTHDAY: self.tr("Lunar birthday greeting"),
                  CareOccasion.HOLIDAY: self.tr("{holiday} greeting")}
        created = guarded(self._notifier, self._care.plan_care, self.selected_tasks(), titles)
        if created is not None:
            self.status.setText(self.tr("%n greeting(s) planned.", "", len(created)))

    def _on_template_textChanged(self) -> None:
        self._settings.greeting_template = self.template.toPlainText()

    def _on_export_button_clicked(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export greetings for SMS"), "greetings.csv",
                                                    self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(path)

    def _on_copy_button_clicked(self) -> None:
        self.copy_for_wechat()
