"""Privacy requests: consents, a person's data exported, a person erased so the bytes leave the file,
re-erased after a backup restore, and the retention rule."""

import json
import sqlite3
from pathlib import Path

import pytest

from crm_desktop.domain.drafts import InteractionDraft, TicketDraft
from crm_desktop.domain.enums import InteractionKind, LedgerKind, TicketCategory, TicketStatus
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.domain.privacy import RETENTION_KEY
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, ListQuery
from crm_desktop.services.registry import Services
from crm_desktop.storage.backup import backup_sqlite
from crm_desktop.storage.maintenance import check_database, restore_database
from crm_desktop.storage.records import PurchaseRecord

NAME, PHONE, E164, EMAIL = "欧阳娜娜", "13912345678", "+8613912345678", "nana.ouyang@example.com"
SECRETS = (NAME, PHONE, E164, EMAIL, "朝阳区幸福路8号", "想要一台绿色的净化器")


def _person(services, db, when):
    contact = services.contacts.create(ContactDraft(name=NAME, phone=PHONE, email=EMAIL, address="朝阳区幸福路8号",
                                                    notes="熟客", birth_month=5, birth_day=3))
    services.contacts.log_interaction(InteractionDraft(contact.id, InteractionKind.CALL, when,
                                                       f"{NAME}想要一台绿色的净化器", ""))
    ticket = services.tickets.create(TicketDraft(contact.id, TicketCategory.REPAIR, f"{NAME}的净化器异响",
                                                 description=f"回电 {PHONE}"))
    services.tickets.change_status(ticket.id, TicketStatus.IN_PROGRESS, f"已联系{NAME}")
    with db.writing() as uow:
        uow.session.add(PurchaseRecord(contact_id=contact.id, purchased_at=when, description="净化器",
                                       amount_cents=129_900))
        uow.contacts.get(contact.id).total_spent_cents = 129_900
    services.loyalty.post(contact.id, LedgerKind.ADJUST, 130, "开业赠送")
    services.privacy.record_consent(contact.id, "marketing", True, "paper_form", "入会登记表")
    for i in range(30):  # other customers around the person
        services.contacts.create(ContactDraft(name=f"客户{i}", phone=f"1371234{i:04d}"))
    return contact


def _leaks(path: Path) -> list[str]:
    """The person's values still found in the database file or its WAL."""
    data = b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    return [s for s in SECRETS if s.encode() in data]


def test_consents_are_recorded_newest_first_and_mirror_marketing(services, clock):
    services.ctx.clock = clock
    contact = services.contacts.create(ContactDraft(name="李四"))
    services.privacy.record_consent(contact.id, "marketing", True, "in_person")
    clock.advance(days=3)
    services.privacy.record_consent(contact.id, "marketing", False, "phone", "不要再发短信")
    consents = services.privacy.consents(contact.id)
    assert [(c.purpose, c.granted, c.method) for c in consents] == [("marketing", False, "phone"),
                                                                    ("marketing", True, "in_person")]
    assert consents[0].recorded_at == clock.now and consents[0].note == "不要再发短信"
    assert services.contacts.get(contact.id).draft.marketing_consent is False
    with pytest.raises(ValidationError):
        services.privacy.record_consent(contact.id, "spam", True, "phone")


def test_export_writes_everything_about_the_person(services, db, clock, tmp_path):
    contact = _person(services, db, clock.now)
    result = services.privacy.export_person(contact.uuid, tmp_path / "out")
    data = json.loads(result.json_path.read_text(encoding="utf-8"))["person"]
    assert data["contact"]["name"] == NAME and data["contact"]["phone_e164"] == E164
    assert [r["summary"] for r in data["interactions"]] == [f"{NAME}想要一台绿色的净化器"]
    assert data["tickets"][0]["subject"] == f"{NAME}的净化器异响" and len(data["ticket_events"]) == 2
    assert data["purchases"][0]["amount_cents"] == 129_900 and data["points_ledger"][0]["points"] == 130
    assert data["consents"][0]["purpose"] == "marketing"
    assert {e["table_name"] for e in data["audit_log"]} >= {"contacts", "tickets", "consents", "points_ledger"}
    card = result.vcard_path.read_text(encoding="utf-8")
    assert "BEGIN:VCARD" in card and NAME in card and PHONE in card
    with pytest.raises(NotFoundError):
        services.privacy.export_person("no-such-uuid", tmp_path)


