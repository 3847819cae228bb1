"""The import wizard's first page: which file, in which text encoding; read in a worker.

Next stays disabled until the file has been read; a file that cannot be read says why in red on
the page (no message box), and the first rows are shown so a wrong encoding is seen at once.
"""

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from crm_desktop.domain.errors import CrmError
from crm_desktop.interchange.decoding import ENCODING_CHOICES
from crm_desktop.interchange.reading import TEXT_TABLES
from crm_desktop.ui.common.forms import ERROR_STYLE
from crm_desktop.ui.common.messages import error_text
from crm_desktop.ui.common.table_fill import fit_columns
from crm_desktop.ui.common.widgets import row
from crm_desktop.ui.transfer.mapping_model import PREVIEW_COLUMN_MAX, PreviewModel
from crm_desktop.ui.transfer.problems_model import problem_text
from crm_desktop.ui.transfer.progress import ProgressStrip
from crm_desktop.ui.transfer.session import ImportSession

SAMPLE_ROWS = 5
TYPING_DELAY_MS = 500


class FilePage(QWizardPage):
    def __init__(self, session: ImportSession, parent=None):
        super().__init__(parent)
        self.setObjectName("importFilePage")
        self._session = session
        self.path_edit = QLineEdit(objectName="importPath", clearButtonEnabled=True)
        self.browse_button = QPushButton(objectName="importBrowse")
        self.encoding = QComboBox(objectName="importEncoding")
        self.detected = QLabel(objectName="importDetected")
        self.error = QLabel(objectName="importError", wordWrap=True)
        self.summary = QLabel(objectName="importSummary", wordWrap=True)
        self.sample_model = PreviewModel(self, show_mapping=False)
        self.sample = QTableView(objectName="importSample")
        self.busy = ProgressStrip("importRead")
        self.form = QFormLayout()
        self.file_label, self.encoding_label = QLabel(), QLabel()
        self._timer = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._build()
        self.retranslate()
        self._connect_signals()

    def _build(self) -> None:
        self.encoding.addItem("", None)
        for code in ENCODING_CHOICES:
            self.encoding.addItem(code, code)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.sample.setModel(self.sample_model)
        self.sample.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sample.setWordWrap(False)
        self.form.addRow(self.file_label, row(self.path_edit, self.browse_button, stretch_last=False))
        self.form.addRow(self.encoding_label, row(self.encoding, self.detected))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        for widget in (self.error, self.busy, self.summary, self.sample):
            layout.addWidget(widget)
        self.sample.hide()

    def _connect_signals(self) -> None:
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.path_edit.textEdited.connect(self._on_path_edit_textEdited)
        self.path_edit.returnPressed.connect(self._on_path_edit_returnPressed)
        self._timer.timeout.connect(self._read)
        self.encoding.currentIndexChanged.connect(self._on_encoding_currentIndexChanged)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("A CSV or text file, an Excel or WPS workbook (xlsx, xls, ods), or vCards from a "
                                 "phone (one file or a zip). A title above the column names is passed over."))
        self.file_label.setText(self.tr("File:"))
        self.encoding_label.setText(self.tr("Text encoding:"))
        self.browse_button.setText(self.tr("Browse…"))
        self.path_edit.setPlaceholderText(self.tr("Choose a file with Browse…, or type its path"))
        for index in range(self.encoding.count()):
            self.encoding.setItemText(index, self.encoding_name(self.encoding.itemData(index)))
        self.busy.retranslate()
        self._show_table()

    def encoding_name(self, code: str | None) -> str:
        """How the combo names an encoding: what it is used for, in the user's words."""
        if code is None:
            return self.tr("Detect automatically")
        what = {"utf-8-sig": self.tr("with byte-order mark"), "gb18030": self.tr("Simplified Chinese, GBK"),
                "big5": self.tr("Traditional Chinese"), "shift_jis": self.tr("Japanese"),
                "euc-kr": self.tr("Korean"), "cp1252": self.tr("Western European, Windows"),
                "latin-1": self.tr("Western European")}.get(code)
        return f"{code.upper()} ({what})" if what else code.upper()

    def isComplete(self) -> bool:
        return self._session.table is not None  # None while a read runs or after it failed

    # --- reading ---------------------------------------------------------------------------------
    def set_path(self, path) -> None:
        """Read `path` as if the user had chosen it (tests and automation)."""
        self.path_edit.setText(str(path))
        self._read()

    def _read(self) -> None:
        self._timer.stop()
        text = self.path_edit.text().strip()
        self._forget_table()
        if not text:
            return
        path = Path(text).expanduser()
        self.encoding.setEnabled(path.suffix.lower() in TEXT_TABLES)
        encoding = self.encoding.currentData() if self.encoding.isEnabled() else None
        imports = self._session.imports
        self.busy.start(self.tr("Reading {name}…").format(name=path.name))
        self._session.jobs.start("read", lambda _report: (path, imports.read(path, encoding)),
                                 self._on_read_succeeded, self._on_read_failed)
        self.completeChanged.emit()

    def _forget_table(self) -> None:
        self._session.jobs.forget("read")
        self._session.set_table(None, None)
        self.error.hide()
        self.busy.stop()
        self._show_table()
        self.completeChanged.emit()

    def _show_table(self) -> None:
        table = self._session.table
        self.sample_model.set_table(table, SAMPLE_ROWS)
        fit_columns(self.sample, PREVIEW_COLUMN_MAX)
        self.sample.setVisible(table is not None)
        self.summary.setText(self._summary_text(table) if table else "")
        self.detected.setText(self._detected_text(table) if table else "")

    def _summary_text(self, table) -> str:
        lines = [self.tr("{rows} rows and {columns} columns found. The first rows:").format(
            rows=len(table.rows), columns=len(table.headers))]
        if table.sheet:
            lines.insert(0, self.tr("Sheet read: {sheet}").format(sheet=table.sheet))
        if table.problems:
            lines.append(self.tr("{n} rows cannot be read; they will be listed with the rows refused.").format(
                n=len(table.problems)))
        lines += [problem_text(note) for note in table.notes]
        return "\n".join(lines)

    def _detected_text(self, table) -> str:
        if table.encoding is None or self.encoding.currentData() is not None:
            return ""
        return self.tr("Detected: {encoding}").format(encoding=self.encoding_name(table.encoding))

    # --- slots -----------------------------------------------------------------------------------
    def _on_read_succeeded(self, answer) -> None:
        path, table = answer
        self._session.set_table(path, table)
        self.busy.stop()
        self._show_table()
        self.completeChanged.emit()

    def _on_read_failed(self, exc) -> None:
        self.busy.stop()
        self.completeChanged.emit()
        if not isinstance(exc, CrmError):
            self._session.notifier.error(exc)
            return
        self.error.setText(error_text(exc))
        self.error.show()

    def _on_browse_button_clicked(self) -> None:
        start = self.path_edit.text().strip() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import contacts from"), start,
                                              self.tr("Contacts (*.csv *.txt *.tsv *.xlsx *.xls *.ods *.vcf *.zip)"))
        if path:
            self.set_path(path)

    def _on_path_edit_textEdited(self, _text: str) -> None:
        self._forget_table()
        self._timer.start()

    def _on_path_edit_returnPressed(self) -> None:
        self._read()

    def _on_encoding_currentIndexChanged(self, _index: int) -> None:
        if self.path_edit.text().strip():
            self._read()
