"""Duplicate contacts: warn before saving one, list the likely groups, merge them, undo a merge.

A merge is one transaction and one change set (kind "merge"): snapshots of every contact it
changes, every related row it moves, every points entry it appends. Undoing writes the snapshots
and the old owners back and appends reversing points entries (the ledger is append-only), so
balances, totals and timelines are what they were.
"""

from crm_desktop.domain.contacts import validate_contact
from crm_desktop.domain.duplicates import (
    DuplicateKeys,
    clusters,
    draft_keys,
    group_likeness,
    is_likely,
    keys_of,
    likeness,
    merged_draft,
    name_pinyin,
)
from crm_desktop.domain.enums import LedgerKind
from crm_desktop.domain.errors import RuleError
from crm_desktop.domain.permissions import Permission
from crm_desktop.domain.phones import display_phone
from crm_desktop.domain.pinyin import pinyin_keys
from crm_desktop.domain.points import balance_after
from crm_desktop.domain.text import clean_line
from crm_desktop.services.contacts import contact_dto, record_values
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import (
    ChangeSetDTO,
    ContactDraft,
    DuplicateContact,
    DuplicateGroup,
    DuplicateMatch,
    MergeResult,
)
from crm_desktop.services.events import ContactsChanged, PointsChanged
from crm_desktop.services.visibility import sees, shown_row

MERGE = "merge"
MAX_GROUP = 20  # contacts shown per group (a switchboard number may be shared by hundreds)
MOVED_TABLES = ("interactions", "followups", "tickets", "surveys", "purchases")


