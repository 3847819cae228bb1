"""The audit trail's hash chain: each entry's hash covers its content and the previous hash, so an
entry changed or removed behind the app's back breaks the chain."""

import hashlib
import json
from datetime import datetime


def entry_hash(prev_hash: str, occurred_at: datetime, user_id: int | None, action: str, table: str,
               record_uuid: str, changes: str) -> str:
    body = json.dumps([prev_hash, occurred_at.isoformat(), user_id, action, table, record_uuid, changes],
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def changes_json(changes: dict[str, tuple]) -> str:
    """{'status': ('new', 'in_progress')} -> canonical JSON of field: [old, new]."""
    return json.dumps({k: list(v) for k, v in sorted(changes.items())}, ensure_ascii=False, default=str)
