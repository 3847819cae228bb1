from crm_desktop.services.context import ServiceContext
from crm_desktop.services.data_settings import DataSettingsService
from crm_desktop.storage.database import Database
from crm_desktop.storage.migrate import upgrade_to_head


def _service(path):
    db = Database(path)
    upgrade_to_head(db)
    return db, DataSettingsService(ServiceContext(db))


def test_values_round_trip_and_are_shared_by_every_instance(tmp_path):
    path = tmp_path / "crm.sqlite3"
    db, first = _service(path)
    assert first.get("points.per_yuan", 1) == 1
    first.put_many({"points.per_yuan": 2, "levels": [{"name": "金卡", "min": 500000}]})
    first.put("points.per_yuan", 3)
    db2, second = _service(path)
    assert second.get("points.per_yuan") == 3
    assert second.all() == {"points.per_yuan": 3, "levels": [{"name": "金卡", "min": 500000}]}
    db.dispose()
    db2.dispose()
