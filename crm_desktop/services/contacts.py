"""Contact use cases: list, read, create, update, trash, restore, log an interaction."""

from crm_desktop.domain.contacts import CleanContact, search_text, validate_contact
from crm_desktop.domain.drafts import ContactDraft, InteractionDraft
from crm_desktop.domain.enums import (
    Gender,
    InteractionKind,
    LeadSource,
    LifecycleStage,
    Tier,
)
from crm_desktop.domain.followups import validate_interaction
from crm_desktop.domain.permissions import Permission
from crm_desktop.domain.phones import display_phone
from crm_desktop.domain.tickets import OPEN_STATUSES
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import (
    ContactDetail,
    ContactDTO,
    ContactRow,
    InteractionDTO,
    ListQuery,
)
from crm_desktop.services.events import ContactsChanged
from crm_desktop.services.mapping import followup_dto, ticket_dto
from crm_desktop.services.visibility import (
    list_filters,
    require_visible,
    shown_contact,
    shown_phone,
    shown_row,
)


class ContactService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    # --- reading ----------------------------------------------------------------------------
    def count(self, query: ListQuery) -> int:
        with self._ctx.db.reading() as uow:
            return uow.contacts.count(query.text, query.trashed, list_filters(self._ctx, query.filters))

    def page(self, query: ListQuery, offset: int, limit: int) -> list[ContactRow]:
        with self._ctx.db.reading() as uow:
            rows = uow.contacts.page(query.text, query.trashed, list_filters(self._ctx, query.filters),
                                     query.sort, query.descending, offset, limit)
            return [shown_row(self._ctx, _row(r)) for r in rows]

    def search(self, text: str, limit: int = 20) -> list[ContactRow]:
        """Best matches first: the exact name, then names, pinyin or initials starting with the text."""
        if not text.strip():
            return []
        return self.page(ListQuery(text=text.strip(), sort="relevance"), 0, limit)

    def get(self, contact_id: int) -> ContactDTO:
        with self._ctx.db.reading() as uow:
            require_visible(self._ctx, uow, contact_id)
            record = uow.contacts.get(contact_id)
            return shown_contact(self._ctx, contact_dto(record, uow.companies.name_of(record.company_id)))

    def detail(self, contact_id: int) -> ContactDetail:
        with self._ctx.db.reading() as uow:
            require_visible(self._ctx, uow, contact_id)
            record = uow.contacts.get(contact_id)
            return ContactDetail(
                contact=shown_contact(self._ctx, contact_dto(record, uow.companies.name_of(record.company_id))),
                company=uow.companies.name_of(record.company_id),
                owner=uow.users.display_name(record.owner_id),
                timeline=tuple(_interaction(r) for r in uow.interactions.timeline(contact_id)),
                upcoming=tuple(followup_dto(r) for r in uow.followups.upcoming_for(contact_id, self._ctx.now())),
                open_tickets=tuple(ticket_dto(r) for r in uow.tickets.open_for(contact_id, OPEN_STATUSES)),
            )

    def choices(self, text: str = "", limit: int = 50) -> list[tuple[int, str]]:
        """(id, 'name  phone') of live contacts matching `text`, for contact pickers."""
        with self._ctx.db.reading() as uow:
            picks = uow.contacts.pick_list(text, limit, self._ctx.visible_owner)
            return [(r.id, f"{r.name}  {shown_phone(self._ctx, r.phone_raw) or ''}".strip()) for r in picks]

    # --- writing ----------------------------------------------------------------------------
    def create(self, draft: ContactDraft) -> ContactDTO:
        self._ctx.require(Permission.EDIT_CONTACTS)
        clean = validate_contact(draft)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            company_id = uow.companies.find_or_create(clean.draft.company, now)
            values = record_values(clean, company_id)
            owner = values.pop("owner_id") or self._ctx.user_id
            record = uow.contacts.add(**values, owner_id=owner, created_at=now, updated_at=now)
            _stamp_stage(record, clean.draft.stage, now)
            dto = contact_dto(record, clean.draft.company)
        self._ctx.bus.publish(ContactsChanged(frozenset({dto.id})))
        return dto

    def update(self, contact_id: int, draft: ContactDraft) -> ContactDTO:
        self._ctx.require(Permission.EDIT_CONTACTS)
        clean = validate_contact(draft)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            require_visible(self._ctx, uow, contact_id)
            record = uow.contacts.get(contact_id)
            company_id = uow.companies.find_or_create(clean.draft.company, now)
            for key, value in record_values(clean, company_id).items():
                setattr(record, key, value)
            _stamp_stage(record, clean.draft.stage, now)
            record.updated_at = now
            uow.flush()
            dto = contact_dto(record, clean.draft.company)
        self._ctx.bus.publish(ContactsChanged(frozenset({contact_id})))
        return dto

    def trash(self, ids) -> list[int]:
        return self._set_deleted(ids, trashing=True)

    def restore(self, ids) -> list[int]:
        return self._set_deleted(ids, trashing=False)

    def _set_deleted(self, ids, trashing: bool) -> list[int]:
        self._ctx.require(Permission.DELETE_CONTACTS)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            changed = uow.contacts.set_deleted(ids, now if trashing else None, now)
        if changed:
            self._ctx.bus.publish(ContactsChanged(frozenset(changed)))
        return changed

    def log_interaction(self, draft: InteractionDraft) -> InteractionDTO:
        draft = validate_interaction(draft)
        with self._ctx.db.writing() as uow:
            require_visible(self._ctx, uow, draft.contact_id)
            contact = uow.contacts.get(draft.contact_id)
            record = uow.interactions.add(
                contact_id=draft.contact_id, user_id=self._ctx.user_id, kind=draft.kind.value,
                occurred_at=draft.occurred_at, summary=draft.summary, outcome=draft.outcome,
            )
            if contact.last_interaction_at is None or draft.occurred_at > contact.last_interaction_at:
                contact.last_interaction_at = draft.occurred_at
            dto = InteractionDTO(record.id, draft.contact_id, draft.kind, draft.occurred_at,
                                 draft.summary, draft.outcome, uow.users.display_name(self._ctx.user_id))
        self._ctx.bus.publish(ContactsChanged(frozenset({draft.contact_id})))
        return dto


