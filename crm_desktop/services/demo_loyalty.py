"""The demo's loyalty programme: the four levels, the earning rules in the data settings, points
earned by those rules, levels moving with rolling 12-month spend (with their history) and points
expired as the daily job would have done. The ledger reconciles like one the app wrote."""

import json
from datetime import timedelta

from crm_desktop.domain.expiry import PointsMove, due_points
from crm_desktop.domain.loyalty_rules import DEFAULT_LEVELS, EarningRules, level_for, sale_points
from crm_desktop.services.loyalty_jobs import CHECKED_UNTIL

RULES = EarningRules(expiry_months=24)
WINDOW = timedelta(days=365)
SETTLED = timedelta(hours=1)  # the daily job ran an hour before the anchor


class LoyaltyPlanter:
    def __init__(self, owner, buffers: dict[str, list[dict]]):
        self.o = owner
        self.history = buffers.setdefault("member_level_history", [])
        self._sales: dict[int, list[tuple]] = {}
        self._moves: dict[int, list[PointsMove]] = {}
        self._level: dict[int, str] = {}  # as this planter moved it (others may overwrite the contact's)

    def programme_rows(self, when) -> tuple[list[dict], list[dict]]:
        """(member_levels rows, app_settings rows) written before any contact."""
        levels = [{"name": lv.name, "rank": lv.rank, "min_spend_cents": lv.min_spend_cents,
                   "min_points": lv.min_points, "multiplier_pct": lv.multiplier_pct, "benefits": lv.benefits,
                   **self.o.stamp(when)} for lv in DEFAULT_LEVELS]
        values = {**RULES.to_settings(), CHECKED_UNTIL: (self.o.anchor - SETTLED).isoformat()}
        settings = [{"key": key, "value": _json(value), **self.o.stamp(when)} for key, value in values.items()]
        return levels, settings

    def sale_points(self, c: dict, amount: int, when) -> tuple[int, int]:
        """(points, birthday bonus) the member earns with the level it holds before this sale."""
        held = self._level.get(c["id"], "普通")
        multiplier = next(lv.multiplier_pct for lv in DEFAULT_LEVELS if lv.name == held)
        birthday = c["birth_month"] is not None and c["birth_month"] == (when + timedelta(hours=8)).month
        return sale_points(RULES, amount, multiplier, birthday)

    def after_sale(self, c: dict, amount: int, when, purchase_id: int) -> None:
        self._sales.setdefault(c["id"], []).append((when, amount))
        self._move_to(c, self._level_at(c, when), when, f"消费 #{purchase_id}")

    def noted(self, c: dict, row: dict) -> None:
        self._moves.setdefault(c["id"], []).append(
            PointsMove(row["id"], row["points"], row["reverses_id"], row["expires_at"]))

    def settle(self, c: dict, write_off) -> None:
        """At the anchor: write off expired points, move the level to what the window now holds."""
        when = self.o.anchor - SETTLED
        due = due_points(self._moves.get(c["id"], []), when)
        if due:
            write_off(c, "expire", -due, "积分到期", when)
        self._move_to(c, self._level_at(c, when), when, "每日评估")
        self._sales.pop(c["id"], None)
        self._moves.pop(c["id"], None)
        self._level.pop(c["id"], None)

    def _level_at(self, c: dict, when) -> str:
        spend = sum(a for t, a in self._sales.get(c["id"], ()) if when - WINDOW <= t <= when)
        return level_for(DEFAULT_LEVELS, spend, 0).name

    def _move_to(self, c: dict, level: str, when, reason: str) -> None:
        current = self._level.get(c["id"], "")
        self._level[c["id"]] = c["member_level"] = level
        if level == current or (not current and level == "普通"):
            return
        spend = sum(a for t, a in self._sales.get(c["id"], ()) if when - WINDOW <= t <= when)
        self.history.append({"contact_id": c["id"], "from_level": current or "普通", "to_level": level,
                             "changed_at": when, "reason": reason, "basis_spend_cents": spend,
                             "operator_id": None, **self.o.stamp(when)})


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
