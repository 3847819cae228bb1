"""Churn risk score, 0–100, explainable: each part adds points and the largest parts are the reasons.

It reads behaviour only (purchases, tickets, surveys, contacts made), never the stage or a flag:
- overdue: days since the last purchase against the customer's own usual interval between
  purchases ((last − first) ÷ (orders − 1)); 1× the interval is normal, 3× or more scores full;
- fewer orders and less spend in the last half-year than in the half-year before;
- unresolved complaints; a low satisfaction answer (CSAT ≤ 2) or a low average;
- days since anyone last contacted the customer.
"""

from dataclasses import dataclass

WINDOW_DAYS = 182  # "recent" and "before": two half-years back from now
DEFAULT_INTERVAL_DAYS = 90.0  # one-order customers: the interval assumed
WEIGHTS = {"overdue": 40, "fewer_orders": 15, "less_spend": 15, "complaints": 12, "low_csat": 10,
           "no_contact": 8}
REASON_COUNT = 3


@dataclass(frozen=True, slots=True)
class RiskFacts:
    orders: int
    days_since_first: float
    days_since_last: float
    orders_recent: int = 0
    orders_before: int = 0
    spend_recent: int = 0
    spend_before: int = 0
    open_complaints: int = 0
    min_csat: int | None = None
    avg_csat: float | None = None
    days_since_contact: float | None = None


@dataclass(frozen=True, slots=True)
class Reason:
    key: str  # overdue, fewer_orders, less_spend, complaints, low_csat, no_contact
    points: int
    value: float  # the figure behind it (× interval, % drop, count, score, days)


@dataclass(frozen=True, slots=True)
class RiskScore:
    score: int
    reasons: tuple[Reason, ...]


def usual_interval(orders: int, days_since_first: float, days_since_last: float) -> float:
    if orders < 2:
        return DEFAULT_INTERVAL_DAYS
    return max((days_since_first - days_since_last) / (orders - 1), 7.0)


def _clamp(x: float) -> float:
    return max(0.0, min(1.0, x))


def _drop(recent: float, before: float) -> float:
    """Fall from the half-year before to the last one, 0–1 (0 when nothing came before)."""
    return _clamp(1 - recent / before) if before > 0 else 0.0


def parts(f: RiskFacts) -> dict[str, tuple[float, float]]:
    """Each part's strength (0–1) and the figure to show with it."""
    overdue = f.days_since_last / usual_interval(f.orders, f.days_since_first, f.days_since_last)
    freq, spend = _drop(f.orders_recent, f.orders_before), _drop(f.spend_recent, f.spend_before)
    csat = 1.0 if f.min_csat is not None and f.min_csat <= 2 else (
        _clamp((3.5 - f.avg_csat) / 1.5) if f.avg_csat is not None else 0.0)
    contact = _clamp((f.days_since_contact - 60) / 240) if f.days_since_contact is not None else 0.5
    return {
        "overdue": (_clamp((overdue - 1) / 2), round(overdue, 1)),
        "fewer_orders": (freq, round(100 * freq)),
        "less_spend": (spend, round(100 * spend)),
        "complaints": (_clamp(f.open_complaints / 2), f.open_complaints),
        "low_csat": (csat, f.min_csat if f.min_csat is not None else 0),
        "no_contact": (contact, round(f.days_since_contact) if f.days_since_contact is not None else -1),
    }


def risk_score(f: RiskFacts) -> RiskScore:
    points = {k: (round(WEIGHTS[k] * s), v) for k, (s, v) in parts(f).items()}
    total = min(100, sum(p for p, _ in points.values()))
    ranked = sorted(((p, k, v) for k, (p, v) in points.items() if p > 0), key=lambda t: (-t[0], t[1]))
    return RiskScore(total, tuple(Reason(k, p, v) for p, k, v in ranked[:REASON_COUNT]))


def roc_auc(scores: list[float], labels: list[bool]) -> float | None:
    """Probability that a random positive scores above a random negative (ties count half)."""
    pairs = sorted(zip(scores, labels, strict=True))
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return None
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        average_rank = (i + j + 1) / 2  # ranks i+1 .. j
        rank_sum += average_rank * sum(1 for _, label in pairs[i:j] if label)
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)
