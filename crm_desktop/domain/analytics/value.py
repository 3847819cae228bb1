"""Customer value: lifetime value (CLV), contribution share and remaining potential.

CLV = average order value × purchase frequency (orders a year) × expected lifespan (years) × margin.
Money stays in integer minor units (fen); the result is rounded to the fen.
"""

from dataclasses import dataclass

DAYS_PER_YEAR = 365.25
DEFAULT_MARGIN_PCT = 30.0
DEFAULT_LIFESPAN_YEARS = 3.0


@dataclass(frozen=True, slots=True)
class ValueFacts:
    total_cents: int
    orders: int
    first_at_days: float  # days from the first purchase to now
    lifespan_years: float = DEFAULT_LIFESPAN_YEARS
    margin_pct: float = DEFAULT_MARGIN_PCT


def average_order_value(total_cents: int, orders: int) -> float:
    return total_cents / orders if orders else 0.0


def frequency_per_year(orders: int, active_days: float) -> float:
    """Orders a year over the time since the first purchase (at least 30 days, so a customer of
    one week with two orders is not extrapolated to a hundred orders a year)."""
    return orders / (max(active_days, 30.0) / DAYS_PER_YEAR) if orders else 0.0


def clv(aov_cents: float, per_year: float, lifespan_years: float, margin_pct: float) -> int:
    return round(aov_cents * per_year * lifespan_years * margin_pct / 100)


def clv_of(f: ValueFacts) -> int:
    aov = average_order_value(f.total_cents, f.orders)
    return clv(aov, frequency_per_year(f.orders, f.first_at_days), f.lifespan_years, f.margin_pct)


def contribution_share(value_cents: int, total_cents: int) -> float:
    """This customer's share of all revenue, 0–1."""
    return value_cents / total_cents if total_cents else 0.0


def potential_cents(clv_cents: int, spent_cents: int, margin_pct: float) -> int:
    """Margin still to be earned over the expected lifespan beyond what was already earned."""
    return max(0, clv_cents - round(spent_cents * margin_pct / 100))
