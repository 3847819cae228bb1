"""Realistic demo data: mixed Chinese and English customers with two years of history.

Deterministic for a seed and an anchor day. Rows stream to the database a chunk of contacts at a
time through the bulk writer, inside one transaction (a cancel leaves nothing behind).
"""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from crm_desktop.domain.contacts import search_text
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.passwords import hash_password
from crm_desktop.domain.pinyin import pinyin_of
from crm_desktop.domain.sla import WorkingCalendar
from crm_desktop.domain.text import company_key
from crm_desktop.services.demo_activity import ActivityBuilder
from crm_desktop.services.demo_pools import (
    CN_TAGS,
    CN_TITLES,
    EN_TAGS,
    EN_TITLES,
    Pools,
    UuidSource,
    build_pools,
    email_for,
    mobile,
)
from crm_desktop.services.demo_privacy import PrivacyPlanter
from crm_desktop.storage.bulk import BulkWriter, bulk_writer
from crm_desktop.storage.contact_import import ContactImportWriter

CHUNK = 2000
STAGES = (("lead", 25), ("prospect", 20), ("customer", 45), ("churned", 10))
TIERS = {"lead": (5, 30, 45, 20), "prospect": (8, 40, 40, 12), "customer": (15, 25, 50, 10),
         "churned": (3, 7, 30, 60)}
SOURCES = (("walk_in", 22), ("referral", 18), ("phone", 10), ("website", 12), ("wechat", 20),
           ("exhibition", 6), ("advertising", 7), ("other", 5))
USERS = (("owner", "店主 王掌柜", "owner"), ("li", "李销售", "sales"), ("zhao", "赵销售", "sales"),
         ("sun", "孙客服", "service"))


class DemoError(CrmError):
    """Demo data can only go into a database without contacts."""


@dataclass(frozen=True)
class DemoSummary:
    counts: dict[str, int]
    seconds: float


def generate_demo(db, contacts: int, seed: int = 1, progress: Callable[[int, int], None] | None = None,
                  anchor: datetime | None = None) -> DemoSummary:
    started = time.perf_counter()
    anchor = anchor or datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    report = progress or (lambda done, total: None)
    with bulk_writer(db) as writer:
        if writer.count("contacts"):
            raise DemoError("The database already holds contacts; demo data goes into an empty database.")
        builder = DemoBuilder(writer, random.Random(seed), build_pools(seed, contacts), anchor)
        builder.write_users_and_catalogue(contacts)
        for start in range(0, contacts, CHUNK):
            builder.write_chunk(min(CHUNK, contacts - start))
            report(min(start + CHUNK, contacts), contacts)
        builder.write_import_history(contacts)
        builder.privacy.finish(contacts)
        writer.bank_ticket_clocks(WorkingCalendar())  # the ticket service's calendar
        counts = builder.counts
    return DemoSummary(counts, time.perf_counter() - started)


