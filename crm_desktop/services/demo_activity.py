"""The history of each demo contact: purchases and points, interactions, follow-ups, tickets."""

import hashlib
import random
from datetime import timedelta

from crm_desktop.domain.audit import entry_hash, sealed_changes
from crm_desktop.domain.expiry import add_months
from crm_desktop.services.demo_churn import ChurnPlanter
from crm_desktop.services.demo_loyalty import RULES, LoyaltyPlanter

INTERACTIONS = {
    "call": ("电话回访，客户对新品感兴趣", "电话确认送货时间", "Follow-up call about the quote"),
    "visit": ("上门拜访，演示了新产品", "到店试用，体验不错", "Visited the shop floor"),
    "message": ("微信发送了促销信息", "短信提醒会员活动", "WeChat message with the catalogue"),
    "email": ("发送了报价单", "Sent the invoice", "Emailed the price list"),
    "meeting": ("与采购部开会讨论年度合作", "Quarterly review meeting"),
    "note": ("客户偏好周末联系", "Prefers calls after 5 pm"),
}
OUTCOMES = ("约下周到店", "需要再考虑", "已下单", "Will call back", "", "")
ITEMS = ("空气净化器", "扫地机器人", "电饭煲", "净水器", "保温杯礼盒", "咖啡机", "Blender", "Air fryer",
         "延保服务", "滤芯套装")
FAULTS = ("开机无反应", "运行时异响", "滤网报警不消失", "充电后无法开机", "Display shows E3", "漏水")
PAYMENTS = ("cash", "card", "wechat_pay", "alipay", "transfer")
REWARDS = (("保温杯", 800, 50), ("购物袋", 200, None), ("滤芯一套", 1500, 30), ("50元代金券", 2500, None),
           ("免费上门清洗", 3000, 20), ("咖啡杯", 600, 80), ("定制雨伞", 1200, 40), ("蓝牙音箱", 6000, 10))
TICKET_SUBJECTS = {
    "repair": ("净化器异响", "电饭煲不加热", "扫地机器人无法回充", "Blender motor stops"),
    "tech_support": ("APP 无法连接设备", "如何设置定时", "Wi-Fi pairing fails"),
    "training": ("新店员产品培训", "Product training for staff"),
    "complaint": ("送货延误", "服务态度差", "价格比别家贵", "Late delivery"),
    "consultation": ("滤芯多久换一次", "是否支持以旧换新", "Warranty question"),
}
COMPLAINT_REASONS = ("product_quality", "price", "service_attitude", "slow_response", "competitor", "relocation",
                     "other")
OPEN_TICKET_MAX_AGE_H = 240  # open tickets were opened within ten days of the anchor: SLA clocks spread out
FLOW = {"new": [], "in_progress": ["in_progress"], "waiting": ["in_progress", "waiting"],
        "resolved": ["in_progress", "resolved"], "closed": ["in_progress", "resolved", "closed"]}
LEVELS = ((5_000_000, "钻石"), (2_000_000, "金卡"), (500_000, "银卡"), (0, "普通"))
TABLE_ORDER = ("purchases", "points_ledger", "member_level_history", "tickets", "ticket_events", "ticket_attachments", "surveys", "followups", "interactions",
               "audit_log")


