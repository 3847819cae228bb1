"""Choose a contact by typing part of a name, pinyin or phone; the item data is the contact id."""

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QCompleter

from crm_desktop.services.contacts import ContactService

LOOKUP_DELAY_MS = 200


class ContactPicker(QComboBox):
    contactChosen = Signal(object)  # int | None

    def __init__(self, contacts: ContactService, parent=None):
        super().__init__(parent)
        self._contacts = contacts
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._timer = QTimer(self, singleShot=True, interval=LOOKUP_DELAY_MS)
        self._timer.timeout.connect(self._lookup)
        self.lineEdit().textEdited.connect(self._on_lineEdit_textEdited)
        self.currentIndexChanged.connect(self._on_currentIndexChanged)
        self._fill(self._contacts.choices("", limit=50))

    def contact_id(self) -> int | None:
        index = self.findText(self.currentText())
        return self.itemData(index) if index >= 0 else None

    def set_contact(self, contact_id: int, label: str) -> None:
        index = self.findData(contact_id)
        if index < 0:
            self.addItem(label, contact_id)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def search(self, text: str) -> None:
        """Look up now (the debounced path calls this too)."""
        self._fill(self._contacts.choices(text, limit=50))
        self.setEditText(text)

    def _lookup(self) -> None:
        self.search(self.currentText())

    def _fill(self, choices: list[tuple[int, str]]) -> None:
        self.blockSignals(True)
        self.clear()
        for contact_id, label in choices:
            self.addItem(label, contact_id)
        self.setCurrentIndex(-1)
        self.blockSignals(False)

    def _on_lineEdit_textEdited(self, _text: str) -> None:
        self._timer.start()

    def _on_currentIndexChanged(self, _index: int) -> None:
        self.contactChosen.emit(self.contact_id())
