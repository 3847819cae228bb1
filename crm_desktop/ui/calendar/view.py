"""Placeholder while the calendar tab is being built."""

from crm_desktop.ui.common.record_tab import RecordTab


class CalendarTab(RecordTab):
    def __init__(self, services, notifier, parent=None):
        super().__init__(notifier, parent)
        self.setObjectName("calendarTab")
