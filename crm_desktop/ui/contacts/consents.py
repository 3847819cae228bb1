"""The contact's consents (PIPL / GDPR): what they agreed to or withdrew, when and how, and a row
to record a new one. A tab of the contact detail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.domain.privacy import METHODS, PURPOSES
from crm_desktop.ui.common.formatting import local_datetime
from crm_desktop.ui.common.forms import ERROR_STYLE
from crm_desktop.ui.common.messages import error_text, translate_template
from crm_desktop.ui.common.notifier import Notifier

if TYPE_CHECKING:
    from collections.abc import Callable

    from crm_desktop.services.privacy import ConsentDTO, PrivacyService


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConsentsPanel", text)


def tab_title() -> str:
    return _tr(QT_TRANSLATE_NOOP("ConsentsPanel", "Consents"))


def purpose_label(purpose: str) -> str:
    return {"marketing": _tr(QT_TRANSLATE_NOOP("ConsentsPanel", "Marketing")), "sms": _tr(QT_TRANSLATE_NOOP("ConsentsPanel", "Text messages")), "wechat": _tr(QT_TRANSLATE_NOOP("ConsentsPanel", "WeChat messages")),
            "email": _tr(QT_TRANSLATE_NOOP("ConsentsPanel", "E-mail")), "phone_calls": _tr(QT_TRANSLATE_NOOP("ConsentsPanel", "Phone calls")), "data_processing": _tr(QT_TRANSLATE_NOOP("ConsentsPanel", "Keeping their data")),
            "third_party": _tr(QT_TRANSLATE_NOOP("ConsentsPanel", "Sharing with partners")), "photos": _tr(QT_TRANSLATE_NOOP("ConsentsPanel", "Photos"))}.get(purpose, purpose)


def method_label(method: str) -> str:
    return {"in_person": _tr(QT_TRANSLATE_NOOP("ConsentsPanel", "in person")), "paper_form": _tr(QT_TRANSLATE_NOOP("ConsentsPanel", "paper form")), "phone": _tr(QT_TRANSLATE_NOOP("ConsentsPanel", "by phone")),
            "online_form": _tr(QT_TRANSLATE_NOOP("ConsentsPanel", "online form")), "wechat": _tr(QT_TRANSLATE_NOOP("ConsentsPanel", "on WeChat")), "email": _tr(QT_TRANSLATE_NOOP("ConsentsPanel", "by e-mail")),
            "other": _tr(QT_TRANSLATE_NOOP("ConsentsPanel", "other"))}.get(method, method)


class ConsentsPanel(QWidget):
    def __init__(self, privacy: Callable[[], PrivacyService], notifier: Notifier, parent=None):
        super().__init__(parent)
        self.setObjectName("contactConsents")
        self._privacy, self._notifier = privacy, notifier
        self._contact_id: int | None = None
        self.list = QListWidget(objectName="consentList")
        self.purpose = QComboBox(objectName="consentPurpose")
        self.granted = QComboBox(objectName="consentGranted")
        self.method = QComboBox(objectName="consentMethod")
        self.note = QLineEdit(objectName="consentNote")
        self.record_button = QPushButton(objectName="consentRecord")
        self.error = QLabel(objectName="consentError", wordWrap=True)
        self._build()
        self.retranslate()
        self.record_button.clicked.connect(self._on_record_button_clicked)

    def _build(self) -> None:
        choices, row = QHBoxLayout(), QHBoxLayout()
        for widget in (self.purpose, self.granted, self.method):
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(6)  # narrow panes stay narrow; the popup shows the whole text
            choices.addWidget(widget, 1)
        row.addWidget(self.note, 1)
        row.addWidget(self.record_button)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(choices)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def retranslate(self) -> None:
        _refill(self.purpose, [(p, purpose_label(p)) for p in PURPOSES])
        _refill(self.granted, [(True, self.tr("given")), (False, self.tr("withdrawn"))])
        _refill(self.method, [(m, method_label(m)) for m in METHODS])
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.record_button.setText(self.tr("Record"))
        self.show_contact(self._contact_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_contact(self, contact_id: int | None) -> None:
        self._contact_id = contact_id
        self.error.hide()
        self.list.clear()
        self.setEnabled(contact_id is not None)
        if contact_id is None:
            return
        consents = self._privacy().consents(contact_id)
        self.list.addItems([self._line(c) for c in consents] or [self.tr("No consent recorded yet.")])

    def _line(self, c: ConsentDTO) -> str:
        state = self.tr("given") if c.granted else self.tr("withdrawn")
        by = f" · {c.user}" if c.user else ""
        note = f" — {c.note}" if c.note else ""
        return f"{local_datetime(c.recorded_at)}  {purpose_label(c.purpose)}: {state} ({method_label(c.method)}){by}{note}"

    def record(self) -> ConsentDTO | None:
        """Record what the row says; an invalid note is shown under it, nothing is lost."""
        if self._contact_id is None:
            return None
        try:
            dto = self._privacy().record_consent(self._contact_id, self.purpose.currentData(),
                                               bool(self.granted.currentData()), self.method.currentData(),
                                               self.note.text())
        except ValidationError as exc:
            self.error.setText(" ".join(translate_template(t) for t in exc.errors.values()))
            self.error.show()
            return None
        except CrmError as exc:
            self._notifier.warning(error_text(exc))
            return None
        self.note.clear()
        self.show_contact(self._contact_id)
        return dto

    def _on_record_button_clicked(self) -> None:
        self.record()


def _refill(combo: QComboBox, items) -> None:
    current = combo.currentData()
    combo.clear()
    for data, text in items:
        combo.addItem(text, data)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else 0)

