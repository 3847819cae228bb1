"""The selected contact: key facts, interaction timeline, upcoming follow-ups, open tickets, points,
and a form to log a new interaction."""

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.enums import InteractionKind
from crm_desktop.domain.phones import display_phone
from crm_desktop.services.dto import ContactDetail, InteractionDraft
from crm_desktop.ui.common.formatting import local_datetime, money, number
from crm_desktop.ui.common.labels import (
    fill_combo,
    followup_kind_label,
    interaction_label,
    stage_label,
    ticket_status_label,
    tier_label,
)
from crm_desktop.ui.common.widgets import text_box


class ContactDetailPane(QWidget):
    interactionSubmitted = Signal(object)  # InteractionDraft
    editRequested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("contactDetail")
        self._contact_id: int | None = None
        self.title = QLabel(objectName="contactDetailName")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.facts = QFormLayout()
        self.edit_button = QPushButton(objectName="contactEditButton")
        self.tabs = QTabWidget(objectName="contactDetailTabs")
        self.timeline = QListWidget(objectName="contactTimeline")
        self.upcoming = QListWidget(objectName="contactUpcoming")
        self.tickets = QListWidget(objectName="contactTickets")
        self.log_box = QGroupBox(objectName="logInteraction")
        self.log_kind = QComboBox(objectName="logKind")
        self.log_summary = text_box(2, "logSummary")
        self.log_button = QPushButton(objectName="logButton")
        self.log_error = QLabel(objectName="logError", wordWrap=True)
        self._fact_labels: dict[str, QLabel] = {}
        self._fact_names: dict[str, QLabel] = {}
        self._panels: list[tuple[QWidget, object]] = []  # extra tabs (consents): widget, title()
        self._build()
        self.retranslate()
        self.show_contact(None)

    def _build(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.edit_button)
        for key in ("phone", "email", "company", "stage", "owner", "spent", "points", "birthday"):
            label = QLabel(objectName=f"fact_{key}", textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
            self._fact_labels[key] = label
            self._fact_names[key] = QLabel()
            self.facts.addRow(self._fact_names[key], label)
        self.tabs.addTab(self.timeline, "")
        self.tabs.addTab(self.upcoming, "")
        self.tabs.addTab(self.tickets, "")
        fill_combo(self.log_kind, InteractionKind, interaction_label)
        log = QVBoxLayout(self.log_box)
        row = QHBoxLayout()
        row.addWidget(self.log_kind)
        row.addWidget(self.log_summary, 1)
        row.addWidget(self.log_button, 0, Qt.AlignmentFlag.AlignTop)
        log.addLayout(row)
        self.log_error.setStyleSheet("color: #c0392b;")
        self.log_error.hide()
        log.addWidget(self.log_error)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(self.facts)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.log_box)
        self.log_button.clicked.connect(self._on_log_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)

    def retranslate(self) -> None:
        names = {"phone": self.tr("Phone"), "email": self.tr("Email"), "company": self.tr("Company"),
                 "stage": self.tr("Stage / tier"), "owner": self.tr("Owner"), "spent": self.tr("Total spent"),
                 "points": self.tr("Points balance"), "birthday": self.tr("Birthday")}
        for key, label in self._fact_names.items():
            label.setText(names[key])
        self.edit_button.setText(self.tr("Edit…"))
        self.tabs.setTabText(0, self.tr("Timeline"))
        self.tabs.setTabText(1, self.tr("Upcoming follow-ups"))
        self.tabs.setTabText(2, self.tr("Open tickets"))
        self.log_box.setTitle(self.tr("Log an interaction"))
        self.log_summary.setPlaceholderText(self.tr("What was said or done, and the outcome"))
        self.log_button.setText(self.tr("Log"))
        for index, (_widget, title) in enumerate(self._panels, 3):
            self.tabs.setTabText(index, title())

    def add_panel(self, widget: QWidget, title) -> None:
        """An extra tab after the three lists, shown each contact through `widget.show_contact(id)`."""
        self._panels.append((widget, title))
        self.tabs.addTab(widget, title())

    @property
    def contact_id(self) -> int | None:
        return self._contact_id

    def show_contact(self, detail: ContactDetail | None) -> None:
        self._contact_id = detail.contact.id if detail else None
        for w in (self.edit_button, self.log_box, self.tabs):
            w.setEnabled(detail is not None)
        self.log_error.hide()
        for widget, _title in self._panels:
            widget.show_contact(self._contact_id)
        if detail is None:
            self.title.setText(self.tr("No contact selected"))
            for label in self._fact_labels.values():
                label.clear()
            for lst in (self.timeline, self.upcoming, self.tickets):
                lst.clear()
            return
        self._fill(detail)

    def _fill(self, detail: ContactDetail) -> None:
        c = detail.contact
        d = c.draft
        self.title.setText(d.name)
        facts = self._fact_labels
        phone = display_phone(c.phone_e164, d.phone)
        facts["phone"].setText(phone + ("  " + self.tr("(not a valid number)") if c.phone_invalid else ""))
        facts["email"].setText(d.email)
        facts["company"].setText(" · ".join(x for x in (detail.company, d.title) if x))
        facts["stage"].setText(f"{stage_label(d.stage)} / {tier_label(d.tier)}")
        facts["owner"].setText(detail.owner)
        facts["spent"].setText(money(c.total_spent_cents))
        level = f" ({c.member_level})" if c.member_level else ""
        facts["points"].setText(number(c.points_balance) + level)
        facts["birthday"].setText(self._birthday_text(d))
        self._fill_list(self.timeline, [
            f"{local_datetime(i.occurred_at)}  {interaction_label(i.kind)}  {i.summary}"
            + (f" → {i.outcome}" if i.outcome else "") for i in detail.timeline
        ], self.tr("No interactions yet."))
        self._fill_list(self.upcoming, [
            f"{local_datetime(f.due_at)}  {followup_kind_label(f.draft.kind)}  {f.draft.title}"
            for f in detail.upcoming
        ], self.tr("Nothing planned."))
        self._fill_list(self.tickets, [
            f"{t.number}  {ticket_status_label(t.status)}  {t.draft.subject}" for t in detail.open_tickets
        ], self.tr("No open tickets."))

    @staticmethod
    def _fill_list(widget: QListWidget, lines: list[str], empty: str) -> None:
        widget.clear()
        widget.addItems([ln.replace("\n", " ") for ln in lines] or [empty])

    def _birthday_text(self, d) -> str:
        parts = []
        if d.birth_month and d.birth_year:
            parts.append(f"{d.birth_year}-{d.birth_month:02d}-{d.birth_day:02d}")
        elif d.birth_month:
            parts.append(self.tr("{month}/{day} (year unknown)").format(month=d.birth_month, day=d.birth_day))
        if d.lunar_birth_month:
            leap = self.tr("leap ") if d.lunar_birth_leap else ""
            parts.append(self.tr("lunar {leap}{month}/{day}").format(
                leap=leap, month=d.lunar_birth_month, day=d.lunar_birth_day))
        return "   ".join(parts)

    def show_log_error(self, text: str) -> None:
        self.log_error.setText(text)
        self.log_error.setVisible(bool(text))

    def clear_log(self) -> None:
        self.log_summary.clear()
        self.log_error.hide()

    def _on_log_button_clicked(self) -> None:
        if self._contact_id is None:
            return
        self.interactionSubmitted.emit(InteractionDraft(
            contact_id=self._contact_id, kind=self.log_kind.currentData(),
            occurred_at=datetime.now(UTC), summary=self.log_summary.toPlainText(),
        ))

    def _on_edit_button_clicked(self) -> None:
        if self._contact_id is not None:
            self.editRequested.emit(self._contact_id)

