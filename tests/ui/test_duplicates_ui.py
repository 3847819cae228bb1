"""Duplicates in the GUI: the add dialog warns, Find duplicates lists the group, merge and undo."""

from PySide6.QtCore import Qt

from crm_desktop.domain.enums import LedgerKind
from crm_desktop.services.dto import ContactDraft
from crm_desktop.ui.contacts.dialogs import ContactDialog
from crm_desktop.ui.contacts.duplicates import DuplicatesDialog
from crm_desktop.ui.contacts.duplicates_model import Column, DuplicateGroupsModel
from crm_desktop.ui.contacts.merge_dialog import MergeDialog
from tests.ui.helpers import open_dialog


def _names(tab) -> list[str]:
    return [tab.model.data(tab.model.index(r, 0)) for r in range(tab.model.rowCount())]


def _contacts_tab(open_window, db_path):
    window = open_window(db_path)
    window.tabs.setCurrentWidget(window.contacts)
    return window


def test_add_dialog_warns_of_a_duplicate_phone_and_still_saves(qtbot, db_path, open_window, services):
    services.contacts.create(ContactDraft(name="张三", phone="+86-13800138000"))
    window = _contacts_tab(open_window, db_path)
    window.actions.new_record.trigger()
    dialog = open_dialog(ContactDialog)
    dialog.name.setText("李四")
    qtbot.wait(400)
    assert dialog.duplicate_hint.isHidden()
    dialog.phone.setText("138 0013 8000")
    assert dialog.duplicate_hint.isHidden(), "checked when typing pauses, not on every key"
    qtbot.waitUntil(lambda: dialog.duplicate_hint.isVisible())
    assert dialog.duplicate_hint.text() == "Possible duplicate: 张三 138 0013 8000"
    dialog.phone.setText("139 0013 9000")
    qtbot.waitUntil(lambda: dialog.duplicate_hint.isHidden())
    dialog.phone.setText("138 0013 8000")
    qtbot.waitUntil(lambda: dialog.duplicate_hint.isVisible())
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert sorted(_names(window.contacts)) == ["张三", "李四"]


def test_find_merge_and_undo_through_the_dialogs(qtbot, db_path, open_window, services, notifier):
    a = services.contacts.create(ContactDraft(name="张三", phone="13800138000", company="星辰科技有限公司"))
    b = services.contacts.create(ContactDraft(name="张三", phone="+86 138 0013 8000", email="zs@shop.cn"))
    services.loyalty.post(b.id, LedgerKind.EARN, 30)
    services.contacts.create(ContactDraft(name="李四", phone="13900139000"))
    window = _contacts_tab(open_window, db_path)
    assert len(_names(window.contacts)) == 3
    window.contacts.find_duplicates_button.click()
    found = open_dialog(DuplicatesDialog)
    qtbot.waitUntil(lambda: not found.is_loading())  # groups are read in a worker
    model = found.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, Column.SCORE)) == "90"
    assert model.data(model.index(0, Column.REASONS)) == "same phone, same name"
    group = model.index(0, 0)
    assert [model.data(model.index(r, Column.NAME, group)) for r in range(2)] == ["张三", "张三"]
    assert not found.undo_button.isEnabled()

    found.merge_button.click()
    merge = open_dialog(MergeDialog)
    assert set(merge.fields) == {"phone", "email", "company"}
    merge.survivor.button(1).setChecked(True)  # keep the second one...
    merge.fields["company"].button(0).setChecked(True)  # ...with the first one's company
    assert merge.chosen() == {"phone": b.id, "email": b.id, "company": a.id}
    merge.merge_button.click()
    qtbot.waitUntil(lambda: not merge.isVisible())
    assert sorted(_names(window.contacts)) == ["张三", "李四"]
    kept = services.contacts.get(b.id)
    assert (kept.draft.company, kept.points_balance) == ("星辰科技有限公司", 30)
    assert any("Merged into 张三" in text for _level, text in notifier.messages)
    qtbot.waitUntil(lambda: not found.is_loading())
    assert model.rowCount() == 0 and found.empty.isVisible()

    assert found.undo_button.isEnabled()
    found.undo_button.click()
    assert len(_names(window.contacts)) == 3
    qtbot.waitUntil(lambda: not found.is_loading())
    assert model.rowCount() == 1 and not found.undo_button.isEnabled()
    assert services.contacts.get(b.id).draft.company == ""
    assert not [m for m in notifier.messages if m[0] != "info"]


def test_merge_dialog_defaults_follow_the_survivor(qtbot, services, notifier):
    a = services.contacts.create(ContactDraft(name="王芳", phone="13800138000"))
    b = services.contacts.create(ContactDraft(name="王芳芳", phone="13800138000", email="wf@x.cn"))
    dialog = MergeDialog([services.contacts.get(a.id), services.contacts.get(b.id)], services.duplicates, {},
                         notifier)
    qtbot.addWidget(dialog)
    assert dialog.survivor_id() == a.id
    assert dialog.chosen() == {"name": a.id, "email": b.id}  # the survivor's name, the only e-mail
    dialog.survivor.button(1).setChecked(True)
    assert dialog.chosen() == {"name": b.id, "email": b.id}


def test_duplicate_groups_model_passes_qt_model_tester(qtmodeltester, services):
    for i in range(4):  # one phone group of four, two e-mail groups of two
        services.contacts.create(ContactDraft(name=f"客户{i}", phone="13800138000"))
        services.contacts.create(ContactDraft(name=f"Amy {i}", email=f"amy{i % 2}@x.cn"))
    model = DuplicateGroupsModel()
    qtmodeltester.check(model)
    model.set_groups(services.duplicates.groups())
    assert model.rowCount() == 3
    qtmodeltester.check(model)
    child = model.index(0, Column.PHONE, model.index(0, 0))
    assert model.parent(child) == model.index(0, 0)
    assert model.data(child, Qt.ItemDataRole.DisplayRole) == "138 0013 8000"
