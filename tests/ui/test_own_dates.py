"""The shop's own yearly dates: validated, kept with the data, greeted like the holidays."""

from datetime import date, timedelta

import pytest

from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.own_dates import own_dates_of, validate_own_dates
from crm_desktop.services.care_dto import CareOccasion
from crm_desktop.ui.calendar.care_dialog import CareDialog
from crm_desktop.ui.calendar.own_dates_dialog import OwnDatesDialog
from tests.ui.helpers import open_dialog, press_ok


def test_validation_and_reading_back():
    assert validate_own_dates([(12, 8, " 店庆 "), (2, 29, "闰日")]) == [(2, 29, "闰日"), (12, 8, "店庆")]
    with pytest.raises(ValidationError) as bad:
        validate_own_dates([(1, 1, "ok"), (2, 30, "no such day")])
    assert bad.value.errors == {"own_date_1": "This is not a real day of the year."}
    with pytest.raises(ValidationError):
        validate_own_dates([(3, 3, "  ")])
    assert own_dates_of([[5, 1, "ok"], ["x", 1, "bad"], "junk", [13, 1, "bad"]]) == [(5, 1, "ok")]
    assert own_dates_of({"not": "a list"}) == []


def test_own_dates_become_care_occasions_on_every_pc(services, make_services, db_path):
    soon = date.today() + timedelta(days=3)
    services.care.save_own_dates([(soon.month, soon.day, "店庆")])
    tasks = services.care.care_tasks(date.today(), 7)
    assert [(t.day, t.label) for t in tasks if t.occasion == CareOccasion.HOLIDAY and t.label == "店庆"] \
        == [(soon, "店庆")]
    assert services.care.own_dates() == [(soon.month, soon.day, "店庆")]


def test_edit_own_dates_from_the_care_dialog(qtbot, db_path, services, open_window):
    window = open_window(db_path)
    tab = window.calendar
    window.tabs.setCurrentWidget(tab)
    tab.care_button.click()
    care = open_dialog(CareDialog)
    qtbot.addWidget(care)
    page = care.occasions_page
    page.own_dates_button.click()
    dialog = open_dialog(OwnDatesDialog)
    dialog.add_button.click()
    soon = date.today() + timedelta(days=2)
    dialog.table.cellWidget(0, 0).setValue(soon.month)
    dialog.table.cellWidget(0, 1).setValue(soon.day)
    press_ok(dialog)
    assert dialog.isVisible() and dialog.banner.text() == "Name each date."
    dialog.table.cellWidget(0, 2).setText("店庆")
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert services.care.own_dates() == [(soon.month, soon.day, "店庆")]
    assert "店庆" in [page.model.task_at(r).label for r in range(page.model.rowCount())]
