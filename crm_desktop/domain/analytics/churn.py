"""Why a customer left, and which tier their value suggests."""

from enum import StrEnum

from crm_desktop.domain.errors import ValidationError


class ChurnType(StrEnum):
    NATURAL = "natural"  # no longer needs the product at all (moved on in life, business closed)
    NEED_CHANGED = "need_changed"
    COMPETITOR = "competitor"
    SERVICE_FAILURE = "service_failure"
    PRICE = "price"
    RELOCATION = "relocation"
    OTHER = "other"


def validate_churn(kind: str, reason: str) -> tuple[ChurnType, str]:
    try:
        churn_type = ChurnType(kind)
    except ValueError:
        raise ValidationError.single("churn_type", "Choose why the customer left.") from None
    reason = reason.strip()
    if len(reason) > 2000:
        raise ValidationError.single("churn_reason", "The reason is too long (at most 2,000 characters).")
    return churn_type, reason


def proposed_tier(value_score: int, recency_score: int) -> str:
    """The tier a customer's value suggests: lifetime value in the top quintile → key; in the
    fourth, or above the middle and bought recently → potential; not bought for longest (bottom
    recency quintile) → cold; else ordinary."""
    if value_score == 5:
        return "key"
    if value_score == 4 or (value_score == 3 and recency_score >= 4):
        return "potential"
    if recency_score == 1:
        return "cold"
    return "ordinary"
