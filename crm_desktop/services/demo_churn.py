"""Demo churners with the signals a real one shows: the gaps between purchases stretch, each
purchase is smaller, a complaint (often left open) and a low satisfaction answer, then silence.

Every churned demo contact gets such a history before its churn date, and a fifth of the current
customers are drifting away the same way right now: those are flagged at_risk, the planted label
bench/run.py --only churn_auc checks the risk score against (the score never reads it).
Draws come from a stream of their own, so the other demo rows stay as they were.
"""

import random
from datetime import timedelta

from crm_desktop.domain.analytics.churn import ChurnType

PLANTED_SHARE = 0.2
REASONS = {
    ChurnType.COMPETITOR: ("隔壁店更便宜", "Went to the chain store"), ChurnType.PRICE: ("觉得价格太高", "Too expensive"),
    ChurnType.SERVICE_FAILURE: ("维修拖了三周", "Repair took three weeks"),
    ChurnType.RELOCATION: ("搬去外地了", "Moved to another city"), ChurnType.NEED_CHANGED: ("不再需要", "No longer needed"),
    ChurnType.NATURAL: ("", ""), ChurnType.OTHER: ("", ""),
}
COMPLAINTS = ("送货延误", "服务态度差", "价格比别家贵", "维修一直没修好", "Late delivery")


class ChurnPlanter:
    def __init__(self, builder):
        self.b = builder
        self.rng = random.Random(builder.rng.getstate()[1][0])
        self.quiet: dict[int, object] = {}  # contact id → when the planted churner fell silent

    def plants(self, c: dict) -> bool:
        """Write a drifting history for a churned contact or a planted customer; False for the rest."""
        if c["stage"] == "churned":
            self._history(c, self.b.o.anchor - timedelta(days=self.rng.randint(180, 400)))
        elif c["stage"] == "customer" and self.rng.random() < PLANTED_SHARE:
            self._history(c, None)
            c["at_risk"] = True
        else:
            return False
        return True

    def quiet_from(self, c: dict):
        return self.quiet.get(c["id"])

    def _history(self, c: dict, last) -> None:
        rng, anchor = self.rng, self.b.o.anchor
        gaps = [rng.uniform(20, 50)]
        for _ in range(rng.randint(2, 6)):
            gaps.append(gaps[-1] * rng.uniform(1.3, 1.8))
        if last is None:  # still a customer: silent for two to four of its last gaps
            last = anchor - timedelta(days=min(gaps[-1] * rng.uniform(2.0, 4.0), 330))
        dates = [last]
        for gap in reversed(gaps):
            dates.append(dates[-1] - timedelta(days=gap))
        dates = [d.replace(hour=1 + rng.randint(0, 9), minute=0, second=0, microsecond=0) for d in reversed(dates)]
        if dates[0] < c["created_at"]:
            c["created_at"] = c["updated_at"] = dates[0] - timedelta(days=rng.randint(1, 30))
        c["became_customer_at"], c["member_since"] = dates[0], dates[0].date()
        amount = rng.lognormvariate(6.6, 0.6) * 100
        for when in dates:
            self.b._purchase(c, when, amount=max(100, int(amount / 100) * 100))
            amount *= rng.uniform(0.55, 0.85)
        c["member_level"] = self.b.level_of(c["total_spent_cents"])
        self.quiet[c["id"]] = dates[-1] + timedelta(days=rng.randint(0, 20))
        if rng.random() < 0.5:
            self._complaint(c, dates[-2] + (dates[-1] - dates[-2]) / 2, still_open=c["stage"] == "customer")
        if c["stage"] == "churned":
            kind = rng.choice(tuple(ChurnType))
            c["churned_at"] = min(dates[-1] + timedelta(days=rng.randint(90, 180)), anchor - timedelta(days=1))
            c["churn_type"], c["churn_reason"] = kind.value, rng.choice(REASONS[kind])

    def _complaint(self, c: dict, opened, still_open: bool) -> None:
        rng, b = self.rng, self.b
        status = rng.choice(("new", "in_progress", "waiting")) if still_open and rng.random() < 0.6 else "closed"
        tid = b.o.take_id("tickets")
        stamps, events = b._ticket_events(tid, opened, status)
        b.buffers["tickets"].append({
            "id": tid, "contact_id": c["id"], "purchase_id": None, "assignee_id": b.o.user_ids[-1],
            "category": "complaint", "priority": rng.choice(("high", "normal")), "status": status,
            "subject": rng.choice(COMPLAINTS), "description": "",
            "complaint_reason": rng.choice(("product_quality", "price", "service_attitude", "slow_response")),
            "opened_at": opened, **stamps, **b.o.stamp(opened), "uuid": b.o.uuid()})
        b.buffers["ticket_events"].extend(events)
        if stamps["resolved_at"] is not None and rng.random() < 0.5:
            when = stamps["resolved_at"] + timedelta(days=rng.randint(1, 4))
            csat = rng.choice((1, 1, 2))
            b.buffers["surveys"].append({
                "id": b.o.take_id("surveys"), "contact_id": c["id"], "ticket_id": tid, "channel": "phone_callback",
                "csat": csat, "nps": rng.randint(0, 4), "comment": rng.choice(("等太久了", "不满意", "Not happy")),
                "answered_at": min(when, b.o.anchor - timedelta(hours=1)), **b.o.stamp(when)})
