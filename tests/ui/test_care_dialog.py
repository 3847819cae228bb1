"""The customer care dialog: opened from the calendar, planning for due customers, greetings out."""

import csv
from datetime import UTC, date, datetime, timedelta

from PySide6.QtWidgets import QApplication

from crm_desktop.domain.cadence import TierCadence
from crm_desktop.domain.enums import FollowupKind, InteractionKind, Tier
from crm_desktop.services.care_dto import CareContact, CareOccasion, CareTaskDTO, DueContactDTO
from crm_desktop.services.dto import ContactDraft, InteractionDraft, ListQuery
from crm_desktop.ui.calendar.care_dialog import CareDialog
from crm_desktop.ui.calendar.care_models import DueModel, OccasionModel
from tests.ui.helpers import column, open_dialog


def _customer(services, name, tier, seen_days_ago, **fields):
    c = services.contacts.create(ContactDraft(name=name, tier=tier, **fields))
    when = datetime.now(UTC) - timedelta(days=seen_days_ago)
    services.contacts.log_interaction(InteractionDraft(c.id, InteractionKind.VISIT, when, "拜访"))
    return c


def _open_care(qtbot, window):
    tab = window.calendar
    window.tabs.setCurrentWidget(tab)
    tab.care_button.click()
    dialog = open_dialog(CareDialog)
    qtbot.addWidget(dialog)  # closed after the test
    return tab, dialog


def test_plan_a_follow_up_for_a_due_customer_and_see_it_in_the_calendar(qtbot, db_path, services, open_window):
    key = _customer(services, "重点客户", Tier.KEY, 60)
    _customer(services, "刚联系", Tier.KEY, 2)
    window = open_window(db_path)
    tab, dialog = _open_care(qtbot, window)
    page = dialog.due_page
    assert column(page.model, 0) == ["重点客户"]
    assert column(page.model, 1) == ["Key"] and column(page.model, 4) == ["Visit"]
    page.table.selectRow(0)
    page.plan_button.click()
    assert page.status.text() == "1 follow-up(s) planned."
    [planned] = services.followups.page(ListQuery(), 0, 10)
    assert (planned.draft.contact_id, planned.draft.kind) == (key.id, FollowupKind.VISIT)
    assert column(page.model, 5) == [planned.due_at.astimezone().date().isoformat()]
    tab.month.select(planned.due_at.astimezone().date())
    assert column(tab.model, 1) == ["重点客户"]


def test_edited_intervals_are_saved_and_change_the_list(qtbot, db_path, services, open_window, settings):
    _customer(services, "普通客户", Tier.ORDINARY, 40)
    window = open_window(db_path)
    _tab, dialog = _open_care(qtbot, window)
    page = dialog.due_page
    assert page.model.rowCount() == 0
    page.contact_spins[Tier.ORDINARY].setValue(30)
    page.apply_button.click()
    assert column(page.model, 0) == ["普通客户"]
    assert settings.tier_cadence[Tier.ORDINARY] == TierCadence(30, None)


def test_greetings_exported_for_sms_and_copied_for_wechat(qtbot, db_path, services, open_window, tmp_path):
    today = date.today()
    soon = today + timedelta(days=2)
    for name, consent in (("张三", True), ("李四", False)):
        services.contacts.create(ContactDraft(name=name, phone="13800138000", marketing_consent=consent,
                                              birth_month=soon.month, birth_day=soon.day))
    window = open_window(db_path)
    _tab, dialog = _open_care(qtbot, window)
    dialog.pages.setCurrentWidget(dialog.occasions_page)
    page = dialog.occasions_page
    assert column(page.model, 2) == ["张三", "李四"] and column(page.model, 1) == ["Birthday", "Birthday"]
    page.template.setPlainText("{name}，祝{holiday}快乐！{oops}")
    path = tmp_path / "sms.csv"
    assert page.export_to(path) == 1
    with path.open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f)) == [["Name", "Phone", "message"], ["张三", "8613800138000", "张三，祝your birthday快乐！{oops}"]]
    page.table.selectRow(1)
    assert page.copy_for_wechat() == ""
    assert "no marketing consent: 1" in page.status.text()
    page.table.selectAll()
    page.plan_button.click()
    assert page.status.text() == "2 greeting(s) planned."
    page.plan_button.click()
    assert page.status.text() == "0 greeting(s) planned."


def test_copy_for_wechat_puts_one_message_a_paragraph_on_the_clipboard(qtbot, db_path, services, open_window):
    today = date.today()
    for name in ("甲", "乙"):
        services.contacts.create(ContactDraft(name=name, phone="13800138000", marketing_consent=True, tier=Tier.KEY,
                                              birth_month=today.month, birth_day=today.day))
    window = open_window(db_path)
    _tab, dialog = _open_care(qtbot, window)
    dialog.pages.setCurrentIndex(1)
    page = dialog.occasions_page
    page.days.setValue(0)
    first = [r for r in range(page.model.rowCount()) if page.model.task_at(r).label == "甲"][0]
    page.table.selectRow(first)
    page.template.setPlainText("{name}生日快乐")
    page.copy_for_wechat()
    assert QApplication.clipboard().text() == "甲生日快乐"


def _due(i):
    return DueContactDTO(i, f"客户{i}", Tier.KEY, "", None, i, FollowupKind.VISIT, None)


def test_due_model_pages_as_the_view_scrolls_and_passes_the_model_tester(qtmodeltester):
    calls = []

    def fetch(offset, limit):
        calls.append(offset)
        return [_due(i) for i in range(offset, min(offset + limit, 250))]

    model = DueModel(fetch)
    model.reload()
    assert model.rowCount() == 100 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 250 and calls[:3] == [0, 100, 200]


def test_occasion_model_passes_the_model_tester(qtmodeltester):
    model = OccasionModel()
    model.set_items([
        CareTaskDTO(CareOccasion.HOLIDAY, date(2026, 9, 25), "mid_autumn", "中秋节", (CareContact(1, "甲"),), 1),
        CareTaskDTO(CareOccasion.LUNAR_BIRTHDAY, date(2026, 9, 26), "", "乙", (CareContact(2, "乙"),), 1),
    ])
    qtmodeltester.check(model)
    assert column(model, 1) == ["Mid-Autumn Festival", "Lunar birthday"]
    assert column(model, 2) == ["Key and potential customers", "乙"]
