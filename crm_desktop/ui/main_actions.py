"""The main window's actions, menus and toolbar."""

import re

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenuBar, QMessageBox, QStyle, QToolBar

from crm_desktop import __version__

LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))


class MainActions(QObject):
    language_chosen = Signal(str)

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self._window = window
        style = window.style()
        icon = style.standardIcon
        P = QStyle.StandardPixmap

        def act(name, shortcut=None, pixmap=None) -> QAction:
            action = QAction(window, objectName=name)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            if pixmap is not None:
                action.setIcon(icon(pixmap))
            window.addAction(action)
            return action

        self.new_db = act("actionNewDatabase")
        self.open_db = act("actionOpenDatabase", QKeySequence.StandardKey.Open, P.SP_DialogOpenButton)
        self.backup = act("actionBackup", None, P.SP_DialogSaveButton)
        self.restore_backup = act("actionRestoreBackup")
        self.import_contacts = act("actionImport")
        self.export_contacts = act("actionExport")
        self.undo_import = act("actionUndoImport")
        self.load_demo = act("actionLoadDemo")
        self.quit = act("actionQuit", QKeySequence.StandardKey.Quit)
        self.new_record = act("actionNewRecord", QKeySequence("Ctrl+N"), P.SP_FileIcon)
        self.edit_record = act("actionEditRecord", QKeySequence("Ctrl+E"), P.SP_FileDialogDetailedView)
        self.trash = act("actionTrash", QKeySequence(QKeySequence.StandardKey.Delete), P.SP_TrashIcon)
        self.restore = act("actionRestore", QKeySequence("Ctrl+Shift+Z"), P.SP_ArrowBack)
        self.find = act("actionFind", QKeySequence("Ctrl+F"))
        self.settings = act("actionSettings", QKeySequence("Ctrl+,"))
        self.refresh = act("actionRefresh", QKeySequence("F5"), P.SP_BrowserReload)
        self.about = act("actionAbout")
        self._languages = QActionGroup(window)
        for code, _name in LANGUAGES:
            action = QAction(window, checkable=True, objectName=f"actionLanguage_{code}")
            action.setData(code)
            self._languages.addAction(action)
        self._languages.triggered.connect(self._on_languages_triggered)
        self.menus: dict[str, object] = {}

    def build_menus(self, bar: QMenuBar) -> None:
        file = self.menus["file"] = bar.addMenu("")
        file.addActions([self.new_db, self.open_db])
        file.addSeparator()
        file.addActions([self.backup, self.restore_backup, self.import_contacts, self.export_contacts, self.undo_import, self.load_demo])
        file.addSeparator()
        file.addAction(self.quit)
        edit = self.menus["edit"] = bar.addMenu("")
        edit.addActions([self.new_record, self.edit_record, self.trash, self.restore])
        edit.addSeparator()
        edit.addAction(self.find)
        edit.addSeparator()
        edit.addAction(self.settings)
        view = self.menus["view"] = bar.addMenu("")
        view.addAction(self.refresh)
        lang = self.menus["language"] = view.addMenu("")
        lang.addActions(self._languages.actions())
        help_menu = self.menus["help"] = bar.addMenu("")
        help_menu.addAction(self.about)

    def build_toolbar(self) -> QToolBar:
        bar = QToolBar(objectName="mainToolbar", movable=False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addActions([self.new_record, self.edit_record, self.trash, self.restore])
        bar.addSeparator()
        bar.addAction(self.refresh)
        bar.addAction(self.backup)
        self.toolbar = bar
        return bar

    def retranslate(self) -> None:
        texts = {
            self.new_db: self.tr("&New database…"), self.open_db: self.tr("&Open database…"),
            self.backup: self.tr("&Back up…"), self.restore_backup: self.tr("Restore a bac&kup…"),
            self.load_demo: self.tr("Load &demo data"), self.quit: self.tr("&Quit"),
            self.import_contacts: self.tr("&Import contacts…"), self.export_contacts: self.tr("E&xport contacts…"),
            self.undo_import: self.tr("&Undo an import…"),
            self.new_record: self.tr("&New"), self.edit_record: self.tr("&Edit…"), self.trash: self.tr("Move to &trash"),
            self.restore: self.tr("&Restore from trash"), self.find: self.tr("&Find"), self.settings: self.tr("&Settings…"),
            self.refresh: self.tr("&Refresh"),
            self.about: self.tr("&About Zhanggui CRM"),
        }
        for action, text in texts.items():
            action.setText(text)
            action.setToolTip(_plain(text) + _shortcut_hint(action))
        for action, (_code, name) in zip(self._languages.actions(), LANGUAGES, strict=True):
            action.setText(name)
        for key, text in (("file", self.tr("&File")), ("edit", self.tr("&Edit")), ("view", self.tr("&View")),
                          ("language", self.tr("&Language")), ("help", self.tr("&Help"))):
            if key in self.menus:
                self.menus[key].setTitle(text)

    def set_language(self, code: str) -> None:
        for action in self._languages.actions():
            action.setChecked(action.data() == code)

    def show_about(self) -> None:
        text = self.tr(
            "<b>Zhanggui CRM {version}</b><p>Customers, follow-ups, after-sales service and loyalty "
            "for small businesses, on your own computer.</p>"
        ).format(version=__version__)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About Zhanggui CRM"), text,
                          QMessageBox.StandardButton.Ok, self._window)
        box.open()

    def _on_languages_triggered(self, action: QAction) -> None:
        self.language_chosen.emit(action.data())


def _plain(menu_text: str) -> str:
    """'新建(&N)…' -> '新建', '&New…' -> 'New'."""
    return re.sub(r"\(&\w\)", "", menu_text).replace("&", "").rstrip("…")


def _shortcut_hint(action: QAction) -> str:
    seq = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f" ({seq})" if seq else ""


