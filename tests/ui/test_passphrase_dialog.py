"""The passphrase dialog of an encrypted database, and open_main_window with a passphrase."""

import pytest

from crm_desktop.app import open_main_window
from crm_desktop.domain.keyslots import KdfParams
from crm_desktop.storage import cipher
from crm_desktop.storage.database import Database
from crm_desktop.storage.encryption import encrypt_database
from crm_desktop.storage.migrate import upgrade_to_head
from crm_desktop.ui.security.passphrase import PassphraseDialog
from crm_desktop.unlock import unlock_database

FAST = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


@pytest.fixture
def encrypted(tmp_path):
    path = tmp_path / "crm.sqlite3"
    db = Database(path)
    upgrade_to_head(db)
    db.dispose()
    result = encrypt_database(path, "correct horse", FAST)
    cipher.forget(path)
    return path, result.recovery_key


def test_wrong_passphrase_stays_in_the_dialog_then_the_right_one_accepts(qtbot, encrypted):
    path, _ = encrypted
    dialog = PassphraseDialog(str(path), lambda s, r: unlock_database(str(path), s))
    qtbot.addWidget(dialog)
    dialog.secret.setText("battery staple")
    dialog.buttons.accepted.emit()
    assert dialog.error.isVisibleTo(dialog) and "wrong" in dialog.error.text()
    assert dialog.result() == 0 and cipher.needs_key(path)
    dialog.secret.setText("correct horse")
    dialog.buttons.accepted.emit()
    assert dialog.result() == 1 and not cipher.needs_key(path)


def test_recovery_key_mode_shows_the_text(qtbot, encrypted):
    path, recovery = encrypted
    dialog = PassphraseDialog(str(path), lambda s, r: unlock_database(str(path), None, s if r else None))
    qtbot.addWidget(dialog)
    dialog.use_recovery.setChecked(True)
    assert dialog.secret.echoMode() == dialog.secret.EchoMode.Normal
    dialog.secret.setText(recovery)
    dialog.buttons.accepted.emit()
    assert dialog.result() == 1 and not cipher.needs_key(path)


def test_open_main_window_takes_the_passphrase_without_a_dialog(qtbot, encrypted, tmp_path):
    from PySide6.QtCore import QSettings

    from crm_desktop.ui.settings import Settings

    path, _ = encrypted
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = open_main_window(path, passphrase="correct horse", settings=settings)
    qtbot.addWidget(window)
    assert window.isVisible()
    cipher.forget(path)
    with pytest.raises(cipher.WrongPassphraseError):
        open_main_window(path, passphrase="nope nope nope", settings=settings)


def test_the_window_encrypts_its_database_and_shows_the_recovery_key(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from crm_desktop.ui.security.encrypt_dialog import EncryptDialog
    from crm_desktop.ui.settings import Settings

    path = tmp_path / "shop.sqlite3"
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = open_main_window(path, settings=settings)  # replaced and deleted by the switch below
    assert window.security.encrypt.isEnabled()
    dialog = EncryptDialog()
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("correct horse")
    dialog.again.setText("correct hose")
    dialog.buttons.accepted.emit()
    assert dialog.result() == 0 and "differ" in dialog.error.text()
    controller = window.controller
    window.security.encryptRequested.emit("correct horse")
    qtbot.waitUntil(lambda: getattr(controller, "recovery_dialog", None) is not None, timeout=30_000)
    assert cipher.is_encrypted(path) and controller.window is not window
    qtbot.addWidget(controller.window)
    key = controller.recovery_dialog.key.text()
    assert not controller.window.security.encrypt.isEnabled()  # encrypted already
    cipher.forget(path)
    unlock_database(str(path), recovery_key=key)
    assert not cipher.needs_key(path)
