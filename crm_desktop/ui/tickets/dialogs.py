"""Open or edit a service ticket."""

from PySide6.QtWidgets import QComboBox, QLineEdit

from crm_desktop.domain.enums import ComplaintReason, TicketCategory, TicketPriority
from crm_desktop.services.dto import TicketDraft, TicketDTO
from crm_desktop.services.registry import Services
from crm_desktop.ui.common.contact_picker import ContactPicker
from crm_desktop.ui.common.formatting import local_date, money
from crm_desktop.ui.common.forms import RecordDialog
from crm_desktop.ui.common.labels import (
    complaint_reason_label,
    fill_combo,
    priority_label,
    ticket_category_label,
)
from crm_desktop.ui.common.widgets import UserCombo, text_box

PURCHASE_CHOICES = 30  # the newest sales of the customer offered to link


class TicketDialog(RecordDialog):
    def __init__(self, services: Services, ticket: TicketDTO | None = None, parent=None):
        super().__init__(self.tr("Edit ticket") if ticket else self.tr("New service ticket"), parent)
        self.setObjectName("ticketDialog")
        self._service, self._ticket = services.tickets, ticket
        self.contact = ContactPicker(services.contacts)
        self.contact.setObjectName("ticketContact")
        self.category = QComboBox(objectName="ticketCategory")
        fill_combo(self.category, TicketCategory, ticket_category_label, TicketCategory.REPAIR)
        self.complaint_reason = QComboBox(objectName="ticketComplaintReason")
        self.complaint_reason.addItem(self.tr("(choose a reason)"), "")
        for reason in ComplaintReason:
            self.complaint_reason.addItem(complaint_reason_label(reason), reason.value)
        self.priority = QComboBox(objectName="ticketPriority")
        fill_combo(self.priority, TicketPriority, priority_label, TicketPriority.NORMAL)
        self.subject = QLineEdit(objectName="ticketSubject")
        self.description = text_box(5, "ticketDescription")
        self.purchase = QComboBox(objectName="ticketPurchase")
        self._purchases = services.purchases
        self.assignee = UserCombo(services.users.active(), self.tr("(unassigned)"))
        self.assignee.setObjectName("ticketAssignee")
        f = self.form
        f.addRow(self.tr("Customer *"), self.contact)
        f.addRow(self.tr("Category"), self.category)
        f.addRow(self.tr("Complaint reason *"), self.complaint_reason)
        f.addRow(self.tr("Purchase"), self.purchase)
        f.addRow(self.tr("Priority"), self.priority)
        f.addRow(self.tr("Subject *"), self.subject)
        f.addRow(self.tr("Description"), self.description)
        f.addRow(self.tr("Assignee"), self.assignee)
        self.subject.setPlaceholderText(self.tr("e.g. the air purifier makes a noise"))
        self.finish_form({"contact": self.contact, "subject": self.subject,
                          "complaint_reason": self.complaint_reason})
        self.setMinimumWidth(520)
        self.category.currentIndexChanged.connect(self._on_category_currentIndexChanged)
        self.contact.contactChosen.connect(self._on_contact_contactChosen)
        self._on_contact_contactChosen(None)
        if ticket:
            self._load(ticket)
        self._on_category_currentIndexChanged()

    def _on_category_currentIndexChanged(self, _index: int = 0) -> None:
        """The reason code only matters, and only shows, for complaints."""
        self.form.setRowVisible(self.complaint_reason, self.category.currentData() == TicketCategory.COMPLAINT)

    def _on_contact_contactChosen(self, contact_id, keep: int | None = None) -> None:
        """The chosen customer's recent sales, to say which one the ticket is about."""
        self.purchase.clear()
        self.purchase.addItem(self.tr("(no purchase)"), None)
        for p in self._purchases.page(contact_id, 0, PURCHASE_CHOICES) if contact_id else ():
            if p.voided_at is None or p.id == keep:
                label = " · ".join(filter(None, (local_date(p.purchased_at), p.description, money(p.amount_cents))))
                self.purchase.addItem(label, p.id)
        self.purchase.setCurrentIndex(max(0, self.purchase.findData(keep)) if keep else 0)
        self.purchase.setEnabled(self.purchase.count() > 1)

    def _load(self, t: TicketDTO) -> None:
        self.contact.set_contact(t.draft.contact_id, t.contact_name)
        self._on_contact_contactChosen(t.draft.contact_id, keep=t.draft.purchase_id)
        self.category.setCurrentIndex(self.category.findData(t.draft.category))
        self.priority.setCurrentIndex(self.priority.findData(t.draft.priority))
        self.subject.setText(t.draft.subject)
        self.description.setPlainText(t.draft.description)
        self.assignee.set_user_id(t.draft.assignee_id)
        self.complaint_reason.setCurrentIndex(max(0, self.complaint_reason.findData(t.draft.complaint_reason)))

    def draft(self) -> TicketDraft:
        return TicketDraft(
            contact_id=self.contact.contact_id() or 0, category=self.category.currentData(),
            subject=self.subject.text(), priority=self.priority.currentData(),
            description=self.description.toPlainText(), assignee_id=self.assignee.user_id(),
            complaint_reason=self.complaint_reason.currentData() or "",
            purchase_id=self.purchase.currentData() if self.contact.contact_id() else None,
        )

    def save(self) -> TicketDTO:
        if self._ticket is None:
            return self._service.create(self.draft())
        return self._service.update(self._ticket.id, self.draft())
