"""Part of the composition root: the key of an encrypted database before anything opens it.

`open_main_window` takes the passphrase from its argument or CRM_PASSPHRASE and never asks;
the desktop app (`run_gui`) asks with the passphrase dialog when neither gave one.
"""

from crm_desktop.storage import cipher
from crm_desktop.storage.files import database_file


def unlock_database(db: str, passphrase: str | None = None, recovery_key: str | None = None) -> None:
    """Derive and remember the key of an encrypted `db`; WrongPassphraseError when it does not open."""
    path = database_file(db)
    if not cipher.is_encrypted(path):
        return
    if recovery_key is not None:
        cipher.unlock(path, recovery_key=recovery_key)
    elif passphrase is not None:
        cipher.unlock(path, passphrase)


def ask_until_unlocked(db: str, parent=None) -> bool:
    """The passphrase dialog until the key opens the database; False when the user cancelled."""
    path = database_file(db)
    if not cipher.needs_key(path):
        return True
    from crm_desktop.ui.security.passphrase import PassphraseDialog

    def unlock(secret: str, recovery: bool) -> None:
        unlock_database(db, None if recovery else secret, secret if recovery else None)

    dialog = PassphraseDialog(str(path), unlock, parent)
    return bool(dialog.exec())


def ask_sign_in(db: str, parent=None) -> tuple[str, str] | None | bool:
    """Who works: (user, password) from the keyring or the sign-in dialog; None when the database
    needs no sign-in (no passwords, or CRM_USER/CRM_PASSWORD given); False when cancelled."""
    import os

    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.registry import Services
    from crm_desktop.services.remember import RememberedSignIn
    from crm_desktop.storage.database import Database
    from crm_desktop.ui.security.sign_in import SignInDialog

    if os.environ.get("CRM_USER") and os.environ.get("CRM_PASSWORD") is not None:
        return os.environ["CRM_USER"], os.environ["CRM_PASSWORD"]
    database = Database(db)
    try:
        users = Services.build(ServiceContext(database)).users
        try:
            if not users.requires_sign_in():
                return None
        except Exception:  # noqa: BLE001 - new, damaged or old: opening it says what is wrong
            return None
        remembered = RememberedSignIn(database.display_name)
        if (known := remembered.recall()) is not None:
            try:
                users.sign_in(*known)
                return known
            except Exception:  # noqa: BLE001 - changed or locked: ask, and remember no more
                remembered.forget()
        dialog = SignInDialog(users.sign_in, remembered, parent)
        return dialog.credentials if dialog.exec() else False
    finally:
        database.dispose()
