"""What every settings page has: load() shows the stored values, save() stores the edited ones
(False, with the reason on the page, when they cannot be saved), retranslate() on a language change."""

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

ERROR_STYLE = "color: #b3261e;"


class SettingsPage(QWidget):
    def load(self) -> None:
        raise NotImplementedError

    def save(self) -> bool:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def two_column_grid(heads: list[QLabel], labels: dict, left: dict, right: dict) -> QGridLayout:
    """A row per key (its label, then its two fields) under two column headings: the tiers'
    intervals, the priorities' SLA targets."""
    grid = QGridLayout()
    grid.addWidget(heads[0], 0, 1)
    grid.addWidget(heads[1], 0, 2)
    for row, key in enumerate(labels, start=1):
        grid.addWidget(labels[key], row, 0)
        grid.addWidget(left[key], row, 1)
        grid.addWidget(right[key], row, 2)
    grid.setColumnStretch(3, 1)
    return grid


class FolderField(QWidget):
    """A folder path with a Browse… button; empty means the default the placeholder names."""

    def __init__(self, object_name: str, parent=None):
        super().__init__(parent)
        self.edit = QLineEdit(objectName=object_name)
        self.browse = QPushButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)
        self.browse.clicked.connect(self._on_browse_clicked)

    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def retranslate(self, placeholder: str) -> None:
        self.browse.setText(self.tr("Browse…"))
        self.edit.setPlaceholderText(placeholder)

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"),
                                                  self.text() or self.edit.placeholderText())
        if folder:
            self.edit.setText(folder)


def error_label(object_name: str) -> QLabel:
    label = QLabel(objectName=object_name, wordWrap=True, styleSheet=ERROR_STYLE)
    label.hide()
    return label