class ActivityBuilder:
    def __init__(self, owner):
        self.o = owner
        self.rng = owner.rng
        self.buffers: dict[str, list[dict]] = {t: [] for t in TABLE_ORDER}
        self.reward_costs: list[tuple[int, int]] = []
        self.last_hash = owner.w.audit_head()  # the demo's entries continue whatever chain is there
        self._salts = random.Random(len(TABLE_ORDER))  # audit seals: deterministic like the rest
        self.churn = ChurnPlanter(self)
        self.loyalty = LoyaltyPlanter(owner, self.buffers)

    def flush(self) -> None:
        for table in TABLE_ORDER:
            self.o.write(table, self.buffers[table])
            self.buffers[table] = []

    def rewards(self, when) -> list[dict]:
        rows = []
        for name, cost, stock in REWARDS:
            rid = self.o.take_id("rewards")
            self.reward_costs.append((rid, cost))
            rows.append({"id": rid, "name": name, "description": "", "points_cost": cost, "stock": stock,
                         "active": True, **self.o.stamp(when)})
        return rows

    def _at(self, start, end):
        """A random instant in [start, end) during shop hours (01:00–11:00 UTC = 09:00–19:00 Beijing)."""
        days = max((end - start).days, 1)
        day = start.replace(hour=1, minute=0, second=0, microsecond=0)
        return day + timedelta(days=int(self.rng.random() * days), minutes=int(self.rng.random() * 120) * 5)

    def for_contact(self, c: dict) -> None:
        if c["stage"] in ("customer", "churned"):
            self._purchases(c)
        self._interactions(c)
        self._followups(c)
        if c["stage"] in ("customer", "churned") and self.rng.random() < 0.25:
            self._ticket(c)

    # --- purchases and points --------------------------------------------------------------------
    def _purchases(self, c: dict) -> None:
        if self.churn.plants(c):
            self.loyalty.settle(c, self._ledger)
            return
        rng, anchor = self.rng, self.o.anchor
        end = anchor - timedelta(days=rng.randint(180, 400)) if c["stage"] == "churned" else anchor
        start = c["created_at"]
        if end <= start:
            end = start + timedelta(days=30)
        dates = sorted(self._at(start, end) for _ in range(rng.choice((1, 1, 2, 2, 3, 4, 5, 8))))
        c["became_customer_at"] = dates[0]
        if c["stage"] == "churned":
            c["churned_at"] = min(dates[-1] + timedelta(days=rng.randint(90, 180)), anchor - timedelta(days=1))
        c["member_since"] = dates[0].date()
        for when in dates:
            self._purchase(c, when)
        self.loyalty.settle(c, self._ledger)

    @staticmethod
    def level_of(spent: int) -> str:
        return next(name for threshold, name in LEVELS if spent >= threshold)

    def _purchase(self, c: dict, when, amount: int | None = None) -> None:
        rng = self.rng
        amount = amount or int(rng.lognormvariate(6.2, 0.9)) * 100  # yuan -> fen, median about ¥490
        pid = self.o.take_id("purchases")
        self.buffers["purchases"].append({
            "id": pid, "contact_id": c["id"], "staff_id": rng.choice(self.o.user_ids), "purchased_at": when,
            "description": rng.choice(ITEMS), "items": "", "amount_cents": amount, "payment_method": rng.choice(PAYMENTS),
            **self.o.stamp(when)})
        c["total_spent_cents"] += amount
        c["purchase_count"] += 1
        c["last_purchase_at"] = when
        points, bonus = self.loyalty.sale_points(c, amount, when)
        self._ledger(c, "earn", points, f"消费积分 #{pid}", when, purchase_id=pid)
        self._ledger(c, "earn", bonus, "生日月奖励", when, purchase_id=pid)
        self.loyalty.after_sale(c, amount, when, pid)
        if rng.random() < 0.2:
            reward_id, cost = rng.choice(self.reward_costs)
            if c["points_balance"] >= cost:
                self._ledger(c, "redeem", -cost, "积分兑换", when + timedelta(minutes=5), reward_id=reward_id)

    def _ledger(self, c: dict, kind: str, points: int, reason: str, when, purchase_id=None, reward_id=None):
        if points == 0:
            return
        c["points_balance"] += points
        self.buffers["points_ledger"].append({
            "id": self.o.take_id("points_ledger"), "contact_id": c["id"], "kind": kind, "points": points,
            "balance_after": c["points_balance"], "reason": reason, "operator_id": self.o.user_ids[0],
            "purchase_id": purchase_id, "reward_id": reward_id, "reverses_id": None, "occurred_at": when,
            "expires_at": add_months(when, RULES.expiry_months) if kind == "earn" else None, **self.o.stamp(when)})
        self.loyalty.noted(c, self.buffers["points_ledger"][-1])

    # --- interactions and follow-ups ---------------------------------------------------------------
    def _interactions(self, c: dict) -> None:
        rng = self.rng
        for _ in range(rng.choice((0, 2, 4, 6, 6, 8, 10, 12))):
            when = self._at(c["created_at"], self.churn.quiet_from(c) or c["churned_at"] or self.o.anchor)
            kind = rng.choice(tuple(INTERACTIONS))
            self.buffers["interactions"].append({
                "id": self.o.take_id("interactions"), "contact_id": c["id"], "user_id": c["owner_id"],
                "followup_id": None, "kind": kind, "occurred_at": when,
                "summary": rng.choice(INTERACTIONS[kind]), "outcome": rng.choice(OUTCOMES), **self.o.stamp(when)})
            if c["last_interaction_at"] is None or when > c["last_interaction_at"]:
                c["last_interaction_at"] = when

    def _followups(self, c: dict) -> None:
        rng, anchor = self.rng, self.o.anchor
        for _ in range(rng.choice((0, 1, 1, 2))):
            status = rng.choice(("done", "done", "done", "missed", "cancelled"))
            self._followup(c, self._at(anchor - timedelta(days=300), anchor - timedelta(days=1)), status)
        if c["stage"] != "churned":
            for _ in range(rng.choice((0, 1, 1, 2))):
                due = self._at(anchor - timedelta(days=7), anchor + timedelta(days=60))
                self._followup(c, due, "planned")

    def _followup(self, c: dict, due, status: str) -> None:
        rng = self.rng
        kind = rng.choice(("call", "call", "visit", "message", "email", "meeting", "care", "callback"))
        self.buffers["followups"].append({
            "id": self.o.take_id("followups"), "contact_id": c["id"], "owner_id": c["owner_id"], "kind": kind,
            "title": rng.choice(("回访", "介绍新品", "生日问候", "确认需求", "Check in", "Quote follow-up")),
            "due_at": due, "duration_minutes": rng.choice((15, 30, 30, 60)), "all_day": False,
            "reminder_minutes": rng.choice((None, 10, 60, 1440)),
            "rrule": "FREQ=MONTHLY;COUNT=6" if status == "planned" and rng.random() < 0.05 else "",
            "exdates": "", "status": status, "notes": "",
            "outcome": rng.choice(OUTCOMES[:4]) if status == "done" else "",
            "completed_at": due if status == "done" else None,
            # reminders of more than a day ago were seen: a new demo shows a few, not hundreds
            "reminded_at": due if due < self.o.anchor - timedelta(days=1) else None, "snoozed_until": None,
            "ticket_id": None, **self.o.stamp(due - timedelta(days=rng.randint(1, 20))),
        })

    # --- tickets, their events and surveys ---------------------------------------------------------
    def _ticket(self, c: dict) -> None:
        rng = self.rng
        category = rng.choice(tuple(TICKET_SUBJECTS))
        status = rng.choice(tuple(FLOW))
        opened = self._opened(c, status)
        tid = self.o.take_id("tickets")
        stamps, events = self._ticket_events(tid, opened, status)
        ticket_uuid = self.o.uuid()
        self.buffers["tickets"].append({
            "id": tid, "contact_id": c["id"], "purchase_id": None, "assignee_id": self.o.user_ids[-1],
            "category": category, "priority": rng.choice(("urgent", "high", "normal", "normal", "low")),
            "status": status, "subject": rng.choice(TICKET_SUBJECTS[category]), "description": "",
            "complaint_reason": rng.choice(COMPLAINT_REASONS) if category == "complaint" else "",
            "opened_at": opened, **stamps, **self.o.stamp(opened), "uuid": ticket_uuid})
        self.buffers["ticket_events"].extend(events)
        if category == "repair" and rng.random() < 0.3:
            self._attachment(tid, opened)
        for event in events[1:]:
            self._audit(event["occurred_at"], "tickets", ticket_uuid,
                        {"status": (event["from_status"], event["to_status"])})
        if status in ("resolved", "closed") and rng.random() < 0.75:
            self._survey(c, tid, stamps["resolved_at"])

    def _attachment(self, tid: int, when) -> None:
        """The repair form the customer filled in, as a small text file."""
        text = f"维修登记单 T{tid:06d}\n故障现象：{self.rng.choice(FAULTS)}\n购买凭证：已核对\n".encode()
        self.buffers["ticket_attachments"].append({
            "ticket_id": tid, "user_id": self.o.user_ids[-1], "filename": f"维修登记单-T{tid:06d}.txt",
            "media_type": "text/plain", "size_bytes": len(text), "sha256": hashlib.sha256(text).hexdigest(),
            "content": text, **self.o.stamp(when)})

    def _opened(self, c: dict, status: str):
        """Finished tickets over the customer's history; open ones recently, so that against the
        anchor some are on track, some near their SLA target and some past it."""
        if status in FLOW and status not in ("resolved", "closed") and not c["churned_at"]:
            return self.o.anchor - timedelta(hours=0.5 + self.rng.random() * OPEN_TICKET_MAX_AGE_H)
        return self._at(c["became_customer_at"] or c["created_at"], c["churned_at"] or self.o.anchor)

    def _ticket_events(self, tid: int, opened, status: str):
        rng = self.rng
        when, previous = opened, "new"
        stamps = {"first_response_at": None, "resolved_at": None, "closed_at": None}
        events = [self._event(tid, when, "", "new")]
        for step in FLOW[status]:
            when = _before(when + timedelta(hours=rng.uniform(0.5, 72)), when, self.o.anchor)
            events.append(self._event(tid, when, previous, step))
            stamps["first_response_at"] = stamps["first_response_at"] or when
            if step in ("resolved", "closed"):
                stamps[f"{step}_at"] = when
            previous = step
        return stamps, events

    def _event(self, tid: int, when, from_status: str, to_status: str) -> dict:
        return {"id": self.o.take_id("ticket_events"), "ticket_id": tid, "user_id": self.o.user_ids[-1],
                "occurred_at": when, "from_status": from_status, "to_status": to_status, "comment": "",
                **self.o.stamp(when)}

    def _audit(self, when, table: str, record_uuid: str, changes: dict) -> None:
        user_id = self.o.user_ids[-1]
        text = sealed_changes(changes, lambda: f"{self._salts.getrandbits(64):016x}")
        digest = entry_hash(self.last_hash, when, user_id, "update", table, record_uuid, text)
        self.buffers["audit_log"].append({
            "id": self.o.take_id("audit_log"), "user_id": user_id, "occurred_at": when, "action": "update",
            "table_name": table, "record_uuid": record_uuid, "changes": text, "prev_hash": self.last_hash,
            "hash": digest, **self.o.stamp(when)})
        self.last_hash = digest

    def _survey(self, c: dict, tid: int, resolved_at) -> None:
        rng = self.rng
        csat = rng.choices((1, 2, 3, 4, 5), weights=(5, 7, 15, 35, 38))[0]
        when = _before(resolved_at + timedelta(days=rng.randint(1, 5)), resolved_at, self.o.anchor)
        self.buffers["surveys"].append({
            "id": self.o.take_id("surveys"), "contact_id": c["id"], "ticket_id": tid,
            "channel": rng.choice(("questionnaire", "phone_callback", "phone_callback", "online")),
            "csat": csat, "nps": max(0, min(10, csat * 2 + rng.randint(-2, 1))),
            "comment": rng.choice(("", "", "师傅很专业", "等太久了", "Quick and friendly")),
            "answered_at": when, **self.o.stamp(when)})


def _before(candidate, previous, limit):
    """`candidate`, or halfway from `previous` to `limit` when it would pass the limit."""
    return candidate if candidate < limit else previous + (limit - previous) / 2
