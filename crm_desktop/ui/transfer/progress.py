"""A line of status text, a progress bar and a Cancel button, for work running in a Worker.

Inside the dialog rather than a separate progress window, so the user sees what is being done
to which file, and tests find the Cancel button where the user does.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget


class ProgressStrip(QWidget):
    cancelRequested = Signal()

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.status = QLabel(objectName=f"{name}Status", wordWrap=True)
        self.bar = QProgressBar(objectName=f"{name}Progress")
        self.cancel_button = QPushButton(objectName=f"{name}Cancel")
        self._build()
        self.retranslate()
        self._connect_signals()
        self.stop()

    def _build(self) -> None:
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.bar, 1)
        line.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addLayout(line)

    def _connect_signals(self) -> None:
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))

    def start(self, text: str, cancellable: bool = False) -> None:
        """Show `text` with a busy bar (moving until the first progress report)."""
        self.status.setText(text)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setEnabled(True)
        self.show()

    def set_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def stop(self, text: str = "") -> None:
        """The work ended: keep `text` (if any) as the last word, hide the bar."""
        self.bar.hide()
        self.cancel_button.hide()
        self.status.setText(text)
        self.setVisible(bool(text))

    def _on_cancel_button_clicked(self) -> None:
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Cancelling…"))
        self.cancelRequested.emit()
