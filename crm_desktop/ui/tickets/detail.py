"""The selected ticket: its facts, its history, and buttons for the statuses it may move to."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.enums import TicketStatus
from crm_desktop.domain.sla import DONE
from crm_desktop.domain.tickets import allowed_next, is_reopen
from crm_desktop.services.dto import TicketDTO, TicketEventDTO
from crm_desktop.ui.common.formatting import local_datetime
from crm_desktop.ui.common.labels import (
    complaint_reason_label,
    priority_label,
    ticket_category_label,
    ticket_status_label,
)
from crm_desktop.ui.tickets.attachments import AttachmentsBox
from crm_desktop.ui.tickets.sla_format import clock_text, reading_colour


class TicketDetailPane(QWidget):
    statusRequested = Signal(int, object, str)  # ticket id, TicketStatus, comment
    editRequested = Signal(int)
    surveyRequested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("ticketDetail")
        self._ticket: TicketDTO | None = None
        self._events: list[TicketEventDTO] = []
        self.editable = True  # False (a role without MANAGE_TICKETS): the ticket is shown, not changed
        self.title = QLabel(objectName="ticketDetailTitle", wordWrap=True)
        self.title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.edit_button = QPushButton(objectName="ticketEditButton")
        self.survey_button = QPushButton(objectName="ticketSurveyButton")
        self.facts = QFormLayout()
        self._names: dict[str, QLabel] = {}
        self._values: dict[str, QLabel] = {}
        for key in ("customer", "category", "status", "first_response", "resolution", "assignee", "opened",
                    "description"):
            self._names[key], self._values[key] = QLabel(), QLabel(wordWrap=True, objectName=f"ticket_{key}")
            self.facts.addRow(self._names[key], self._values[key])
        self.history_label = QLabel()
        self.history = QListWidget(objectName="ticketHistory")
        self.attachments = AttachmentsBox()
        self.comment = QLineEdit(objectName="ticketComment")
        self.buttons_row = QHBoxLayout()
        self.status_buttons: dict[TicketStatus, QPushButton] = {}
        self._build()
        self.retranslate()
        self.show_ticket(None, [])

    def _build(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.survey_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        for status in TicketStatus:
            button = QPushButton(objectName=f"ticketTo_{status.value}")
            button.clicked.connect(lambda _=False, s=status: self._on_status_button_clicked(s))
            self.status_buttons[status] = button
            self.buttons_row.addWidget(button)
        self.buttons_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(self.facts)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.attachments)
        layout.addWidget(self.comment)
        layout.addLayout(self.buttons_row)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.survey_button.clicked.connect(self._on_survey_button_clicked)

    def retranslate(self) -> None:
        names = {"customer": self.tr("Customer"), "category": self.tr("Category / priority"),
                 "status": self.tr("Status"), "assignee": self.tr("Assignee"), "opened": self.tr("Opened"),
                 "description": self.tr("Description"), "first_response": self.tr("First response"),
                 "resolution": self.tr("Resolution")}
        for key, label in self._names.items():
            label.setText(names[key])
        self.edit_button.setText(self.tr("Edit…"))
        self.survey_button.setText(self.tr("Survey…"))
        self.survey_button.setToolTip(self.tr("Record the customer's satisfaction with this ticket"))
        self.history_label.setText(self.tr("History"))
        self.attachments.retranslate()
        self.comment.setPlaceholderText(self.tr("Comment for the next status change (optional)"))
        self._label_buttons()
        if self._ticket is None:
            self.title.setText(self.tr("No ticket selected"))

    def _label_buttons(self) -> None:
        current = self._ticket.status if self._ticket else None
        for status, button in self.status_buttons.items():
            reopen = current is not None and is_reopen(current, status)
            button.setText(self.tr("Reopen") if reopen else self.tr("→ {status}").format(
                status=ticket_status_label(status)))

    def set_editable(self, editable: bool) -> None:
        self.editable = self.attachments.editable = editable
        self.show_ticket(self._ticket, self._events)

    def show_ticket(self, ticket: TicketDTO | None, events: list[TicketEventDTO]) -> None:
        self._ticket, self._events = ticket, events
        self.edit_button.setEnabled(ticket is not None and self.editable)
        self.edit_button.setVisible(self.editable)
        self.survey_button.setVisible(ticket is not None and ticket.status in DONE and self.editable)
        self.comment.setEnabled(ticket is not None and self.editable)
        self.comment.setVisible(self.editable)
        allowed = allowed_next(ticket.status) if ticket and self.editable else frozenset()
        for status, button in self.status_buttons.items():
            button.setVisible(status in allowed)
        self._label_buttons()
        self.history.clear()
        if ticket is None:
            self.attachments.show_items(None)
            self.title.setText(self.tr("No ticket selected"))
            for value in self._values.values():
                value.clear()
            return
        self._fill(ticket, events)

    def _fill(self, t: TicketDTO, events: list[TicketEventDTO]) -> None:
        self.title.setText(f"{t.number}  {t.draft.subject}")
        v = self._values
        v["customer"].setText(t.contact_name)
        v["category"].setText(self._category_text(t))
        v["status"].setText(ticket_status_label(t.status))
        v["assignee"].setText(t.assignee or self.tr("(unassigned)"))
        v["opened"].setText(local_datetime(t.opened_at))
        v["description"].setText(t.draft.description)
        self._show_clocks(t)
        for e in events:
            self.history.addItem(self._event_text(e))

    @staticmethod
    def _category_text(t: TicketDTO) -> str:
        text = f"{ticket_category_label(t.draft.category)} / {priority_label(t.draft.priority)}"
        return f"{text} — {complaint_reason_label(t.draft.complaint_reason)}" if t.draft.complaint_reason else text

    def _show_clocks(self, t: TicketDTO) -> None:
        for key, reading in (("first_response", t.sla and t.sla.first_response),
                             ("resolution", t.sla and t.sla.resolution)):
            label = self._values[key]
            text = clock_text(reading) if reading else ""
            paused = key == "resolution" and t.sla is not None and t.sla.paused
            label.setText(self.tr("{clock} — paused while waiting for the customer").format(clock=text)
                          if paused else text)
            colour = reading_colour(reading, paused) if reading is not None else None
            label.setStyleSheet(f"color: {colour.name()};" if colour else "")

    def _event_text(self, e: TicketEventDTO) -> str:
        if e.from_status:
            change = self.tr("{old} → {new}").format(old=ticket_status_label(e.from_status),
                                                     new=ticket_status_label(e.to_status))
        else:
            change = self.tr("opened")
        comment = f" — {e.comment}" if e.comment else ""
        return f"{local_datetime(e.occurred_at)}  {e.user}  {change}{comment}".replace("\n", " ")

    def current_id(self) -> int | None:
        return self._ticket.id if self._ticket is not None else None

    def clear_comment(self) -> None:
        self.comment.clear()

    def _on_status_button_clicked(self, status: TicketStatus) -> None:
        if self._ticket is not None:
            self.statusRequested.emit(self._ticket.id, status, self.comment.text())

    def _on_survey_button_clicked(self) -> None:
        if self._ticket is not None:
            self.surveyRequested.emit(self._ticket.id)

    def _on_edit_button_clicked(self) -> None:
        if self._ticket is not None:
            self.editRequested.emit(self._ticket.id)
