"""Banners above the tabs for the state of the database: opened read-only, low on disk space,
damaged. Never modal; each stays until its cause is gone (the read-only one cannot be dismissed).
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

_STYLE = {
    "warning": "background: #fff4e0; border: 1px solid #e8b35a; border-radius: 4px;",
    "error": "background: #fde8e8; border: 1px solid #e08a8a; border-radius: 4px;",
}


class Notice(QFrame):
    actionClicked = Signal()

    def __init__(self, name: str, level: str, closable: bool, parent=None):
        super().__init__(parent, objectName=name)
        self.setStyleSheet(f"#{name} {{ {_STYLE[level]} }}")
        self.text = QLabel(wordWrap=True, objectName=f"{name}Text")
        self.action = QPushButton(objectName=f"{name}Action")
        self.close_button = QPushButton(objectName=f"{name}Close")
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action)
        layout.addWidget(self.close_button)
        self.action.hide()
        self.close_button.setVisible(closable)
        self.action.clicked.connect(self.actionClicked)
        self.close_button.clicked.connect(self.hide)


class NoticeBar(QWidget):
    """The notices of one main window; the controller says what is the case, this says it in words."""

    restoreRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent, objectName="noticeBar")
        self.read_only = Notice("readOnlyBanner", "warning", False)
        self.low_space = Notice("lowSpaceBanner", "warning", True)
        self.damaged = Notice("damagedBanner", "error", True)
        self._free_mb = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for notice in self.notices():
            layout.addWidget(notice)
            notice.hide()
        self.damaged.action.show()
        self.damaged.actionClicked.connect(self.restoreRequested)
        self.retranslate()

    def notices(self) -> list[Notice]:
        return [self.read_only, self.low_space, self.damaged]

    def show_read_only(self) -> None:
        self.read_only.show()

    def show_low_space(self, free_bytes: int) -> None:
        self._free_mb = free_bytes // (1024 * 1024)
        self.retranslate()
        self.low_space.show()

    def show_damaged(self) -> None:
        self.damaged.show()

    def retranslate(self) -> None:
        self.read_only.text.setText(self.tr(
            "This database is open read-only: the file or its folder cannot be written. You can look "
            "at everything, but changes cannot be saved."))
        self.low_space.text.setText(self.tr(
            "Only {free} MB are free on the disk of this database. Free some space soon: when the disk "
            "is full, changes cannot be saved and backups fail.").format(free=self._free_mb))
        self.damaged.text.setText(self.tr(
            "This database is damaged: its check found errors. Restore a backup to go on safely."))
        self.damaged.action.setText(self.tr("Restore a backup…"))
        for notice in self.notices():
            notice.close_button.setText(self.tr("Dismiss"))
