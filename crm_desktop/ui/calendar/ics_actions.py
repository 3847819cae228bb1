"""iCalendar from the calendar tab: import an .ics file, export the shown range or everything.

Both run in a worker (a big calendar file takes longer than a GUI call may) and report through
the notifier. The file dialogs are attributes tests replace, so no test meets a native dialog.
"""

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QToolButton, QWidget

from crm_desktop.services.calendar_transfer import CalendarTransferService, ImportIcsResult
from crm_desktop.ui.common.messages import translate_template
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.common.worker import Worker

ICS_FILTER = "iCalendar (*.ics);;All files (*)"


class IcsTransfer(QObject):
    def __init__(self, service: CalendarTransferService, notifier: Notifier, visible_range, parent: QWidget):
        super().__init__(parent)
        self._service, self._notifier, self._range, self._parent = service, notifier, visible_range, parent
        self.button = QToolButton(objectName="icsButton", popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        self.import_action = self.menu.addAction("", self.ask_import)
        self.export_range_action = self.menu.addAction("", lambda: self.ask_export(all_of_it=False))
        self.export_all_action = self.menu.addAction("", lambda: self.ask_export(all_of_it=True))
        self.button.setMenu(self.menu)
        self.choose_open = lambda: QFileDialog.getOpenFileName(parent, self.tr("Import calendar"), "", ICS_FILTER)[0]
        self.choose_save = lambda: QFileDialog.getSaveFileName(parent, self.tr("Export calendar"), "followups.ics",
                                                               ICS_FILTER)[0]
        self.workers: list[Worker] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Calendar file"))
        self.button.setToolTip(self.tr("Import or export follow-ups as iCalendar (.ics)"))
        self.import_action.setText(self.tr("Import .ics…"))
        self.export_range_action.setText(self.tr("Export the shown dates…"))
        self.export_all_action.setText(self.tr("Export all follow-ups…"))

    def ask_import(self) -> Worker | None:
        path = self.choose_open()
        return self.import_file(Path(path)) if path else None

    def ask_export(self, all_of_it: bool) -> Worker | None:
        path = self.choose_save()
        if not path:
            return None
        start, end = (None, None) if all_of_it else self._range()
        return self.export_file(Path(path), start, end)

    def import_file(self, path: Path) -> Worker:
        return self._run(lambda _report: self._service.import_ics(path), self._on_imported)

    def export_file(self, path: Path, start: datetime | None, end: datetime | None) -> Worker:
        return self._run(lambda _report: self._service.export_ics(path, start, end),
                         lambda n: self._notifier.info(self.tr("%n follow-up(s) exported to {path}", "", n)
                                                       .format(path=path.name)))

    def _on_imported(self, result: ImportIcsResult) -> None:
        text = self.tr("Calendar imported: {created} new, {updated} updated, {skipped} skipped.").format(
            created=result.created, updated=result.updated, skipped=result.skipped)
        if result.problems:
            first = result.problems[0]
            problem = translate_template(first.template, **dict(first.params))
            text += " " + self.tr("Line {line}: {problem}").format(line=first.line, problem=problem)
        self._notifier.info(text)

    def _run(self, fn, on_done) -> Worker:
        worker = Worker(fn, self)
        worker.succeeded.connect(on_done)
        worker.failed.connect(self._notifier.error)
        worker.finished.connect(lambda: self.workers.remove(worker))
        self.workers.append(worker)
        self.button.setEnabled(False)
        worker.finished.connect(lambda: self.button.setEnabled(not self.workers))
        worker.start()
        return worker
