"""Small input widgets shared by the dialogs."""


from PySide6.QtCore import QDate, QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)


def text_box(lines: int = 3, object_name: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(objectName=object_name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def row(*widgets: QWidget, stretch_last: bool = True) -> QWidget:
    """Several widgets on one form row."""
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w)
    if stretch_last:
        layout.addStretch(1)
    return holder


def select_data(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class UserCombo(QComboBox):
    """Users by display name, with an optional 'nobody' entry; item data is the user id."""

    def __init__(self, users, none_text: str = "", parent=None):
        super().__init__(parent)
        if none_text:
            self.addItem(none_text, None)
        for user in users:
            self.addItem(user.display_name, user.id)

    def user_id(self) -> int | None:
        return self.currentData()

    def set_user_id(self, user_id: int | None) -> None:
        select_data(self, user_id)


class BirthdayEdit(QWidget):
    """A solar birthday that may be absent or year-less (--MMDD)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.known = QCheckBox(objectName="birthdayKnown")
        self.date = QDateEdit(objectName="birthdayDate", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date.setDateRange(QDate(1900, 1, 1), QDate.currentDate())
        self.date.setDate(QDate(1990, 1, 1))
        self.no_year = QCheckBox(objectName="birthdayNoYear")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.known, self.date, self.no_year):
            layout.addWidget(w)
        layout.addStretch(1)
        self.known.toggled.connect(self._on_known_toggled)
        self._on_known_toggled(False)

    def _on_known_toggled(self, on: bool) -> None:
        self.date.setEnabled(on)
        self.no_year.setEnabled(on)

    def set_value(self, year: int | None, month: int | None, day: int | None) -> None:
        self.known.setChecked(month is not None)
        if month is not None:
            self.date.setDate(QDate(year or 2000, month, day))
            self.no_year.setChecked(year is None)

    def value(self) -> tuple[int | None, int | None, int | None]:
        if not self.known.isChecked():
            return None, None, None
        d = self.date.date()
        return (None if self.no_year.isChecked() else d.year()), d.month(), d.day()


class LunarBirthdayEdit(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.known = QCheckBox(objectName="lunarKnown")
        self.month = QSpinBox(minimum=1, maximum=12, objectName="lunarMonth")
        self.day = QSpinBox(minimum=1, maximum=30, objectName="lunarDay")
        self.leap = QCheckBox(objectName="lunarLeap")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.known, self.month, self.day, self.leap):
            layout.addWidget(w)
        layout.addStretch(1)
        self.known.toggled.connect(self._on_known_toggled)
        self._on_known_toggled(False)

    def _on_known_toggled(self, on: bool) -> None:
        for w in (self.month, self.day, self.leap):
            w.setEnabled(on)

    def set_value(self, month: int | None, day: int | None, leap: bool) -> None:
        self.known.setChecked(month is not None)
        if month is not None:
            self.month.setValue(month)
            self.day.setValue(day)
            self.leap.setChecked(leap)

    def value(self) -> tuple[int | None, int | None, bool]:
        if not self.known.isChecked():
            return None, None, False
        return self.month.value(), self.day.value(), self.leap.isChecked()


def date_time_edit(object_name: str = "") -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime.currentDateTime(), objectName=object_name, calendarPopup=True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def to_aware(edit: QDateTimeEdit):
    """The edited local time as an aware datetime."""
    return edit.dateTime().toPython().astimezone()


def set_aware(edit: QDateTimeEdit, value) -> None:
    edit.setDateTime(QDateTime(value.astimezone().replace(tzinfo=None)))


