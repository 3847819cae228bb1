"""The jobs that keep the data true as days pass, run by the open app: points that come due expire
and member levels follow the rolling year; in the owner's session, customers inactive for longer
than the retention period (a data setting) are anonymised, once a day (services/privacy.py); the customers' churn risk is scored for the day, so the
dashboard reads it from the store (services/churn.py). The job is idempotent (it remembers how far it has
checked), so it runs at start and then every hour in a worker; a day the app stays closed is caught
up the next time it opens."""

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from crm_desktop.services.registry import Services
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.common.worker import Worker

log = logging.getLogger(__name__)
INTERVAL_MS = 60 * 60 * 1000


class DailyJobs(QObject):
    finished = Signal(object)  # the loyalty job's DailyResult

    def __init__(self, services: Services, notifier: Notifier, parent=None):
        super().__init__(parent)
        self._services, self._notifier = services, notifier
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self.run_now)
        self._worker: Worker | None = None
        self._reported = False

    def start(self) -> None:
        self.run_now()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._worker is not None:
            self._worker.cancel()
            self._worker.wait()

    def run_now(self) -> None:
        if self._worker is not None or self._services.ctx.db.read_only:
            return
        jobs, privacy, churn = self._services.loyalty_jobs, self._services.privacy, self._services.churn
        self._worker = Worker(lambda _report: (jobs.run_daily(), privacy.run_retention_daily(), churn.score_today()),
                              self)
        self._worker.succeeded.connect(self._on_worker_succeeded)
        self._worker.failed.connect(self._on_worker_failed)
        self._worker.start()

    def _on_worker_succeeded(self, results) -> None:
        self._worker = None
        result, retention, _scored_at = results
        log.info("daily loyalty job: %s; retention: %s", result, retention)
        if retention is not None and retention.count:
            self._notifier.info(self.tr("%n customer(s) inactive for over {years} year(s) anonymised "
                                        "(privacy retention).", "", retention.count).format(years=retention.years))
        self.finished.emit(result)

    def _on_worker_failed(self, exc) -> None:
        """Tried again in an hour; the user hears of it once a session (a busy database is normal)."""
        self._worker = None
        log.warning("daily loyalty job failed: %s", exc)
        if not self._reported:
            self._reported = True
            self._notifier.error(exc)
