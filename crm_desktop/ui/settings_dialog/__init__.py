"""The settings dialog (Edit → Settings…, Ctrl+,): one small page per area."""

from crm_desktop.ui.settings_dialog.dialog import SettingsDialog, open_settings_dialog

__all__ = ["SettingsDialog", "open_settings_dialog"]
