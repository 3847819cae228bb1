"""Sales forecast: seasonal naive (the same month a year before) and moving average (of the last
months), each back-tested on the last months of history; the lower error wins. Plus the pipeline:
open leads and prospects weighted by the probability of their stage."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

SEASON = 12
WINDOW = 3
BACKTEST = 6
DEFAULT_STAGE_PROBABILITY = {"lead": 0.1, "prospect": 0.3}


@dataclass(frozen=True, slots=True)
class Forecast:
    method: str  # "seasonal_naive" or "moving_average"
    values: tuple[int, ...]  # next months, in cents
    mae_cents: int | None  # mean absolute error of the back-test
    mape_pct: float | None  # mean absolute percentage error (months with sales only)


def seasonal_naive(history: Sequence[int], horizon: int, season: int = SEASON) -> list[int]:
    if len(history) < season:
        return []
    return [history[len(history) - season + (h % season)] for h in range(horizon)]


def moving_average(history: Sequence[int], horizon: int, window: int = WINDOW) -> list[int]:
    if not history:
        return []
    tail = list(history[-window:])
    return [round(sum(tail) / len(tail))] * horizon


def errors(actual: Sequence[int], predicted: Sequence[int]) -> tuple[int | None, float | None]:
    """(MAE, MAPE %) of a prediction against what happened."""
    if not actual or len(actual) != len(predicted):
        return None, None
    mae = round(sum(abs(a - p) for a, p in zip(actual, predicted, strict=True)) / len(actual))
    with_sales = [(a, p) for a, p in zip(actual, predicted, strict=True) if a]
    mape = round(100 * sum(abs(a - p) / a for a, p in with_sales) / len(with_sales), 1) if with_sales else None
    return mae, mape


def backtest(method: Callable[[Sequence[int], int], list[int]], history: Sequence[int],
             months: int = BACKTEST) -> tuple[int | None, float | None]:
    """Forecast each of the last `months` one step ahead from the months before it."""
    actual, predicted = [], []
    for cut in range(len(history) - months, len(history)):
        step = method(history[:cut], 1) if cut > 0 else []
        if step:
            actual.append(history[cut])
            predicted.append(step[0])
    return errors(actual, predicted)


def forecast(history: Sequence[int], horizon: int = 3) -> Forecast:
    candidates = []
    for name, method in (("seasonal_naive", seasonal_naive), ("moving_average", moving_average)):
        values = method(history, horizon)
        if values:
            mae, mape = backtest(method, history)
            candidates.append((mae if mae is not None else float("inf"), name, values, mae, mape))
    if not candidates:
        return Forecast("moving_average", (), None, None)
    _, name, values, mae, mape = min(candidates, key=lambda c: c[0])
    return Forecast(name, tuple(values), mae, mape)


def pipeline_cents(open_by_stage: Mapping[str, int], first_order_cents: float,
                   probability: Mapping[str, float] = DEFAULT_STAGE_PROBABILITY) -> int:
    """Σ open contacts in a stage × the stage's probability × the average first order."""
    return round(sum(n * probability.get(stage, 0.0) for stage, n in open_by_stage.items()) * first_order_cents)
