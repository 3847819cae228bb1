"""File → Export contacts… driven as a user would: all contacts, the current search, the selection."""

import pytest
import vobject
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from python_calamine import CalamineWorkbook

from crm_desktop.services.dto import ContactDraft
from crm_desktop.ui.transfer.export_dialog import ExportDialog
from tests.ui.helpers import open_dialog


@pytest.fixture(autouse=True)
def _close_dialogs(open_window):
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ExportDialog) and widget.isVisible():
            widget.close()


@pytest.fixture
def window(db_path, services, open_window):
    for name, phone in (("张三", "13800138000"), ("李四", "13900139000"), ("王五", "13700137000")):
        services.contacts.create(ContactDraft(name=name, phone=phone, company="星辰科技有限公司"))
    win = open_window(db_path)
    win.tabs.setCurrentWidget(win.contacts)
    return win


def _export(qtbot, window, path, scope="all") -> str:
    """Export through the dialog; returns the text of the chosen scope (the dialog is gone after)."""
    window.actions.export_contacts.trigger()
    dialog = open_dialog(ExportDialog)
    dialog.set_scope(scope)
    dialog.set_path(path)
    label = dialog.scopes[scope].text()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.export()
    return label


def test_export_all_to_an_excel_workbook(qtbot, tmp_path, window, notifier):
    path = tmp_path / "客户.xlsx"
    _export(qtbot, window, path)
    grid = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert grid[0][:2] == ["Name", "Phone"]
    assert sorted(row[0] for row in grid[1:]) == ["张三", "李四", "王五"]
    assert notifier.messages[-1] == ("info", f"Exported 3 contacts to {path}")


def test_export_all_to_one_vcard_file(qtbot, tmp_path, window):
    path = tmp_path / "contacts.vcf"
    _export(qtbot, window, path)
    cards = list(vobject.readComponents(path.read_text(encoding="utf-8")))
    assert sorted(card.fn.value for card in cards) == ["张三", "李四", "王五"]
    assert {card.org.value[0] for card in cards} == {"星辰科技有限公司"}


def test_export_only_what_the_current_search_finds(qtbot, tmp_path, window):
    search = window.contacts.page.search
    search.setText("李四")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    path = tmp_path / "found.xlsx"
    assert "“李四”" in _export(qtbot, window, path, scope="search")
    grid = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert [row[0] for row in grid[1:]] == ["李四"]


def test_export_the_selected_contacts_as_csv(qtbot, tmp_path, window):
    table = window.contacts.page.table
    table.selectRow(0)
    first = window.contacts.model.data(window.contacts.model.index(0, 0))
    path = tmp_path / "one.csv"
    _export(qtbot, window, path, scope="selected")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 2 and lines[1].startswith(first)


def test_the_format_follows_the_ending_and_the_ending_the_format(window):
    window.actions.export_contacts.trigger()
    dialog = open_dialog(ExportDialog)
    assert not dialog.scopes["search"].isEnabled(), "no search on the contacts tab"
    dialog.set_path("/tmp/x/contacts.vcf")
    assert dialog.format.currentData() == "vcf"
    dialog.format.setCurrentIndex(dialog.format.findData("vcf-zip"))
    assert dialog.path_edit.text() == "/tmp/x/contacts.zip"


def test_a_folder_that_does_not_exist_is_said_on_the_dialog(qtbot, tmp_path, window, notifier):
    window.actions.export_contacts.trigger()
    dialog = open_dialog(ExportDialog)
    dialog.set_path(tmp_path / "nowhere" / "contacts.csv")
    dialog.export()
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.isVisible() and dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
