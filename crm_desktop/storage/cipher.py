"""Encryption at rest with SQLCipher: which files are encrypted, their key file, and their keys.

An encrypted database `crm.sqlite3` has a small plaintext key file beside it, `crm.sqlite3.keys`
(JSON): the argon2id salt and parameters and the wrapped database key of each key slot (passphrase,
recovery key; see domain/keyslots.py). Why a sidecar and not a plaintext header inside the database:
SQLCipher encrypts the whole file including its first page, and keeping part of it plaintext
(`cipher_plaintext_header_size`) weakens it and breaks its HMAC page checks; the slots must be read
before the file can be opened; and a sidecar leaves the database a standard SQLCipher file that any
SQLCipher tool opens with the raw key. The cost: the key file must travel with the database (the
backups take it along); without it only the raw key opens the file.

A file is encrypted when it does not start with SQLite's plaintext header and its key file exists
(storage/files.py, which start-up reads without loading this module's argon2).
Keys, once derived, are kept for the process (deriving costs ~0.1 s of argon2id) in `_unlocked`,
by key file (its passphrase slot's salt), not by path: a backup made with the same key and a copy of
the key file then opens with the key already given. `key_for` otherwise takes the passphrase from
CRM_PASSPHRASE.
"""

import json
import os
from pathlib import Path

from crm_desktop.domain import keyslots
from crm_desktop.domain.errors import CrmError
from crm_desktop.storage.files import (  # noqa: F401 - part of this module's surface
    KEYFILE_SUFFIX,
    SQLITE_HEADER,
    has_plain_header,
    is_encrypted,
    keyfile_path,
)

FORMAT = "zhanggui-crm-keys"
PASSPHRASE_ENV = "CRM_PASSPHRASE"
PASSPHRASE, RECOVERY = "passphrase", "recovery"

_unlocked: dict[str, bytes] = {}  # passphrase slot salt -> database key


def database_errors() -> tuple[type[Exception], ...]:
    """What a damaged or wrongly keyed file raises, from either DB-API module."""
    import sqlite3

    import sqlcipher3

    return sqlite3.DatabaseError, sqlcipher3.DatabaseError


class PassphraseRequiredError(CrmError):
    """The database is encrypted and no passphrase was given."""


class WrongPassphraseError(CrmError):
    """The passphrase (or recovery key) does not open this database."""


class KeyFileError(CrmError):
    """The key file beside an encrypted database is missing or damaged."""


def pending_path(db_path: Path) -> Path:
    """The key file of a passphrase change not yet known to have reached the database."""
    return db_path.with_name(db_path.name + KEYFILE_SUFFIX + ".next")


def read_slots(db_path: Path, *, pending: bool = False) -> dict[str, keyslots.KeySlot]:
    keyfile = pending_path(db_path) if pending else keyfile_path(db_path)
    try:
        data = json.loads(keyfile.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError("not a key file")
        return {name: keyslots.KeySlot.from_json(slot) for name, slot in data["slots"].items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KeyFileError("The key file {path} is missing or damaged: {reason}",
                           path=keyfile, reason=str(exc)) from exc


def write_slots(db_path: Path, slots: dict[str, keyslots.KeySlot], *, pending: bool = False) -> None:
    """Replace the key file atomically (a crash leaves the old or the new one, never half)."""
    keyfile = pending_path(db_path) if pending else keyfile_path(db_path)
    data = {"format": FORMAT, "version": 1, "cipher": "sqlcipher4", "key": "raw 256-bit",
            "slots": {name: slot.to_json() for name, slot in slots.items()}}
    tmp = keyfile.with_name(keyfile.name + ".part")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(keyfile)


def settle_pending(db_path: Path) -> None:
    """The re-key reached the database: the pending key file becomes the key file."""
    pending_path(db_path).replace(keyfile_path(db_path))


def unlock(db_path: Path, passphrase: str | None = None, *, recovery_key: str | None = None) -> bytes:
    """Derive the database key from the passphrase (or the recovery key), check it, remember it.

    After a passphrase change cut short (a pending key file is left), the key that really opens the
    file wins, and the key files are settled to match it."""
    db_path = Path(db_path).resolve()
    name, secret = (RECOVERY, keyslots.normalise_recovery_key(recovery_key)) if recovery_key is not None \
        else (PASSPHRASE, passphrase or "")
    key = keyslots.unwrap(read_slots(db_path)[name], secret)
    if pending_path(db_path).is_file():
        key = _settle_interrupted(db_path, name, secret, key)
    if key is None:
        if name == RECOVERY:
            raise WrongPassphraseError("The recovery key does not open {path}.", path=db_path)
        raise WrongPassphraseError("The passphrase is wrong for {path}.", path=db_path)
    _unlocked[_slot_id(db_path)] = key
    return key


def _settle_interrupted(db_path: Path, name: str, secret: str, key: bytes | None) -> bytes | None:
    slot = read_slots(db_path, pending=True).get(name)
    new_key = keyslots.unwrap(slot, secret) if slot else None
    if new_key is not None and opens(db_path, new_key):
        settle_pending(db_path)
        return new_key
    if key is not None and opens(db_path, key):
        pending_path(db_path).unlink()
        return key
    return None  # this secret opened neither the old key nor the new one


def opens(db_path: Path, key: bytes) -> bool:
    import sqlcipher3

    conn = sqlcipher3.connect(str(db_path))
    try:
        apply_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def _slot_id(db_path: Path) -> str:
    return read_slots(db_path)[PASSPHRASE].salt


def remember(db_path: Path, key: bytes) -> None:
    _unlocked[_slot_id(db_path)] = key


def forget(db_path: Path) -> None:
    _unlocked.pop(_slot_id(db_path), None)


def copy_keyfile(db_path: Path, dest_db: Path) -> None:
    """A copy of the database made with the same key (a backup) gets the same key file."""
    write_slots(Path(dest_db), read_slots(Path(db_path)))


def key_for(db_path: Path) -> bytes:
    """The key of an encrypted database: unlocked before, or from CRM_PASSPHRASE."""
    db_path = Path(db_path).resolve()
    if (key := _unlocked.get(_slot_id(db_path))) is not None:
        return key
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is None:
        raise PassphraseRequiredError(
            "{path} is encrypted: give its passphrase (--passphrase-file FILE or CRM_PASSPHRASE).",
            path=db_path)
    return unlock(db_path, passphrase)


def connect(path: Path, key: bytes | None = None, *, read_only: bool = False, timeout: float = 10.0):
    """A raw DB-API connection: sqlcipher3 keyed with `key` for an encrypted file, else sqlite3."""
    target = f"file:{path}?mode=ro" if read_only else str(path)
    if key is None and not is_encrypted(path):
        import sqlite3

        return sqlite3.connect(target, uri=read_only, timeout=timeout)
    import sqlcipher3

    conn = sqlcipher3.connect(target, uri=read_only, timeout=timeout)
    apply_key(conn, key if key is not None else key_for(path))
    return conn


def apply_key(conn, key: bytes) -> None:
    """First statement on a fresh sqlcipher3 connection: the raw key (no SQLCipher KDF)."""
    conn.execute(f"PRAGMA key = {keyslots.sqlcipher_key(key)}")
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not a stderr line


def needs_key(db_path: Path | None) -> bool:
    """True when the database is encrypted and its key is neither known nor in CRM_PASSPHRASE."""
    if not is_encrypted(db_path):
        return False
    return _slot_id(Path(db_path).resolve()) not in _unlocked and PASSPHRASE_ENV not in os.environ
