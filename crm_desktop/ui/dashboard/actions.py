"""What the dashboard's buttons do: re-tier, PDF, mark churned, win-back campaign, open a segment.
A mixin of DashboardTab (which holds the services, the notifier and the figures shown)."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from crm_desktop.ui.dashboard.churn_dialogs import ChurnDialog, WinBackDialog
from crm_desktop.ui.dashboard.pdf import write_pdf
from crm_desktop.ui.dashboard.retier_dialog import RetierDialog
from crm_desktop.ui.dashboard.rfm_panel import segment_name
from crm_desktop.ui.dashboard.segment_dialog import SegmentDialog

translate = QCoreApplication.translate  # one context with the tab: "DashboardTab"


class DashboardActions:
    def open_segment(self, key: str) -> SegmentDialog:
        dialog = SegmentDialog(self._services.churn, self.notifier, key, segment_name(key), self.analytics.rfm.edges,
                               self)
        dialog.open()
        return dialog

    def open_retier(self) -> RetierDialog:
        dialog = RetierDialog(self._services.churn, self.notifier, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("DashboardTab", "Export the dashboard as PDF"), "dashboard.pdf",
                                              "PDF (*.pdf)")
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> None:
        """The figures, the charts as images and the lists, as shown, into one PDF."""
        if self.analytics is None:
            self.notifier.info(translate("DashboardTab", "The figures are still being computed; try again in a moment."))
            return
        try:
            write_pdf(path, self)
        except OSError as exc:
            self.notifier.error(exc)
            return
        self.notifier.info(translate("DashboardTab", "Dashboard saved as {file}.").format(file=path.name))

    def ask_mark_churned(self) -> ChurnDialog | None:
        rows = self.risk_panel.selected()
        if not rows:
            self.notifier.info(translate("DashboardTab", "Select the customers who left first."))
            return None
        dialog = ChurnDialog(", ".join(r.name for r in rows[:5]) + ("…" if len(rows) > 5 else ""), self)
        dialog.accepted.connect(lambda: self.mark_churned([r.contact_id for r in rows], *dialog.values()))
        dialog.open()
        return dialog

    def mark_churned(self, ids: list[int], churn_type: str, reason: str) -> None:
        try:
            for cid in ids:
                self._services.churn.mark_churned(cid, churn_type, reason)
        except Exception as exc:  # noqa: BLE001 - shown through the notifier
            self.notifier.error(exc)
        self.refresh()

    def ask_win_back(self) -> WinBackDialog | None:
        if self.risk is None:
            return None
        dialog = WinBackDialog(sum(1 for r in self.risk_panel.shown_rows() if r.win_back.act), self)
        dialog.accepted.connect(lambda: self.win_back(dialog.title.text(), dialog.offer.toPlainText()))
        dialog.open()
        return dialog

    def win_back(self, title: str, offer: str) -> None:
        try:
            n = self._services.churn.win_back_campaign(self.risk, offer, title, churned=self.risk_panel.showing_churned)
        except Exception as exc:  # noqa: BLE001 - shown through the notifier
            self.notifier.error(exc)
            return
        self.notifier.info(translate("DashboardTab", "%n win-back call(s) planned over the next week.", "", n))
