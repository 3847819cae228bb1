"""The settings dialog, opened through Edit → Settings… in the real window: every page loads the
stored values and saves the edited ones through the typed settings or the data settings."""

from crm_desktop.domain.enums import TicketPriority, Tier
from crm_desktop.domain.sla_targets import SLA_TARGETS_KEY, targets_from_setting
from crm_desktop.paths import DB_FILENAME
from crm_desktop.ui.settings_dialog import SettingsDialog
from tests.ui.helpers import open_dialog, press_ok


def _open(window) -> SettingsDialog:
    window.actions.settings.trigger()
    return open_dialog(SettingsDialog)


def test_ctrl_comma_in_the_edit_menu_opens_it_with_one_page_per_area(db_path, open_window):
    window = open_window(db_path)
    assert window.actions.settings.shortcut().toString() == "Ctrl+,"
    assert window.actions.settings in window.actions.menus["edit"].actions()
    dialog = _open(window)
    titles = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert titles == ["General", "Backups", "Customer care", "Service targets", "Points rules", "Privacy",
                      "Analytics"]
    assert dialog.general.current.text() == window.db_label
    dialog.reject()


def test_language_switches_the_open_window_at_once(db_path, open_window, settings):
    window = open_window(db_path)
    dialog = _open(window)
    dialog.general.language.setCurrentIndex(dialog.general.language.findData("zh_CN"))
    press_ok(dialog)
    assert settings.language == "zh_CN"
    assert window.controller.translators.language == "zh_CN"
    assert window.actions.menus["language"].actions()[0].isChecked()  # 简体中文 ticked in View → Language
    window.controller.set_language("en")


def test_backups_and_tier_cadence_go_to_the_typed_settings(db_path, open_window, settings):
    window = open_window(db_path)
    dialog = _open(window)
    assert dialog.backups.automatic.isChecked() == settings.automatic_backups
    dialog.backups.automatic.setChecked(False)
    dialog.backups.folder.setText("/media/usb/crm")
    dialog.care.contact[Tier.KEY].setValue(10)
    dialog.care.visit[Tier.KEY].setValue(0)
    press_ok(dialog)
    assert settings.automatic_backups is False
    assert settings.backup_folder == "/media/usb/crm"
    assert settings.tier_cadence[Tier.KEY].contact_days == 10
    assert settings.tier_cadence[Tier.KEY].visit_days is None
    again = _open(window)
    assert again.care.contact[Tier.KEY].value() == 10  # shown again next time
    again.reject()


def test_sla_targets_are_stored_with_the_data(db_path, open_window, services):
    window = open_window(db_path)
    dialog = _open(window)
    assert dialog.sla.first[TicketPriority.URGENT].value() == 1.0
    dialog.sla.first[TicketPriority.URGENT].setValue(0.5)
    dialog.sla.resolve[TicketPriority.URGENT].setValue(3)
    press_ok(dialog)
    targets = targets_from_setting(services.data_settings.get(SLA_TARGETS_KEY))
    assert (targets[TicketPriority.URGENT].first_response_minutes, targets[TicketPriority.URGENT].resolution_minutes) \
        == (30, 180)


def test_impossible_sla_targets_keep_the_dialog_open_on_that_page(db_path, open_window, services):
    window = open_window(db_path)
    dialog = _open(window)
    dialog.sla.first[TicketPriority.LOW].setValue(100)
    dialog.sla.resolve[TicketPriority.LOW].setValue(10)
    dialog.list.setCurrentRow(0)
    press_ok(dialog)
    assert dialog.isVisible()
    assert dialog.stack.currentWidget() is dialog.sla
    assert dialog.sla.error.text() == "The first response cannot be due after the resolution."
    assert services.data_settings.get(SLA_TARGETS_KEY) is None
    dialog.reject()


def test_a_new_data_folder_receives_a_verified_copy_used_from_the_next_start(qtbot, db_path, open_window, settings,
                                                                             notifier, tmp_path, services):
    window = open_window(db_path)
    dialog = _open(window)
    dialog.general.folder.setText(str(tmp_path / "elsewhere"))
    press_ok(dialog)
    copy = tmp_path / "elsewhere" / DB_FILENAME
    qtbot.waitUntil(lambda: settings.data_folder == str(tmp_path / "elsewhere"), timeout=20_000)
    assert copy.is_file()
    assert any(str(copy) in text for _level, text in notifier.messages)
