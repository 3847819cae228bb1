"""Reminders in the main window: the scheduler, the panel under the tabs, the tray where one exists.

A tray notification is extra (QSystemTrayIcon only where the desktop has a tray); the panel and a
status-bar message always come, so a reminder is never lost on a desktop without a tray.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon

from crm_desktop.services.registry import Services
from crm_desktop.services.reminders import ReminderDTO
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.reminders.panel import ReminderPanel, reminder_text
from crm_desktop.ui.reminders.scheduler import ReminderScheduler


def _t(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Reminders", text, None, n)


class Reminders(QObject):
    def __init__(self, window: QMainWindow, services: Services, notifier: Notifier, open_followup,
                 tray_available: bool | None = None):
        super().__init__(window)
        self._window, self._notifier = window, notifier
        self.scheduler = ReminderScheduler(services.reminders, services.ctx.now, parent=self)
        self.panel = ReminderPanel(self.scheduler)
        window.centralWidget().layout().addWidget(self.panel)
        self.panel.openRequested.connect(open_followup)
        if tray_available is None:
            tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        self.tray: QSystemTrayIcon | None = None
        if tray_available:
            self.tray = QSystemTrayIcon(window.windowIcon() or QIcon(), self)
            self.tray.setToolTip(_t(QT_TRANSLATE_NOOP("Reminders", "Zhanggui CRM")))
            self.tray.messageClicked.connect(self._on_tray_messageClicked)
            self.tray.show()
        self.scheduler.fired.connect(self._on_scheduler_fired)
        self.scheduler.writeFailed.connect(notifier.error)

    def start(self) -> None:
        if not self.scheduler.timer.isActive():
            self.scheduler.start()

    def stop(self) -> None:
        self.scheduler.stop()
        if self.tray is not None:
            self.tray.hide()

    def _on_scheduler_fired(self, listed: list[ReminderDTO], count: int) -> None:
        """`count` reminders are new; `listed` those of them the panel lists."""
        text = reminder_text(listed[0]) if count == 1 and listed else self.tr("%n follow-up(s) due", "", count)
        self._notifier.info(_t(QT_TRANSLATE_NOOP("Reminders", "Reminder: {text}")).format(text=text))
        if self.tray is not None:
            self.tray.showMessage(_t(QT_TRANSLATE_NOOP("Reminders", "Zhanggui CRM reminder")), text, QSystemTrayIcon.MessageIcon.Information, 15000)
        QApplication.alert(self._window)

    def _on_tray_messageClicked(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()
