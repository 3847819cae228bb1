"""The in-app reminder panel: always there when something is due, tray or no tray.

Lists the due reminders (those that fell due while the app was closed marked so); snooze 5, 15 or
60 minutes, dismiss, or open the follow-up. The buttons act on the selected reminders, or on all
of them when none is selected.
"""

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from crm_desktop.services.reminders import SNOOZE_CHOICES, ReminderDTO
from crm_desktop.ui.common.labels import followup_kind_label
from crm_desktop.ui.reminders.scheduler import ReminderScheduler

MISSED = QColor("#c0392b")


def reminder_text(r: ReminderDTO) -> str:
    f = r.followup
    when = QLocale().toString(f.due_at.astimezone(), QLocale.FormatType.ShortFormat)
    title = f" — {f.draft.title}" if f.draft.title else ""
    return f"{when}  {followup_kind_label(f.draft.kind)} · {f.contact_name}{title}"


class ReminderPanel(QFrame):
    openRequested = Signal(int)  # follow-up id

    def __init__(self, scheduler: ReminderScheduler, parent=None):
        super().__init__(parent)
        self.setObjectName("reminderPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.scheduler = scheduler
        self.title = QLabel(objectName="reminderTitle")
        self.title.setStyleSheet("font-weight: 600;")
        self.list = QListWidget(objectName="reminderList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setMaximumHeight(4 * self.list.fontMetrics().height() + 8)  # the tabs keep the room
        self.list.itemSelectionChanged.connect(self._label_buttons)
        self.snooze_buttons = {m: QPushButton(objectName=f"snooze{m}") for m in SNOOZE_CHOICES}
        self.dismiss_button = QPushButton(objectName="dismissReminder")
        self.open_button = QPushButton(objectName="openReminder")
        self._build()
        self.retranslate()
        scheduler.dueChanged.connect(self.show_reminders)
        self.hide()

    def _build(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        for minutes, button in self.snooze_buttons.items():
            buttons.addWidget(button)
            button.clicked.connect(lambda _=False, m=minutes: self.scheduler.snooze(self.chosen(), m))
        buttons.addWidget(self.dismiss_button)
        self.dismiss_button.clicked.connect(lambda: self.scheduler.dismiss(self.chosen()))
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.list.itemDoubleClicked.connect(
            lambda item: self.openRequested.emit(item.data(Qt.ItemDataRole.UserRole).followup.id))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open"))
        self.show_reminders(self.scheduler.due)

    def _label_buttons(self) -> None:
        """The buttons say whether they act on the selected reminders or on all of them."""
        some = bool(self.list.selectedItems())
        for minutes, button in self.snooze_buttons.items():
            button.setText(self.tr("Snooze %n min", "", minutes) if some else self.tr("Snooze all %n min", "", minutes))
        self.dismiss_button.setText(self.tr("Dismiss") if some else self.tr("Dismiss all"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def chosen(self) -> list[ReminderDTO]:
        items = self.list.selectedItems() or [self.list.item(i) for i in range(self.list.count())]
        return [item.data(Qt.ItemDataRole.UserRole) for item in items]

    def show_reminders(self, due: list[ReminderDTO]) -> None:
        self.list.clear()
        missed = 0
        for r in due:
            item = QListWidgetItem(reminder_text(r))
            item.setData(Qt.ItemDataRole.UserRole, r)
            if self.scheduler.missed_while_closed(r):
                missed += 1
                item.setForeground(MISSED)
                item.setText(self.tr("Missed while closed: {text}").format(text=item.text()))
            self.list.addItem(item)
        self.title.setText(self.tr("%n reminder(s)", "", len(due))
                           + (self.tr(" — %n missed while the app was closed", "", missed) if missed else ""))
        self._label_buttons()
        self.setVisible(bool(due))

    def _on_open_button_clicked(self) -> None:
        chosen = self.chosen()
        if chosen:
            self.openRequested.emit(chosen[0].followup.id)
