"""Churn early warning and what follows it: the risk list with reasons and win-back figures, RFM
segment members, marking a customer churned, a win-back campaign, and re-tiering by value.

The risk list scores every live customer from behaviour only (never the stage of anyone else, nor
the at-risk flag) in SQL: purchases of the last two half-years, open complaints and CSAT per
customer, last purchase and last contact from the contact row, and the score itself. A big file's
customers are scored in runs of ids, one statement per run, the runs in parallel (each on its own
connection; SQLite and PostgreSQL both read in parallel). The scores are stored once a day
(storage/risk_store.py); later the same day only the customers whose facts changed are scored
again, as of the same instant, so the list opens from an index.
"""

import heapq
import os
import time as clock
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

from crm_desktop.domain.analytics import rfm, value, winback
from crm_desktop.domain.analytics.churn import proposed_tier, validate_churn
from crm_desktop.domain.analytics.risk import WINDOW_DAYS, RiskFacts, risk_score
from crm_desktop.domain.errors import RuleError, ValidationError
from crm_desktop.services.analytics import read_settings
from crm_desktop.services.analytics_dto import (
    AnalyticsSettings,
    ChurnedRow,
    RiskRow,
    RiskSummary,
    SegmentMember,
)
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.events import ContactsChanged, FollowupsChanged
from crm_desktop.services.visibility import shown_phones

DAY = 86400.0
CAMPAIGN_DAYS = 7  # a win-back campaign spreads its calls over the next week
RISK_RUNS = min(4, os.cpu_count() or 1)  # the risk list's runs scored at once
RISK_MIN_RUN = 50_000  # customers: fewer are scored in one run (a thread costs more than it saves)
SCORED_AT = "state.risk_scored_at"  # bookkeeping ("state."): the instant the stored risk scores are as of


def _days(now: datetime, then: datetime | None) -> float | None:
    return None if then is None else max(0.0, (now - then).total_seconds() / DAY)


def facts_of(row) -> RiskFacts:
    """A scored customer's facts, as the domain's risk_score reads them (days at least 0)."""
    def days(v):
        return None if v is None else max(0.0, v)

    return RiskFacts(row.orders, days(row.since_first) or 0.0, days(row.since_last) or 0.0, row.n_recent,
                     row.n_before, row.s_recent, row.s_before, row.complaints, row.min_csat, row.avg_csat,
                     days(row.since_contact))


def risk_row(row, facts: RiskFacts, result, s: AnalyticsSettings) -> RiskRow:
    """The listed customer with its lifetime value and win-back decision (built for the shown rows only)."""
    clv = value.clv_of(value.ValueFacts(row.spent, row.orders, facts.days_since_first, s.lifespan_years, s.margin_pct))
    decision = winback.win_back(clv, result.score, churned=False, win_pct=s.winback_win_pct,
                                cost_cents=s.winback_cost_cents)
    return RiskRow(row.id, row.name, row.tier, result.score, result.reasons, row.spent, clv, decision)


def _ranked(scores: list[tuple[int, int]], limit: int, threshold: int):
    """(count, Σ, how many reach the threshold) and the `limit` highest (id, score), score falling, id rising."""
    totals = (len(scores), sum(sc for _, sc in scores), sum(1 for _, sc in scores if sc >= threshold))
    return totals, heapq.nsmallest(limit, scores, key=lambda r: (-r[1], r[0]))


def _instant(text) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _same_day(as_of: datetime | None, now: datetime) -> bool:
    """Scored earlier on the computer's same local day (a clock set back scores again)."""
    return as_of is not None and as_of <= now and as_of.astimezone().date() == now.astimezone().date()


def _windows(now: datetime) -> tuple[datetime, datetime]:
    """Where the last half-year and the one before it begin."""
    recent = now - timedelta(days=WINDOW_DAYS)
    return recent, recent - timedelta(days=WINDOW_DAYS)


