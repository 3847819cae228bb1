"""The loyalty tab: enrol a member, post points through the dialogs, keep the rewards catalogue."""

import pytest

from crm_desktop.domain.enums import LedgerKind
from crm_desktop.domain.errors import RuleError
from crm_desktop.services.dto import ContactDraft, RewardDraft
from crm_desktop.ui.loyalty.dialogs import EnrollDialog, PointsDialog, RewardDialog
from crm_desktop.ui.loyalty.model import ledger_model, member_model, reward_model
from tests.ui.helpers import column, open_dialog, press_ok


def test_enrol_earn_and_redeem_through_dialogs(qtbot, db_path, services, open_window):
    services.contacts.create(ContactDraft(name="张三", phone="13800138000"))
    window = open_window(db_path)
    tab = window.loyalty
    window.tabs.setCurrentWidget(tab)
    window.actions.new_record.trigger()
    enroll = open_dialog(EnrollDialog)
    enroll.contact.search("zs")
    enroll.contact.setCurrentIndex(0)
    enroll.level.setCurrentText("银卡")
    press_ok(enroll)
    qtbot.waitUntil(lambda: not enroll.isVisible())
    assert column(tab.members.model, 0) == ["张三"] and column(tab.members.model, 2) == ["银卡"]

    tab.members.table.selectRow(0)
    tab.buttons[LedgerKind.EARN].click()
    earn = open_dialog(PointsDialog)
    earn.points.setValue(300)
    earn.reason.setText("消费")
    press_ok(earn)
    qtbot.waitUntil(lambda: not earn.isVisible())
    assert tab.balance.text() == "300 points"
    assert column(tab.ledger_model, 2) == ["+300"]

    tab.buttons[LedgerKind.REDEEM].click()
    redeem = open_dialog(PointsDialog)
    redeem.points.setValue(500)
    press_ok(redeem)
    assert redeem.isVisible() and "Not enough points" in redeem.banner.text()
    redeem.points.setValue(200)
    press_ok(redeem)
    qtbot.waitUntil(lambda: not redeem.isVisible())
    assert column(tab.ledger_model, 2) == ["-200", "+300"]
    assert column(tab.ledger_model, 3) == ["100", "300"]

    tab.buttons[LedgerKind.ADJUST].click()
    adjust = open_dialog(PointsDialog)
    adjust.points.setValue(-20)
    press_ok(adjust)
    assert adjust.errors.text("reason") == "An adjustment needs a reason."
    adjust.reason.setText("盘点更正")
    press_ok(adjust)
    qtbot.waitUntil(lambda: not adjust.isVisible())
    assert tab.balance.text() == "80 points"


def test_rewards_catalogue_add_trash_restore(qtbot, db_path, open_window):
    window = open_window(db_path)
    tab = window.loyalty
    window.tabs.setCurrentWidget(tab)
    tab.views.setCurrentIndex(1)
    window.actions.new_record.trigger()
    dialog = open_dialog(RewardDialog)
    dialog.cost.setValue(0)
    press_ok(dialog)
    assert dialog.errors.text("name") == "A name is required."
    assert dialog.errors.text("points_cost") == "The cost must be at least 1 point."
    dialog.name.setText("保温杯")
    dialog.cost.setValue(800)
    dialog.unlimited.setChecked(True)
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert column(tab.rewards.model, 0) == ["保温杯"] and column(tab.rewards.model, 2) == ["unlimited"]
    tab.rewards.table.selectRow(0)
    window.actions.trash.trigger()
    assert column(tab.rewards.model, 0) == []
    tab.show_trash(True)
    tab.rewards.table.selectRow(0)
    window.actions.restore.trigger()
    tab.show_trash(False)
    assert column(tab.rewards.model, 0) == ["保温杯"]


def test_redeeming_a_reward_takes_stock(services):
    c = services.contacts.create(ContactDraft(name="李四"))
    reward = services.loyalty.create_reward(RewardDraft("雨伞", 100, stock=1))
    services.loyalty.post(c.id, LedgerKind.EARN, 500)
    services.loyalty.post(c.id, LedgerKind.REDEEM, 100, reward_id=reward.id)
    assert services.loyalty.get_reward(reward.id).draft.stock == 0
    with pytest.raises(RuleError, match="out of stock"):
        services.loyalty.post(c.id, LedgerKind.REDEEM, 100, reward_id=reward.id)
    assert services.loyalty.balance(c.id) == 400


def test_loyalty_models_pass_qt_model_tester(qtmodeltester, services):
    c = services.contacts.create(ContactDraft(name="王五"))
    for i in range(210):
        services.loyalty.post(c.id, LedgerKind.EARN, i + 1, "消费")
    for i in range(5):
        services.loyalty.create_reward(RewardDraft(f"礼品{i}", i + 1))
    members, rewards, ledger = member_model(services.loyalty), reward_model(services.loyalty), ledger_model(
        services.loyalty)
    ledger.set_query_silently(filters=(("contact_id", c.id),))
    for model in (members, rewards, ledger):
        model.refresh()
        qtmodeltester.check(model)
    assert ledger.rowCount() == 210 and ledger.data(ledger.index(0, 3)) == f"{sum(range(1, 211)):,}"
