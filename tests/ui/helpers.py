"""Finding and answering the dialogs a test opened through the real actions."""

from PySide6.QtWidgets import QApplication


def open_dialog(cls):
    """The one visible dialog of type `cls`."""
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
    assert len(found) == 1, f"expected one open {cls.__name__}, found {len(found)}"
    return found[0]


def press_ok(dialog) -> None:
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()


def column(model, col: int) -> list:
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]
