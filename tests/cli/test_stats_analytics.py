"""`crm-desktop stats --json` carries every analytics KPI under readable key names."""

import json
import subprocess
import sys


def test_stats_json_has_the_kpis(tmp_path):
    db = tmp_path / "d.sqlite3"
    run = lambda *a: subprocess.run([sys.executable, "-m", "crm_desktop", "--db", str(db), *a],  # noqa: E731
                                    check=True, capture_output=True, text=True).stdout
    run("demo", "--contacts", "300")
    a = json.loads(run("stats", "--json"))["analytics"]
    for key in ("retention_rate_pct", "churn_rate_pct", "relative_churn_pct", "rfm_segments", "rfm_grid_recency_by_frequency",
                "clv_average_cents", "risk_at_risk", "risk_top", "conversion_rate_pct", "forecast", "nps",
                "sla_compliance_pct", "new_leads_by_source", "contribution_top_decile_pct"):
        assert key in a, key
    assert round(a["retention_rate_pct"] + a["churn_rate_pct"], 1) == 100.0
    assert sum(s["customers"] for s in a["rfm_segments"].values()) == a["rfm_customers"]
    assert a["risk_top"][0]["reasons"]
    assert "retention" in run("stats")


def test_stats_lists_the_breached_open_tickets_and_counts_them(tmp_path):
    from crm_desktop.domain.sla import SlaState
    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.demo import generate_demo
    from crm_desktop.services.tickets import TicketService
    from crm_desktop.storage.database import Database
    from crm_desktop.storage.migrate import upgrade_to_head

    db = tmp_path / "d.sqlite3"
    database = Database(db)
    upgrade_to_head(database)
    generate_demo(database, 300, seed=5)
    tickets = TicketService(ServiceContext(database))
    before = tickets.sla_ticket_ids(SlaState.BREACHED)
    run = lambda *a: subprocess.run([sys.executable, "-m", "crm_desktop", "--db", str(db), *a],  # noqa: E731
                                    check=True, capture_output=True, text=True).stdout
    listed = json.loads(run("stats", "--json"))["tickets"]["breached_open"]
    text = run("stats")
    after = tickets.sla_ticket_ids(SlaState.BREACHED)
    database.dispose()
    # a breached clock stays breached while the clocks run on: what the CLI saw lies between
    assert before and set(before) <= set(listed) <= set(after) and listed == sorted(listed)
    assert any(f"{n} open breached" in text for n in range(len(before), len(after) + 1))
