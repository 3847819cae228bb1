"""Earning rules and membership levels: what a sale earns and which level a member holds.

Pure arithmetic in integers (fen, points, percent), so a rule read back from the data settings
gives the same points on every PC.
"""

from dataclasses import dataclass, fields, replace

from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.text import clean_line, clean_multiline

SETTINGS_PREFIX = "loyalty."
BASES = ("spend", "points")


@dataclass(frozen=True, slots=True)
class EarningRules:
    """`points_per_unit` points for every full `unit_yuan` yuan spent, times the level's multiplier;
    the birthday month adds `birthday_bonus_pct` % of the base points; a referred customer's first
    purchase gives the referrer `referral_bonus` points; points expire `expiry_months` after they
    were earned (0 = never); levels follow rolling 12-month spend or earned points (`level_basis`)."""

    points_per_unit: int = 1
    unit_yuan: int = 1
    birthday_bonus_pct: int = 100
    referral_bonus: int = 200
    expiry_months: int = 24
    level_basis: str = "spend"

    def to_settings(self) -> dict[str, object]:
        return {SETTINGS_PREFIX + f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_settings(cls, values: dict) -> "EarningRules":
        """Typed rules from stored values; a missing or unreadable value keeps its default."""
        rules = cls()
        for f in fields(cls):
            value = values.get(SETTINGS_PREFIX + f.name)
            candidate = replace(rules, **{f.name: value})
            if isinstance(value, type(getattr(rules, f.name))) and not _rule_errors(candidate):
                rules = candidate
        return rules


def _rule_errors(r: EarningRules) -> dict[str, str]:
    errors = {}
    if not 0 <= r.points_per_unit <= 10_000:
        errors["points_per_unit"] = "Enter 0 to 10,000 points."
    if not 1 <= r.unit_yuan <= 100_000:
        errors["unit_yuan"] = "Enter 1 to 100,000 yuan."
    if not 0 <= r.birthday_bonus_pct <= 1000:
        errors["birthday_bonus_pct"] = "Enter 0 to 1,000 %."
    if not 0 <= r.referral_bonus <= 1_000_000:
        errors["referral_bonus"] = "Enter 0 to 1,000,000 points."
    if not 0 <= r.expiry_months <= 240:
        errors["expiry_months"] = "Enter 0 (never) to 240 months."
    if r.level_basis not in BASES:
        errors["level_basis"] = "Choose spend or points."
    return errors


def validate_rules(rules: EarningRules) -> EarningRules:
    errors = _rule_errors(rules)
    if errors:
        raise ValidationError(errors)
    return rules


def base_points(rules: EarningRules, amount_cents: int) -> int:
    """Points for the full units of a sale, before multipliers: 1 per ¥1 turns ¥99.99 into 99."""
    return amount_cents // (rules.unit_yuan * 100) * rules.points_per_unit


def sale_points(rules: EarningRules, amount_cents: int, multiplier_pct: int, birthday_month: bool) -> tuple[int, int]:
    """(points of the sale with the level multiplier, birthday-month bonus)."""
    base = base_points(rules, amount_cents)
    bonus = base * rules.birthday_bonus_pct // 100 if birthday_month else 0
    return base * multiplier_pct // 100, bonus


@dataclass(frozen=True, slots=True)
class MemberLevel:
    name: str
    rank: int
    min_spend_cents: int = 0
    min_points: int | None = None
    multiplier_pct: int = 100
    benefits: str = ""


DEFAULT_LEVELS = (
    MemberLevel("普通", 0, 0, 0, 100, "积分 1 倍"),
    MemberLevel("银卡", 1, 500_000, 5_000, 110, "积分 1.1 倍，生日礼"),
    MemberLevel("金卡", 2, 2_000_000, 20_000, 125, "积分 1.25 倍，生日礼，免费上门清洗"),
    MemberLevel("钻石", 3, 5_000_000, 50_000, 150, "积分 1.5 倍，专属客服，优先维修"),
)


def validate_levels(levels) -> tuple[MemberLevel, ...]:
    """Levels ranked by their threshold: names unique and non-empty, the first open to everyone,
    thresholds rising with rank, multipliers 0-1000 %."""
    cleaned = [replace(lv, name=clean_line(lv.name)[:32], benefits=clean_multiline(lv.benefits)) for lv in levels]
    if not cleaned:
        raise ValidationError.single("levels", "Keep at least one level.")
    names = [lv.name for lv in cleaned]
    if "" in names:
        raise ValidationError.single("levels", "Every level needs a name.")
    if len(set(names)) != len(names):
        raise ValidationError.single("levels", "Two levels have the same name.")
    ordered = sorted(cleaned, key=lambda lv: (lv.min_spend_cents, lv.min_points or 0))
    if ordered[0].min_spend_cents != 0 or (ordered[0].min_points or 0) != 0:
        raise ValidationError.single("levels", "The first level must need no spend and no points.")
    spends = [lv.min_spend_cents for lv in ordered]
    points = [lv.min_points or 0 for lv in ordered]
    if len(set(spends)) != len(spends) or points != sorted(points):
        raise ValidationError.single("levels", "Each level must need more than the one below it.")
    if any(not 0 <= lv.multiplier_pct <= 1000 for lv in ordered):
        raise ValidationError.single("levels", "A multiplier must be between 0 and 1,000 %.")
    return tuple(replace(lv, rank=i) for i, lv in enumerate(ordered))


def level_for(levels, spend_cents: int, points: int, basis: str = "spend") -> MemberLevel:
    """The highest level whose threshold (spend or points of the last 12 months) is reached."""
    reached = [lv for lv in levels
               if (spend_cents >= lv.min_spend_cents if basis == "spend" else points >= (lv.min_points or 0))]
    return max(reached, key=lambda lv: lv.rank) if reached else min(levels, key=lambda lv: lv.rank)
