"""The audit trail and privacy erasure on a real PostgreSQL server (CRM_TEST_PG_URL)."""

import dataclasses
import threading

from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, ListQuery
from crm_desktop.services.registry import Services
from crm_desktop.storage.database import Database
from crm_desktop.storage.maintenance import check_database
from tests.storage.postgres import MARKS, URL

pytestmark = MARKS


def _edit(db: Database, name: str, times: int) -> None:
    services = Services.build(ServiceContext(db))
    contact = services.contacts.create(ContactDraft(name=name))
    for i in range(times):
        services.contacts.update(contact.id, dataclasses.replace(contact.draft, notes=f"{name} {i}"))


def test_the_chain_holds_with_writers_at_once_and_shows_tampering(pg):
    threads = [threading.Thread(target=_edit, args=(pg, name, 15)) for name in ("甲方", "乙方", "丙方")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    with pg.engine.connect() as conn:
        assert conn.exec_driver_sql("select count(*) from audit_log").scalar() == 48
    assert check_database(URL) == []
    with pg.engine.begin() as conn:
        target = conn.exec_driver_sql("select min(id) from audit_log where action = 'update'").scalar()
        conn.exec_driver_sql("update audit_log set changes = replace(changes, '甲方', '丁方') where id = %s", (target,))
        conn.exec_driver_sql("update audit_log set changes = replace(changes, '乙方', '丁方') where id = %s", (target,))
        conn.exec_driver_sql("update audit_log set changes = replace(changes, '丙方', '丁方') where id = %s", (target,))
    assert check_database(URL) == [f"audit entry {target}: its recorded changes were altered"]


def test_erase_on_postgres_keeps_sales_and_the_chain(pg, tmp_path):
    services = Services.build(ServiceContext(pg))
    person = services.contacts.create(ContactDraft(name="欧阳娜娜", phone="13912345678", notes="熟客"))
    services.contacts.update(person.id, dataclasses.replace(person.draft, address="幸福路8号"))
    services.privacy.record_consent(person.id, "marketing", True, "in_person")
    exported = services.privacy.export_person(person.uuid, tmp_path)
    assert "欧阳娜娜" in exported.json_path.read_text(encoding="utf-8")
    assert services.privacy.erase(person.uuid) > 0
    assert services.contacts.get(person.id).draft.name == "***"
    assert services.contacts.page(ListQuery(text="欧阳"), 0, 5) == []
    with pg.engine.connect() as conn:
        leaked = conn.exec_driver_sql("select count(*) from audit_log where changes like '%%欧阳娜娜%%' "
                                      "or changes like '%%13912345678%%' or changes like '%%幸福路%%'").scalar()
        assert leaked == 0
        assert conn.exec_driver_sql("select contact_uuid from erasures").scalars().all() == [person.uuid]
    assert check_database(URL) == []
