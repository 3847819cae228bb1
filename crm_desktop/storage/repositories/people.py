"""Contacts, their companies and the app's users."""

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.domain.permissions import VISIBLE_TO
from crm_desktop.domain.pinyin import pinyin_of
from crm_desktop.domain.text import company_key
from crm_desktop.storage import contact_days
from crm_desktop.storage.records import CompanyRecord, ContactRecord, UserRecord
from crm_desktop.storage.repositories.base import (
    get_or_raise,
    live_or_trash,
    set_deleted,
    sorted_by,
)
from crm_desktop.storage.repositories.grouped_order import GroupOrder, grouped_page_ids
from crm_desktop.storage.repositories.ranked_search import ranked_page_ids
from crm_desktop.storage.search import (
    company_match_count,
    live_match_count,
    ranked_by_grams,
    search_condition,
    search_term,
    short_term,
)

C = ContactRecord
_owner = aliased(UserRecord)

CONTACT_SORTS = {
    "name": C.name_pinyin,
    "phone": C.phone_e164,
    "email": C.email,
    "stage": C.stage,
    "tier": C.tier,
    "last_interaction": C.last_interaction_at,
    "total_spent": C.total_spent_cents,
    "points": C.points_balance,
    "created": C.created_at,
}

# sorted by company or owner: read group by group, not sorted row by row (grouped_order.py)
GROUPED_SORTS = {
    "company": GroupOrder(C.company_id, CompanyRecord.id, (CompanyRecord.name_pinyin, CompanyRecord.name)),
    "owner": GroupOrder(C.owner_id, UserRecord.id, (UserRecord.display_name,)),
}


# Past this offset a page may be read backwards from the end instead: walking an index from its
# far end is as quick as from its start (End over a million contacts: ~50 ms with the count,
# instead of walking 999,800 entries). A column sort and its exact reverse give the same rows.
DEEP_OFFSET = 100_000
WALK_FACTOR = 1  # rows walked in name order against matches sorted: measured alike per row


def _filtered(stmt, filters: dict):
    for key in ("stage", "tier", "owner_id"):
        if filters.get(key):
            stmt = stmt.where(getattr(C, key) == filters[key])
    return visible_to(stmt, filters.get(VISIBLE_TO))


def visible_contact_ids(user_id: int):
    """The ids of the contacts a role without VIEW_ALL_CONTACTS sees: its own and the shared ones
    (a subquery for the follow-ups and tickets about them)."""
    return select(C.id).where(or_(C.owner_id == user_id, C.is_shared.is_(True)))


def visible_to(stmt, user_id: int | None):
    """The visibility filter of a role that does not see every contact (None: no filter). Served by
    ix_contacts_owner_id and ix_contacts_shared (an OR of two index look-ups for counts)."""
    if user_id is None:
        return stmt
    return stmt.where(or_(C.owner_id == user_id, C.is_shared.is_(True)))


def _trash_test(stmt, trashed: bool):
    """With a search, the matching ids drive the query; a trash test SQLite could serve from an
    index would make it walk every live contact instead (measured: 35 ms vs 0.5 ms at 100k)."""
    in_trash = func.coalesce(C.deleted_at, None).is_not(None)
    return stmt.where(in_trash if trashed else ~in_trash)


