"""Plan or edit a follow-up; mark one done with its outcome."""

from dataclasses import replace
from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from crm_desktop.domain.enums import FollowupKind, FollowupStatus
from crm_desktop.services.dto import FollowupDraft, FollowupDTO
from crm_desktop.services.registry import Services
from crm_desktop.ui.common.contact_picker import ContactPicker
from crm_desktop.ui.common.forms import RecordDialog
from crm_desktop.ui.common.labels import fill_combo, followup_kind_label, followup_status_label
from crm_desktop.ui.common.widgets import (
    UserCombo,
    date_time_edit,
    row,
    set_aware,
    text_box,
    to_aware,
)

FREQUENCIES = ("", "DAILY", "WEEKLY", "MONTHLY", "YEARLY")


class FollowupDialog(RecordDialog):
    def __init__(self, services: Services, followup: FollowupDTO | None = None, due: datetime | None = None,
                 parent=None):
        super().__init__(self.tr("Edit follow-up") if followup else self.tr("Plan a follow-up"), parent)
        self.setObjectName("followupDialog")
        self._service, self._followup = services.followups, followup
        self.contact = ContactPicker(services.contacts)
        self.contact.setObjectName("followupContact")
        self.kind = QComboBox(objectName="followupKind")
        fill_combo(self.kind, FollowupKind, followup_kind_label, FollowupKind.CALL)
        self.title = QLineEdit(objectName="followupTitle")
        self.due = date_time_edit("followupDue")
        self.duration = QSpinBox(objectName="followupDuration", minimum=0, maximum=24 * 60 * 14, value=30,
                                 singleStep=15)
        self.all_day = QCheckBox(objectName="followupAllDay")
        self.reminder = QComboBox(objectName="followupReminder")
        self.repeat = QComboBox(objectName="followupRepeat")
        self.count = QSpinBox(objectName="followupCount", minimum=0, maximum=999)
        self.notes = text_box(3, "followupNotes")
        self.owner = UserCombo(services.users.active(), self.tr("(nobody)"))
        self.status = QComboBox(objectName="followupStatus")
        fill_combo(self.status, FollowupStatus, followup_status_label, FollowupStatus.PLANNED)
        self._build()
        if due is not None:
            set_aware(self.due, due)
        if followup:
            self._load(followup)

    def _build(self) -> None:
        self.reminder.addItem(self.tr("No reminder"), None)
        for minutes, text in ((0, self.tr("At the time")), (10, self.tr("10 minutes before")),
                              (60, self.tr("1 hour before")), (1440, self.tr("1 day before"))):
            self.reminder.addItem(text, minutes)
        for freq, text in zip(FREQUENCIES, (self.tr("Does not repeat"), self.tr("Daily"), self.tr("Weekly"),
                                            self.tr("Monthly"), self.tr("Yearly")), strict=True):
            self.repeat.addItem(text, freq)
        self.count.setSpecialValueText(self.tr("no end"))
        self.count.setSuffix(self.tr(" times"))
        self.duration.setSuffix(self.tr(" min"))
        self.all_day.setText(self.tr("All day"))
        f = self.form
        f.addRow(self.tr("Customer *"), self.contact)
        f.addRow(self.tr("Type"), self.kind)
        f.addRow(self.tr("Title"), self.title)
        f.addRow(self.tr("When"), row(self.due, self.all_day))
        f.addRow(self.tr("Duration"), self.duration)
        f.addRow(self.tr("Reminder"), self.reminder)
        f.addRow(self.tr("Repeat"), row(self.repeat, self.count))
        f.addRow(self.tr("Owner"), self.owner)
        f.addRow(self.tr("Status"), self.status)
        f.addRow(self.tr("Notes"), self.notes)
        self.finish_form({"contact": self.contact, "due_at": self.due, "duration": self.duration,
                          "reminder": self.reminder, "rrule": self.repeat})
        self.setMinimumWidth(480)

    def _load(self, f: FollowupDTO) -> None:
        d = f.draft
        self.contact.set_contact(d.contact_id, f.contact_name)
        self.kind.setCurrentIndex(self.kind.findData(d.kind))
        self.title.setText(d.title)
        set_aware(self.due, d.due_at)
        self.duration.setValue(d.duration_minutes)
        self.all_day.setChecked(d.all_day)
        self.reminder.setCurrentIndex(max(0, self.reminder.findData(d.reminder_minutes)))
        parts = dict(p.split("=", 1) for p in d.rrule.split(";") if "=" in p)
        self.repeat.setCurrentIndex(max(0, self.repeat.findData(parts.get("FREQ", ""))))
        self.count.setValue(int(parts.get("COUNT", 0)))
        self.owner.set_user_id(d.owner_id)
        self.status.setCurrentIndex(self.status.findData(d.status))
        self.notes.setPlainText(d.notes)

    def _rrule(self) -> str:
        freq = self.repeat.currentData()
        if not freq:
            return ""
        return f"FREQ={freq}" + (f";COUNT={self.count.value()}" if self.count.value() else "")

    def draft(self) -> FollowupDraft:
        return FollowupDraft(
            contact_id=self.contact.contact_id() or 0, kind=self.kind.currentData(), due_at=to_aware(self.due),
            title=self.title.text(), duration_minutes=self.duration.value(), all_day=self.all_day.isChecked(),
            reminder_minutes=self.reminder.currentData(), rrule=self._rrule(), notes=self.notes.toPlainText(),
            owner_id=self.owner.user_id(), status=self.status.currentData(),
        )

    def save(self) -> FollowupDTO:
        if self._followup is None:
            return self._service.create(self.draft())
        return self._service.update(self._followup.id, self.draft())


