"""The in-app reminder panel: always there when something is due, tray or no tray.

Lists the due reminders, newest first (those that fell due while the app was closed marked so); snooze
5, 15 or 60 minutes, dismiss, or open the follow-up. The buttons act on the selected reminders, or on
all of them when none is selected, listed or not: a calendar owing thousands lists the newest few
hundred and counts the rest. The list is a view over a model whose rows are written when painted.
"""

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
)

from crm_desktop.services.reminders import SNOOZE_CHOICES, Key, ReminderDTO
from crm_desktop.ui.common.labels import followup_kind_label
from crm_desktop.ui.reminders.scheduler import ReminderScheduler

MISSED = QColor("#c0392b")
VISIBLE_ROWS = 4


def reminder_text(r: ReminderDTO) -> str:
    f = r.followup
    when = QLocale().toString(f.due_at.astimezone(), QLocale.FormatType.ShortFormat)
    title = f" — {f.draft.title}" if f.draft.title else ""
    return f"{when}  {followup_kind_label(f.draft.kind)} · {f.contact_name}{title}"


class ReminderModel(QAbstractListModel):
    """The due reminders, each row's text made when it is shown."""

    def __init__(self, missed, parent=None):
        super().__init__(parent)
        self._due: list[ReminderDTO] = []
        self._missed = missed  # ReminderDTO -> bool: fell due while the app was closed

    def set_reminders(self, due: list[ReminderDTO]) -> None:
        self.beginResetModel()
        self._due = list(due)
        self.endResetModel()

    def reminder(self, row: int) -> ReminderDTO:
        return self._due[row]

    def text(self, row: int) -> str:
        r = self._due[row]
        if self._missed(r):
            return QCoreApplication.translate("ReminderPanel", "Missed while closed: {text}").format(text=reminder_text(r))
        return reminder_text(r)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._due)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and self._missed(self._due[index.row()]):
            return MISSED
        return None


class ReminderPanel(QFrame):
    openRequested = Signal(int)  # follow-up id

    def __init__(self, scheduler: ReminderScheduler, parent=None):
        super().__init__(parent)
        self.setObjectName("reminderPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.scheduler = scheduler
        self.title = QLabel(objectName="reminderTitle")
        self.title.setStyleSheet("font-weight: 600;")
        self.model = ReminderModel(scheduler.missed_while_closed, self)
        self.list = QListView(objectName="reminderList")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)  # no row measured before it is shown
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.selectionModel().selectionChanged.connect(self._label_buttons)
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
            button.clicked.connect(lambda _=False, m=minutes: self._acting(self.scheduler.snooze, m))
        buttons.addWidget(self.dismiss_button)
        self.dismiss_button.clicked.connect(lambda: self._acting(self.scheduler.dismiss))
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.list.doubleClicked.connect(
            lambda index: self.openRequested.emit(self.model.reminder(index.row()).followup.id))
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
        some = self.list.selectionModel().hasSelection()
        for minutes, button in self.snooze_buttons.items():
            button.setText(self.tr("Snooze %n min", "", minutes) if some else self.tr("Snooze all %n min", "", minutes))
        self.dismiss_button.setText(self.tr("Dismiss") if some else self.tr("Dismiss all"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _acting(self, act, *args) -> None:
        """Snooze or dismiss the chosen reminders (saved in the background); the wait cursor shows
        while a save before it, of a big backlog, is still being finished."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            act(self.chosen(), *args)
        finally:
            QApplication.restoreOverrideCursor()

    def chosen(self) -> list[Key]:
        """The selected reminders' keys, or, with none selected, every due one's, listed or not."""
        rows = self._selected_rows()
        return [self.model.reminder(row).key for row in rows] if rows else list(self.scheduler.keys)

    def _selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.list.selectionModel().selectedRows())

    def show_reminders(self, due: list[ReminderDTO]) -> None:
        self.model.set_reminders(due)
        self._fit_list()
        total, missed = len(self.scheduler.keys), self.scheduler.missed_count()
        self.title.setText(self.tr("%n reminder(s)", "", total)
                           + (self.tr(" — %n missed while the app was closed", "", missed) if missed else "")
                           + (self.tr(" — the newest %n listed", "", len(due)) if 0 < len(due) < total else ""))
        self._label_buttons()
        self.setVisible(bool(total))

    def _fit_list(self) -> None:
        """As high as its rows, up to VISIBLE_ROWS whole ones (the tabs keep the room; it scrolls)."""
        rows = min(self.model.rowCount(), VISIBLE_ROWS)
        if rows:
            self.list.setFixedHeight(rows * self.list.sizeHintForRow(0) + 2 * self.list.frameWidth())

    def _on_open_button_clicked(self) -> None:
        rows = self._selected_rows() or range(self.model.rowCount())  # the first selected, else the first listed
        for row in rows[:1]:
            self.openRequested.emit(self.model.reminder(row).followup.id)
