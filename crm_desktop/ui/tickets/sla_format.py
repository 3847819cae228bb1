"""How SLA clocks, survey channels and complaint reasons read on screen (translated at display time)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from crm_desktop.domain.sla import ClockReading, SlaClock, SlaState

CONTEXT = "SlaFormat"
DAY_MINUTES = 9 * 60  # one working day of the default calendar (09:00–18:00)
HOURS_ONLY = 10**9  # as day_minutes: never switch to days
AMBER, RED, GREY = QColor("#b9770e"), QColor("#c0392b"), QColor("#7f8c8d")


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def duration_text(minutes: int, day_minutes: int = DAY_MINUTES) -> str:
    """Business time, roughly: minutes under an hour, hours under a working day, then days."""
    minutes = abs(minutes)
    if minutes < 60:
        return _t(QT_TRANSLATE_NOOP("SlaFormat", "{n} min")).format(n=minutes)
    if minutes < day_minutes:
        return _t(QT_TRANSLATE_NOOP("SlaFormat", "{n} h")).format(n=minutes // 60)
    return _t(QT_TRANSLATE_NOOP("SlaFormat", "{n} d")).format(n=minutes // day_minutes)


def left_text(reading: ClockReading, day_minutes: int = DAY_MINUTES) -> str:
    """"3 h left", "2 d over", or "Met" for a clock that stopped in time."""
    if reading.state == SlaState.MET:
        return _t(QT_TRANSLATE_NOOP("SlaFormat", "Met"))
    span = duration_text(reading.left_minutes, day_minutes)
    if reading.left_minutes > 0:
        return _t(QT_TRANSLATE_NOOP("SlaFormat", "{span} left")).format(span=span)
    return _t(QT_TRANSLATE_NOOP("SlaFormat", "{span} over")).format(span=span)


def sla_text(clock: SlaClock | None, day_minutes: int = DAY_MINUTES) -> str:
    """The list's SLA cell: the headline clock, marked when the customer is being waited for."""
    if clock is None:
        return ""
    text = left_text(clock.headline, day_minutes)
    if clock.paused and clock.headline.state != SlaState.BREACHED:
        return _t(QT_TRANSLATE_NOOP("SlaFormat", "{text} (paused)")).format(text=text)
    return text


def sla_colour(clock: SlaClock | None) -> QColor | None:
    """The list cell's colour: that of the headline clock."""
    return None if clock is None else reading_colour(clock.headline, clock.paused)


def reading_colour(reading: ClockReading, paused: bool = False) -> QColor | None:
    """Amber at risk, red breached, grey paused or met; the default colour on track."""
    if reading.state == SlaState.BREACHED:
        return RED
    if paused or reading.state == SlaState.MET:
        return GREY
    return AMBER if reading.state == SlaState.AT_RISK else None


def state_label(state: SlaState) -> str:
    return {
        SlaState.ON_TRACK: _t(QT_TRANSLATE_NOOP("SlaFormat", "On track")),
        SlaState.AT_RISK: _t(QT_TRANSLATE_NOOP("SlaFormat", "At risk")),
        SlaState.BREACHED: _t(QT_TRANSLATE_NOOP("SlaFormat", "Breached")),
        SlaState.MET: _t(QT_TRANSLATE_NOOP("SlaFormat", "Met")),
    }[SlaState(state)]


def clock_text(reading: ClockReading, day_minutes: int = DAY_MINUTES) -> str:
    """The detail pane's line for one clock: state, time left or over, and the target. Targets and
    time used read in hours, as the policy states them (16 h is not "1 d" of a 9-hour day)."""
    target = duration_text(reading.target_minutes, HOURS_ONLY)
    if reading.state == SlaState.MET:
        used = duration_text(reading.used_minutes, HOURS_ONLY)
        return _t(QT_TRANSLATE_NOOP("SlaFormat", "Met in {used} (target {target})")).format(used=used, target=target)
    return _t(QT_TRANSLATE_NOOP("SlaFormat", "{state}: {left} (target {target})")).format(
        state=state_label(reading.state), left=left_text(reading, day_minutes), target=target)


def sla_tooltip(clock: SlaClock | None) -> str:
    if clock is None:
        return ""
    return "\n".join((
        _t(QT_TRANSLATE_NOOP("SlaFormat", "First response: {text}")).format(text=clock_text(clock.first_response)),
        _t(QT_TRANSLATE_NOOP("SlaFormat", "Resolution: {text}")).format(text=clock_text(clock.resolution)),
    ))
