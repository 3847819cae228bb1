"""Key slots: one random database key, opened by either a passphrase or a recovery key.

The database key (32 random bytes) is what SQLCipher encrypts the file with. It is stored only
wrapped: each slot holds its own argon2id salt and parameters, the database key XOR a key derived
from the secret (the derived key is unique to that salt and used for exactly this one 32-byte value,
so XOR is a one-time pad), and a check value (HMAC of a fixed label under the derived key) that tells
a wrong secret apart from a right one without touching the database. Re-wrapping always draws a
new salt. Pure Python (argon2-cffi, hashlib): no storage, no Qt.
"""

import base64
import hashlib
import hmac
import secrets
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw

KEY_BYTES = 32
RECOVERY_BYTES = 20  # 160 bits, shown as 8 groups of 4 base32 letters
_CHECK_LABEL = b"zhanggui-crm key slot check v1"


@dataclass(frozen=True)
class KdfParams:
    """argon2id cost; RFC 9106's second recommended set (64 MiB, 3 passes, 4 lanes) by default."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


DEFAULT_KDF = KdfParams()


@dataclass(frozen=True)
class KeySlot:
    salt: str  # hex
    wrapped: str  # hex: database key XOR derived key
    check: str  # hex: HMAC-SHA256(derived key, label)
    kdf: KdfParams

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "KeySlot":
        return cls(data["salt"], data["wrapped"], data["check"], KdfParams(**data["kdf"]))


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(secret.encode("utf-8"), salt, time_cost=params.time_cost,
                           memory_cost=params.memory_kib, parallelism=params.parallelism,
                           hash_len=KEY_BYTES, type=Type.ID)


def wrap(db_key: bytes, secret: str, params: KdfParams) -> KeySlot:
    salt = secrets.token_bytes(16)
    kek = derive(secret, salt, params)
    return KeySlot(salt.hex(), _xor(db_key, kek).hex(), _check(kek).hex(), params)


def unwrap(slot: KeySlot, secret: str) -> bytes | None:
    """The database key, or None when `secret` does not open this slot."""
    kek = derive(secret, bytes.fromhex(slot.salt), slot.kdf)
    if not hmac.compare_digest(_check(kek), bytes.fromhex(slot.check)):
        return None
    return _xor(bytes.fromhex(slot.wrapped), kek)


def new_recovery_key() -> str:
    """A recovery key to write down: XXXX-XXXX-... (base32, no padding, no easily confused 0/1)."""
    text = base64.b32encode(secrets.token_bytes(RECOVERY_BYTES)).decode("ascii")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def normalise_recovery_key(text: str) -> str:
    """What the user typed, in the canonical form (case, spaces and dashes do not matter)."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(letters[i:i + 4] for i in range(0, len(letters), 4))


def sqlcipher_key(db_key: bytes) -> str:
    """The raw-key form SQLCipher takes in PRAGMA key / ATTACH ... KEY (no KDF of its own)."""
    return f"\"x'{db_key.hex()}'\""


def _check(kek: bytes) -> bytes:
    return hmac.new(kek, _CHECK_LABEL, hashlib.sha256).digest()


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))
