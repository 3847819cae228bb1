"""Add / edit a contact, with inline validation."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit

from crm_desktop.domain.emails import check_email
from crm_desktop.domain.enums import Gender, LeadSource, LifecycleStage, Tier
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.phones import normalize_phone
from crm_desktop.services.contacts import ContactService
from crm_desktop.services.dto import ContactDraft, ContactDTO, UserDTO
from crm_desktop.services.duplicates import DuplicateService
from crm_desktop.ui.common.forms import RecordDialog
from crm_desktop.ui.common.labels import (
    fill_combo,
    gender_label,
    source_label,
    stage_label,
    tier_label,
)
from crm_desktop.ui.common.widgets import BirthdayEdit, LunarBirthdayEdit, UserCombo, row, text_box

DUPLICATE_CHECK_MS = 300


class ContactDialog(RecordDialog):
    def __init__(self, service: ContactService, users: list[UserDTO], contact: ContactDTO | None = None,
                 parent=None, duplicates: DuplicateService | None = None):
        title = self.tr("Edit contact") if contact else self.tr("New contact")
        super().__init__(title, parent)
        self.setObjectName("contactDialog")
        self._service, self._contact = service, contact
        self._duplicates = duplicates
        self._duplicate_timer = QTimer(self, singleShot=True, interval=DUPLICATE_CHECK_MS)
        self._build(users)
        if contact:
            self._load(contact.draft)

    def _build(self, users) -> None:
        f, g = self.form, self.add_form()
        self.name = QLineEdit(objectName="name")
        self.duplicate_hint = self._hint("duplicateHint")
        self.phone = QLineEdit(objectName="phone")
        self.phone_hint = self._hint("phoneHint")
        self.phone2 = QLineEdit(objectName="phone2")
        self.email = QLineEdit(objectName="email")
        self.email_hint = self._hint("emailHint")
        self.company = QLineEdit(objectName="company")
        self.job_title = QLineEdit(objectName="jobTitle")
        self.address = QLineEdit(objectName="address")
        self.city = QLineEdit(objectName="city")
        self.birthday = BirthdayEdit()
        self.lunar = LunarBirthdayEdit()
        self.gender = QComboBox(objectName="gender")
        fill_combo(self.gender, Gender, gender_label)
        f.addRow(self.tr("Name *"), self.name)
        f.addRow("", self.duplicate_hint)
        f.addRow(self.tr("Mobile"), self.phone)
        f.addRow("", self.phone_hint)
        f.addRow(self.tr("Other phone"), self.phone2)
        f.addRow(self.tr("Email"), self.email)
        f.addRow("", self.email_hint)
        f.addRow(self.tr("Company"), self.company)
        f.addRow(self.tr("Job title"), self.job_title)
        f.addRow(self.tr("Address"), self.address)
        f.addRow(self.tr("City"), self.city)
        f.addRow(self.tr("Gender"), self.gender)
        f.addRow(self.tr("Birthday"), self.birthday)
        f.addRow(self.tr("Lunar birthday"), self.lunar)
        self._build_right(g, users)
        self._retranslate_widgets()
        self.finish_form({"name": self.name, "birthday": self.birthday, "lunar_birthday": self.lunar})
        self.phone.textChanged.connect(self._on_phone_textChanged)
        self.email.textChanged.connect(self._on_email_textChanged)
        for edit in (self.name, self.phone, self.phone2, self.email):  # checked once typing pauses
            edit.textChanged.connect(self._on_key_field_edited)
            edit.editingFinished.connect(self._on_key_field_edited)
        self._duplicate_timer.timeout.connect(self._on_duplicate_timer_timeout)
        self.resize(self.sizeHint().width() + 80, self.sizeHint().height())

    def _build_right(self, g, users) -> None:
        self.stage = QComboBox(objectName="stage")
        fill_combo(self.stage, LifecycleStage, stage_label)
        self.tier = QComboBox(objectName="tier")
        fill_combo(self.tier, Tier, tier_label, Tier.ORDINARY)
        self.source = QComboBox(objectName="leadSource")
        fill_combo(self.source, LeadSource, source_label, LeadSource.OTHER)
        self.channel = QLineEdit(objectName="channel")
        self.owner = UserCombo(users, self.tr("(nobody)"))
        self.owner.setObjectName("owner")
        self.tags = QLineEdit(objectName="tags")
        self.needs = text_box(3, "needs")
        self.notes = text_box(3, "notes")
        self.consent = QCheckBox(objectName="marketingConsent")
        self.dnc = QCheckBox(objectName="doNotContact")
        g.addRow(self.tr("Stage"), self.stage)
        g.addRow(self.tr("Tier"), self.tier)
        g.addRow(self.tr("Lead source"), self.source)
        g.addRow(self.tr("Channel / campaign"), self.channel)
        g.addRow(self.tr("Owner"), self.owner)
        g.addRow(self.tr("Tags"), self.tags)
        g.addRow(self.tr("Needs"), self.needs)
        g.addRow(self.tr("Notes"), self.notes)
        g.addRow("", row(self.consent))
        g.addRow("", row(self.dnc))

    def _retranslate_widgets(self) -> None:
        self.name.setPlaceholderText(self.tr("Person or organisation"))
        self.phone.setPlaceholderText(self.tr("e.g. 138 0013 8000"))
        self.tags.setPlaceholderText(self.tr("Separated by commas"))
        self.birthday.known.setText(self.tr("Known"))
        self.birthday.no_year.setText(self.tr("Year unknown"))
        self.lunar.known.setText(self.tr("Known"))
        self.lunar.month.setSuffix(self.tr(" (month)"))
        self.lunar.day.setSuffix(self.tr(" (day)"))
        self.lunar.leap.setText(self.tr("Leap month"))
        self.consent.setText(self.tr("Agrees to marketing messages"))
        self.dnc.setText(self.tr("Do not contact"))

    def _hint(self, name: str) -> QLabel:
        label = QLabel(objectName=name)
        label.setStyleSheet("color: #b9770e;")
        label.hide()
        return label

    def _load(self, d: ContactDraft) -> None:
        self.name.setText(d.name)
        self.phone.setText(d.phone)
        self.phone2.setText(d.phone2)
        self.email.setText(d.email)
        self.company.setText(d.company)
        self.job_title.setText(d.title)
        self.address.setText(d.address)
        self.city.setText(d.city)
        self.gender.setCurrentIndex(self.gender.findData(d.gender))
        self.birthday.set_value(d.birth_year, d.birth_month, d.birth_day)
        self.lunar.set_value(d.lunar_birth_month, d.lunar_birth_day, d.lunar_birth_leap)
        self.stage.setCurrentIndex(self.stage.findData(d.stage))
        self.tier.setCurrentIndex(self.tier.findData(d.tier))
        self.source.setCurrentIndex(self.source.findData(d.lead_source))
        self.channel.setText(d.channel)
        self.owner.set_user_id(d.owner_id)
        self.tags.setText(d.tags)
        self.needs.setPlainText(d.needs)
        self.notes.setPlainText(d.notes)
        self.consent.setChecked(d.marketing_consent)
        self.dnc.setChecked(d.do_not_contact)

    def draft(self) -> ContactDraft:
        year, month, day = self.birthday.value()
        lmonth, lday, leap = self.lunar.value()
        return ContactDraft(
            name=self.name.text(), phone=self.phone.text(), phone2=self.phone2.text(),
            email=self.email.text(), company=self.company.text(), title=self.job_title.text(),
            address=self.address.text(), city=self.city.text(), birth_year=year, birth_month=month,
            birth_day=day, lunar_birth_month=lmonth, lunar_birth_day=lday, lunar_birth_leap=leap,
            gender=self.gender.currentData(), stage=self.stage.currentData(), tier=self.tier.currentData(),
            lead_source=self.source.currentData(), channel=self.channel.text(), owner_id=self.owner.user_id(),
            tags=self.tags.text(), needs=self.needs.toPlainText(), notes=self.notes.toPlainText(),
            marketing_consent=self.consent.isChecked(), do_not_contact=self.dnc.isChecked(),
            is_organisation=self._contact.draft.is_organisation if self._contact else False,
        )

    def save(self) -> ContactDTO:
        if self._contact is None:
            return self._service.create(self.draft())
        return self._service.update(self._contact.id, self.draft())

    # --- live hints (warnings, not errors: the raw text is kept and flagged) ---------------------
    def _on_phone_textChanged(self, text: str) -> None:
        phone = normalize_phone(text)
        self.phone_hint.setText(self.tr("Not a valid number: it will be kept as typed and flagged."))
        self.phone_hint.setVisible(bool(phone and not phone.valid))

    def _on_email_textChanged(self, text: str) -> None:
        email = check_email(text)
        self.email_hint.setText(self.tr("This does not look like an email address."))
        self.email_hint.setVisible(bool(email and not email.valid))

    def _on_key_field_edited(self, *_text) -> None:
        self._duplicate_timer.start()  # restarted by every key: one look-up when typing pauses

    def _on_duplicate_timer_timeout(self) -> None:
        """A warning, never a refusal: saving stays possible (two people may share a name)."""
        matches = []
        if self._duplicates is not None:
            try:
                exclude = self._contact.id if self._contact else None
                matches = self._duplicates.likely_duplicates(self.draft(), exclude_id=exclude, limit=1)
            except CrmError:  # a busy database must not get in the way of typing
                matches = []
        if matches:
            c = matches[0].contact
            text = f"{c.name} {c.phone}".strip()
            self.duplicate_hint.setText(self.tr("Possible duplicate: %1").replace("%1", text))
        self.duplicate_hint.setVisible(bool(matches))
