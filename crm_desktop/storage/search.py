"""The contact search index on SQLite, kept in step with every write by triggers.

- `contacts_fts`: an FTS5 trigram index over `contacts.search_text` (folded name, pinyin,
  initials, phone digits, email, company, tags) answers queries of three characters and more.
- `contact_grams`: every single character and adjacent pair of the lower-cased name, of the
  initials and of the tags, for one- and two-character queries (张, 王芳, zs, 团购), which a
  trigram index cannot answer (SQLite 3.40 returns no rows for them at all); `company_grams` does
  the same for company names. Each gram row carries its tier (0: the whole name, 1: the start of
  the name or initials, 2: elsewhere in them, 3: in the tags only; the first 200 characters of
  each) and the name's pinyin, so "best matches first" for a short query is one walk of the
  primary key, however many contacts share a surname (张: 3% of a million).
- `ix_contacts_name_prefix` (name without ASCII case, then pinyin) and `ix_contacts_initials_prefix`
  (initials, then pinyin), with ix_contacts_name_visible (pinyin): "best matches first" for a longer
  query reads the exact names and the names, pinyin and initials starting with it as index ranges,
  each in pinyin order and no longer than the page, and the other matches in the FTS table's own
  order (storage/repositories/ranked_search.py), never sorting every match.
On PostgreSQL the same search runs as LIKE over the same text, served by a pg_trgm GIN index.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import String, bindparam, column, func, literal_column, select, table, text, union
from sqlalchemy.orm import aliased

from crm_desktop.domain.enums import LifecycleStage
from crm_desktop.domain.text import fold
from crm_desktop.storage.records import ContactRecord

# Tables the index adds beside the records (FTS5 adds shadow tables named contacts_fts_*).
INDEX_TABLES = ("contacts_fts", "contact_grams", "company_grams", "search_seq")

_fts = table("contacts_fts", column("rowid"))
_grams = table("contact_grams", column("gram"), column("contact_id"))
_company_grams = table("company_grams", column("gram"), column("company_id"))
_ranked = table("contact_grams", column("gram"), column("tier"), column("name_pinyin"), column("contact_id"))


PG_TRIGRAM_INDEX = "ix_contacts_search_trgm"  # PostgreSQL: pg_trgm GIN over search_text (revision 0005)


# SQLite: the prefix ranges of ranked_search.py (revision 0012), each in (pinyin, id) order within
# one key. The pinyin one is partial so that only a query saying "name_pinyin > ''" uses it: the
# contact list sorted by name keeps ix_contacts_name_visible, which covers its filters.
PREFIX_INDEXES = {
    "ix_contacts_name_prefix": "CREATE INDEX IF NOT EXISTS ix_contacts_name_prefix "
                               "ON contacts (name COLLATE NOCASE, name_pinyin)",
    "ix_contacts_pinyin_prefix": "CREATE INDEX IF NOT EXISTS ix_contacts_pinyin_prefix "
                                 "ON contacts (name_pinyin) WHERE name_pinyin > ''",
    "ix_contacts_initials_prefix": "CREATE INDEX IF NOT EXISTS ix_contacts_initials_prefix "
                                   "ON contacts (name_initials, name_pinyin)",
}


def is_index_table(name: str) -> bool:
    """Tables and indexes the search index adds beside the documented records."""
    return (name in INDEX_TABLES or name.startswith("contacts_fts_") or name == PG_TRIGRAM_INDEX
            or name in PREFIX_INDEXES)


def search_term(text: str) -> str:
    """What the index looks for: the digits of a typed phone number, else the folded text."""
    return _phone_digits(text) or fold(text)


def _match(term: str):
    return literal_column("contacts_fts").op("MATCH")('"' + term.replace('"', '""') + '"')


def contains_condition(dialect: str):
    """A test of one row that implies `search_condition` (the term is inside its search text),
    its term the parameter `search_term` (`term_values`): on SQLite `instr`, since an FTS look-up
    of one row costs about 0.2 ms; on PostgreSQL the LIKE of `search_condition` itself."""
    term = bindparam("search_term", type_=String())
    if dialect != "sqlite":
        return ContactRecord.search_text.like(term, escape="\\")
    return func.instr(ContactRecord.search_text, term) > 0


def in_index_order(stmt, dialect: str):
    """`stmt` (a select over contacts) narrowed to the matches of a term of three characters or
    more (parameters: `term_values`), ordered by id. On SQLite the FTS table drives it in its own
    rowid order, so a LIMIT ends the walk early instead of collecting every match first (a tag on
    a tenth of a million contacts)."""
    if dialect != "sqlite":
        return stmt.where(contains_condition(dialect)).order_by(ContactRecord.id)
    match = literal_column("contacts_fts").op("MATCH")(bindparam("search_match", type_=String()))
    return stmt.join(_fts, _fts.c.rowid == ContactRecord.id).where(match).order_by(_fts.c.rowid)


def term_values(text: str, dialect: str) -> dict:
    """The parameters of `contains_condition` and `in_index_order` for `text`."""
    term = search_term(text)
    if dialect != "sqlite":
        return {"search_term": f"%{_escape(term)}%"}
    return {"search_term": term, "search_match": '"' + term.replace('"', '""') + '"'}


def live_match_count(session, query: str) -> int | None:
    """How many live contacts a query matches (all of them for a query without a term), on SQLite:
    the index's own count of its matches (about 8 ms for a tag on 125,000 contacts of a million;
    SQLite counts every row from its smallest index, about 7 ms at a million) less the trashed
    contacts among them, found from the stage index (few, each tested against the index), instead
    of looking up every match's row for its trash mark (about 250 ms). None on another database:
    the caller counts."""
    if session.get_bind().dialect.name != "sqlite":
        return None
    term = search_term(query)
    if not term:
        values, matched = {}, "1"
        total = session.execute(text("SELECT count(*) FROM contacts")).scalar_one()
    elif len(term) >= 3:
        values = {"m": '"' + term.replace('"', '""') + '"'}
        matched = "EXISTS (SELECT 1 FROM contacts_fts WHERE contacts_fts MATCH :m AND contacts_fts.rowid = c.id)"
        total = session.execute(text("SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH :m"),
                                values).scalar_one()
    else:  # the gram tables, by name (or tag) and by company, as search_condition reads them
        values = {"t": term}
        matched = ("(EXISTS (SELECT 1 FROM contact_grams AS g WHERE g.gram = :t AND g.tier IN (0, 1, 2, 3) "
                   "AND g.name_pinyin = c.name_pinyin AND g.contact_id = c.id) "
                   "OR c.company_id IN (SELECT company_id FROM company_grams WHERE gram = :t))")
        total = _gram_match_count(session, values)
    stages = ", ".join(f"'{s.value}'" for s in LifecycleStage)
    trashed = session.execute(text(f"SELECT count(*) FROM contacts AS c WHERE c.stage IN ({stages}) "
                                   f"AND c.deleted_at IS NOT NULL AND {matched}"), values).scalar_one()
    return total - trashed


def company_match_count(session, term: str) -> int:
    """Contacts (trashed too) whose company has the one- or two-character `term`, from the index."""
    return session.execute(text("SELECT count(*) FROM contacts WHERE company_id IN "
                                "(SELECT company_id FROM company_grams WHERE gram = :t)"), {"t": term}).scalar_one()


def _gram_match_count(session, values: dict) -> int:
    """Contacts matched by a gram through their name or tags, or through their company: each
    part's count from its index range (the gram table holds one row per contact and gram, as
    GRAMS_FROM_ID groups by both), and only when both parts match something the union of their ids,
    counted once each (a 团购 tag on 75,000 contacts: 5 ms instead of 60)."""
    by_name = session.execute(text("SELECT count(*) FROM contact_grams WHERE gram = :t"), values).scalar_one()
    by_company = company_match_count(session, values["t"])
    if not by_name or not by_company:
        return by_name + by_company
    return session.execute(text(
        "SELECT count(*) FROM (SELECT contact_id FROM contact_grams WHERE gram = :t UNION SELECT id FROM contacts "
        "WHERE company_id IN (SELECT company_id FROM company_grams WHERE gram = :t))"), values).scalar_one()


def search_condition(text: str, dialect: str):
    """A WHERE clause on contacts matching `text` the way the index does."""
    term = search_term(text)
    if not term:
        return None
    contact_id = ContactRecord.id
    if dialect != "sqlite":
        return ContactRecord.search_text.like(f"%{_escape(term)}%", escape="\\")
    if len(term) >= 3:
        return contact_id.in_(select(_fts.c.rowid).where(_match(term)))
    by_name = select(_grams.c.contact_id).where(_grams.c.gram == term)
    companies = select(_company_grams.c.company_id).where(_company_grams.c.gram == term)
    other = aliased(ContactRecord)  # not correlated with the outer query
    by_company = select(other.id).where(other.company_id.in_(companies))
    return contact_id.in_(union(by_name, by_company))  # one id set: looked up by key, no table scan


def short_term(text: str, dialect: str) -> str | None:
    """The folded term when `text` is a one- or two-character query the gram table answers."""
    if dialect != "sqlite" or _phone_digits(text):
        return None
    term = fold(text)
    return term if 0 < len(term) < 3 else None


def ranked_by_grams(term: str, walk_names: bool = False):
    """(select of contact ids by name grams, best first; select of ids matched by company only).

    Name matches come in tier order (the whole name, then names or initials starting with the
    term, then the rest), by pinyin within a tier: one walk of the gram table's primary key. The
    caller adds the trash test and filters on `ContactRecord` and a LIMIT. Company matches come by
    pinyin: sorted after finding them all, or, with `walk_names` (many match: 科技 names 127,000
    companies' people of a million), by walking the name index and keeping those who match, which
    finds a page after a few thousand rows instead of sorting them all (55 ms instead of 560)."""
    by_name = (select(_ranked.c.contact_id).join(ContactRecord, ContactRecord.id == _ranked.c.contact_id)
               .where(_ranked.c.gram == term)
               .order_by(_ranked.c.tier, _ranked.c.name_pinyin, _ranked.c.contact_id))
    companies = select(_company_grams.c.company_id).where(_company_grams.c.gram == term)
    named = select(_grams.c.contact_id).where(_grams.c.gram == term)
    company = ContactRecord.company_id + 0 if walk_names else ContactRecord.company_id  # + 0: not its index
    by_company = (select(ContactRecord.id).where(company.in_(companies), ContactRecord.id.not_in(named))
                  .order_by(ContactRecord.name_pinyin, ContactRecord.id))
    return by_name, by_company


def _phone_digits(text: str) -> str:
    """'+86 (138) 0013-8000' -> '8613800138000': a query typed like a phone number searches digits."""
    if not text or any(ch not in PHONE_CHARS for ch in text):
        return ""
    digits = "".join(ch for ch in text if ch.isdigit())
    return digits if len(digits) >= 4 else ""


PHONE_CHARS = frozenset("0123456789 +-().")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


DDL = [
    "CREATE TABLE IF NOT EXISTS search_seq (i INTEGER PRIMARY KEY)",
    "INSERT OR IGNORE INTO search_seq (i) WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s "
    "WHERE i < 200) SELECT i FROM s",
    "CREATE TABLE contact_grams (gram TEXT NOT NULL, tier INTEGER NOT NULL, name_pinyin TEXT NOT NULL, "
    "contact_id INTEGER NOT NULL, PRIMARY KEY (gram, tier, name_pinyin, contact_id)) WITHOUT ROWID",
    "CREATE TABLE company_grams (gram TEXT NOT NULL, company_id INTEGER NOT NULL, "
    "PRIMARY KEY (gram, company_id)) WITHOUT ROWID",
    "CREATE INDEX ix_company_grams_company ON company_grams (company_id, gram)",
    "CREATE VIRTUAL TABLE contacts_fts USING fts5(search_text, content='contacts', content_rowid='id', "
    "tokenize='trigram')",
]

# A gram's tier: 0 for the whole name, 1 at the start of the name or the initials, 2 elsewhere in
# them, 3 in the tags (src.k = 2); a gram found at several places keeps its best tier.
_TIER_AT = ("CASE WHEN src.k = 2 THEN 3 WHEN s.i = 1 AND src.k = 0 AND n.n = length(src.t) THEN 0 "
            "WHEN s.i = 1 THEN 1 ELSE 2 END")  # the tier of the gram at one place
_TIER = f"min({_TIER_AT})"

# A contact's gram rows, found from its values alone (a trigger's OLD row): each gram with every
# tier, by primary key. The table needs no index by contact (revision 0015 dropped it: as large as
# the table itself, and about a second of a 100,000-row import to keep).
GRAMS_OF_OLD = """
    DELETE FROM contact_grams WHERE gram IN (
        SELECT substr(src.t, s.i, n.n)
        FROM (SELECT lower(replace(OLD.name, ' ', '')) AS t UNION ALL SELECT OLD.name_initials
              UNION ALL SELECT lower(replace(OLD.tags, ' ', ''))) AS src,
             search_seq AS s, (SELECT 1 AS n UNION ALL SELECT 2) AS n
        WHERE s.i <= length(src.t) - n.n + 1)
    AND tier IN (0, 1, 2, 3) AND name_pinyin = OLD.name_pinyin AND contact_id = OLD.id;
"""

_GRAMS_OF_NEW = f"""
    INSERT INTO contact_grams (gram, tier, name_pinyin, contact_id)
    SELECT substr(src.t, s.i, n.n), {_TIER}, NEW.name_pinyin, NEW.id
    FROM (SELECT 0 AS k, lower(replace(NEW.name, ' ', '')) AS t UNION ALL SELECT 1, NEW.name_initials
          UNION ALL SELECT 2, lower(replace(NEW.tags, ' ', ''))) AS src,
         search_seq AS s, (SELECT 1 AS n UNION ALL SELECT 2) AS n
    WHERE s.i <= length(src.t) - n.n + 1
    GROUP BY substr(src.t, s.i, n.n);
"""

_COMPANY_GRAMS_OF_NEW = """
    INSERT OR IGNORE INTO company_grams (gram, company_id)
    SELECT substr(lower(replace(NEW.name, ' ', '')), s.i, n.n), NEW.id
    FROM search_seq AS s, (SELECT 1 AS n UNION ALL SELECT 2) AS n
    WHERE s.i <= length(replace(NEW.name, ' ', '')) - n.n + 1;
"""

TRIGGERS = [
    "CREATE TRIGGER IF NOT EXISTS companies_search_ai AFTER INSERT ON companies BEGIN"
    + _COMPANY_GRAMS_OF_NEW + " END",
    "CREATE TRIGGER IF NOT EXISTS companies_search_au AFTER UPDATE OF name ON companies BEGIN "
    "DELETE FROM company_grams WHERE company_id = OLD.id;" + _COMPANY_GRAMS_OF_NEW + " END",
    "CREATE TRIGGER IF NOT EXISTS companies_search_ad AFTER DELETE ON companies BEGIN "
    "DELETE FROM company_grams WHERE company_id = OLD.id; END",
    "CREATE TRIGGER IF NOT EXISTS contacts_search_ai AFTER INSERT ON contacts BEGIN "
    "INSERT INTO contacts_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);"
    + _GRAMS_OF_NEW + " END",
    "CREATE TRIGGER IF NOT EXISTS contacts_search_ad AFTER DELETE ON contacts BEGIN "
    "INSERT INTO contacts_fts (contacts_fts, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);"
    + GRAMS_OF_OLD + " END",
    "CREATE TRIGGER IF NOT EXISTS contacts_search_au AFTER UPDATE OF name, name_pinyin, name_initials, tags, search_text "
    "ON contacts BEGIN "
    "INSERT INTO contacts_fts (contacts_fts, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);"
    "INSERT INTO contacts_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);"
    + GRAMS_OF_OLD + _GRAMS_OF_NEW + " END",
]

# every place of one or two characters in the new contacts' name, initials and tags (k: which;
# nm and ini: the contact's name and initials, beside every place)
_NAME = "lower(replace(name, ' ', ''))"
_GRAM_PLACES = f"""
    FROM (SELECT id, 0 AS k, {_NAME} AS t, name_pinyin AS p, {_NAME} AS nm, name_initials AS ini
          FROM contacts WHERE id >= :first
          UNION ALL SELECT id, 1, name_initials, name_pinyin, {_NAME}, name_initials FROM contacts WHERE id >= :first
          UNION ALL SELECT id, 2, lower(replace(tags, ' ', '')), name_pinyin, {_NAME}, name_initials
          FROM contacts WHERE id >= :first) AS src,
         search_seq AS s, (SELECT 1 AS n UNION ALL SELECT 2) AS n
    WHERE s.i <= length(src.t) - n.n + 1
"""

GRAMS_FROM_ID = f"""
    INSERT INTO contact_grams (gram, tier, name_pinyin, contact_id)
    SELECT substr(src.t, s.i, n.n), {_TIER}, src.p, src.id{_GRAM_PLACES}    GROUP BY src.id, substr(src.t, s.i, n.n)
"""

# bulk_contacts' way to the rows GRAMS_FROM_ID writes, without its GROUP BY (sorting a million
# grams was half the time): a place goes in with its tier unless the same gram has a better tier
# at another place of the contact (the same gram twice at one tier, as 伟 in 王伟伟, is one row):
# a tag's gram anywhere in the name or initials, a gram inside them at the start of either, the
# initials' first gram when it is the whole name.
_G = "substr(src.t, s.i, n.n)"
_BEST_GRAMS_FROM_ID = f"""
    INSERT OR IGNORE INTO contact_grams (gram, tier, name_pinyin, contact_id)
    SELECT {_G}, {_TIER_AT}, src.p, src.id{_GRAM_PLACES}
    AND CASE WHEN src.k = 2 THEN instr(src.nm, {_G}) = 0 AND instr(src.ini, {_G}) = 0
             WHEN s.i > 1 THEN substr(src.nm, 1, n.n) <> {_G} AND substr(src.ini, 1, n.n) <> {_G}
             ELSE src.k = 0 OR {_G} <> src.nm END
"""


class BulkIndex:
    """The search index of contacts written in bulk, brought up to date at the end or, for an
    import writing in batches, after each batch."""

    def __init__(self, conn, first: int):
        self._conn, self._next = conn, first

    def catch_up(self) -> None:
        """Index the contacts written since the last catch-up."""
        conn, first = self._conn, self._next
        last = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM contacts").scalar_one()
        if last < first:
            return
        conn.exec_driver_sql("INSERT INTO contacts_fts (rowid, search_text) "
                             "SELECT id, search_text FROM contacts WHERE id >= ?", (first,))
        conn.execute(text(_BEST_GRAMS_FROM_ID), {"first": first})
        self._next = last + 1


@contextmanager
def bulk_contacts(conn) -> Iterator[BulkIndex | None]:
    """Many contacts at once: index them together (at the end, or batch by batch through the
    yielded `BulkIndex`) instead of one by one in a trigger (measured on 100,000 demo contacts:
    about 5 s instead of about 20 s). Same transaction: a failure rolls back the rows, the index
    and the trigger change together."""
    if not _has_index(conn):
        yield None
        return
    first = conn.exec_driver_sql("SELECT coalesce(max(id), 0) + 1 FROM contacts").scalar_one()
    conn.exec_driver_sql("DROP TRIGGER contacts_search_ai")
    index = BulkIndex(conn, first)
    yield index
    index.catch_up()
    restore_triggers(conn)


def _has_index(conn) -> bool:
    return conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'contacts_fts'").first() is not None


def restore_triggers(conn) -> None:
    """Alembic's batch mode rebuilds a table without its triggers, and its prefix indexes without
    their collation: put the index's back."""
    if _has_index(conn):
        for statement in TRIGGERS:
            conn.exec_driver_sql(statement)
        restore_prefix_indexes(conn)


def restore_prefix_indexes(conn) -> None:
    """A schema with the prefix indexes (revision 0012 on) gets them back as they were made:
    Alembic's batch mode rebuilds them without their collation or their WHERE."""
    made = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                     "AND name LIKE 'ix_contacts_%_prefix'").all())
    if not made:
        return
    for name, statement in PREFIX_INDEXES.items():
        if made.get(name) != statement.replace(" IF NOT EXISTS", ""):
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
            conn.exec_driver_sql(statement)


COMPANY_GRAMS_OF_ALL = """
    INSERT OR IGNORE INTO company_grams (gram, company_id)
    SELECT substr(lower(replace(c.name, ' ', '')), s.i, n.n), c.id
    FROM companies AS c, search_seq AS s, (SELECT 1 AS n UNION ALL SELECT 2) AS n
    WHERE s.i <= length(replace(c.name, ' ', '')) - n.n + 1
"""

DROP = [
    "DROP TRIGGER IF EXISTS companies_search_ai",
    "DROP TRIGGER IF EXISTS companies_search_au",
    "DROP TRIGGER IF EXISTS companies_search_ad",
    "DROP TRIGGER IF EXISTS contacts_search_ai",
    "DROP TRIGGER IF EXISTS contacts_search_ad",
    "DROP TRIGGER IF EXISTS contacts_search_au",
    "DROP TABLE IF EXISTS contacts_fts",
    "DROP TABLE IF EXISTS contact_grams",
    "DROP TABLE IF EXISTS company_grams",
    "DROP TABLE IF EXISTS search_seq",
]
