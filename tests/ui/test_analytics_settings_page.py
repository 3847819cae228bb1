"""Settings → Analytics in the real window: the stored data settings are shown, edited ones are
saved where the analytics read them, and a refused value keeps the dialog open on that field."""

from crm_desktop.services.analytics_dto import AnalyticsSettings
from crm_desktop.ui.settings_dialog import SettingsDialog
from tests.ui.helpers import open_dialog, press_ok


def _page(window):
    window.actions.settings.trigger()
    dialog = open_dialog(SettingsDialog)
    return dialog, dialog.analytics


def test_the_page_is_listed_and_shows_the_defaults_with_the_formulas(db_path, open_window):
    dialog, page = _open = _page(open_window(db_path))
    titles = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert titles[dialog.pages.index(page)] == "Analytics"
    assert (page.margin.value(), page.lifespan.value(), page.win.value(), page.cost.value()) == (30, 3, 25, 50)
    assert (page.threshold.value(), page.lead.value(), page.prospect.value()) == (60, 10, 30)
    assert "CLV = average order value × purchases a year × expected lifespan × margin" in page.value_help.text()
    assert "E(V) − V3 > C3" in page.winback_help.text()
    dialog.reject()


def test_edited_values_reach_lifetime_value_and_win_back(db_path, open_window, services):
    dialog, page = _page(open_window(db_path))
    page.margin.setValue(45)
    page.lifespan.setValue(2.5)
    page.win.setValue(40)
    page.cost.setValue(12.34)
    page.threshold.setValue(70)
    page.lead.setValue(5)
    page.prospect.setValue(50)
    press_ok(dialog)
    assert not dialog.isVisible()
    stored = services.analytics_settings.get()
    assert stored == AnalyticsSettings(45.0, 2.5, 70, 40.0, 1234, {"lead": 0.05, "prospect": 0.5})
    assert services.data_settings.get("analytics.margin_pct") == 45.0
    again, page2 = _page(open_window(db_path))
    assert (page2.margin.value(), page2.cost.value(), page2.prospect.value()) == (45, 12.34, 50)
    again.reject()


def test_a_prospect_less_likely_than_a_lead_is_refused_under_its_field(db_path, open_window, services):
    dialog, page = _page(open_window(db_path))
    page.margin.setValue(10)
    page.lead.setValue(60)
    page.prospect.setValue(20)
    dialog.list.setCurrentRow(0)
    press_ok(dialog)
    assert dialog.isVisible()
    assert dialog.stack.currentWidget() is page
    error = page.errors["prospect_probability"]
    assert not error.isHidden()
    assert error.text() == "A prospect is further on than a lead: its probability cannot be lower."
    assert services.data_settings.get("analytics.margin_pct") is None  # nothing of the page was saved
    page.defaults.click()
    assert error.isHidden() and page.prospect.value() == 30
    dialog.reject()
