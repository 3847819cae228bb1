"""The one path by which messages reach the user.

Invalid input is shown next to its field by the dialogs; everything else comes here: plain
sentences for known trouble (a locked, full or read-only database, a refused rule), a details box
with the traceback for bugs (also written to the log). Tests replace the notifier with one that
records instead of opening windows.
"""

import logging
import traceback

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.domain.errors import CrmError
from crm_desktop.ui.common.messages import error_text

log = logging.getLogger(__name__)


class Notifier(QObject):
    """Shows messages as non-blocking message boxes and keeps the last one for the status bar."""

    shown = Signal(str, str)  # level, text

    def __init__(self, parent_widget: QWidget | None = None):
        super().__init__(parent_widget)
        self._parent_widget = parent_widget

    def attach(self, widget: QWidget) -> None:
        """Message boxes open over `widget` (the main window) from now on."""
        self.setParent(widget)
        self._parent_widget = widget

    def info(self, text: str) -> None:
        self.shown.emit("info", text)

    def warning(self, text: str) -> None:
        self.shown.emit("warning", text)
        self._box(QMessageBox.Icon.Warning, text)

    def error(self, exc: BaseException) -> None:
        """Known errors as a plain sentence; anything else as a bug with its traceback."""
        if isinstance(exc, CrmError):
            text = error_text(exc)
            self.shown.emit("warning", text)
            self._box(QMessageBox.Icon.Warning, text)
            return
        details = "".join(traceback.format_exception(exc))
        log.error("unexpected error\n%s", details)
        text = QCoreApplication.translate("Notifier", "Something went wrong. Details were written to the log.")
        self.shown.emit("error", text)
        self._box(QMessageBox.Icon.Critical, text, details)

    def _box(self, icon, text: str, details: str = "") -> None:
        box = QMessageBox(icon, QCoreApplication.translate("Notifier", "Zhanggui CRM"), text,
                          QMessageBox.StandardButton.Ok, self._parent_widget)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


class RecordingNotifier(Notifier):
    """For tests and automation: remembers messages, opens nothing."""

    def __init__(self):
        super().__init__(None)
        self.messages: list[tuple[str, str]] = []

    def _box(self, icon, text: str, details: str = "") -> None:
        self.messages.append((icon.name, text))

    def info(self, text: str) -> None:
        self.messages.append(("info", text))
        super().info(text)