def test_erase_removes_the_identity_from_the_file_and_keeps_the_sales(services, db, db_path, clock):
    contact = _person(services, db, clock.now)
    assert _leaks(db_path)  # the test can see the values before
    redacted = services.privacy.erase(contact.uuid)
    assert redacted > 0
    assert _leaks(db_path) == []
    assert check_database(db_path) == []
    kept = services.contacts.get(contact.id)
    assert kept.draft.name == "***" and kept.draft.phone == "" and kept.draft.birth_month is None
    assert kept.total_spent_cents == 129_900 and kept.points_balance == 130
    assert services.contacts.page(ListQuery(text="欧阳"), 0, 5) == []
    assert services.contacts.page(ListQuery(text=PHONE), 0, 5) == []
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select contact_uuid from erasures").fetchall() == [(contact.uuid,)]
        assert conn.execute("select count(*) from purchases where amount_cents = 129900").fetchone() == (1,)
    assert contact.uuid in Path(f"{db_path}.erasures").read_text(encoding="utf-8")


def test_restoring_an_older_backup_erases_the_person_again(services, db, db_path, clock, tmp_path):
    contact = _person(services, db, clock.now)
    backup = backup_sqlite(db.engine, tmp_path / "before.sqlite3")
    services.privacy.erase(contact.uuid)
    db.dispose()
    assert _leaks(backup)  # the old backup still holds the person
    restore_database(backup, db_path)
    assert _leaks(db_path) == []
    assert check_database(db_path) == []
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select name from contacts where uuid = ?", (contact.uuid,)).fetchone() == ("***",)
        assert conn.execute("select count(*) from erasures").fetchone() == (1,)


def test_retention_anonymises_customers_inactive_for_n_years(db, clock):
    ctx = ServiceContext(db, clock=clock)
    services = Services.build(ctx)
    old = services.contacts.create(ContactDraft(name="老客户", phone="13500135000"))
    clock.advance(days=365 * 3)
    recent = services.contacts.create(ContactDraft(name="新客户"))
    assert services.privacy.retention().count == 0  # no setting: nothing expires
    services.data_settings.put(RETENTION_KEY, 2)
    assert services.privacy.retention(dry_run=True).count == 1
    assert services.contacts.get(old.id).draft.name == "老客户"
    result = services.privacy.retention()
    assert (result.years, result.count) == (2, 1)
    assert services.contacts.get(old.id).draft.name == "***"
    assert services.contacts.get(recent.id).draft.name == "新客户"
    assert services.privacy.retention().count == 0


def test_erasing_an_unknown_person_is_refused(services):
    with pytest.raises(NotFoundError):
        services.privacy.erase("00000000-0000-0000-0000-000000000000")


def test_the_cli_exports_and_erases(services, db, db_path, clock, tmp_path, capsys):
    from crm_desktop.cli import main

    contact = _person(services, db, clock.now)
    db.dispose()
    assert main(["--db", str(db_path), "privacy", "export", contact.uuid, "--out", str(tmp_path / "o")]) == 0
    assert (tmp_path / "o" / f"{contact.uuid}.json").is_file()
    assert main(["--db", str(db_path), "privacy", "erase", contact.uuid]) == 0
    assert "erased" in capsys.readouterr().out
    assert _leaks(db_path) == []
    assert main(["--db", str(db_path), "privacy", "retention", "--years", "1", "--dry-run"]) == 0
    assert "would be anonymised" in capsys.readouterr().out
    assert main(["--db", str(db_path), "privacy", "erase"]) == 2


def test_a_backup_copied_back_by_hand_is_erased_again_on_request(services, db, db_path, clock, tmp_path):
    contact = _person(services, db, clock.now)
    backup = backup_sqlite(db.engine, tmp_path / "before.sqlite3")
    services.privacy.erase(contact.uuid)
    db.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    db_path.write_bytes(backup.read_bytes())  # the user put the old file back themselves
    assert _leaks(db_path)
    assert services.privacy.reapply() == 1
    assert _leaks(db_path) == [] and check_database(db_path) == []
    assert services.privacy.reapply() == 0