def record_values(clean: CleanContact, company_id: int | None) -> dict:
    """The contacts columns a validated contact writes (shared by create, update, import, merge)."""
    d = clean.draft
    phone, phone2 = clean.phone, clean.phone2
    return dict(
        name=d.name, name_pinyin=clean.name_pinyin, name_initials=clean.name_initials,
        is_organisation=d.is_organisation,
        phone_raw=d.phone, phone_e164=phone.e164 if phone else None,
        phone_invalid=bool(phone and not phone.valid),
        phone2_raw=d.phone2, phone2_e164=phone2.e164 if phone2 else None,
        email=clean.email_normalized, email_invalid=clean.email_invalid, email2=d.email2,
        company_id=company_id, title=d.title, address=d.address, city=d.city,
        birth_year=d.birth_year, birth_month=d.birth_month, birth_day=d.birth_day,
        lunar_birth_month=d.lunar_birth_month, lunar_birth_day=d.lunar_birth_day,
        lunar_birth_leap=d.lunar_birth_leap, gender=d.gender.value, stage=d.stage.value,
        tier=d.tier.value, lead_source=d.lead_source.value, channel=d.channel, owner_id=d.owner_id,
        tags=d.tags, needs=d.needs, notes=d.notes, marketing_consent=d.marketing_consent,
        do_not_contact=d.do_not_contact,
        search_text=search_text(d.name, clean.name_pinyin, clean.name_initials,
                                [(d.phone, phone.e164 if phone else None), (d.phone2, phone2.e164 if phone2 else None)],
                                clean.email_normalized, d.company, d.tags),
    )


def _stamp_stage(record, stage: LifecycleStage, now) -> None:
    if stage == LifecycleStage.CUSTOMER and record.became_customer_at is None:
        record.became_customer_at = now
    if stage == LifecycleStage.CHURNED and record.churned_at is None:
        record.churned_at = now
    if stage != LifecycleStage.CHURNED:
        record.churned_at = None


def draft_of(r, company: str) -> ContactDraft:
    """The draft a contacts row stands for; `r` has the row's columns as attributes."""
    return ContactDraft(
        name=r.name, phone=r.phone_raw, phone2=r.phone2_raw, email=r.email, email2=r.email2,
        company=company or "", title=r.title, address=r.address, city=r.city,
        birth_year=r.birth_year, birth_month=r.birth_month, birth_day=r.birth_day,
        lunar_birth_month=r.lunar_birth_month, lunar_birth_day=r.lunar_birth_day,
        lunar_birth_leap=r.lunar_birth_leap, gender=Gender(r.gender), stage=LifecycleStage(r.stage),
        tier=Tier(r.tier), lead_source=LeadSource(r.lead_source), channel=r.channel,
        owner_id=r.owner_id, tags=r.tags, needs=r.needs, notes=r.notes,
        marketing_consent=r.marketing_consent, do_not_contact=r.do_not_contact,
        is_organisation=r.is_organisation,
    )


def contact_dto(r, company: str) -> ContactDTO:
    draft = draft_of(r, company)
    return ContactDTO(
        id=r.id, uuid=r.uuid, draft=draft, phone_e164=r.phone_e164, phone_invalid=r.phone_invalid,
        email_invalid=r.email_invalid, points_balance=r.points_balance,
        total_spent_cents=r.total_spent_cents, member_level=r.member_level,
        created_at=r.created_at, updated_at=r.updated_at, deleted_at=r.deleted_at,
    )


def _row(r) -> ContactRow:
    return ContactRow(
        id=r.id, name=r.name, phone=display_phone(r.phone_e164, r.phone_raw), phone_invalid=r.phone_invalid,
        email=r.email, company=r.company or "", stage=LifecycleStage(r.stage), tier=Tier(r.tier),
        owner=r.owner or "", last_interaction_at=r.last_interaction_at,
        total_spent_cents=r.total_spent_cents, points_balance=r.points_balance,
    )


def _interaction(row) -> InteractionDTO:
    r = row[0]
    return InteractionDTO(r.id, r.contact_id, InteractionKind(r.kind), r.occurred_at, r.summary,
                          r.outcome, row.user or "")

