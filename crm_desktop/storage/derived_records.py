"""Records of the caches that triggers derive from other tables, for the dashboard and the risk
list: sales per day (sales_days.py), contacts per day (contact_days.py), stored risk scores
(risk_store.py). Never written by the app's own code; a rebuild makes them again from the records."""

from datetime import date

from sqlalchemy import BigInteger, Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.storage.record_base import Base, Tracked


class SalesDayRecord(Tracked, Base):
    """Live purchases and their revenue per UTC day, derived from purchases and written by
    triggers only (storage/sales_days.py), in the transaction of the purchase: a cache of the
    dashboard's sums (uuid and times filled by the triggers; never trashed)."""

    __tablename__ = "sales_days"
    day: Mapped[date] = mapped_column(Date, unique=True)
    purchases: Mapped[int] = mapped_column(Integer, default=0)
    revenue_cents: Mapped[int] = mapped_column(BigInteger, default=0)


class ContactDayRecord(Base):
    """Live contacts per kind of day (recorded, became a customer, became one and churned, last
    purchase), UTC day, tier and lead source, with their spend and orders: derived from contacts and
    written by triggers only (storage/contact_days.py), a cache of the dashboard's contact figures
    (no uuid, times or trash mark, as risk_scores: every purchase rewrites a few of these rows)."""

    __tablename__ = "contact_days"
    kind: Mapped[str] = mapped_column(String(1), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    tier: Mapped[str] = mapped_column(String(16), primary_key=True)
    lead_source: Mapped[str] = mapped_column(String(32), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)
    customers: Mapped[int] = mapped_column(Integer, default=0)
    spent_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    orders: Mapped[int] = mapped_column(BigInteger, default=0)


class RiskScoreRecord(Base):
    """A customer's churn risk score as of the day's scoring (storage/risk_store.py): derived, kept
    stale-never-wrong by triggers, which set `score` to NULL (adding the row if need be) whenever
    a purchase, complaint, survey or the contact's own facts change. Two integers a row, keyed by
    the contact (no uuid, times or trash mark: half a million rows are rewritten once a day)."""

    __tablename__ = "risk_scores"
    __table_args__ = (Index("ix_risk_scores_score", "score", "contact_id"),)
    contact_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    score: Mapped[int | None] = mapped_column(Integer)
