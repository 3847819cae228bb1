"""The SLA column and filter, the clocks in the detail pane, complaint reasons and the survey dialog."""

from datetime import UTC, datetime, timedelta

from crm_desktop.domain.enums import TicketCategory, TicketPriority, TicketStatus
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, TicketDraft
from crm_desktop.services.registry import Services
from crm_desktop.ui.tickets.dialogs import TicketDialog
from crm_desktop.ui.tickets.model import Column, make_model
from crm_desktop.ui.tickets.sla_format import GREY, RED
from crm_desktop.ui.tickets.survey_dialog import SurveyDialog
from tests.conftest import FakeClock
from tests.ui.helpers import column, open_dialog, press_ok


def _old_and_new_tickets(db):
    """An urgent ticket opened a month ago (never answered: breached) and one opened just now."""
    past = Services.build(ServiceContext(db, clock=FakeClock(datetime.now(UTC) - timedelta(days=30))))
    contact = past.contacts.create(ContactDraft(name="张三"))
    old = past.tickets.create(TicketDraft(contact.id, TicketCategory.REPAIR, "旧的", TicketPriority.URGENT))
    new = Services.build(ServiceContext(db)).tickets.create(
        TicketDraft(contact.id, TicketCategory.REPAIR, "新的", TicketPriority.LOW))
    return old, new


def _tickets_tab(open_window, db_path):
    window = open_window(db_path)
    window.tabs.setCurrentWidget(window.tickets)
    return window.tickets


def _row_of(model, subject) -> int:
    return column(model, Column.SUBJECT).index(subject)


def test_breached_ticket_shows_red_in_the_sla_column(qtbot, db, db_path, open_window):
    _old_and_new_tickets(db)
    tab = _tickets_tab(open_window, db_path)
    m = tab.model
    old, new = m.index(_row_of(m, "旧的"), Column.SLA), m.index(_row_of(m, "新的"), Column.SLA)
    assert m.data(old).endswith(" d over") and m.data(old, 9) == RED  # 9: ForegroundRole
    assert m.data(new).endswith(" left") and m.data(new, 9) is None
    assert "First response:" in m.data(old, 3)  # 3: ToolTipRole


def test_sla_filter_and_clocks_in_the_detail(qtbot, db, db_path, open_window):
    _old_and_new_tickets(db)
    tab = _tickets_tab(open_window, db_path)
    tab.sla_filter.setCurrentIndex(tab.sla_filter.findData("breached"))
    qtbot.waitUntil(lambda: column(tab.model, Column.SUBJECT) == ["旧的"])
    tab.page.table.selectRow(0)
    text = tab.detail._values["first_response"].text()
    assert text.startswith("Breached:") and "(target 1 h)" in text
    assert "#c0392b" in tab.detail._values["first_response"].styleSheet()
    tab.sla_filter.setCurrentIndex(0)
    assert len(column(tab.model, Column.SUBJECT)) == 2


def test_survey_dialog_saves_a_survey_and_flags_an_unhappy_customer(qtbot, db, db_path, services, open_window,
                                                                     notifier):
    old, _new = _old_and_new_tickets(db)
    services.tickets.change_status(old.id, TicketStatus.RESOLVED)
    tab = _tickets_tab(open_window, db_path)
    tab.page.table.selectRow(_row_of(tab.model, "旧的"))
    assert tab.detail.survey_button.isVisibleTo(tab.detail)
    assert tab.model.data(tab.model.index(_row_of(tab.model, "旧的"), Column.SLA), 9) == RED  # resolved late
    tab.detail.survey_button.click()
    dialog = open_dialog(SurveyDialog)
    press_ok(dialog)
    assert dialog.isVisible() and dialog.errors.text("csat") == "Give at least one score."
    dialog.csat.setCurrentIndex(dialog.csat.findData(2))
    dialog.comment.setPlainText("等太久了")
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert notifier.messages[-1] == ("info", f"Survey saved for {old.number}.")
    assert services.tickets.sla_summary().csat_avg == 2.0
    with db.reading() as uow:
        assert uow.contacts.get(old.draft.contact_id).at_risk


def test_survey_button_only_on_finished_tickets(qtbot, db, db_path, open_window):
    _old_and_new_tickets(db)
    tab = _tickets_tab(open_window, db_path)
    tab.page.table.selectRow(0)
    assert not tab.detail.survey_button.isVisibleTo(tab.detail)


def test_complaint_reason_only_for_complaints(qtbot, db_path, services, open_window):
    services.contacts.create(ContactDraft(name="李四"))
    window = open_window(db_path)
    window.tabs.setCurrentWidget(window.tickets)
    window.actions.new_record.trigger()
    dialog = open_dialog(TicketDialog)
    assert not dialog.form.isRowVisible(dialog.complaint_reason)
    dialog.category.setCurrentIndex(dialog.category.findData(TicketCategory.COMPLAINT))
    assert dialog.form.isRowVisible(dialog.complaint_reason)
    dialog.contact.search("李")
    dialog.contact.setCurrentIndex(0)
    dialog.subject.setText("服务态度差")
    press_ok(dialog)
    assert dialog.errors.text("complaint_reason") == "Choose the reason for the complaint."
    dialog.complaint_reason.setCurrentIndex(dialog.complaint_reason.findData("service_attitude"))
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (ticket,) = services.tickets.page(window.tickets.model.query, 0, 10)
    assert ticket.draft.complaint_reason == "service_attitude"


def test_model_with_sla_column_passes_qt_model_tester(qtmodeltester, db):
    _old_and_new_tickets(db)
    services = Services.build(ServiceContext(db))
    model = make_model(services.tickets, services.ctx.now)
    model.refresh()
    qtmodeltester.check(model)
    assert model.data(model.index(1, Column.SLA), 9) in (RED, GREY, None)
