"""What the detail pane's attachment buttons do: pick a file and attach it, open a copy with the
system's viewer, remove one. `choose_file` and `open_with_system` are the two places that meet the
desktop; tests replace them."""

import tempfile
from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from crm_desktop.services.attachments import AttachmentService
from crm_desktop.ui.tickets.detail import TicketDetailPane


class AttachmentActions(QObject):
    def __init__(self, service: AttachmentService, detail: TicketDetailPane, guarded: Callable,
                 reshow: Callable[[int], None], parent: QWidget):
        super().__init__(parent)
        self._service, self._detail, self._guarded, self._reshow = service, detail, guarded, reshow
        self._open_folder: tempfile.TemporaryDirectory | None = None  # copies opened for viewing
        box = detail.attachments
        box.addRequested.connect(self._on_addRequested)
        box.openRequested.connect(self._on_openRequested)
        box.removeRequested.connect(self._on_removeRequested)

    def choose_file(self) -> str:
        """The file to attach ("" when cancelled)."""
        return QFileDialog.getOpenFileName(self.parent(), self.tr("Attach a file"))[0]

    def open_with_system(self, path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def shown_for(self, ticket_id: int) -> None:
        """Fill the pane's list for the ticket just shown."""
        self._detail.attachments.show_items(self._guarded(self._service.of_ticket, ticket_id) or [])

    def cleanup(self) -> None:
        if self._open_folder is not None:
            self._open_folder.cleanup()
            self._open_folder = None

    def _on_addRequested(self) -> None:
        ticket_id = self._detail.current_id()
        path = self.choose_file() if ticket_id is not None else ""
        if ticket_id is not None and path and self._guarded(self._service.attach, ticket_id, path):
            self._reshow(ticket_id)

    def _on_openRequested(self, attachment_id: int) -> None:
        if self._open_folder is None:
            self._open_folder = tempfile.TemporaryDirectory(prefix="zhanggui-attachments-")
        path = self._guarded(self._service.save_copy, attachment_id, self._open_folder.name)
        if path is not None:
            self.open_with_system(path)

    def _on_removeRequested(self, attachment_id: int) -> None:
        ticket_id = self._detail.current_id()
        self._guarded(self._service.remove, attachment_id)
        if ticket_id is not None:
            self._reshow(ticket_id)
