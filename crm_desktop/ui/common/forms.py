"""Dialog helpers: inline field errors and the save-or-show-errors loop every record dialog uses."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.ui.common.messages import error_text, translate_template

ERROR_STYLE = "color: #c0392b;"
INVALID_STYLE = "border: 1px solid #c0392b;"


class FieldErrors:
    """Red messages under the fields named by a ValidationError."""

    def __init__(self, forms: list[QFormLayout], fields: dict[str, QWidget]):
        self._fields = fields
        self._labels: dict[str, QLabel] = {}
        for key, widget in fields.items():
            label = QLabel()
            label.setObjectName(f"error_{key}")
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()
            form, row = _row_of(forms, widget)
            form.insertRow(row + 1, "", label)
            self._labels[key] = label

    def show(self, errors: dict[str, str]) -> list[str]:
        """Show the errors; returns the ones that have no field here."""
        self.clear()
        orphans = []
        for key, template in errors.items():
            label = self._labels.get(key)
            if label is None:
                orphans.append(translate_template(template))
                continue
            label.setText(translate_template(template))
            label.show()
            self._fields[key].setStyleSheet(INVALID_STYLE)
        first = next((self._fields[k] for k in errors if k in self._fields), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return orphans

    def clear(self) -> None:
        for key, label in self._labels.items():
            label.hide()
            self._fields[key].setStyleSheet("")

    def text(self, key: str) -> str:
        label = self._labels[key]
        return "" if label.isHidden() else label.text()


def _row_of(forms: list[QFormLayout], widget: QWidget) -> tuple[QFormLayout, int]:
    """The form and row that hold `widget`, directly or inside a row's container widget."""
    for form in forms:
        row, _role = form.getWidgetPosition(widget)
        if row >= 0:
            return form, row
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if item is not None and item.widget() is not None and item.widget().isAncestorOf(widget):
                return form, row
    raise ValueError("the widget is not in any of the dialog's forms")


class RecordDialog(QDialog):
    """Base of the add/edit dialogs: a form, OK/Cancel, and a banner for errors without a field.

    Subclasses build the form in `build_form`, name their fields in `error_fields`, and implement
    `save()` which calls one service method and returns its result. OK runs `save()`; a
    ValidationError is shown inline and the dialog stays open; other known errors in the banner.
    """

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_value = None
        self._forms_row = QHBoxLayout()
        self._forms: list[QFormLayout] = []
        self.form = self.add_form()
        self.banner = QLabel(objectName="dialogBanner", wordWrap=True)
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._forms_row)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.errors: FieldErrors | None = None

    def add_form(self) -> QFormLayout:
        """Another column of fields beside the first."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if self._forms:
            self._forms_row.addSpacing(16)
        self._forms_row.addLayout(form, 1)
        self._forms.append(form)
        return form

    def finish_form(self, fields: dict[str, QWidget]) -> None:
        """Name the widgets that ValidationError fields point at (call after building the form)."""
        self.errors = FieldErrors(self._forms, fields)

    def save(self):
        raise NotImplementedError

    def _on_buttons_accepted(self) -> None:
        self.banner.hide()
        try:
            self.result_value = self.save()
        except ValidationError as exc:
            orphans = self.errors.show(exc.errors) if self.errors else list(exc.errors.values())
            self._show_banner(" ".join(orphans))
            return
        except CrmError as exc:
            self._show_banner(error_text(exc))
            return
        self.accept()

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))


def run_dialog(dialog: RecordDialog, on_saved: Callable[[object], None] | None = None) -> None:
    """Open non-modally-blocking (window-modal) and call `on_saved` with the saved result."""
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_saved is not None:
        dialog.accepted.connect(lambda: on_saved(dialog.result_value))
    dialog.open()
