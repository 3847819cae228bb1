"""Tools → Audit trail… filtered and exported, and the contact's consents tab, driven as a user would."""

import csv
import dataclasses

from PySide6.QtCore import QDate

from crm_desktop.services.dto import ContactDraft
from crm_desktop.ui.audit.dialog import AuditDialog
from crm_desktop.ui.audit.model import AuditModel
from tests.ui.helpers import open_dialog


def _edited(services):
    first = services.contacts.create(ContactDraft(name="王芳", phone="13800138000"))
    services.contacts.update(first.id, dataclasses.replace(first.draft, notes="常客"))
    second = services.contacts.create(ContactDraft(name="李雷"))
    services.contacts.trash([second.id])
    return first, second


def test_the_menu_opens_the_viewer_and_filters_narrow_it(qtbot, db_path, services, open_window):
    first, _ = _edited(services)
    window = open_window(db_path)
    window.audit_trail.show_audit.trigger()
    dialog = open_dialog(AuditDialog)
    assert dialog.model.rowCount() == 4  # two creates, one update, one trash
    newest = dialog.model.entry_at(0)
    assert newest.action == "delete" and newest.table == "contacts"
    dialog.action.setCurrentIndex(dialog.action.findData("update"))
    dialog.apply_filter()
    assert dialog.model.rowCount() == 1
    assert "notes:  → 常客" in dialog.model.data(dialog.model.index(0, 5))
    dialog.action.setCurrentIndex(0)
    dialog.record.setText(first.uuid)
    dialog.apply_filter()
    assert dialog.model.rowCount() == 2
    dialog.use_from.setChecked(True)
    dialog.date_from.setDate(QDate.currentDate().addDays(2))  # after everything
    dialog.apply_filter()
    assert dialog.model.rowCount() == 0
    dialog.date_from.setDate(QDate.currentDate().addDays(-2))
    dialog.apply_filter()
    assert dialog.model.rowCount() == 2
    dialog.close()


def test_export_writes_the_filtered_entries(qtbot, db_path, services, notifier, tmp_path):
    _edited(services)
    dialog = AuditDialog(services.audit, services.users.active(), notifier)
    qtbot.addWidget(dialog)
    dialog.table_name.setCurrentIndex(dialog.table_name.findData("contacts"))
    dialog.apply_filter()
    path = tmp_path / "audit.csv"
    with qtbot.waitSignal(dialog.export_to(str(path)).succeeded, timeout=10_000):
        pass
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["action"] for r in rows] == ["delete", "create", "update", "create"]
    assert "王芳" in rows[-1]["changes"]
    assert notifier.messages[-1][0] == "info"


def test_audit_model_passes_qt_model_tester(qtmodeltester, services):
    _edited(services)
    model = AuditModel(services.audit)
    model.refresh()
    qtmodeltester.check(model)


def test_a_consent_is_recorded_from_the_contact_detail(qtbot, db_path, services, open_window):
    contact = services.contacts.create(ContactDraft(name="韩梅梅"))
    window = open_window(db_path)
    tab = window.contacts
    window.tabs.setCurrentWidget(tab)
    tab.page.table.selectRow(0)
    panel = tab.consents
    qtbot.waitUntil(lambda: panel.isEnabled())
    panel.purpose.setCurrentIndex(panel.purpose.findData("marketing"))
    panel.granted.setCurrentIndex(panel.granted.findData(False))
    panel.method.setCurrentIndex(panel.method.findData("phone"))
    panel.note.setText("不要再发促销短信")
    panel.record_button.click()
    assert [(c.purpose, c.granted, c.method) for c in services.privacy.consents(contact.id)] == \
        [("marketing", False, "phone")]
    assert "不要再发促销短信" in panel.list.item(0).text()
    panel.note.setText("x" * 301)
    panel.record_button.click()
    assert panel.error.isVisibleTo(panel) and panel.note.text() == "x" * 301  # nothing lost