class DuplicateService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    # --- finding -------------------------------------------------------------------------------
    def likely_duplicates(self, draft: ContactDraft, exclude_id: int | None = None,
                          limit: int = 5) -> list[DuplicateMatch]:
        """Live contacts that are probably the one being typed, most alike first."""
        keys = draft_keys(draft)
        name = clean_line(draft.name)
        pinyins = sorted({p for p in (pinyin_keys(name)[0], name_pinyin(name)) if p})
        with self._ctx.db.reading() as uow:
            ids = uow.duplicates.candidate_ids(sorted(keys.phones), _lookup_emails(draft), pinyins, name)
            ids.discard(exclude_id)
            rows = [r for r in uow.duplicates.rows(ids) if sees(self._ctx, r.owner_id, r.is_shared)]
        found = [(likeness(keys, _keys(r)), r) for r in rows]
        matches = [DuplicateMatch(self._contact(r), m.score, m.reasons) for m, r in found if is_likely(m)]
        return sorted(matches, key=lambda m: (-m.score, m.contact.id))[:limit]

    def groups(self, limit: int = 200) -> list[DuplicateGroup]:
        """Groups of live contacts sharing a phone, an e-mail, or name and company; most alike first.
        A sales user sees the groups among their own and shared customers (found among the first
        `limit` shared values of everyone's, so they may see fewer groups than there are)."""
        with self._ctx.db.reading() as uow:
            repo = uow.duplicates
            links = [*repo.same_name_and_company(limit)]
            for key in ("phone", "email"):
                holders = repo.holders(key, repo.shared_values(key, limit), MAX_GROUP)
                links += [ids for ids in holders.values() if len(ids) > 1]
            members = [c[:MAX_GROUP] for c in clusters(links)]
            rows = {r.id: r for r in repo.rows({i for m in members for i in m})
                    if sees(self._ctx, r.owner_id, r.is_shared)}
        shown = [[rows[i] for i in m if i in rows] for m in members]
        groups = [self._group(g) for g in shown if len(g) > 1]
        return sorted(groups, key=lambda g: (-g.score, g.contacts[0].id))[:limit]

    def _contact(self, row) -> DuplicateContact:
        """The contact as the lists show it to this user (phone masked without the permission)."""
        return shown_row(self._ctx, _contact(row))

    def _group(self, rows) -> DuplicateGroup:
        match = group_likeness({r.id: _keys(r) for r in rows})
        return DuplicateGroup(tuple(self._contact(r) for r in rows), match.score, match.reasons)

    def last_merge(self) -> ChangeSetDTO | None:
        """The newest merge not undone yet (what "Undo last merge" undoes)."""
        with self._ctx.db.reading() as uow:
            record = uow.change_sets.latest(MERGE)
            return None if record is None else ChangeSetDTO(
                record.id, record.kind, record.label, record.created_at, record.undone_at)

    # --- merging -------------------------------------------------------------------------------
    def merge(self, survivor_id: int, loser_ids: list[int], chosen: dict[str, int] | None = None) -> MergeResult:
        """Keep `survivor_id` with each field's value from the contact `chosen` names; give it the
        records and points of `loser_ids`, which go to the trash."""
        self._ctx.require(Permission.DELETE_CONTACTS)  # the others go to the trash
        losers = _checked_losers(survivor_id, loser_ids)
        everyone, now = [survivor_id, *losers], self._ctx.now()
        with self._ctx.db.writing() as uow:
            drafts = _live_drafts(uow, everyone)
            clean = validate_contact(merged_draft(drafts, survivor_id, chosen or {}))
            set_id = uow.change_sets.open(MERGE, clean.draft.name, self._ctx.user_id,
                                          {"survivor_id": survivor_id, "loser_ids": losers}, now)
            for contact_id in everyone:
                uow.change_sets.add_item(set_id, "contacts", contact_id, "update",
                                         uow.change_sets.snapshot("contacts", contact_id))
            moved = _move_rows(uow, set_id, losers, survivor_id, now)
            _write_survivor(uow, survivor_id, losers, clean, now)
            points = self._move_points(uow, set_id, drafts, survivor_id, losers)
            for contact_id in everyone:
                uow.duplicates.recompute_totals(contact_id)
            uow.contacts.set_deleted(losers, now, now)
            uow.change_sets.set_summary(set_id, {"survivor_id": survivor_id, "loser_ids": losers,
                                                 "moved": moved, "points": points})
            uow.audit.note("merge", "change_sets", uow.change_sets.get(set_id).uuid,
                           {"merged": (None, len(losers)), "moved": (None, sum(moved.values()))})
        self._publish(everyone, points)
        return MergeResult(set_id, survivor_id, tuple(losers), moved, points)

    def undo_merge(self, change_set_id: int) -> None:
        """Put everything a merge changed back, in one transaction; refused when already undone."""
        self._ctx.require(Permission.DELETE_CONTACTS)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            record = uow.change_sets.get(change_set_id)
            if record.kind != MERGE:
                raise RuleError("This change is not a merge.")
            if record.undone_at is not None:
                raise RuleError("This merge was already undone.")
            items = uow.change_sets.items(change_set_id)
            for item in reversed(items):
                if item.action == "insert":
                    self._reverse_entry(uow, item.record_id)
                else:  # the ledger, not the snapshot, says what a balance is
                    uow.change_sets.write_back(item, skip=("points_balance", "updated_at"))
            contact_ids = [i.record_id for i in items if i.table_name == "contacts" and i.action == "update"]
            for contact_id in contact_ids:
                uow.duplicates.recompute_totals(contact_id)
                uow.contacts.get(contact_id).updated_at = now
            uow.change_sets.mark_undone(change_set_id, now)
            uow.audit.note("undo", "change_sets", record.uuid, {"undone_at": (None, now), "records": (None, len(items))})
            points = any(i.action == "insert" for i in items)
        self._publish(contact_ids, points)

    # --- points: moved by new ledger entries, never by changing old ones ---------------------------
    def _move_points(self, uow, set_id: int, drafts: dict, survivor_id: int, losers: list[int]) -> int:
        total = 0
        for loser_id in losers:
            balance = uow.loyalty.lock_member(loser_id).points_balance
            if balance == 0:
                continue
            out = self._adjust(uow, loser_id, -balance, f"merged into {drafts[survivor_id].name}")
            into = self._adjust(uow, survivor_id, balance, f"merged from {drafts[loser_id].name}")
            uow.change_sets.add_items(set_id, "points_ledger", "insert", [(out, None), (into, None)])
            total += balance
        return total

    def _reverse_entry(self, uow, entry_id: int) -> None:
        entry = uow.duplicates.ledger_entry(entry_id)
        self._adjust(uow, entry.contact_id, -entry.points, f"undo: {entry.reason}", reverses_id=entry.id)

    def _adjust(self, uow, contact_id: int, delta: int, reason: str, reverses_id: int | None = None) -> int:
        """Append one adjust entry with the balance it leaves (refused below zero); returns its id."""
        member, now = uow.loyalty.lock_member(contact_id), self._ctx.now()
        new_balance = balance_after(member.points_balance, delta)
        entry = uow.loyalty.append(
            contact_id=contact_id, kind=LedgerKind.ADJUST.value, points=delta, balance_after=new_balance,
            reason=reason[:300], operator_id=self._ctx.user_id, reverses_id=reverses_id, occurred_at=now,
            created_at=now, updated_at=now)
        member.points_balance = new_balance
        return entry.id

    def _publish(self, contact_ids, points: bool) -> None:
        ids = frozenset(contact_ids)
        self._ctx.bus.publish(ContactsChanged(ids))
        if points:
            for contact_id in sorted(ids):
                self._ctx.bus.publish(PointsChanged(contact_id))


