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

from crm_desktop.services.reminders import LISTED, DueReminders, Key, ReminderDTO, ReminderService
from crm_desktop.ui.common.worker import Worker

log = logging.getLogger(__name__)
TICK_MS = 15_000
BUSY_SHARE = 10  # a read taking T waits 10 T before the next: reminders take at most a tenth of a core
MAX_TICK_MS = 120_000
GRACE = timedelta(minutes=1)  # a reminder due within this of the start is not "missed"


class ReminderScheduler(QObject):
    fired = Signal(list, int)  # [ReminderDTO] of the listed ones new this tick, how many are new in all
    dueChanged = Signal(list)  # [ReminderDTO]: the ones listed now, newest first (the panel's list)
    writeFailed = Signal(object)  # the exception of a snooze or dismiss not saved (they are listed again)

    def __init__(self, service: ReminderService, now, interval_ms: int = TICK_MS, parent=None):
        super().__init__(parent)
        self._service, self._now = service, now
        self.started_at: datetime | None = None
        self.listed = LISTED  # how many of the due reminders are read with their follow-ups
        self.due: list[ReminderDTO] = []  # listed, newest first
        self.keys: tuple[Key, ...] = ()  # every due reminder, listed or not, by fire time
        self._interval_ms, self._read_started = interval_ms, 0.0
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self._on_timer_timeout)
        self._worker: Worker | None = None
        self._writer: Worker | None = None  # a snooze or dismiss being saved
        self._generation = 0  # a background read older than the last read here is dropped
        self._reread = False  # a background read was dropped: read again when it ends

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
        self.wait_for_writes()

    def missed_while_closed(self, reminder: ReminderDTO) -> bool:
        return self._missed(reminder.fire_at)

    def missed_count(self) -> int:
        """How many of the due reminders, listed or not, fell due while the app was closed."""
        return sum(1 for _id, _occurrence, fire_at in self.keys if self._missed(fire_at))

    def _missed(self, fire_at: datetime) -> bool:
        return self.started_at is not None and fire_at < self.started_at - GRACE

    def tick(self) -> list[ReminderDTO]:
        """Read what is due now, here and at once (tests; the app reads in a worker); announce the new
        ones. Returns the new ones that are listed."""
        self.wait_for_writes()
        self._generation += 1
        try:
            due = self._service.due(self._now(), self.listed)
        except Exception:  # noqa: BLE001 - a locked database now is read again next tick
            log.warning("reminders not read this tick", exc_info=True)
            return []
        return self._apply(due)

    def _on_timer_timeout(self) -> None:
        """The timer's ticks read in a worker: a big calendar's query never holds up the window."""
        if self._worker is not None or self._writer is not None:
            return
        now, generation, listed = self._now(), self._generation, self.listed
        self._read_started = time.perf_counter()
        self._worker = Worker(lambda _report: self._service.due(now, listed), self)
        self._worker.succeeded.connect(lambda due: self._on_read(due, generation))
        self._worker.failed.connect(lambda exc: log.warning("reminders not read this tick: %s", exc))
        self._worker.finished.connect(self._on_worker_finished)
        self._worker.start()

    def _on_read(self, due: DueReminders, generation: int) -> None:
        if generation == self._generation:
            self._apply(due)
        else:  # begun before a snooze or dismiss: what it read may list them again
            self._reread = True

    def _on_worker_finished(self) -> None:
        """A slow read (a huge calendar, a busy PC) spaces the ticks out, within MAX_TICK_MS; a read
        that was dropped is made again at once."""
        self._worker = None
        took_ms = (time.perf_counter() - self._read_started) * 1000
        self.timer.setInterval(int(min(MAX_TICK_MS, max(self._interval_ms, took_ms * BUSY_SHARE))))
        if self._reread and self.timer.isActive():
            self._reread = False
            self._on_timer_timeout()

    def _apply(self, due: DueReminders) -> list[ReminderDTO]:
        new = set(due.keys).difference(self.keys)  # a snooze that ran out has a new key: new again
        if due.keys != self.keys or [r.key for r in due.listed] != [r.key for r in self.due]:
            self.keys, self.due = due.keys, list(due.listed)
            self.dueChanged.emit(self.due)
        fresh = [r for r in self.due if r.key in new]
        if new:
            self.fired.emit(fresh, len(new))
        return fresh

    def snooze(self, keys: list[Key], minutes: int) -> None:
        ids, asked_at = [k[0] for k in keys], self._now()
        self._write(lambda _report: self._service.snooze_all(ids, minutes, asked_at), keys)

    def dismiss(self, keys: list[Key]) -> None:
        occurrences = {followup_id: occurrence for followup_id, occurrence, _fire_at in keys}
        self._write(lambda _report: self._service.dismiss_all(occurrences), keys)

    def _write(self, work, keys: list[Key]) -> None:
        """Save a snooze or dismiss in a worker (each follow-up's change is audited: about 3 s for
        23,000 at once), the reminders off the list at once. One save at a time, in order; while
        one runs no read starts (it would list them again), and when it ends the list is read
        again. A save that fails is reported, and that read lists its reminders again."""
        self.wait_for_writes()
        self._writer = Worker(work, self)
        self._writer.failed.connect(self._on_write_failed)
        self._writer.finished.connect(self._on_write_finished)
        self._writer.start()
        self._drop(keys)

    def wait_for_writes(self) -> None:
        """Until the snooze or dismiss being saved is saved (a tick read here, closing)."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.wait()

    def _on_write_failed(self, exc: BaseException) -> None:
        log.warning("reminders not snoozed or dismissed: %s", exc)
        self.writeFailed.emit(exc)

    def _on_write_finished(self) -> None:
        if self.sender() is self._writer:
            self._writer = None
        if self.timer.isActive():
            self._generation += 1  # a read begun before the save is not to be trusted
            self._on_timer_timeout()

    def _drop(self, keys: list[Key]) -> None:
        """Take the snoozed or dismissed ones off the list at once, without reading every reminder
        again here (seconds for a calendar owing thousands): once saved, they are read in a worker
        (a series' next occurrence, the listed ones beyond those taken off), and a read already
        running is ignored."""
        gone = set(keys)
        self._generation += 1
        self._apply(DueReminders(tuple(k for k in self.keys if k not in gone),
                                 tuple(r for r in self.due if r.key not in gone)))
