"""The in-app reminder scheduler: a short QTimer that asks the service what is due each tick.

It never trusts one long timer: every tick compares the fire times with the clock (the service's
clock, injectable in tests), so a PC that slept, a clock that jumped or a snooze set on another
PC all come right at the next tick. Reminders already due when the scheduler starts fell due while
the app was closed; they are reported as such.
"""

import logging
import time
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from crm_desktop.services.reminders import ReminderDTO, ReminderService
from crm_desktop.ui.common.worker import Worker

log = logging.getLogger(__name__)
TICK_MS = 15_000
BUSY_SHARE = 10  # a read taking T waits 10 T before the next: reminders take at most a tenth of a core
MAX_TICK_MS = 120_000
GRACE = timedelta(minutes=1)  # a reminder due within this of the start is not "missed"


class ReminderScheduler(QObject):
    fired = Signal(list)  # [ReminderDTO]: new this tick (a snooze that ran out is new again)
    dueChanged = Signal(list)  # [ReminderDTO]: everything due now (the panel's list)

    def __init__(self, service: ReminderService, now, interval_ms: int = TICK_MS, parent=None):
        super().__init__(parent)
        self._service, self._now = service, now
        self.started_at: datetime | None = None
        self.due: list[ReminderDTO] = []
        self._shown: set[tuple] = set()
        self._interval_ms, self._read_started = interval_ms, 0.0
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self._on_timer_timeout)
        self._worker: Worker | None = None
        self._generation = 0  # a background read older than the last read here is dropped

    def set_interval(self, ms: int) -> None:
        """The time between ticks while reads are quick."""
        self._interval_ms = ms
        self.timer.setInterval(ms)

    def start(self) -> None:
        """The first read runs in the background like every tick: a calendar of a million
        contacts' follow-ups never holds up the window's first paint."""
        self.started_at = self._now()
        self._on_timer_timeout()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self._worker is not None:
            self._worker.wait()

    def missed_while_closed(self, reminder: ReminderDTO) -> bool:
        return self.started_at is not None and reminder.fire_at < self.started_at - GRACE

    def tick(self) -> list[ReminderDTO]:
        """Read what is due now, here and at once (tests; the app reads in a worker); announce the new
        ones. Returns the new ones."""
        self._generation += 1
        try:
            due = self._service.due_reminders(self._now())
        except Exception:  # noqa: BLE001 - a locked database now is read again next tick
            log.warning("reminders not read this tick", exc_info=True)
            return []
        return self._apply(due)

    def _on_timer_timeout(self) -> None:
        """The timer's ticks read in a worker: a big calendar's query never holds up the window."""
        if self._worker is not None:
            return
        now, generation = self._now(), self._generation
        self._read_started = time.perf_counter()
        self._worker = Worker(lambda _report: self._service.due_reminders(now), self)
        self._worker.succeeded.connect(lambda due: self._apply(due) if generation == self._generation else None)
        self._worker.failed.connect(lambda exc: log.warning("reminders not read this tick: %s", exc))
        self._worker.finished.connect(self._on_worker_finished)
        self._worker.start()

    def _on_worker_finished(self) -> None:
        """A slow read (a huge calendar, a busy PC) spaces the ticks out, within MAX_TICK_MS."""
        self._worker = None
        took_ms = (time.perf_counter() - self._read_started) * 1000
        self.timer.setInterval(int(min(MAX_TICK_MS, max(self._interval_ms, took_ms * BUSY_SHARE))))

    def _apply(self, due: list[ReminderDTO]) -> list[ReminderDTO]:
        new = [r for r in due if r.key not in self._shown]
        self._shown = {r.key for r in due}
        if [r.key for r in due] != [r.key for r in self.due]:
            self.due = due
            self.dueChanged.emit(due)
        if new:
            self.fired.emit(new)
        return new

    def snooze(self, reminders: list[ReminderDTO], minutes: int) -> None:
        self._service.snooze_all([r.followup.id for r in reminders], minutes)
        self._drop(reminders)

    def dismiss(self, reminders: list[ReminderDTO]) -> None:
        self._service.dismiss_all({r.followup.id: r.occurrence for r in reminders})
        self._drop(reminders)

    def _drop(self, reminders: list[ReminderDTO]) -> None:
        """Take the snoozed or dismissed ones off the list at once, without reading every reminder
        again here (seconds for a calendar owing thousands): the next tick reads in a worker (a
        series' next occurrence, a snooze run out), and a read already running is ignored."""
        gone = {r.key for r in reminders}
        self._generation += 1
        self._apply([r for r in self.due if r.key not in gone])
