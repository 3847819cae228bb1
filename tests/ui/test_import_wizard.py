"""The import wizard driven as a user would: a Chinese Excel CSV in, contacts out, undo it again."""

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from crm_desktop.interchange.source import RowProblem, SourceRow, SourceTable
from crm_desktop.services.dto import ListQuery
from crm_desktop.services.importing import DuplicatePolicy
from crm_desktop.ui.transfer.field_names import field_label
from crm_desktop.ui.transfer.history_model import HistoryModel
from crm_desktop.ui.transfer.import_history import ImportHistoryDialog
from crm_desktop.ui.transfer.import_wizard import ImportWizard
from crm_desktop.ui.transfer.mapping_model import PREVIEW_COLUMN_MAX, PreviewModel
from crm_desktop.ui.transfer.problems_model import ProblemsModel
from tests.ui.helpers import column, open_dialog

H = Qt.Orientation.Horizontal
ROWS = [
    "姓名,手机,邮箱,公司",
    "张三,138 0013 8000,zs@example.com,星辰科技有限公司",
    ",13700137000,nobody@example.com,",  # line 3: no name, refused
    "李四,139 0013 9000,,",
]


@pytest.fixture(autouse=True)
def _close_dialogs(open_window):
    """Close the dialogs a test left open before its window goes (they wait for their workers)."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ImportWizard | ImportHistoryDialog) and widget.isVisible():
            widget.close()


def _write(path, lines, encoding="gb18030"):
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def _open_wizard(qtbot, window, path, readable=True) -> ImportWizard:
    window.tabs.setCurrentWidget(window.contacts)
    window.actions.import_contacts.trigger()
    wizard = open_dialog(ImportWizard)
    wizard.set_path(path)
    if readable:
        qtbot.waitUntil(wizard.file_page.isComplete)
    return wizard


def _to_plan(qtbot, wizard, policy=DuplicatePolicy.SKIP) -> None:
    wizard.next()
    assert wizard.currentPage() is wizard.duplicates_page
    wizard.duplicates_page.set_policy(policy)
    qtbot.waitUntil(wizard.duplicates_page.isComplete)


def _run(qtbot, wizard) -> None:
    wizard.next()
    assert wizard.currentPage() is wizard.run_page
    qtbot.waitUntil(wizard.run_page.isComplete, timeout=20_000)


def _phones(window) -> dict[str, str]:
    model = window.contacts.model
    return dict(zip(column(model, 0), column(model, 1), strict=True))


def test_a_gb18030_csv_imports_through_every_page(qtbot, tmp_path, db_path, open_window, notifier):
    path = _write(tmp_path / "客户.csv", ROWS)
    window = open_window(db_path)
    wizard = _open_wizard(qtbot, window, path)
    page = wizard.file_page
    assert page.detected.text() == "Detected: GB18030 (Simplified Chinese, GBK)"
    assert page.sample_model.headerData(0, H) == "姓名"

    wizard.next()
    columns = wizard.columns_page
    assert wizard.currentPage() is columns
    assert [c.currentText() for c in columns.combos] == [field_label(k) for k in ("name", "phone", "email", "company")]
    assert columns.model.rowCount() == 3 and columns.model.headerData(1, H).endswith("→ Mobile phone")

    _to_plan(qtbot, wizard)
    assert wizard.duplicates_page.summary.text().startswith(
        "2 new contact(s), 0 match contacts already there, 1 row(s) will be rejected.")
    problems = wizard.duplicates_page.model
    assert (problems.data(problems.index(0, 0)), problems.data(problems.index(0, 1))) == ("3", "Rejected")
    assert "no name" in problems.data(problems.index(0, 2))

    _run(qtbot, wizard)
    run = wizard.run_page
    assert {k: run.counts[k].text() for k in run.counts} == {
        "created": "2", "updated": "0", "skipped": "0", "rejected": "1"}
    assert column(run.model, 0) == ["3"]
    assert _phones(window) == {"张三": "138 0013 8000", "李四": "139 0013 9000"}

    report = tmp_path / "report.csv"
    assert run.save_report(report) == 1
    with report.open(encoding="utf-8-sig", newline="") as f:
        lines = list(csv.reader(f))
    assert lines[0] == ["Line", "What", "Reason"]
    assert lines[1][:2] == ["3", "Rejected"] and "no name" in lines[1][2]

    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.accept()
    assert not wizard.isVisible()


def test_a_column_mapped_to_ignore_is_not_imported(qtbot, tmp_path, db_path, open_window, services):
    window = open_window(db_path)
    wizard = _open_wizard(qtbot, window, _write(tmp_path / "a.csv", ROWS))
    wizard.next()
    wizard.columns_page.map_column(1, None)
    assert "(ignored)" in wizard.columns_page.model.headerData(1, H)
    _to_plan(qtbot, wizard)
    _run(qtbot, wizard)
    assert _phones(window) == {"张三": "", "李四": ""}
    assert all(not c.phone for c in services.contacts.page(ListQuery(), 0, 10))


def test_next_waits_for_a_name_column_and_a_readable_file(qtbot, tmp_path, db_path, open_window):
    window = open_window(db_path)
    wizard = _open_wizard(qtbot, window, tmp_path / "missing.csv", readable=False)
    page = wizard.file_page
    qtbot.waitUntil(page.error.isVisible)
    assert "There is no file" in page.error.text() and not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    wizard.set_path(_write(tmp_path / "a.csv", ROWS))
    qtbot.waitUntil(page.isComplete)
    assert page.error.isHidden()
    wizard.next()
    columns = wizard.columns_page
    columns.map_column(0, None)
    assert not columns.isComplete() and "every contact needs a name" in columns.message.text()
    columns.map_column(2, "family_name")
    assert columns.isComplete()
    columns.map_column(3, "family_name")
    assert not columns.isComplete() and "More than one column goes into Family name" in columns.message.text()


def test_several_columns_may_go_into_more_phones(qtbot, tmp_path, db_path, open_window, services):
    window = open_window(db_path)
    rows = ["姓名,手机,座机,家庭电话,公司电话", "张三,13800138000,010-62345678,010-88886666,021-55556666"]
    wizard = _open_wizard(qtbot, window, _write(tmp_path / "a.csv", rows))
    wizard.next()
    columns = wizard.columns_page
    assert [columns.combos[i].currentData() for i in (3, 4)] == ["more_phones", "more_phones"]
    assert columns.isComplete() and field_label("more_phones") in columns.model.headerData(4, H)
    _to_plan(qtbot, wizard)
    _run(qtbot, wizard)
    contact = services.contacts.page(ListQuery(), 0, 10)[0]
    assert services.contacts.get(contact.id).draft.notes == "Other phones: 010-88886666, 021-55556666"


def test_values_kept_in_the_notes_are_labelled_in_the_users_language(qtbot, tmp_path, db_path, open_window, services):
    window = open_window(db_path)
    window.controller.set_language("zh_CN")
    try:
        rows = ["编号,姓名,手机,座机,家庭电话", "7,张三,13800138000,010-62345678,010-88886666"]
        wizard = _open_wizard(qtbot, window, _write(tmp_path / "a.csv", rows))
        wizard.next()
        _to_plan(qtbot, wizard)
        _run(qtbot, wizard)
    finally:
        window.controller.set_language("en")
    contact = services.contacts.page(ListQuery(), 0, 10)[0]
    assert services.contacts.get(contact.id).draft.notes == "其他电话: 010-88886666\n编号: 7"


def test_changing_the_encoding_reads_the_file_again(qtbot, tmp_path, db_path, open_window):
    window = open_window(db_path)
    wizard = _open_wizard(qtbot, window, _write(tmp_path / "a.csv", ROWS))
    page = wizard.file_page
    page.encoding.setCurrentIndex(page.encoding.findData("latin-1"))
    qtbot.waitUntil(page.isComplete)
    assert page.sample_model.headerData(0, H) != "姓名" and page.detected.text() == ""
    wizard.next()
    assert not wizard.columns_page.isComplete(), "garbled headers: no column is recognised as the name"
    wizard.back()
    page.encoding.setCurrentIndex(page.encoding.findData("gb18030"))
    qtbot.waitUntil(page.isComplete)
    wizard.next()
    assert wizard.columns_page.model.headerData(0, H).startswith("姓名")
    assert wizard.columns_page.isComplete()


def test_cancel_during_the_import_leaves_no_contacts(qtbot, tmp_path, db_path, open_window, services):
    lines = ["姓名,手机"] + [f"客户{i},139{i:08d}" for i in range(20_000)]
    window = open_window(db_path)
    wizard = _open_wizard(qtbot, window, _write(tmp_path / "big.csv", lines))
    wizard.next()
    _to_plan(qtbot, wizard)
    run = wizard.run_page
    run.busy.bar.valueChanged.connect(lambda _v: run.cancel())  # Cancel at the first progress report
    _run(qtbot, wizard)
    assert run.busy.status.text() == "Import cancelled: nothing was imported."
    assert services.contacts.count(ListQuery()) == 0
    assert services.imports.history(5) == []


def test_duplicates_follow_the_choice_and_undo_takes_the_import_back(qtbot, tmp_path, db_path, open_window,
                                                                    services, notifier):
    from crm_desktop.services.dto import ContactDraft

    services.contacts.create(ContactDraft(name="张三", phone="13800138000", notes="老客户"))
    window = open_window(db_path)
    wizard = _open_wizard(qtbot, window, _write(tmp_path / "a.csv", ROWS))
    wizard.next()
    _to_plan(qtbot, wizard, DuplicatePolicy.UPDATE)
    assert "1 new contact(s), 1 match contacts already there" in wizard.duplicates_page.summary.text()
    _run(qtbot, wizard)
    assert wizard.run_page.counts["updated"].text() == "1"
    wizard.accept()
    assert sorted(column(window.contacts.model, 0)) == ["张三", "李四"]

    window.actions.undo_import.trigger()
    dialog = open_dialog(ImportHistoryDialog)
    assert column(dialog.model, 1) == ["a.csv"] and column(dialog.model, 2) == ["1"]
    assert not dialog.undo_button.isEnabled(), "undo waits for the confirmation"
    dialog.confirm.setChecked(True)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: column(dialog.model, 4) == ["Undone"])
    assert notifier.messages[-1] == ("info", "Import undone: 1 removed, 0 moved to the trash, 1 restored")
    assert not dialog.confirm.isEnabled()
    qtbot.waitUntil(lambda: column(window.contacts.model, 0) == ["张三"])
    zhang = services.contacts.page(ListQuery(), 0, 10)[0]
    assert services.contacts.get(zhang.id).draft.notes == "老客户"


def test_the_wizards_models_pass_the_qt_model_tester(qtmodeltester):
    table = SourceTable("csv", ("姓名", "", "手机"), (SourceRow(2, ("张三", "x", "138")), SourceRow(3, ("李四",))))
    preview = PreviewModel()
    preview.set_table(table)
    preview.set_mapping({0: "name", 2: "phone"})
    qtmodeltester.check(preview)
    problems = ProblemsModel()
    problems.set_problems([RowProblem(3, "The row has no name; a contact needs one.")], [RowProblem(4, "odd")])
    qtmodeltester.check(problems)
    assert problems.rows()[1] == (4, "Warning", "odd")
    qtmodeltester.check(HistoryModel())


def test_every_field_is_offered_by_its_name_not_its_key(qapp):
    from crm_desktop.domain.contact_fields import FIELD_KEYS

    labels = [field_label(key) for key in FIELD_KEYS]
    assert all(label and "_" not in label for label in labels) and len(set(labels)) == len(labels)


def test_the_previews_show_each_columns_text_up_to_a_width(qtbot, tmp_path, db_path, open_window):
    address = "浙江省杭州市西湖区文三路 " * 8
    path = _write(tmp_path / "长.csv", ["姓名,手机,邮箱,地址", f"张三,+86-139-0013-9000,zhang.san.sales@example.com,{address}"])
    window = open_window(db_path)
    wizard = _open_wizard(qtbot, window, path)
    sample = wizard.file_page.sample
    wide = sample.fontMetrics().horizontalAdvance
    assert sample.columnWidth(2) >= wide("zhang.san.sales@example.com")
    assert sample.columnWidth(3) == PREVIEW_COLUMN_MAX < wide(address)
    wizard.next()
    columns = wizard.columns_page
    assert columns.preview.columnWidth(1) >= wide("+86-139-0013-9000")
    columns.map_column(0, "lunar_birthday")  # a longer field name in the header over 张三
    header = columns.preview.horizontalHeader()
    assert columns.preview.columnWidth(0) >= header.sectionSizeHint(0) > wide("张三")
