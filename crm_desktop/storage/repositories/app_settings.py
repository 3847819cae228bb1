"""Settings stored with the data (one row per key, the value as JSON text)."""

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.storage.records import AppSettingRecord


class AppSettingsRepository:
    def __init__(self, session: Session):
        self.session = session

    def all(self) -> dict[str, object]:
        rows = self.session.execute(select(AppSettingRecord.key, AppSettingRecord.value)
                                    .where(AppSettingRecord.deleted_at.is_(None))).all()
        return {key: _decode(value) for key, value in rows}

    def get(self, key: str, default=None):
        value = self.session.execute(select(AppSettingRecord.value).where(
            AppSettingRecord.key == key, AppSettingRecord.deleted_at.is_(None))).scalar()
        return default if value is None else _decode(value, default)

    def put(self, key: str, value, now) -> None:
        record = self.session.execute(select(AppSettingRecord).where(AppSettingRecord.key == key)).scalar()
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        if record is None:
            self.session.add(AppSettingRecord(key=key, value=text, created_at=now, updated_at=now))
        else:
            record.value, record.updated_at, record.deleted_at = text, now, None
        self.session.flush()


def _decode(text: str, default=None):
    try:
        return json.loads(text)
    except ValueError:
        return default
