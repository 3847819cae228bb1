"""Placeholder while the loyalty tab is being built."""

from crm_desktop.ui.common.record_tab import RecordTab


class LoyaltyTab(RecordTab):
    def __init__(self, services, notifier, parent=None):
        super().__init__(notifier, parent)
        self.setObjectName("loyaltyTab")
