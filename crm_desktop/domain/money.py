"""Money as integer minor units (fen / cents); never floats."""

from decimal import Decimal, InvalidOperation

from crm_desktop.domain.errors import ValidationError

_MAX = 10**15


def parse_money(text: str, field: str = "amount") -> int:
    """'1,234.5' -> 123450. Refuses more than two decimals, negatives and absurd sizes."""
    cleaned = text.strip().replace(",", "").replace("，", "").lstrip("¥￥$").strip()
    if not cleaned:
        raise ValidationError.single(field, "Enter an amount.")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError.single(field, "Not a number.") from None
    if not value.is_finite() or value < 0:
        raise ValidationError.single(field, "The amount cannot be negative.")
    cents = value * 100
    if cents != cents.to_integral_value():
        raise ValidationError.single(field, "Use at most two decimals.")
    if cents >= _MAX:
        raise ValidationError.single(field, "The amount is too large.")
    return int(cents)


def format_money(cents: int, symbol: str = "¥") -> str:
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    return f"{sign}{symbol}{whole:,}.{frac:02d}"
