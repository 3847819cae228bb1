"""Period rates as the source defines them.

retention = customers kept ÷ customers at the period start (kept: customers at the start who had
not churned by its end); absolute churn = customers churned in the period ÷ all customers (at the
period start); relative churn = Σ over churned customers of their share of revenue = their revenue ÷
all customers' revenue; conversion = leads of the period that became customers ÷ leads of the period.
"""

from statistics import median


def ratio(part: float, whole: float) -> float | None:
    """part ÷ whole, None (not 0) when there is nothing to divide by."""
    return part / whole if whole else None


def retention_rate(at_start: int, kept: int) -> float | None:
    return ratio(kept, at_start)


def churn_rate(churned: int, all_customers: int) -> float | None:
    return ratio(churned, all_customers)


def relative_churn(churned_revenue: list[int] | tuple[int, ...], total_revenue: int) -> float | None:
    """Each churned customer weighted by its share of revenue: Σ (revenue_i ÷ total)."""
    if not total_revenue:
        return None
    return sum(r / total_revenue for r in churned_revenue)


def conversion_rate(converted: int, leads: int) -> float | None:
    return ratio(converted, leads)


def conversion_days(days: list[float]) -> float | None:
    """Median days from first record to becoming a customer."""
    return median(days) if days else None


def pct(value: float | None) -> float | None:
    return None if value is None else round(100 * value, 1)