class ChurnService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def scores(self) -> dict[int, int]:
        """Risk score of every live customer, now (the benchmark's ROC AUC reads these)."""
        return dict(self._score_all(self._ctx.now()))

    def risk(self, limit: int = 200) -> RiskSummary:
        """Customers by falling risk score (the `limit` highest), with counts over all of them: read
        from the stored scores when they are the day's (score_today(), the daily job), else every
        customer scored now; the listed ones' facts are then read by id and scored again by the
        domain for their reasons, lifetime value and win-back."""
        started, now = clock.perf_counter(), self._ctx.now()
        with self._ctx.db.reading() as uow:
            s = read_settings(uow)
            as_of = _instant(uow.app_settings.get(SCORED_AT))
        if self._ctx.db.read_only or not _same_day(as_of, now):
            as_of = now
            (count, total, reaching), top = _ranked(self._score_all(now), limit, s.risk_threshold)
        else:
            self._settle(as_of)
            with self._ctx.db.reading() as uow:
                count, total, reaching = uow.analytics.stored_risk.totals(s.risk_threshold)
                top = uow.analytics.stored_risk.top(limit)
        with self._ctx.db.reading() as uow:
            rows = uow.analytics.risk_rows(as_of, *_windows(as_of), [cid for cid, _ in top])
        shown = tuple(risk_row(row, facts, risk_score(facts), s) for cid, _ in top if (row := rows.get(cid))
                      for facts in (facts_of(row),))
        churned = self._churned(s, limit)
        return RiskSummary(count, s.risk_threshold, reaching, round(total / count, 1) if count else None, shown,
                           as_of, round(clock.perf_counter() - started, 3), churned)

    def score_today(self) -> datetime:
        """Store every customer's score (a database open for writing), once a day: scored anew when
        the last scoring was on another day (the half-years and the days since move with the
        date), else only those whose facts changed since, as of the same instant. Returns that
        instant. The daily job runs it, so the dashboard reads the store."""
        now = self._ctx.now()
        with self._ctx.db.reading() as uow:
            as_of = _instant(uow.app_settings.get(SCORED_AT))
        if not _same_day(as_of, now):
            scores = self._score_all(now)
            with self._ctx.db.writing() as uow:
                uow.analytics.stored_risk.replace_all(scores)
                uow.app_settings.put(SCORED_AT, now.isoformat(), now)
            as_of = now
        self._settle(as_of)
        return as_of

    def _settle(self, as_of: datetime) -> None:
        """Score again, as of the stored instant, the customers the triggers marked stale."""
        with self._ctx.db.reading() as uow:
            if not uow.analytics.stored_risk.any_stale():
                return
        with self._ctx.db.writing() as uow:  # inside the write lock: nothing turns stale meanwhile
            store = uow.analytics.stored_risk
            ids = store.stale_ids()
            store.settle(uow.analytics.risk_scores_of(as_of, *_windows(as_of), ids), ids)

    def _score_all(self, now: datetime) -> list[tuple[int, int]]:
        """Every live customer's (id, score), in runs of ids scored in parallel on a big file."""
        with self._ctx.db.reading() as uow:
            cuts = uow.analytics.customer_id_cuts(RISK_RUNS, RISK_MIN_RUN)
        runs = list(zip([None, *cuts], [*cuts, None], strict=True))
        score = lambda ids: self._risk_run(now, ids)  # noqa: E731
        if len(runs) == 1:  # a small file: no thread to start
            return score(runs[0])
        with ThreadPoolExecutor(len(runs)) as pool:
            return [r for part in pool.map(score, runs) for r in part]

    def _risk_run(self, now: datetime, ids: tuple) -> list[tuple[int, int]]:
        with self._ctx.db.reading() as uow:
            return uow.analytics.risk_scores(now, *_windows(now), ids)

    def _churned(self, s: AnalyticsSettings, limit: int) -> tuple[ChurnedRow, ...]:
        """Churned customers with the win-back decision: their value as customers until they left
        (CLV over the time they bought), E(V) = CLV × p_win against V3 = 0 and the cost C3."""
        with self._ctx.db.reading() as uow:
            rows = uow.analytics.churned_rows(limit)
        found = []
        for cid, name, tier, kind, churned_at, orders, spent, since in rows:
            days = _days(churned_at or self._ctx.now(), since) or 0.0
            clv = value.clv_of(value.ValueFacts(spent, orders, days, s.lifespan_years, s.margin_pct))
            decision = winback.win_back(clv, 100, churned=True, win_pct=s.winback_win_pct,
                                        cost_cents=s.winback_cost_cents)
            found.append(ChurnedRow(cid, name, tier, kind, churned_at, spent, clv, decision))
        return tuple(sorted(found, key=lambda r: (-r.win_back.gain_cents, r.contact_id)))  # most worth it first

    def segment_members(self, key: str, edges, offset: int = 0, limit: int = 500) -> list[SegmentMember]:
        """The customers of an RFM segment, given the quintile cut points of the summary shown."""
        ranges = rfm.segment_ranges(key, tuple(tuple(e) for e in edges))
        with self._ctx.db.reading() as uow:
            rows = uow.analytics.rfm_members(ranges, offset, limit)
        return shown_phones(self._ctx, [SegmentMember(*row) for row in rows])  # 138****5678 without the permission

    def mark_churned(self, contact_id: int, churn_type: str, reason: str) -> None:
        kind, reason = validate_churn(churn_type, reason)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            contact = uow.contacts.get(contact_id)
            contact.stage, contact.churned_at, contact.at_risk = "churned", now, False
            contact.churn_type, contact.churn_reason, contact.updated_at = kind.value, reason, now
        self._ctx.bus.publish(ContactsChanged(frozenset({contact_id})))

    def plan_followups(self, contact_ids, title: str, offer: str, kind: str = "call") -> int:
        """One planned call per contact, spread over the next week at 10:00 local, with the offer
        text in its notes (a win-back campaign, or a segment's follow-ups). Returns how many."""
        ids = list(dict.fromkeys(contact_ids))
        if not ids:
            raise RuleError("Choose at least one customer.")
        if not title.strip():
            raise ValidationError.single("title", "Give the follow-ups a title.")
        now = self._ctx.now()
        day = now.astimezone().replace(hour=10, minute=0, second=0, microsecond=0) + timedelta(days=1)
        with self._ctx.db.writing() as uow:
            for i, cid in enumerate(ids):
                due = day + timedelta(days=i % CAMPAIGN_DAYS)
                uow.followups.add(contact_id=cid, owner_id=self._ctx.user_id, kind=kind, title=title.strip(),
                                  due_at=due, duration_minutes=15, all_day=False, reminder_minutes=10, rrule="",
                                  status="planned", notes=offer.strip(), ticket_id=None, created_at=now,
                                  updated_at=now)
        self._ctx.bus.publish(FollowupsChanged(frozenset()))
        return len(ids)

    def win_back_campaign(self, summary: RiskSummary, offer: str, title: str, churned: bool = False) -> int:
        """Plan follow-ups for the listed customers (at risk, or churned) whose win-back decision says act."""
        rows = summary.churned if churned else summary.top
        return self.plan_followups([r.contact_id for r in rows if r.win_back.act], title, offer)

    def retier_proposals(self) -> list[tuple[int, str, str, str]]:
        """(contact id, name, tier now, tier proposed) for customers whose value suggests a change."""
        now = self._ctx.now()
        with self._ctx.db.reading() as uow:
            s = read_settings(uow)
            rows = list(uow.analytics.value_rows())
        clvs = [value.clv_of(value.ValueFacts(r.spent, r.orders, _days(now, r.first) or 0.0, s.lifespan_years,
                                              s.margin_pct)) for r in rows]
        clv_edges, last_edges = rfm.quintile_edges(clvs), rfm.quintile_edges([r.last for r in rows])
        out = []
        for r, clv in zip(rows, clvs, strict=True):
            tier = proposed_tier(rfm.score(clv, clv_edges), rfm.score(r.last, last_edges))
            if tier != r.tier:
                out.append((r.id, r.name, r.tier, tier))
        return out

    def apply_tiers(self, changes: list[tuple[int, str]]) -> int:
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            for cid, tier in changes:
                contact = uow.contacts.get(cid)
                contact.tier, contact.updated_at = tier, now
        self._ctx.bus.publish(ContactsChanged(frozenset(cid for cid, _ in changes)))
        return len(changes)
