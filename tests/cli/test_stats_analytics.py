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