class DemoBuilder:
    def __init__(self, writer: BulkWriter, rng: random.Random, pools: Pools, anchor: datetime):
        self.w, self.rng, self.pools, self.anchor = writer, rng, pools, anchor
        self.uuid = UuidSource(rng)
        self.counts: dict[str, int] = {}
        self.next_id = {t: writer.max_id(t) + 1 for t in (
            "users", "companies", "contacts", "interactions", "followups", "tickets", "ticket_events",
            "surveys", "purchases", "rewards", "points_ledger", "audit_log")}
        self.user_ids: list[int] = []
        self.company_ids: list[tuple[int, str]] = []  # (id, name)
        self.activity = ActivityBuilder(self)
        self.privacy = PrivacyPlanter(self)

    # --- shared helpers ------------------------------------------------------------------------
    def take_id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] += 1
        return value

    def stamp(self, when: datetime) -> dict:
        return {"uuid": self.uuid(), "created_at": when, "updated_at": when}

    def weighted(self, pairs) -> str:
        return self.rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]

    def write(self, table: str, rows: list[dict]) -> None:
        self.counts[table] = self.counts.get(table, 0) + self.w.insert(table, rows)

    # --- users, companies, rewards ----------------------------------------------------------------
    def write_users_and_catalogue(self, contacts: int) -> None:
        start = self.anchor - timedelta(days=760)
        password = hash_password("demo")
        users = []
        for username, display, role in USERS:
            uid = self.take_id("users")
            self.user_ids.append(uid)
            users.append({"id": uid, "username": username, "display_name": display, "role": role,
                          "password_hash": password, "is_active": True, "failed_logins": 0, **self.stamp(start)})
        self.write("users", users)
        self.write("companies", self._companies(max(3, contacts // 8), start))
        self.write("rewards", self.activity.rewards(start))
        levels, settings = self.activity.loyalty.programme_rows(start)
        # the open app may have stored its defaults already (its hourly job, the levels editor)
        self.w.delete_where_in("member_levels", "name", [row["name"] for row in levels])
        self.w.delete_where_in("app_settings", "key", [row["key"] for row in settings])
        self.write("member_levels", levels)
        self.write("app_settings", settings)

    def _companies(self, n: int, when: datetime) -> list[dict]:
        rows = []
        for i in range(n):
            english = i % 5 == 4
            name = self.rng.choice(self.pools.en_companies if english else self.pools.zh_companies)
            cid = self.take_id("companies")
            self.company_ids.append((cid, name))
            rows.append({"id": cid, "name": name, "name_key": company_key(name), "name_pinyin": pinyin_of(name), "industry": "",
                         "phone": "", "address": "", "website": "", "notes": "", **self.stamp(when)})
        return rows

    def write_import_history(self, contacts: int) -> None:
        """The shop's member list came from a spreadsheet: the first tenth of the contacts is one
        past import (undoable like any other)."""
        contacts_log = ContactImportWriter(self.w)
        first, imported = self.next_id["contacts"] - contacts, max(1, contacts // 10)
        when = self.anchor - timedelta(days=740)
        summary = {"created": imported, "updated": 0, "skipped": 0, "rejected": 0}
        set_id = contacts_log.journal.open("import", "会员名单.xlsx", self.user_ids[0], summary, when)
        contacts_log.journal.add_inserted(set_id, "contacts", range(first, first + imported))
        contacts_log.close()
        self.counts["change_sets"], self.counts["change_set_items"] = 1, 1

    # --- contacts and their history -----------------------------------------------------------
    def write_chunk(self, n: int) -> None:
        contacts = [self._contact() for _ in range(n)]
        for contact in contacts:
            self.activity.for_contact(contact)
            company = contact.pop("_company")
            contact["search_text"] = search_text(
                contact["name"], contact["name_pinyin"], contact["name_initials"],
                [(contact["phone_raw"], contact["phone_e164"])], contact["email"], company, contact["tags"])
            self.privacy.for_contact(contact)
        self.write("contacts", contacts)
        self.privacy.flush()
        self.activity.flush()

    def _contact(self) -> dict:
        rng = self.rng
        english = rng.random() < 0.25
        name, pinyin, initials = rng.choice(self.pools.en_names if english else self.pools.zh_names)
        stage = self.weighted(STAGES)
        tier = rng.choices(("key", "potential", "ordinary", "cold"), weights=TIERS[stage])[0]
        oldest = 400 if stage == "churned" else 30
        created = self.anchor - timedelta(days=rng.uniform(oldest, 740), minutes=rng.randrange(1440))
        return {
            "id": self.take_id("contacts"), **self.stamp(created), "name": name, "name_pinyin": pinyin,
            "name_initials": initials, "is_organisation": False, **self._phones(), **self._email(pinyin, english),
            **self._company(english), **self._birthday(), "gender": rng.choice(("female", "male", "unknown")),
            "stage": stage, "tier": tier, "lead_source": self.weighted(SOURCES), "channel": "",
            "owner_id": rng.choice(self.user_ids[:3]), "referred_by_id": None, "tags": self._tags(english),
            "needs": "", "notes": "", "marketing_consent": rng.random() < 0.7,
            "do_not_contact": rng.random() < 0.03, "at_risk": False, "is_shared": rng.random() < 0.1, "churn_type": "", "churn_reason": "",
            "member_level": "", "member_since": None, "points_balance": 0, "total_spent_cents": 0,
            "purchase_count": 0, "last_purchase_at": None, "last_interaction_at": None,
            "became_customer_at": None, "churned_at": None,
        }

    def _phones(self) -> dict:
        raw, e164 = mobile(self.rng)
        if self.rng.random() < 0.02:  # typed wrong: kept raw and flagged
            return {"phone_raw": raw[:7], "phone_e164": None, "phone_invalid": True, "phone2_raw": "",
                    "phone2_e164": None}
        return {"phone_raw": raw, "phone_e164": e164, "phone_invalid": False, "phone2_raw": "", "phone2_e164": None}

    def _email(self, pinyin: str, english: bool) -> dict:
        if self.rng.random() < 0.25:
            return {"email": "", "email_invalid": False, "email2": ""}
        return {"email": email_for(self.rng, pinyin, english), "email_invalid": False, "email2": ""}

    def _company(self, english: bool) -> dict:
        rng = self.rng
        if rng.random() < 0.4:
            return {"company_id": None, "title": "", "address": "", "city": "", "_company": ""}
        cid, company = rng.choice(self.company_ids)
        address, city = rng.choice(self.pools.en_addresses if english else self.pools.zh_addresses)
        return {"company_id": cid, "title": rng.choice(EN_TITLES if english else CN_TITLES),
                "address": address, "city": city, "_company": company}

    def _birthday(self) -> dict:
        rng = self.rng
        row = {"birth_year": None, "birth_month": None, "birth_day": None, "lunar_birth_month": None,
               "lunar_birth_day": None, "lunar_birth_leap": False}
        roll = rng.random()
        if roll < 0.85:
            row.update(birth_month=rng.randint(1, 12), birth_day=rng.randint(1, 28))
            if roll < 0.65:
                row["birth_year"] = rng.randint(1955, 2008)
        if rng.random() < 0.15:
            row.update(lunar_birth_month=rng.randint(1, 12), lunar_birth_day=rng.randint(1, 29))
        return row

    def _tags(self, english: bool) -> str:
        pool = EN_TAGS if english else CN_TAGS
        return ", ".join(self.rng.sample(pool, self.rng.choice((0, 0, 1, 1, 2))))


