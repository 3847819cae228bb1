"""Satisfaction answers: CSAT (1–5), NPS (0–10), and when an answer calls for a callback."""

from collections.abc import Iterable
from dataclasses import dataclass

from crm_desktop.domain.enums import SurveyChannel
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.text import clean_multiline

LOW_CSAT = 2  # at or below: the customer is unhappy
PROMOTER_NPS = 9  # 9–10 recommend us
DETRACTOR_NPS = 6  # 0–6 would not


@dataclass(frozen=True, slots=True)
class SurveyAnswer:
    csat: int | None
    nps: int | None
    channel: SurveyChannel
    comment: str = ""

    @property
    def unhappy(self) -> bool:
        """A low score opens a callback and flags the customer as at risk of leaving."""
        return (self.csat is not None and self.csat <= LOW_CSAT) or (
            self.nps is not None and self.nps <= DETRACTOR_NPS)


def validate_survey(answer: SurveyAnswer) -> SurveyAnswer:
    if answer.csat is None and answer.nps is None:
        raise ValidationError.single("csat", "Give at least one score.")
    if answer.csat is not None and not 1 <= answer.csat <= 5:
        raise ValidationError.single("csat", "CSAT is a score from 1 to 5.")
    if answer.nps is not None and not 0 <= answer.nps <= 10:
        raise ValidationError.single("nps", "NPS is a score from 0 to 10.")
    return SurveyAnswer(answer.csat, answer.nps, SurveyChannel(answer.channel), clean_multiline(answer.comment))


def nps_score(answers: Iterable[int]) -> float | None:
    """Net promoter score in percent: (promoters − detractors) ÷ answers × 100; None without answers."""
    scores = list(answers)
    return nps_of_counts(len(scores), sum(1 for s in scores if s >= PROMOTER_NPS),
                         sum(1 for s in scores if s <= DETRACTOR_NPS))


def nps_of_counts(answers: int, promoters: int, detractors: int) -> float | None:
    """`nps_score` from the counts of answers, promoters and detractors (counted in a database)."""
    return round(100 * (promoters - detractors) / answers, 1) if answers else None


def average(values: Iterable[int]) -> float | None:
    items = list(values)
    return mean_of_sum(sum(items), len(items))


def mean_of_sum(total: int, n: int) -> float | None:
    """`average` from the sum and the count of the values."""
    return round(total / n, 2) if n else None