class CompleteDialog(RecordDialog):
    """Mark a follow-up (or one occurrence of a repeating one) done: the outcome goes into the
    contact's timeline, and the next follow-up the tier's cadence proposes is planned with it."""

    def __init__(self, services: Services, followup: FollowupDTO, cadence=None, occurrence: datetime | None = None,
                 parent=None):
        super().__init__(self.tr("Mark done — {name}").format(name=followup.contact_name), parent)
        self.setObjectName("completeDialog")
        self._service, self._followup, self._occurrence = services.followups, followup, occurrence
        self._proposal = services.followups.propose_next(followup.id, cadence)
        self.outcome = text_box(4, "followupOutcome")
        self.outcome.setPlaceholderText(self.tr("What came of it? It is added to the customer's timeline."))
        self.plan_next = QCheckBox(self.tr("Plan the next one"), objectName="planNext")
        self.plan_next.setChecked(not followup.repeats)  # a series plans its own next one
        self.next_kind = QComboBox(objectName="nextKind")
        fill_combo(self.next_kind, FollowupKind, followup_kind_label, self._proposal.kind)
        self.next_due = date_time_edit("nextDue")
        set_aware(self.next_due, self._proposal.due_at)
        self.plan_next.toggled.connect(self.next_kind.setEnabled)
        self.plan_next.toggled.connect(self.next_due.setEnabled)
        self.next_kind.setEnabled(self.plan_next.isChecked())
        self.next_due.setEnabled(self.plan_next.isChecked())
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.form.addRow("", self.plan_next)
        self.form.addRow(self.tr("Next"), row(self.next_kind, self.next_due))
        self.finish_form({"outcome": self.outcome, "due_at": self.next_due, "contact": self.plan_next})
        self.setMinimumWidth(460)

    def next_draft(self) -> FollowupDraft | None:
        if not self.plan_next.isChecked():
            return None
        return replace(self._proposal, kind=self.next_kind.currentData(), due_at=to_aware(self.next_due))

    def save(self) -> FollowupDTO:
        return self._service.complete(self._followup.id, self.outcome.toPlainText(), self._occurrence,
                                      self.next_draft())
