"""Sales, voids, rules, levels and the PDF statement through the loyalty tab's own buttons."""

import shutil
import subprocess

import pytest

from crm_desktop.services.dto import ContactDraft
from crm_desktop.ui.loyalty.levels_dialog import LevelsDialog
from crm_desktop.ui.loyalty.rules_page import PointsRulesPage, RulesDialog
from crm_desktop.ui.loyalty.sale_dialog import SaleDialog, VoidSaleDialog
from tests.ui.helpers import column, open_dialog, press_ok


@pytest.fixture
def tab(qtbot, db_path, services, open_window):
    services.contacts.create(ContactDraft(name="王小明", phone="13800138000"))
    window = open_window(db_path)
    window.tabs.setCurrentWidget(window.loyalty)
    return window.loyalty


def test_record_a_sale_in_yuan_then_void_it(qtbot, tab, notifier):
    tab.sale_button.click()
    dialog = open_dialog(SaleDialog)
    dialog.amount.setText("12.3.4")
    press_ok(dialog)
    assert dialog.errors.text("contact") == "Choose the customer."
    assert dialog.errors.text("amount") == "Not a number."
    dialog.contact.search("wxm")
    dialog.contact.setCurrentIndex(0)
    dialog.amount.setText("¥1,234.56")
    dialog.description.setText("空气净化器")
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert ("info", "Sale recorded: 1,234 points earned.") in notifier.messages
    assert column(tab.members.model, 0) == ["王小明"] and column(tab.members.model, 4) == ["¥1,234.56"]
    tab.members.table.selectRow(0)
    pane = tab.member_pane
    assert column(pane.purchase_model, 2) == ["¥1,234.56"] and column(tab.ledger_model, 2) == ["+1,234"]

    pane.purchases.selectRow(0)
    pane.void_button.click()
    void = open_dialog(VoidSaleDialog)
    void.reason.setText("退货")
    press_ok(void)
    qtbot.waitUntil(lambda: not void.isVisible())
    assert column(pane.purchase_model, 5) == ["voided"]
    assert column(tab.ledger_model, 2) == ["-1,234", "+1,234"] and tab.balance.text() == "0 points"
    assert column(tab.members.model, 4) == ["¥0.00"]


def test_rules_page_loads_and_saves_the_data_settings(qtbot, services):
    page = PointsRulesPage(services)
    qtbot.addWidget(page)
    page.load()
    assert page.expiry_months.value() == 24 and page.level_basis.currentData() == "spend"
    page.points_per_unit.setValue(2)
    page.expiry_months.setValue(0)
    page.level_basis.setCurrentIndex(1)
    assert page.save()
    assert services.data_settings.get("loyalty.points_per_unit") == 2
    assert services.loyalty_program.rules().level_basis == "points"
    other = PointsRulesPage(services)
    qtbot.addWidget(other)
    other.load()
    assert (other.points_per_unit.value(), other.expiry_months.text()) == (2, "never")


def test_rules_and_levels_from_the_tab(qtbot, tab, services):
    tab.rules_button.click()
    rules = open_dialog(RulesDialog)
    rules.page.referral_bonus.setValue(500)
    rules.page.save()
    rules.close()
    assert services.loyalty_program.rules().referral_bonus == 500

    tab.levels_button.click()
    levels = open_dialog(LevelsDialog)
    assert column(levels.table.model(), 0) == ["普通", "银卡", "金卡", "钻石"]
    levels.table.item(1, 1).setText("abc")
    press_ok(levels)
    assert levels.isVisible() and levels.banner.text() == "Not a number."
    levels.table.item(1, 1).setText("3000")
    levels.table.item(3, 3).setText("200")
    press_ok(levels)
    qtbot.waitUntil(lambda: not levels.isVisible())
    saved = services.loyalty_program.levels()
    assert (saved[1].min_spend_cents, saved[3].multiplier_pct) == (300_000, 200)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_statement_pdf_reads_back_in_chinese(qtbot, tab, services, tmp_path):
    from crm_desktop.services.loyalty_dto import SaleDraft

    contact_id = services.contacts.search("王小明", 1)[0].id
    services.purchases.record_sale(SaleDraft(contact_id, 88_800, description="电饭煲"))
    tab.refresh()
    tab.members.table.selectRow(0)
    path = tab.save_statement(tmp_path / "statement.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "王小明" in text and "消费积分" in text and "888" in text and "Points statement" in text
    pdffonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "CJK" in pdffonts and " yes " in pdffonts  # the Chinese font is embedded


def test_members_context_menu_records_a_sale_for_that_member(qtbot, tab, services):
    from crm_desktop.services.loyalty_dto import SaleDraft

    contact_id = services.contacts.search("王小明", 1)[0].id
    services.purchases.record_sale(SaleDraft(contact_id, 100, description="袋子"))
    tab.refresh()
    tab.members.table.selectRow(0)
    assert [a.text() for a in tab.members.table.actions()] == ["Record sale…", "Redeem…", "Statement…"]
    tab.member_actions["sale"].trigger()
    dialog = open_dialog(SaleDialog)
    assert dialog.contact.contact_id() == contact_id
    dialog.reject()
