"""The import wizard's third page: what to do with rows that match a contact already there,
and what the import will do, worked out in a worker before anything is written.

Planning reads every row through the mapping and looks each one up (about a second per 20,000
rows), so it runs off the GUI thread and again whenever the choice changes.
"""

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from crm_desktop.domain.errors import CrmError
from crm_desktop.services.importing import DuplicatePolicy, ImportPlan, NoteWords
from crm_desktop.ui.common.forms import ERROR_STYLE
from crm_desktop.ui.common.messages import error_text
from crm_desktop.ui.transfer.problems_model import Column, ProblemsModel
from crm_desktop.ui.transfer.progress import ProgressStrip
from crm_desktop.ui.transfer.session import ImportSession

HINT_STYLE = "color: palette(placeholder-text); margin-left: 22px; margin-bottom: 4px;"


def work_of(plan: ImportPlan) -> int:
    """How many contacts the plan adds or changes."""
    return plan.to_create + (len(plan.matched) if plan.policy == DuplicatePolicy.UPDATE else 0)


class DuplicatesPage(QWizardPage):
    def __init__(self, session: ImportSession, parent=None):
        super().__init__(parent)
        self.setObjectName("importDuplicatesPage")
        self._session = session
        self.group = QButtonGroup(self)
        self.radios = {p: QRadioButton(objectName=f"importPolicy_{p.value}") for p in DuplicatePolicy}
        self.hints = {p: QLabel(wordWrap=True) for p in DuplicatePolicy}
        self.busy = ProgressStrip("importPlan")
        self.summary = QLabel(objectName="importPlanSummary", wordWrap=True)
        self.model = ProblemsModel(self)
        self.problems = QTableView(objectName="importProblems")
        self._build()
        self.retranslate()
        self._connect_signals()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        for policy, radio in self.radios.items():
            self.group.addButton(radio)
            self.hints[policy].setStyleSheet(HINT_STYLE)
            layout.addWidget(radio)
            layout.addWidget(self.hints[policy])
        self.radios[DuplicatePolicy.SKIP].setChecked(True)
        setup_problems_view(self.problems, self.model)
        layout.addSpacing(8)
        for widget in (self.busy, self.summary, self.problems):
            layout.addWidget(widget)
        self.setCommitPage(True)

    def _connect_signals(self) -> None:
        self.group.buttonToggled.connect(self._on_group_buttonToggled)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Contacts already there"))
        self.setSubTitle(self.tr("A row matches a contact already there when it has the same mobile "
                                 "phone, the same email or the same record ID."))
        texts = {
            DuplicatePolicy.SKIP: (self.tr("&Skip them"), self.tr(
                "Keep the contact as it is and leave the row out. The safe choice.")),
            DuplicatePolicy.UPDATE: (self.tr("&Update the existing contacts"), self.tr(
                "Fill the contact with the row's values; empty cells never erase what is there.")),
            DuplicatePolicy.CREATE: (self.tr("&Create new contacts anyway"), self.tr(
                "Add every row as another contact, even if that makes duplicates.")),
        }
        for policy, (label, hint) in texts.items():
            self.radios[policy].setText(label)
            self.hints[policy].setText(hint)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.busy.retranslate()
        self._show_plan(self._session.plan)

    def policy(self) -> DuplicatePolicy:
        return next(p for p, radio in self.radios.items() if radio.isChecked())

    def set_policy(self, policy: DuplicatePolicy) -> None:
        self.radios[DuplicatePolicy(policy)].setChecked(True)

    def initializePage(self) -> None:
        self._plan()

    def cleanupPage(self) -> None:
        self._session.jobs.forget("plan")
        self.busy.stop()

    def isComplete(self) -> bool:
        plan = self._session.plan
        return plan is not None and plan.policy == self.policy() and work_of(plan) > 0

    # --- planning --------------------------------------------------------------------------------
    def _plan(self) -> None:
        s = self._session
        s.plan = None
        self._show_plan(None)
        table, mapping, policy, label = s.table, dict(s.mapping), self.policy(), s.label
        words = self._note_words()
        self.busy.start(self.tr("Checking {n} rows…").format(n=len(table.rows)))
        s.jobs.start("plan", lambda _report: s.imports.plan(table, mapping, policy, label, words),
                     self._on_plan_succeeded, self._on_plan_failed)
        self.completeChanged.emit()

    def _note_words(self) -> NoteWords:
        """What the import labels the values it keeps in a contact's notes with, in the user's language."""
        return NoteWords(other_phones=self.tr("Other phones"), other_emails=self.tr("Other emails"),
                         foreign_id=self.tr("ID"))

    def _show_plan(self, plan: ImportPlan | None) -> None:
        if plan is None:
            self.model.clear()
        else:
            self.model.set_problems(plan.rejected, plan.warnings)
        self.problems.setVisible(bool(plan and self.model.rowCount()))
        self.summary.setText(self._summary_text(plan) if plan else "")
        self.summary.setStyleSheet(ERROR_STYLE if plan and not work_of(plan) else "")

    def _summary_text(self, plan: ImportPlan) -> str:
        text = self.tr("{new} new contact(s), {matched} match contacts already there, {rejected} row(s) will be rejected.").format(
            new=len(plan.new), matched=len(plan.matched), rejected=len(plan.rejected))
        if not work_of(plan):
            text += "\n" + self.tr("With this choice nothing would be imported.")
        elif plan.warnings:
            text += "\n" + self.tr("{n} warning(s) about values in the rows; see below.").format(n=len(plan.warnings))
        return text

    # --- slots -----------------------------------------------------------------------------------
    def _on_group_buttonToggled(self, _button, checked: bool) -> None:
        if checked and self.wizard() is not None and self.wizard().currentPage() is self:
            self._plan()

    def _on_plan_succeeded(self, plan: ImportPlan) -> None:
        self._session.plan = plan
        self.busy.stop()
        self._show_plan(plan)
        self.completeChanged.emit()

    def _on_plan_failed(self, exc) -> None:
        self.busy.stop(error_text(exc) if isinstance(exc, CrmError) else "")
        if not isinstance(exc, CrmError):
            self._session.notifier.error(exc)
        self.completeChanged.emit()


def setup_problems_view(view: QTableView, model: ProblemsModel) -> None:
    """The list of refused rows and warnings, as both the summary and the result show it."""
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(Column.LINE, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(Column.KIND, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
