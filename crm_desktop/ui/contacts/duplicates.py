"""Find duplicates: the groups of contacts that are probably one customer, merge, undo a merge."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
)

from crm_desktop.services.contacts import ContactService
from crm_desktop.services.dto import UserDTO
from crm_desktop.services.duplicates import DuplicateService
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.common.worker import Worker
from crm_desktop.ui.contacts.duplicates_model import Column, DuplicateGroupsModel
from crm_desktop.ui.contacts.merge_dialog import MergeDialog


class DuplicatesDialog(QDialog):
    def __init__(self, duplicates: DuplicateService, contacts: ContactService, users: list[UserDTO],
                 notifier: Notifier, parent=None):
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self._service, self._contacts, self._notifier = duplicates, contacts, notifier
        self._owners = {u.id: u.display_name for u in users}
        self._worker: Worker | None = None
        self._again = False
        self.model = DuplicateGroupsModel(self)
        self.tree = QTreeView(objectName="duplicateTree")
        self.intro = QLabel(wordWrap=True)
        self.empty = QLabel(objectName="noDuplicates")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.merge_button = QPushButton(objectName="mergeGroupButton")
        self.undo_button = QPushButton(objectName="undoMergeButton")
        self._build()
        self.retranslate()
        self._connect_signals()
        self.reload()

    def _build(self) -> None:
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ResetRole)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.tree, self.empty, self.buttons):
            layout.addWidget(widget)
        self.resize(900, 520)

    def _connect_signals(self) -> None:
        self.tree.selectionModel().currentChanged.connect(self._on_selection_currentChanged)
        self.tree.doubleClicked.connect(self._on_tree_doubleClicked)
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.buttons.rejected.connect(self.reject)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Find duplicates"))
        self.intro.setText(self.tr("Contacts that are probably the same customer, most alike first. "
                                   "Select a group and click Merge…"))
        self.merge_button.setText(self.tr("Merge…"))
        self.undo_button.setText(self.tr("Undo last merge"))

    # --- reading: in a worker, as grouping by name and company reads every contact (about a second
    # at a million); while one read runs, another is queued (never two at once) --------------------
    def reload(self) -> None:
        if self._worker is not None:
            self._again = True
            return
        self.empty.setText(self.tr("Looking for duplicates…"))
        self.empty.show()
        self.merge_button.setEnabled(False)
        self._worker = Worker(lambda _report: self._service.groups(), self)
        self._worker.succeeded.connect(self._on_worker_succeeded)
        self._worker.failed.connect(self._on_worker_failed)
        self._worker.start()

    def is_loading(self) -> bool:
        return self._worker is not None

    def done(self, result: int) -> None:
        """Closing waits for a running read: its thread must not outlive the dialog."""
        self._again = False
        if self._worker is not None:
            self._worker.wait()
        super().done(result)

    def _on_worker_succeeded(self, groups) -> None:
        self._show_groups(groups)
        self._finished()

    def _on_worker_failed(self, exc) -> None:
        self._notifier.error(exc)
        self._finished()

    def _finished(self) -> None:
        self._worker = None
        if self._again:
            self._again = False
            self.reload()

    def _show_groups(self, groups) -> None:
        self.model.set_groups(groups)
        self.empty.setText(self.tr("No likely duplicates found."))
        self.tree.expandAll()
        self.empty.setVisible(not groups)
        if groups:
            self.tree.setCurrentIndex(self.model.index(0, Column.NAME))
        last = self._guarded(self._service.last_merge)
        self.undo_button.setEnabled(last is not None)
        if last is not None:
            self.undo_button.setToolTip(self.tr("Undo the merge into %1").replace("%1", last.label))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.merge_button.setEnabled(self.model.group_at(self.tree.currentIndex()) is not None)

    def _guarded(self, action, *args):
        try:
            return action(*args)
        except Exception as exc:  # noqa: BLE001 - every failure reaches the user through one path
            self._notifier.error(exc)
            return None

    # --- slots ----------------------------------------------------------------------------------
    def _on_selection_currentChanged(self, _current, _previous) -> None:
        self._update_buttons()

    def _on_tree_doubleClicked(self, _index) -> None:
        self._on_merge_button_clicked()

    def _on_merge_button_clicked(self) -> None:
        group = self.model.group_at(self.tree.currentIndex())
        contacts = self._guarded(lambda: [self._contacts.get(c.id) for c in group.contacts]) if group else None
        if not contacts:
            return
        dialog = MergeDialog(contacts, self._service, self._owners, self._notifier, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(self._on_merge_dialog_merged)
        dialog.open()

    def _on_merge_dialog_merged(self, _result) -> None:
        self.reload()

    def _on_undo_button_clicked(self) -> None:
        last = self._guarded(self._service.last_merge)
        if last is None:
            return
        try:
            self._service.undo_merge(last.id)
        except Exception as exc:  # noqa: BLE001 - e.g. the moved points were spent meanwhile
            self._notifier.error(exc)
        else:
            self._notifier.info(self.tr("Merge undone: %1 and the merged contacts are back as they were.")
                                .replace("%1", last.label))
        self.reload()