def _checked_losers(survivor_id: int, loser_ids) -> list[int]:
    losers = list(dict.fromkeys(loser_ids))
    if not losers or survivor_id in losers:
        raise RuleError("Choose at least one other contact to merge into this one.")
    return losers


def _live_drafts(uow, ids: list[int]) -> dict[int, ContactDraft]:
    records = {i: uow.contacts.get(i) for i in ids}
    if any(r.deleted_at is not None for r in records.values()):
        raise RuleError("Only contacts that are not in the trash can be merged.")
    return {i: contact_dto(r, uow.companies.name_of(r.company_id)).draft for i, r in records.items()}


def _move_rows(uow, set_id: int, losers: list[int], survivor_id: int, now) -> dict[str, int]:
    """Every related row of the losers to the survivor, each logged with its old owner."""
    moved = {}
    for table in MOVED_TABLES:
        rows = uow.duplicates.move_related(table, losers, survivor_id, now)
        uow.change_sets.add_items(set_id, table, "move", [(i, {"contact_id": old}) for i, old in rows])
        moved[table] = len(rows)
    referrals = uow.duplicates.move_referrals(losers, survivor_id, now)
    uow.change_sets.add_items(set_id, "contacts", "move", [(i, {"referred_by_id": old}) for i, old in referrals])
    moved["referrals"] = len(referrals)
    return moved


def _write_survivor(uow, survivor_id: int, losers: list[int], clean, now) -> None:
    """The merged values, computed exactly as saving the contact would; membership and customer
    dates are the earliest of the group's."""
    record = uow.contacts.get(survivor_id)
    others = [uow.contacts.get(i) for i in losers]
    company_id = uow.companies.find_or_create(clean.draft.company, now)
    for key, value in record_values(clean, company_id).items():
        setattr(record, key, value)
    for attr in ("member_since", "became_customer_at"):
        dates = [d for d in (getattr(r, attr) for r in (record, *others)) if d is not None]
        setattr(record, attr, min(dates, default=None))
    record.member_level = record.member_level or next((r.member_level for r in others if r.member_level), "")
    if record.referred_by_id in losers:
        record.referred_by_id = None
    record.updated_at = now


def _lookup_emails(draft: ContactDraft) -> list[str]:
    """The forms an e-mail is stored in (validated and lower-cased, or as typed when invalid)."""
    typed = [clean_line(draft.email), clean_line(draft.email2)]
    return sorted({form for e in typed if e for form in (e, e.lower())})


def _keys(row) -> DuplicateKeys:
    return keys_of(row.name, [row.phone_e164, row.phone2_e164], [row.email, row.email2], row.company or "")


def _contact(row) -> DuplicateContact:
    return DuplicateContact(row.id, row.name, display_phone(row.phone_e164, row.phone_raw), row.email,
                            row.company or "")
