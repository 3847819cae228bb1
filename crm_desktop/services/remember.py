""""Remember me on this PC": the password of one account of one database, kept in the operating
system's keyring (Windows Credential Manager, macOS Keychain, Secret Service), never in a file.

A keyring backend that stores secrets in plain text, or none at all (keyring's `fail` backend, a
chainer with no secure backend in it, keyrings.alt's plaintext file), is refused: the box to tick
is then unavailable. The backend is injectable for tests.
"""

from contextlib import suppress

SERVICE = "Zhanggui CRM"
INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt.file")


def is_secure(backend) -> bool:
    """A backend fit to hold a password: not failing, not plain text; a chainer when any of its
    backends is."""
    from keyring.backends.chainer import ChainerBackend

    module, name = type(backend).__module__, type(backend).__name__
    if isinstance(backend, ChainerBackend):
        return any(is_secure(b) for b in getattr(backend, "backends", ()))
    if module.startswith(INSECURE_MODULES) or "plaintext" in name.lower():
        return False
    try:
        return float(backend.priority) > 0
    except Exception:  # noqa: BLE001 - a backend that cannot say it is usable is not
        return False


class RememberedSignIn:
    def __init__(self, place: str, backend=None):
        self._place = place  # the database: its path or URL
        self._backend = backend

    @property
    def backend(self):
        if self._backend is None:
            import keyring

            self._backend = keyring.get_keyring()
        return self._backend

    @property
    def available(self) -> bool:
        return is_secure(self.backend)

    def recall(self) -> tuple[str, str] | None:
        """(user name, password) remembered for this database, or None."""
        if not self.available:
            return None
        username = self.backend.get_password(SERVICE, self._key("user"))
        password = self.backend.get_password(SERVICE, self._key("password")) if username else None
        return (username, password) if username and password is not None else None

    def remember(self, username: str, password: str) -> bool:
        """Keep the credentials; False (and nothing kept) when the keyring is not secure."""
        if not self.available:
            return False
        self.backend.set_password(SERVICE, self._key("user"), username)
        self.backend.set_password(SERVICE, self._key("password"), password)
        return True

    def forget(self) -> None:
        from keyring.errors import PasswordDeleteError

        if not self.available:
            return
        for what in ("user", "password"):
            with suppress(PasswordDeleteError):  # nothing was remembered: nothing to forget
                self.backend.delete_password(SERVICE, self._key(what))

    def _key(self, what: str) -> str:
        return f"{self._place}#{what}"
