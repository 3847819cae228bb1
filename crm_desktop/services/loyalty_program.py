"""The programme's rules, kept with the data (every app instance on one database earns alike):
earning rules in the data settings, levels in member_levels, each member's level history."""

from dataclasses import asdict

from crm_desktop.domain.loyalty_rules import (
    EarningRules,
    MemberLevel,
    validate_levels,
    validate_rules,
)
from crm_desktop.domain.permissions import Permission
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.events import PointsChanged
from crm_desktop.services.loyalty_dto import LevelChange
from crm_desktop.services.loyalty_posting import load_levels, load_rules


class LoyaltyProgramService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def rules(self) -> EarningRules:
        with self._ctx.db.reading() as uow:
            return load_rules(uow)

    def save_rules(self, rules: EarningRules) -> EarningRules:
        self._ctx.require(Permission.MANAGE_LOYALTY_PROGRAM)
        rules = validate_rules(rules)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            for key, value in rules.to_settings().items():
                uow.app_settings.put(key, value, now)
        return rules

    def levels(self) -> tuple[MemberLevel, ...]:
        with self._ctx.db.reading() as uow:
            return load_levels(uow)

    def save_levels(self, levels) -> tuple[MemberLevel, ...]:
        """Replace the levels (validated, ranked by threshold). Members move when the daily job or
        their next sale re-evaluates them."""
        self._ctx.require(Permission.MANAGE_LOYALTY_PROGRAM)
        levels = validate_levels(levels)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            uow.levels.replace_all([asdict(lv) for lv in levels], now)
        self._ctx.bus.publish(PointsChanged(0))
        return levels

    def history(self, contact_id: int, limit: int = 50) -> list[LevelChange]:
        with self._ctx.db.reading() as uow:
            return [LevelChange(r[0].contact_id, r[0].from_level, r[0].to_level, r[0].changed_at, r[0].reason,
                                r[0].basis_spend_cents, r.operator or "")
                    for r in uow.levels.changes(contact_id, limit)]
