"""The audit trail's hash chain, built so that personal values can be erased without breaking it.

An entry's `changes` is JSON: `{field: [old, new, old_seal, new_seal]}`. A seal is
`"<salt>:<digest>"`, digest = SHA-256 over a random salt and the canonical JSON of the value (the
first 32 hex digits). A null value has the empty seal `""`. The entry's `hash` covers the previous
entry's hash, when, who, the action, the table, the record's uuid and, per field, only the two
DIGESTS - never the values themselves.

Why: a privacy erasure must remove a person's name or phone from old entries. It sets the value to
null and drops the salt, keeping `":<digest>"`. The chain still verifies (it never hashed the
value), and the digest alone gives the value away to no one: without its random salt, guessing
every phone number gets an attacker nothing. A value changed behind the app's back no longer
matches its seal, and a seal changed no longer matches the entry's hash, so tampering shows;
what an erasure can do is only hide a value, never alter one.
"""

import hashlib
import json
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

REDACTED_PREFIX = ":"


def canonical(value):
    """A value as JSON can hold it, the same way every time (instants in UTC, dates ISO)."""
    if isinstance(value, datetime):
        value = value if value.tzinfo else value.replace(tzinfo=UTC)
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _digest(salt: str, value) -> str:
    body = salt + "\x1f" + json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


def seal(value, salt: str | None = None) -> str:
    if value is None:
        return ""
    salt = salt if salt is not None else secrets.token_hex(8)
    return f"{salt}:{_digest(salt, value)}"


def seal_ok(value, sealed: str) -> bool:
    """The value matches its seal; an erased value (null, salt dropped) matches its digest-only seal."""
    if sealed == "":
        return value is None
    salt, _, digest = sealed.partition(":")
    if salt == "":
        return value is None and len(digest) == 32
    return _digest(salt, value) == digest


def _digest_of(sealed: str) -> str:
    return sealed.partition(":")[2]


def sealed_changes(changes: dict[str, tuple], salts: Callable[[], str] | None = None) -> str:
    """{'status': ('new', 'in_progress')} -> the `changes` JSON, each value sealed."""
    make = salts or (lambda: secrets.token_hex(8))
    out = {}
    for field, (old, new) in sorted(changes.items()):
        old, new = canonical(old), canonical(new)
        out[field] = [old, new, seal(old, make() if old is not None else None),
                      seal(new, make() if new is not None else None)]
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def changes_json(changes: dict[str, tuple]) -> str:
    """Kept name for callers: the sealed `changes` JSON of {field: (old, new)}."""
    return sealed_changes(changes)


def entry_hash(prev_hash: str, occurred_at: datetime, user_id: int | None, action: str, table: str,
               record_uuid: str, changes: str) -> str:
    """The hash of one entry: its place in the chain and its fields' digests (see the module doc)."""
    fields = json.loads(changes) if changes else {}
    digests = [[name, _digest_of(v[2]), _digest_of(v[3])] for name, v in sorted(fields.items())]
    body = json.dumps([prev_hash, canonical(occurred_at), user_id, action, table, record_uuid, digests],
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def redact(changes: str, fields: Iterable[str] | None = None) -> str:
    """The `changes` JSON with the values of `fields` (all when None) erased: value null, salt
    dropped, digest kept - the entry's hash stays valid."""
    data = json.loads(changes) if changes else {}
    names = set(data) if fields is None else set(fields) & set(data)
    for name in names:
        old, new, old_seal, new_seal = data[name]
        data[name] = [None, None, _erased(old_seal), _erased(new_seal)]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _erased(sealed: str) -> str:
    return "" if sealed == "" else REDACTED_PREFIX + _digest_of(sealed)


def is_erased(sealed: str) -> bool:
    return sealed.startswith(REDACTED_PREFIX)


@dataclass(frozen=True)
class ChainRow:
    id: int
    occurred_at: datetime
    user_id: int | None
    action: str
    table_name: str
    record_uuid: str
    changes: str
    prev_hash: str
    hash: str


def first_break(rows: Iterable[ChainRow]) -> str | None:
    """The first entry, in id order, that does not follow from the one before it; None when the
    whole chain holds."""
    prev = ""
    for row in rows:
        if row.prev_hash != prev:
            return f"audit entry {row.id}: it does not follow the entry before it (removed or reordered?)"
        try:
            fields = json.loads(row.changes) if row.changes else {}
            values_ok = all(seal_ok(v[0], v[2]) and seal_ok(v[1], v[3]) for v in fields.values())
        except (ValueError, TypeError, IndexError, AttributeError):
            values_ok = False
        if not values_ok:
            return f"audit entry {row.id}: its recorded changes were altered"
        if entry_hash(prev, row.occurred_at, row.user_id, row.action, row.table_name, row.record_uuid,
                      row.changes) != row.hash:
            return f"audit entry {row.id}: its hash does not match what it records"
        prev = row.hash
    return None


def display_changes(changes: str) -> dict[str, tuple]:
    """{field: (old, new)} as recorded; erased values come back as None."""
    data = json.loads(changes) if changes else {}
    return {name: (v[0], v[1]) for name, v in data.items()}
