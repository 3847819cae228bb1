"""The selected ticket's attached files: add, open with the system's viewer, remove."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.attachments import AttachmentDTO
from crm_desktop.ui.common.formatting import local_datetime

ID_ROLE = Qt.ItemDataRole.UserRole


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class AttachmentsBox(QWidget):
    addRequested = Signal()
    openRequested = Signal(int)
    removeRequested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent, objectName="ticketAttachments")
        self.label = QLabel()
        self.list = QListWidget(objectName="ticketAttachmentList")
        self.list.setMaximumHeight(self.list.fontMetrics().height() * 5)
        self.list.setMinimumHeight(self.list.fontMetrics().height() * 2)
        self.add_button = QPushButton(objectName="ticketAttachButton")
        self.open_button = QPushButton(objectName="ticketOpenAttachmentButton")
        self.remove_button = QPushButton(objectName="ticketRemoveAttachmentButton")
        self.editable = True  # False: files can be opened, not attached or removed
        buttons = QVBoxLayout()  # beside the list, so the pane stays narrow
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.addRequested)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.list.itemActivated.connect(self._on_list_itemActivated)
        self.list.currentItemChanged.connect(self._on_list_currentItemChanged)
        self.retranslate()
        self.show_items(None)

    def retranslate(self) -> None:
        self.label.setText(self.tr("Attachments"))
        self.add_button.setText(self.tr("Attach…"))
        self.open_button.setText(self.tr("Open"))
        self.remove_button.setText(self.tr("Remove"))

    def show_items(self, items: list[AttachmentDTO] | None) -> None:
        """The ticket's files, or None when no ticket is selected."""
        self.list.clear()
        self.add_button.setEnabled(items is not None and self.editable)
        self.add_button.setVisible(self.editable)
        self.remove_button.setVisible(self.editable)
        for a in items or ():
            item = QListWidgetItem(f"{a.filename}  ({size_text(a.size_bytes)})")
            item.setData(ID_ROLE, a.id)
            item.setToolTip(f"{local_datetime(a.added_at)}  {a.added_by}".strip())
            self.list.addItem(item)
        self._on_list_currentItemChanged(self.list.currentItem(), None)

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def _on_list_currentItemChanged(self, current, _previous) -> None:
        self.open_button.setEnabled(current is not None)
        self.remove_button.setEnabled(current is not None and self.editable)

    def _on_open_button_clicked(self) -> None:
        if self.current_id() is not None:
            self.openRequested.emit(self.current_id())

    def _on_remove_button_clicked(self) -> None:
        if self.current_id() is not None:
            self.removeRequested.emit(self.current_id())

    def _on_list_itemActivated(self, item) -> None:
        self.openRequested.emit(item.data(ID_ROLE))
