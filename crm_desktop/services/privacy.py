"""Privacy requests: consents given and withdrawn, a person's data exported, a person erased, and
the retention rule that anonymises customers inactive for N years."""

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from crm_desktop.domain.contact_fields import fields_of
from crm_desktop.domain.permissions import Permission
from crm_desktop.domain.privacy import (
    MARKETING,
    RETENTION_KEY,
    ConsentDraft,
    retention_cutoff,
    retention_years,
    validate_consent,
)
from crm_desktop.interchange.vcard_out import write_vcards
from crm_desktop.services.contacts import draft_of
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.events import ContactsChanged
from crm_desktop.services.visibility import require_visible

RETENTION_RAN_ON = "state.privacy_retention_ran_on"  # the local day the daily run last ran (not audited)


@dataclass(frozen=True)
class ConsentDTO:
    id: int
    contact_id: int
    purpose: str
    granted: bool
    method: str
    recorded_at: datetime
    note: str
    user: str


@dataclass(frozen=True)
class PersonExport:
    json_path: Path
    vcard_path: Path
    counts: dict[str, int]


@dataclass(frozen=True)
class RetentionResult:
    years: int | None
    cutoff: datetime | None
    count: int
    erased: bool


class PrivacyService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    # --- consents ------------------------------------------------------------------------------
    def consents(self, contact_id: int) -> list[ConsentDTO]:
        with self._ctx.db.reading() as uow:
            return [_consent(r, uow.users.display_name(r.user_id)) for r in uow.privacy.consents(contact_id)]

    def record_consent(self, contact_id: int, purpose: str, granted: bool, method: str, note: str = "") -> ConsentDTO:
        """A consent given or withdrawn; the newest one about marketing sets the contact's flag."""
        now = self._ctx.now()
        draft = validate_consent(ConsentDraft(contact_id, purpose, granted, method, now, note))
        with self._ctx.db.writing() as uow:
            require_visible(self._ctx, uow, contact_id)
            contact = uow.contacts.get(contact_id)
            record = uow.privacy.add_consent(
                contact_id=contact_id, purpose=draft.purpose, granted=draft.granted, method=draft.method,
                note=draft.note, recorded_at=now, user_id=self._ctx.user_id, created_at=now, updated_at=now)
            if draft.purpose == MARKETING:
                contact.marketing_consent, contact.updated_at = draft.granted, now
            dto = _consent(record, uow.users.display_name(self._ctx.user_id))
        self._ctx.bus.publish(ContactsChanged(frozenset({contact_id})))
        return dto

    # --- access request --------------------------------------------------------------------------
    def export_person(self, uuid: str, out_dir: Path) -> PersonExport:
        """Everything about the person as `<uuid>.json`, and their card as `<uuid>.vcf`."""
        out_dir = Path(out_dir)
        with self._ctx.db.reading() as uow:
            data = uow.privacy.person(uuid)
            record = uow.privacy.contact_by_uuid(uuid)
            card = fields_of(draft_of(record, uow.companies.name_of(record.company_id) or ""), uuid)
        out_dir.mkdir(parents=True, exist_ok=True)
        json_path, vcard_path = out_dir / f"{uuid}.json", out_dir / f"{uuid}.vcf"
        payload = {"exported_at": self._ctx.now().isoformat(), "person": data}
        json_path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
        write_vcards(vcard_path, [card])
        counts = {k: len(v) for k, v in data.items() if isinstance(v, list)}
        return PersonExport(json_path, vcard_path, counts)

    # --- erasure ---------------------------------------------------------------------------------
    def erase(self, uuid: str) -> int:
        """Anonymise the person: identity gone, sales kept; returns how many audit entries were redacted."""
        self._ctx.require(Permission.MANAGE_PRIVACY)
        with self._ctx.db.erasing() as uow:
            contact_id = uow.privacy.contact_by_uuid(uuid).id
            redacted = uow.privacy.erase(uuid, self._ctx.now(), self._ctx.user_id)
        self._ctx.bus.publish(ContactsChanged(frozenset({contact_id})))
        return redacted

    def retention(self, years: int | None = None, dry_run: bool = False) -> RetentionResult:
        """Anonymise every contact inactive for `years` (default: the data setting); with `dry_run`
        only count them."""
        self._ctx.require(Permission.MANAGE_PRIVACY)
        years = years if years is not None else retention_years(self._data_setting(RETENTION_KEY))
        if years is None:
            return RetentionResult(None, None, 0, False)
        now = self._ctx.now()
        cutoff = retention_cutoff(now, years)
        if dry_run:
            with self._ctx.db.reading() as uow:
                return RetentionResult(years, cutoff, len(uow.privacy.inactive_since(cutoff)), False)
        with self._ctx.db.erasing() as uow:
            uuids = uow.privacy.inactive_since(cutoff)
            for uuid in uuids:
                uow.privacy.erase(uuid, now, self._ctx.user_id)
            uow.audit.note("retention", "app_settings", "", {"years": (None, years), "anonymised": (None, len(uuids))})
        if uuids:
            self._ctx.bus.publish(ContactsChanged(frozenset()))
        return RetentionResult(years, cutoff, len(uuids), True)

    def retention_setting(self) -> int | None:
        """The retention period kept with the data, in years; None: off."""
        return retention_years(self._data_setting(RETENTION_KEY))

    def set_retention_years(self, years: int | None) -> int | None:
        """Store the retention period (None or 0: off); every PC on the database applies the same one."""
        self._ctx.require(Permission.MANAGE_PRIVACY)
        if years:
            retention_cutoff(self._ctx.now(), years)  # refuses a period below one year
        with self._ctx.db.writing() as uow:
            uow.app_settings.put(RETENTION_KEY, years or 0, self._ctx.now())
        return years or None

    def run_retention_daily(self) -> RetentionResult | None:
        """The retention rule applied at most once a (local) day, by the session of a user who may
        erase (the owner's); None when not due, not allowed or no period is set. The erasures and
        a "retention" entry are in the audit trail; the day's mark ("state.") is not."""
        if not self._ctx.can(Permission.MANAGE_PRIVACY) or self.retention_setting() is None:
            return None
        today = self._ctx.now().astimezone().date().isoformat()
        if self._data_setting(RETENTION_RAN_ON) == today:
            return None
        result = self.retention()
        with self._ctx.db.writing() as uow:
            uow.app_settings.put(RETENTION_RAN_ON, today, self._ctx.now())
        return result

    def reapply(self) -> int:
        """Erase again whoever the erasure log names but the database holds (a restored backup). Not
        gated: it only repeats erasures already decided, and a restore must not bring anyone back."""
        return self._ctx.db.reapply_erasures(self._ctx.now(), self._ctx.user_id)

    def _data_setting(self, key: str):
        with self._ctx.db.reading() as uow:
            return uow.app_settings.get(key)


def _consent(r, user: str | None) -> ConsentDTO:
    return ConsentDTO(r.id, r.contact_id, r.purpose, r.granted, r.method, r.recorded_at, r.note, user or "")
