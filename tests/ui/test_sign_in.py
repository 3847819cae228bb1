"""The sign-in dialog, and "remember me" in a keyring that must be secure (fake backends)."""

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail

from crm_desktop.services.context import ServiceContext
from crm_desktop.services.registry import Services
from crm_desktop.services.remember import RememberedSignIn, is_secure
from crm_desktop.ui.security.sign_in import SignInDialog


class MemoryKeyring(KeyringBackend):
    """Stands for the OS keyring: a secure backend kept in memory."""

    priority = 5

    def __init__(self):
        super().__init__()
        self.items = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class PlaintextKeyring(MemoryKeyring):
    """Like keyrings.alt's file keyring: usable, but it writes secrets as they are."""


@pytest.fixture
def users(db):
    services = Services.build(ServiceContext(db))
    services.users.create_owner("boss", "店主", "owner-pass-1")
    return services.users


def test_insecure_backends_are_refused():
    secure = MemoryKeyring()
    assert is_secure(secure)
    assert not is_secure(fail.Keyring())
    assert not is_secure(PlaintextKeyring())

    class Empty(chainer.ChainerBackend):
        backends = [fail.Keyring(), PlaintextKeyring()]

    class Mixed(chainer.ChainerBackend):
        backends = [PlaintextKeyring(), secure]

    assert not is_secure(Empty())
    assert is_secure(Mixed())
    refused = RememberedSignIn("/data/crm.sqlite3", PlaintextKeyring())
    assert refused.remember("boss", "owner-pass-1") is False and refused.backend.items == {}


def test_wrong_password_stays_then_remember_me_keeps_it_in_the_keyring(qtbot, users):
    keyring = MemoryKeyring()
    remembered = RememberedSignIn("/data/crm.sqlite3", keyring)
    dialog = SignInDialog(users.sign_in, remembered)
    qtbot.addWidget(dialog)
    assert dialog.remember.isEnabled()
    dialog.username.setText("boss")
    dialog.password.setText("nope")
    dialog.buttons.accepted.emit()
    assert dialog.result() == 0 and "Wrong user name or password" in dialog.error.text()
    dialog.password.setText("owner-pass-1")
    dialog.remember.setChecked(True)
    dialog.buttons.accepted.emit()
    assert dialog.result() == 1 and dialog.credentials == ("boss", "owner-pass-1")
    assert RememberedSignIn("/data/crm.sqlite3", keyring).recall() == ("boss", "owner-pass-1")
    assert RememberedSignIn("/other.sqlite3", keyring).recall() is None
    remembered.forget()
    assert remembered.recall() is None and keyring.items == {}


def test_remember_me_is_unavailable_without_a_secure_keyring(qtbot, users):
    dialog = SignInDialog(users.sign_in, RememberedSignIn("/data/crm.sqlite3", fail.Keyring()))
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled() and "no secure keyring" in dialog.remember.toolTip()


def test_start_signs_in_from_the_keyring_without_a_dialog(users, db_path, monkeypatch):
    import keyring

    from crm_desktop.unlock import ask_sign_in

    memory = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: memory)
    RememberedSignIn(str(db_path), memory).remember("boss", "owner-pass-1")
    assert ask_sign_in(str(db_path)) == ("boss", "owner-pass-1")
    monkeypatch.setenv("CRM_USER", "someone")
    monkeypatch.setenv("CRM_PASSWORD", "given")
    assert ask_sign_in(str(db_path)) == ("someone", "given")  # given credentials win, no dialog


def test_a_database_without_passwords_needs_no_sign_in(db_path, db):
    from crm_desktop.unlock import ask_sign_in

    assert ask_sign_in(str(db_path)) is None
