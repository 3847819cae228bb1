"""Stored churn risk scores: every live customer's score as of the day's scoring, so the dashboard
reads half a million small rows by index instead of scoring every customer against a year of
purchases each time it opens (services/churn.py decides when to score).

A stored score is stale, never wrong (the same statements on SQLite and PostgreSQL). Triggers set a customer's `score` to NULL (adding the row
if it has none) whenever something the score reads changes, whoever writes (the services, an
import, a merge, a script), in the same transaction: a purchase added, edited, voided or moved;
a ticket or survey of theirs; the contact's stage, trash mark, orders, customer-since, last
purchase or last contact. Contacts inserted as customers who bought get a NULL row; a purged
contact's row goes. Only the NULL rows are scored again; a row of someone who is no longer a
live customer who bought is dropped then.
"""

from collections.abc import Iterable

from sqlalchemy import bindparam, delete, func, select, text, update

from crm_desktop.storage.derived_records import RiskScoreRecord as R
from crm_desktop.storage.repositories.base import count_where, in_chunks
from crm_desktop.storage.trigger_sets import TriggerSet, table_exists

_MARK = ("INSERT INTO risk_scores (contact_id, score) VALUES ({id}, NULL) "
         "ON CONFLICT (contact_id) DO UPDATE SET score = NULL WHERE risk_scores.score IS NOT NULL;")
_DROP = "DELETE FROM risk_scores WHERE contact_id = OLD.id;"
_CONTACT_FACTS = "stage, deleted_at, purchase_count, became_customer_at, created_at, last_purchase_at, last_interaction_at"
_QUALIFIES = "({row}.stage = 'customer' AND {row}.purchase_count > 0 AND {row}.deleted_at IS NULL)"
_CHILDREN = {  # table: the columns whose change moves the score
    "purchases": "contact_id, purchased_at, amount_cents, deleted_at",
    "tickets": "contact_id, category, status, deleted_at",
    "surveys": "contact_id, csat, deleted_at",
}


def _mark(contact_id: str) -> str:
    return _MARK.format(id=contact_id)


def _sqlite_triggers() -> list[str]:
    out = []
    for table, columns in _CHILDREN.items():
        out += [
            f"CREATE TRIGGER IF NOT EXISTS {table}_risk_ai AFTER INSERT ON {table} "
            f"BEGIN {_mark('NEW.contact_id')} END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_risk_ad AFTER DELETE ON {table} "
            f"BEGIN {_mark('OLD.contact_id')} END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_risk_au AFTER UPDATE OF {columns} ON {table} "
            f"BEGIN {_mark('OLD.contact_id')} {_mark('NEW.contact_id')} END",
        ]
    new, old = _QUALIFIES.format(row="NEW"), _QUALIFIES.format(row="OLD")
    return out + [
        f"CREATE TRIGGER IF NOT EXISTS contacts_risk_ai AFTER INSERT ON contacts WHEN {new} "
        f"BEGIN {_mark('NEW.id')} END",
        f"CREATE TRIGGER IF NOT EXISTS contacts_risk_au AFTER UPDATE OF {_CONTACT_FACTS} ON contacts "
        f"WHEN {new} OR {old} BEGIN {_mark('NEW.id')} END",
        f"CREATE TRIGGER IF NOT EXISTS contacts_risk_ad AFTER DELETE ON contacts BEGIN {_DROP} END",
    ]


SQLITE_TRIGGERS = _sqlite_triggers()


PG_FUNCTIONS = [
    "CREATE OR REPLACE FUNCTION risk_scores_stale_child() RETURNS trigger AS $$ BEGIN "
    f"IF TG_OP IN ('UPDATE', 'DELETE') THEN {_mark('OLD.contact_id')} END IF; "
    f"IF TG_OP IN ('UPDATE', 'INSERT') THEN {_mark('NEW.contact_id')} END IF; "
    "RETURN NULL; END $$ LANGUAGE plpgsql",
    "CREATE OR REPLACE FUNCTION risk_scores_stale_contact() RETURNS trigger AS $$ BEGIN "
    f"IF TG_OP = 'DELETE' THEN {_DROP} "
    f"ELSIF {_QUALIFIES.format(row='NEW')} OR (TG_OP = 'UPDATE' AND {_QUALIFIES.format(row='OLD')}) THEN "
    f"{_mark('NEW.id')} END IF; RETURN NULL; END $$ LANGUAGE plpgsql",
]
PG_TRIGGERS = [
    *(f"CREATE TRIGGER {table}_risk_stale AFTER INSERT OR DELETE OR UPDATE OF {columns} ON {table} "
      "FOR EACH ROW EXECUTE FUNCTION risk_scores_stale_child()" for table, columns in _CHILDREN.items()),
    f"CREATE TRIGGER contacts_risk_stale AFTER INSERT OR DELETE OR UPDATE OF {_CONTACT_FACTS} ON contacts "
    "FOR EACH ROW EXECUTE FUNCTION risk_scores_stale_contact()",
]
TRIGGERS = TriggerSet(tuple(SQLITE_TRIGGERS), tuple(PG_FUNCTIONS), tuple(PG_TRIGGERS))
install, uninstall = TRIGGERS.install, TRIGGERS.uninstall  # again after a migration's batch mode


def installed(conn) -> bool:
    return table_exists(conn, "risk_scores")


# --- reading and writing ----------------------------------------------------------------------------
_WRITE = update(R.__table__).where(R.__table__.c.contact_id == bindparam("b_id")).values(score=bindparam("b_s"))


class StoredRisk:
    def __init__(self, session):
        self.session = session

    def replace_all(self, scores: Iterable[tuple[int, int]]) -> None:
        """Every customer's score anew (a day's scoring), read before this transaction began: the
        rows made stale meanwhile stay NULL (not overwritten), so they are scored again."""
        self.session.execute(delete(R.__table__).where(R.score.is_not(None)))
        rows = [{"c": cid, "s": score} for cid, score in sorted(scores)]
        if rows:
            self.session.execute(text("INSERT INTO risk_scores (contact_id, score) VALUES (:c, :s) "
                                      "ON CONFLICT (contact_id) DO NOTHING"), rows)

    def any_stale(self) -> bool:
        return self.session.execute(select(R.contact_id).where(R.score.is_(None)).limit(1)).first() is not None

    def stale_ids(self) -> list[int]:
        return list(self.session.execute(select(R.contact_id).where(R.score.is_(None))).scalars())

    def settle(self, scores: dict[int, int], stale: Iterable[int]) -> None:
        """Write the scores of the stale customers scored again; drop the stale rows of anyone else."""
        if scores:
            self.session.execute(_WRITE, [{"b_id": cid, "b_s": s} for cid, s in scores.items()])
        gone = [cid for cid in stale if cid not in scores]
        for chunk in in_chunks(gone):
            self.session.execute(delete(R.__table__).where(R.contact_id.in_(chunk), R.score.is_(None)))

    def totals(self, threshold: int) -> tuple[int, int, int]:
        """(customers scored, Σ scores, how many reach the threshold), over the score index."""
        stmt = select(func.count(), func.coalesce(func.sum(R.score), 0), count_where(R.score >= threshold)).where(
            R.score.is_not(None))
        return tuple(int(v) for v in self.session.execute(stmt).one())

    def top(self, limit: int) -> list[tuple[int, int]]:
        """(id, score) of the `limit` highest scored, score falling, id rising."""
        stmt = select(R.contact_id, R.score).where(R.score.is_not(None)).order_by(
            R.score.desc(), R.contact_id).limit(limit)
        return [(cid, score) for cid, score in self.session.execute(stmt)]
