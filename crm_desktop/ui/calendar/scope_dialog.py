""""This one or the series?" when an occurrence of a repeating follow-up is moved.

The tab calls the function through an attribute tests replace, so no test ever meets the dialog.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.services.dto import FollowupDTO

ONE, SERIES = "one", "series"


def _t(text: str) -> str:
    return QCoreApplication.translate("SeriesScope", text)


def ask_series_scope(parent: QWidget, followup: FollowupDTO) -> str | None:
    """ONE, SERIES, or None when the user cancels."""
    box = QMessageBox(QMessageBox.Icon.Question, _t(QT_TRANSLATE_NOOP("SeriesScope", "Move a repeating follow-up")),
                      _t(QT_TRANSLATE_NOOP("SeriesScope", "“{title}” repeats. Move only this occurrence, or the whole series?")).format(
                          title=followup.draft.title or followup.contact_name), QMessageBox.StandardButton.Cancel,
                      parent)
    box.setObjectName("seriesScopeBox")
    one = box.addButton(_t(QT_TRANSLATE_NOOP("SeriesScope", "Only this one")), QMessageBox.ButtonRole.AcceptRole)
    series = box.addButton(_t(QT_TRANSLATE_NOOP("SeriesScope", "The whole series")), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(one)
    box.exec()
    return {one: ONE, series: SERIES}.get(box.clickedButton())