class ContactRepository:
    def __init__(self, session: Session):
        self.session = session

    @staticmethod
    def _row_stmt():
        """The columns a list row shows, with its company and owner joined."""
        return select(
            C.id, C.name, C.phone_raw, C.phone_e164, C.phone_invalid, C.email,
            CompanyRecord.name.label("company"), C.stage, C.tier,
            _owner.display_name.label("owner"), C.last_interaction_at,
            C.total_spent_cents, C.points_balance,
        ).outerjoin(CompanyRecord, CompanyRecord.id == C.company_id).outerjoin(_owner, _owner.id == C.owner_id)

    def _where(self, stmt, text: str, trashed: bool, filters: dict):
        stmt = _filtered(stmt, filters)
        if not text:
            return live_or_trash(stmt, C, trashed)
        return _trash_test(stmt.where(self._matches(text)), trashed)

    def _matches(self, text: str):
        """Any part of the name, pinyin or initials, email, company or tag; phone digits however typed.
        Served by the search index (storage/search.py)."""
        dialect = self.session.get_bind().dialect.name
        return search_condition(text, dialect)

    def count(self, text: str, trashed: bool, filters: dict) -> int:
        """Counts contacts alone (companies are matched in a subquery, never joined); the live
        matches of a longer query without filters from the search index's own count, and all live
        contacts from the table's row count (the list as the window opens)."""
        if not trashed and not any(filters.values()):
            counted = live_match_count(self.session, text)
            if counted is not None:
                return counted
        stmt = select(func.count(C.id))
        return self.session.execute(self._where(stmt, text, trashed, filters)).scalar_one()

    def page(self, text, trashed, filters, sort, descending, offset, limit):
        """One page of rows. The page's ids are found first over contacts alone (an index walk,
        even deep into a million rows), then joined to companies and owners for those ids only."""
        ranked = sort == "relevance" and search_term(text)
        term = short_term(text, self.session.get_bind().dialect.name) if ranked else None
        if term:
            page_ids = self._ranked_ids(term, trashed, filters, offset, limit)
        elif ranked:  # the exact name, then names, pinyin or initials starting with the text, then the rest
            page_ids = ranked_page_ids(self.session, text, lambda s: _trash_test(_filtered(s, filters), trashed),
                                       offset, limit, key=(trashed, *sorted(filters.items())))
        else:
            page_ids = self._page_ids(text, trashed, filters, sort, descending, offset, limit)
        if not page_ids:
            return []
        rows = self._row_stmt().where(C.id.in_(page_ids))  # by primary key: no other filter
        position = {contact_id: i for i, contact_id in enumerate(page_ids)}
        return sorted(self.session.execute(rows).all(), key=lambda r: position[r.id])

    def _page_ids(self, text, trashed, filters, sort, descending, offset, limit) -> list[int]:
        if sort in GROUPED_SORTS:
            return grouped_page_ids(self.session, GROUPED_SORTS[sort], lambda s: self._where(s, text, trashed, filters),
                                    C.id, descending, offset, limit, key=(text, trashed, *sorted(filters.items())))
        if offset > DEEP_OFFSET and sort != "relevance":
            total = self.count(text, trashed, filters)
            if offset > total // 2:  # nearer the end: read the page from the other end, backwards
                rows = max(0, min(limit, total - offset))
                back = self._ids_in_order(text, trashed, filters, sort, not descending, total - offset - rows, rows)
                return back[::-1]
        return self._ids_in_order(text, trashed, filters, sort, descending, offset, limit)

    def _ids_in_order(self, text, trashed, filters, sort, descending, offset, limit) -> list[int]:
        ids = sorted_by(self._where(select(C.id), text, trashed, filters), CONTACT_SORTS, sort, descending, C)
        return [r[0] for r in self.session.execute(ids.offset(offset).limit(limit))]

    def _ranked_ids(self, term: str, trashed: bool, filters: dict, offset: int, limit: int) -> list[int]:
        """Best matches first for a one- or two-character query: name matches in tier order from
        the gram table's own order (no sort of thousands of 张), then contacts matched only by
        their company, read only when the name matches run out."""
        by_name, _ = ranked_by_grams(term)
        wanted = offset + limit
        ids = list(self.session.scalars(_trash_test(_filtered(by_name, filters), trashed).limit(wanted)))
        if len(ids) < wanted:
            _, by_company = ranked_by_grams(term, walk_names=self._walk_names(term, wanted - len(ids)))
            more = _trash_test(_filtered(by_company, filters), trashed).limit(wanted - len(ids))
            ids += self.session.scalars(more)
        return ids[offset:offset + limit]

    def _walk_names(self, term: str, wanted: int) -> bool:
        """Whether `wanted` company matches are found sooner walking every contact in name order
        (about wanted × contacts ÷ matches rows) than by sorting all the matches."""
        if self.session.get_bind().dialect.name != "sqlite":
            return False
        matches = company_match_count(self.session, term)
        contacts = self.session.execute(select(func.max(C.id))).scalar() or 0
        return matches > 0 and wanted * contacts < WALK_FACTOR * matches * matches

    def get(self, contact_id: int) -> ContactRecord:
        return get_or_raise(self.session, C, contact_id, "contact")

    def is_visible(self, contact_id: int, user_id: int | None) -> bool:
        stmt = visible_to(select(C.id).where(C.id == contact_id), user_id)
        return self.session.scalar(stmt) is not None

    def count_by(self, field: str, only: tuple[str, ...] = ()) -> dict[str, int]:
        """Live contacts per value of `field` (of the values `only` names, when given: their index
        ranges alone are read)."""
        column = getattr(C, field)
        stmt = select(column, func.count()).where(C.deleted_at.is_(None)).group_by(column)
        if only:
            stmt = stmt.where(column.in_(only))
        return dict(self.session.execute(stmt).all())

    def count_by_tier(self) -> dict[str, int]:
        """Live contacts per tier, summed from the per-day rows (storage/contact_days.py): a few
        thousand rows instead of a million index entries (14 ms instead of 140 at 1M contacts)."""
        return contact_days.live_by_tier(self.session)

    def add(self, **values) -> ContactRecord:
        record = C(**values)
        self.session.add(record)
        self.session.flush()
        return record

    def set_deleted(self, ids, deleted_at, now) -> list[int]:
        return set_deleted(self.session, C, ids, deleted_at, now)

    def export_batches(self, text: str = "", filters: dict | None = None, ids=None, size: int = 2000):
        """Live contacts with their company name, in batches of `size` by id (keyset: constant cost
        per batch however deep), matching the search text and filters, or only the given ids."""
        last = 0
        while True:
            stmt = select(C, CompanyRecord.name.label("company")).outerjoin(
                CompanyRecord, CompanyRecord.id == C.company_id).where(C.id > last)
            stmt = self._where(stmt, text, False, filters or {})
            if ids is not None:
                stmt = stmt.where(C.id.in_(list(ids)))
            batch = self.session.execute(stmt.order_by(C.id).limit(size)).all()
            if not batch:
                return
            yield batch
            last = batch[-1][0].id
            self.session.expunge_all()  # a million records must not pile up in the session

    def pick_list(self, text: str, limit: int = 50, visible: int | None = None):
        """(id, name, phone) of live contacts matching `text`, for a contact chooser."""
        stmt = visible_to(live_or_trash(select(C.id, C.name, C.phone_raw), C, False), visible)
        if text:
            stmt = stmt.where(self._matches(text))
        return self.session.execute(stmt.order_by(C.name_pinyin, C.id).limit(limit)).all()


