"""Customer care use cases: who is due for contact by tier cadence, birthdays and holidays in the
coming days, planning follow-ups and greetings for them, and greeting batches for SMS or WeChat."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from crm_desktop.domain import care as rules
from crm_desktop.domain.cadence import (
    DEFAULT_CADENCE,
    TIER_ORDER,
    Cadence,
    days_over,
    days_since,
    due_cutoff_day,
    planned_kind,
    work_slots,
)
from crm_desktop.domain.drafts import FollowupDraft
from crm_desktop.domain.enums import FollowupKind, Tier
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.followups import validate_followup
from crm_desktop.domain.own_dates import own_dates_of, validate_own_dates
from crm_desktop.domain.permissions import Permission
from crm_desktop.services import greetings
from crm_desktop.services.care_dto import (
    CareContact,
    CareOccasion,
    CareTaskDTO,
    DueContactDTO,
    GreetingList,
)
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.events import ContactsChanged, FollowupsChanged
from crm_desktop.services.followups import local_day_bounds
from crm_desktop.services.visibility import shown_phones

OWN_DATES_KEY = "care.own_dates"
HOLIDAY_TIERS = (Tier.KEY.value, Tier.POTENTIAL.value)  # who gets holiday greetings
AUDIENCE_LIMIT = 2000
MAX_DAYS_AHEAD = 90
GREETING_TIME = time(9)
DEFAULT_TITLES = {CareOccasion.BIRTHDAY: "Birthday greeting", CareOccasion.LUNAR_BIRTHDAY: "Lunar birthday greeting",
                  CareOccasion.HOLIDAY: "{holiday} greeting"}


def _local_start(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()


class CareService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def today(self) -> date:
        return self._ctx.now().astimezone().date()

    # --- tier cadence -----------------------------------------------------------------------------
    def due_for_contact(self, today: date, cadence: Cadence = DEFAULT_CADENCE, limit: int = 100,
                        offset: int = 0) -> list[DueContactDTO]:
        """A page of due customers: key ones first, then potential, ordinary, cold; by id within a
        tier. One query a tier, each stopping when the page is full; a tier is only counted when
        the page starts beyond it."""
        rows = []
        with self._ctx.db.reading() as uow:
            for tier in TIER_ORDER:
                if len(rows) >= limit:
                    break
                cutoff = _local_start(due_cutoff_day(tier, today, cadence))
                visible = self._ctx.visible_owner  # sales: their own and the shared customers
                page = uow.care.due_page(tier.value, cutoff, offset, limit - len(rows), visible)
                offset = 0 if page or not offset else max(0, offset - uow.care.due_count(tier.value, cutoff, visible))
                rows += page
            planned = uow.care.next_planned(r.id for r in rows)
        return shown_phones(self._ctx, [_due_dto(r, today, cadence, planned.get(r.id)) for r in rows])

    def plan_followups(self, contact_ids: Sequence[int], cadence: Cadence = DEFAULT_CADENCE,
                       start: date | None = None, per_day: int = 8, title: str = "") -> list[int]:
        """One follow-up of the tier's kind for each contact that has none planned yet, spread
        `per_day` a working day from `start`. Returns the new follow-ups' ids."""
        today = self.today()
        slots = work_slots(start or today, max(1, per_day))
        now, created = self._ctx.now(), []
        with self._ctx.db.writing() as uow:
            planned = uow.care.next_planned(contact_ids)
            order = {contact_id: i for i, contact_id in enumerate(contact_ids)}
            for row in sorted(uow.care.contacts(contact_ids), key=lambda r: order[r.id]):
                if row.id in planned:
                    continue
                since = days_since(row.last_interaction_at or row.created_at, today)
                kind = planned_kind(Tier(row.tier), since, cadence)
                draft = FollowupDraft(row.id, kind, next(slots).astimezone(), title=title, owner_id=row.owner_id)
                created.append(self._add_followup(uow, draft, now))
        self._publish(created, contact_ids)
        return created

    # --- birthdays and holidays ---------------------------------------------------------------------
    def own_dates(self) -> list[tuple[int, int, str]]:
        """The shop's own yearly dates (month, day, name), shared by every PC on the database."""
        with self._ctx.db.reading() as uow:
            return own_dates_of(uow.app_settings.get(OWN_DATES_KEY, []))

    def may_change_own_dates(self) -> bool:
        """The own dates are a data setting: widgets offer changing them to whoever may."""
        return self._ctx.can(Permission.MANAGE_SETTINGS)

    def save_own_dates(self, dates: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        self._ctx.require(Permission.MANAGE_SETTINGS)
        clean = validate_own_dates(dates)
        with self._ctx.db.writing() as uow:
            uow.app_settings.put(OWN_DATES_KEY, [list(d) for d in clean], self._ctx.now())
        return clean

    def care_tasks(self, today: date, days_ahead: int = 7,
                   user_holidays: Iterable[tuple[int, int, str]] | None = None) -> list[CareTaskDTO]:
        """Birthdays (solar and lunar) and holidays (the shop's own dates too, unless
        `user_holidays` names others) from today to `days_ahead` days on."""
        if not 0 <= days_ahead <= MAX_DAYS_AHEAD:
            raise ValidationError.single("days_ahead", "Look between 0 and 90 days ahead.")
        end = today + timedelta(days=days_ahead)
        days = [today + timedelta(days=i) for i in range(days_ahead + 1)]
        solar = sorted({k for d in days for k in rules.solar_keys_for(d)})
        lunar = sorted({k for d in days for k in rules.lunar_keys_for(d)})
        with self._ctx.db.reading() as uow:
            if user_holidays is None:
                user_holidays = own_dates_of(uow.app_settings.get(OWN_DATES_KEY, []))
            tasks = _birthday_tasks(uow.care.birthdays(solar, lunar, self._ctx.visible_owner), today, end)
            holidays = rules.holidays_between(today, end, user_holidays)
            if holidays:
                audience, total = uow.care.in_tiers(HOLIDAY_TIERS, AUDIENCE_LIMIT, self._ctx.visible_owner)
                contacts = tuple(CareContact(r.id, r.name) for r in audience)
                tasks += [CareTaskDTO(CareOccasion.HOLIDAY, h.day, h.key, h.name, contacts, total) for h in holidays]
        return sorted(tasks, key=lambda t: (t.day, t.occasion != CareOccasion.HOLIDAY, t.label))

    def plan_care(self, tasks: Iterable[CareTaskDTO], titles: Mapping[CareOccasion, str] | None = None) -> list[int]:
        """A care follow-up at 09:00 on each occasion's day for each of its contacts, unless that
        contact already has a care follow-up that day (so planning twice plans nothing new)."""
        titles = {**DEFAULT_TITLES, **(titles or {})}
        now, created, touched = self._ctx.now(), [], set()
        with self._ctx.db.writing() as uow:
            for task in tasks:
                ids = [c.id for c in task.contacts]
                start, end = local_day_bounds(task.day)
                done = uow.care.care_planned(ids, start, end)
                title = rules.render_greeting(titles[task.occasion], {"holiday": task.label})
                due = datetime.combine(task.day, GREETING_TIME).astimezone()
                for contact_id in (i for i in ids if i not in done):
                    created.append(self._add_followup(uow, FollowupDraft(contact_id, FollowupKind.CARE, due, title,
                                                                         duration_minutes=15), now))
                    touched.add(contact_id)
        self._publish(created, touched)
        return created

    # --- greetings ------------------------------------------------------------------------------------
    def greeting_list(self, template: str, contact_ids: Sequence[int] | None = None,
                      task: CareTaskDTO | None = None, fields: Mapping[str, str] | None = None) -> GreetingList:
        """The greeting for each given contact (or each of an occasion's), with those left out and
        why. `fields` adds or overrides merge fields ({holiday}, {date}…) for every message."""
        if not template.strip():
            raise ValidationError.single("template", "Write the greeting first.")
        ids = list(contact_ids or ()) if task is None else [c.id for c in task.contacts]
        extra = _occasion_fields(task) | dict(fields or {})
        with self._ctx.db.reading() as uow:
            rows = uow.care.greeting_rows(ids)
        order = {contact_id: i for i, contact_id in enumerate(ids)}
        rows.sort(key=lambda r: order[r.id])
        built = greetings.build_greeting_list(rows, template, extra, self.today())
        return replace(built, rows=tuple(shown_phones(self._ctx, built.rows)))

    @staticmethod
    def export_greetings_csv(path: Path | str, greeting_list: GreetingList) -> int:
        return greetings.export_greetings_csv(path, greeting_list)

    @staticmethod
    def as_wechat_text(greeting_list: GreetingList) -> str:
        return greetings.as_wechat_text(greeting_list)

    # --- helpers --------------------------------------------------------------------------------------
    def _add_followup(self, uow, draft: FollowupDraft, now: datetime) -> int:
        d = validate_followup(draft)
        record = uow.followups.add(
            contact_id=d.contact_id, kind=d.kind.value, title=d.title, due_at=d.due_at,
            duration_minutes=d.duration_minutes, owner_id=d.owner_id or self._ctx.user_id,
            status=d.status.value, created_at=now, updated_at=now)
        return record.id

    def _publish(self, created: list[int], contact_ids: Iterable[int]) -> None:
        if created:
            self._ctx.bus.publish(FollowupsChanged(frozenset(created)))
            self._ctx.bus.publish(ContactsChanged(frozenset(contact_ids)))


def _due_dto(row, today: date, cadence: Cadence, next_followup: datetime | None) -> DueContactDTO:
    tier = Tier(row.tier)
    seen = row.last_interaction_at or row.created_at
    return DueContactDTO(row.id, row.name, tier, row.phone_raw, row.last_interaction_at,
                         days_over(seen, tier, today, cadence),
                         planned_kind(tier, days_since(seen, today), cadence), next_followup)


def _birthday_tasks(rows, today: date, end: date) -> list[CareTaskDTO]:
    """A task per contact and kind of birthday that falls in [today, end]."""
    tasks = []
    for r in rows:
        found = []
        if r.birth_month and r.birth_day:
            found.append((CareOccasion.BIRTHDAY, rules.next_solar_birthday(r.birth_month, r.birth_day, today)))
        if r.lunar_birth_month and r.lunar_birth_day:
            day = rules.next_lunar_birthday(r.lunar_birth_month, r.lunar_birth_day, bool(r.lunar_birth_leap), today)
            found.append((CareOccasion.LUNAR_BIRTHDAY, day))
        contact = (CareContact(r.id, r.name),)
        tasks += [CareTaskDTO(o, d, "", r.name, contact, 1) for o, d in found if d is not None and d <= end]
    return tasks


def _occasion_fields(task: CareTaskDTO | None) -> dict[str, str]:
    if task is None:
        return {}
    fields = {"date": task.day.isoformat()}
    if task.occasion == CareOccasion.HOLIDAY:
        fields["holiday"] = task.label
    return fields
