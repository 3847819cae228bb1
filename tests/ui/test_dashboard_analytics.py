"""The dashboard's analytics: tiles, charts, RFM segments and the at-risk list from workers, and the
actions on them (segment list and its export, marking churned, a win-back campaign)."""

from datetime import date

from crm_desktop.services.demo import generate_demo
from crm_desktop.ui.dashboard.periods import KEYS, period_days


def _window(qtbot, db, db_path, open_window):
    generate_demo(db, 300, seed=3)
    window = open_window(db_path, user="owner", password="demo")
    tab = window.dashboard
    qtbot.waitUntil(lambda: None not in (tab.analytics, tab.quality, tab.risk), timeout=20_000)
    return window, tab


def test_periods():
    today = date(2026, 5, 20)
    assert period_days("this_month", today) == (date(2026, 5, 1), today)
    assert period_days("last_month", today) == (date(2026, 4, 1), date(2026, 4, 30))
    assert period_days("this_quarter", today) == (date(2026, 4, 1), today)
    assert period_days("last_12_months", today)[0] == date(2025, 5, 21)
    assert all(period_days(k, today)[1] <= today for k in KEYS)


def test_tiles_charts_rfm_and_risk_show_the_services_figures(qtbot, db, db_path, open_window):
    window, tab = _window(qtbot, db, db_path, open_window)
    s = tab.analytics
    assert tab.tiles.tiles["retention"].value.text() == f"{s.retention_pct:.1f}%"
    assert "÷" in tab.tiles.tiles["relative_churn"].toolTip()  # the help states the formula
    assert tab.tiles.tiles["at_risk"].value.text() == str(tab.risk.at_risk)
    # the complete months as a line; the running month is the forecast's first
    assert [v for _, v in tab.trend.values] == [m.revenue_cents for m in s.trend if m.month < s.forecast.months[0]]
    assert tab.rfm.table.item(0, 1).text() == str(s.rfm.segments["important_value"])
    assert tab.risk_panel.table.rowCount() == len(tab.risk.top) > 0
    assert tab.risk_panel.table.item(0, 2).text()  # the main reasons, in words
    assert (s.end - s.start).days >= 364  # the last 12 months at first
    tab.period.setCurrentIndex(KEYS.index("this_month"))
    qtbot.waitUntil(lambda: tab.analytics is not s, timeout=20_000)
    assert tab.analytics.start.astimezone().day == 1


def test_segment_opens_as_a_list_exported_to_xlsx(qtbot, db, db_path, open_window, tmp_path):
    from crm_desktop.interchange.sheet_in import read_sheet

    window, tab = _window(qtbot, db, db_path, open_window)
    tab.rfm.table.selectRow(0)
    dialog = tab.rfm.open_selected()
    qtbot.waitUntil(lambda: len(dialog.members) == min(500, tab.analytics.rfm.segments["important_value"]),
                    timeout=10_000)
    dialog.export(tmp_path / "seg.xlsx")
    table = read_sheet(tmp_path / "seg.xlsx")
    assert len(table.rows) == len(dialog.members)
    assert table.rows[0].cells[0] == dialog.members[0].name
    dialog.reject()


def test_mark_churned_and_win_back_campaign(qtbot, db, db_path, open_window):
    window, tab = _window(qtbot, db, db_path, open_window)
    first = tab.risk.top[0]
    tab.risk_panel.table.selectRow(0)
    dialog = tab.ask_mark_churned()
    dialog.kind.setCurrentIndex(dialog.kind.findData("price"))
    dialog.reason.setPlainText("嫌贵")
    dialog.accept()
    with db.reading() as uow:
        contact = uow.contacts.get(first.contact_id)
        assert (contact.stage, contact.churn_type, contact.churn_reason) == ("churned", "price", "嫌贵")
    qtbot.waitUntil(lambda: tab.risk.top[0].contact_id != first.contact_id, timeout=20_000)
    acting = sum(1 for r in tab.risk.top if r.win_back.act)
    campaign = tab.ask_win_back()
    campaign.accept()
    with db.reading() as uow:
        from crm_desktop.storage.records import FollowupRecord

        planned = uow.session.query(FollowupRecord).filter(FollowupRecord.title == campaign.title.text()).count()
    assert planned == acting > 0


def test_retier_lists_proposals_before_applying_them(qtbot, db, db_path, open_window):
    window, tab = _window(qtbot, db, db_path, open_window)
    dialog = tab.open_retier()
    qtbot.waitUntil(lambda: dialog.proposals is not None, timeout=20_000)
    assert dialog.table.rowCount() == min(len(dialog.proposals), 1000) > 0
    cid, _, before, proposed = dialog.proposals[0]
    with db.reading() as uow:
        assert uow.contacts.get(cid).tier == before  # shown, not yet applied
    dialog.apply()
    with db.reading() as uow:
        assert uow.contacts.get(cid).tier == proposed


def test_dashboard_exports_to_pdf_with_the_charts(qtbot, db, db_path, open_window, tmp_path):
    from crm_desktop.ui.dashboard.pdf import build_document

    window, tab = _window(qtbot, db, db_path, open_window)
    doc = build_document(tab)
    assert tab.tiles.tiles["retention"].value.text() in doc.toPlainText()
    assert doc.toHtml().count("<img") == 4  # trend, sources, tiers, RFM grid
    tab.export_pdf(tmp_path / "d.pdf")
    data = (tmp_path / "d.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000


def test_service_page_shows_open_tickets_medians_and_satisfaction_by_month(qtbot, db, db_path, open_window):
    window, tab = _window(qtbot, db, db_path, open_window)
    q = tab.quality.sla
    text = tab.service.summary.text()
    opened = q.open_by_status
    assert f"New {opened.get('new', 0)} · In progress {opened.get('in_progress', 0)}" in text
    assert f"{q.median_first_response_hours:.1f} working hours" in text
    assert f"within target {q.compliance_pct:.1f}%" in text
    months = tab.service.months
    assert months.rowCount() == len(q.by_month) > 0
    newest = q.by_month[-1]
    assert [months.item(0, c).text() for c in range(2)] == [newest.month, str(newest.answers)]


def test_the_risk_page_also_lists_churned_customers_with_their_win_back_decision(qtbot, db, db_path, open_window):
    window, tab = _window(qtbot, db, db_path, open_window)
    panel = tab.risk_panel
    assert not panel.showing_churned and panel.table.rowCount() == len(tab.risk.top)
    panel.view.setCurrentIndex(panel.view.findData("churned"))
    churned = tab.risk.churned
    assert churned and panel.table.rowCount() == len(churned)
    assert panel.table.horizontalHeaderItem(1).text() == "Why they left"
    assert panel.table.item(0, 0).text() == churned[0].name
    assert not panel.churned_button.isEnabled()
    assert f"The {len(churned)} most valuable churned customers" in panel.headline.text()