class CompanyRepository:
    def __init__(self, session: Session):
        self.session = session

    def find_or_create(self, name: str, now) -> int | None:
        if not name:
            return None
        key = company_key(name)
        found = self.session.execute(
            select(CompanyRecord.id).where(CompanyRecord.name_key == key, CompanyRecord.deleted_at.is_(None))
        ).scalar()
        if found is not None:
            return found
        record = CompanyRecord(name=name, name_key=key, name_pinyin=pinyin_of(name), created_at=now, updated_at=now)
        self.session.add(record)
        self.session.flush()
        return record.id

    def name_of(self, company_id: int | None) -> str:
        if company_id is None:
            return ""
        return self.session.get(CompanyRecord, company_id).name


class UserRepository:
    def __init__(self, session: Session):
        self.session = session

    def active(self) -> list[UserRecord]:
        stmt = select(UserRecord).where(UserRecord.deleted_at.is_(None), UserRecord.is_active)
        return list(self.session.scalars(stmt.order_by(UserRecord.id)))

    def all(self) -> list[UserRecord]:
        """Every account not deleted, active or not (the owner's users dialog)."""
        stmt = select(UserRecord).where(UserRecord.deleted_at.is_(None))
        return list(self.session.scalars(stmt.order_by(UserRecord.id)))

    def get(self, user_id: int) -> UserRecord | None:
        return self.session.get(UserRecord, user_id)

    def active_owners(self) -> int:
        stmt = select(func.count()).select_from(UserRecord).where(
            UserRecord.deleted_at.is_(None), UserRecord.is_active, UserRecord.role == "owner")
        return self.session.scalar(stmt)

    def by_username(self, username: str) -> UserRecord | None:
        return self.session.scalar(select(UserRecord).where(UserRecord.username == username))

    def display_name(self, user_id: int | None) -> str:
        if user_id is None:
            return ""
        user = self.session.get(UserRecord, user_id)
        return user.display_name if user else ""

    def add(self, **values) -> UserRecord:
        record = UserRecord(**values)
        self.session.add(record)
        self.session.flush()
        return record
