"""The reminder panel's list model over real reminders passes Qt's model tester."""

from datetime import timedelta

from PySide6.QtCore import Qt

from crm_desktop.domain.enums import FollowupKind
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, FollowupDraft
from crm_desktop.services.registry import Services
from crm_desktop.ui.reminders.panel import MISSED, ReminderModel


def test_reminder_model_passes_qt_model_tester(qtmodeltester, db, clock):
    svc = Services.build(ServiceContext(db, clock=clock))
    for i in range(5):
        c = svc.contacts.create(ContactDraft(name=f"客户{i}"))
        svc.followups.create(FollowupDraft(c.id, FollowupKind.CALL, clock.now + timedelta(minutes=i - 2),
                                           f"回访{i}" if i % 2 else "", reminder_minutes=5))
    due = svc.reminders.due_reminders()
    assert len(due) == 5
    missed = {due[0].key, due[3].key}
    model = ReminderModel(lambda r: r.key in missed)
    qtmodeltester.check(model)  # empty
    model.set_reminders(due)
    qtmodeltester.check(model)
    assert model.rowCount() == 5 and model.reminder(3) is due[3]
    assert model.text(0).startswith("Missed while closed") and not model.text(1).startswith("Missed")
    assert model.data(model.index(0), Qt.ItemDataRole.ForegroundRole) == MISSED
    assert model.data(model.index(1), Qt.ItemDataRole.ForegroundRole) is None
    model.set_reminders(due[1:3])
    qtmodeltester.check(model)
    assert [model.reminder(row) for row in range(model.rowCount())] == due[1:3]
