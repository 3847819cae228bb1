"""A banner above the tabs for an empty database: load demo data or start empty. Never modal."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton


class WelcomeBanner(QFrame):
    loadDemoClicked = Signal()
    dismissed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("welcomeBanner")
        self.setStyleSheet(
            "#welcomeBanner { background: #eaf2fb; border: 1px solid #aacbee; border-radius: 4px; }"
        )
        self.text = QLabel(wordWrap=True)
        self.demo_button = QPushButton(objectName="loadDemoButton")
        self.empty_button = QPushButton(objectName="startEmptyButton")
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.empty_button)
        self.demo_button.clicked.connect(self.loadDemoClicked)
        self.empty_button.clicked.connect(self.dismissed)

    def retranslate(self) -> None:
        self.text.setText(self.tr(
            "Welcome! This database is empty. Load demo data to explore the app with realistic "
            "customers, follow-ups, tickets and points, or start with an empty database."
        ))
        self.demo_button.setText(self.tr("Load demo data"))
        self.empty_button.setText(self.tr("Start empty"))
