"""Contact search through the service, per query class, against a LIKE scan of the same text."""

import sqlite3
import statistics
import time
from pathlib import Path


def query_classes(raw: sqlite3.Connection) -> dict[str, list[str]]:
    """Real queries drawn from the database itself, a few per class of the issue's item 1."""
    names = [r[0] for r in raw.execute(
        "select name from contacts where deleted_at is null and name glob '[一-龥]*' "
        "and length(name) = 3 order by id limit 40 offset 100")]
    latin = [r[0] for r in raw.execute(
        "select name_pinyin, name_initials from contacts where deleted_at is null and length(name) = 3 "
        "and name glob '[一-龥]*' order by id limit 8 offset 300")]
    phones = [r[0] for r in raw.execute(
        "select phone_e164 from contacts where phone_e164 is not null order by id limit 8 offset 500")]
    emails = [r[0] for r in raw.execute("select email from contacts where email != '' order by id limit 8 offset 700")]
    companies = [r[0] for r in raw.execute("select name from companies order by id limit 8 offset 10")]
    tags = [r[0] for r in raw.execute("select distinct tags from contacts where tags != '' and tags not like '%,%' "
                                    "order by tags limit 8")]
    return {
        "one_chinese_char": [n[0] for n in names[:8]],
        "two_chinese_chars": [n[1:] for n in names[8:16]],
        "full_name": names[16:24],
        "pinyin": [r for r in latin[:4]] and [raw.execute("select name_pinyin from contacts where name = ?", (n,)).fetchone()[0] for n in names[24:32]],
        "initials": [raw.execute("select name_initials from contacts where name = ?", (n,)).fetchone()[0] for n in names[32:40]],
        "phone_4_digits": [p[-8:-4] for p in phones],
        "phone_typed": [f"{p[3:6]} {p[6:10]}" for p in phones],
        "email_part": [e.split("@")[0][:5] for e in emails],
        "company_part": [c[:4] for c in companies],
        "tag_part": [t[:3] for t in tags],
    }


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def bench_search(db_path: Path, emit) -> None:
    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.registry import Services
    from crm_desktop.storage.database import Database

    contacts = Services.build(ServiceContext(Database(db_path, read_only=True))).contacts
    raw = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    total = raw.execute("select count(*) from contacts").fetchone()[0]
    for label, queries in query_classes(raw).items():
        ours, floor, found = [], [], 0
        for q in queries:
            contacts.search(q, 50)  # warm
            for _ in range(3):
                start = time.perf_counter()
                found += len(contacts.search(q, 50))
                ours.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            raw.execute("select id from contacts where search_text like ? limit 50", (f"%{q.lower()}%",)).fetchall()
            floor.append((time.perf_counter() - start) * 1000)
        emit(f"search_p95_{label}_{total}", p95(ours), "ms", statistics.median(floor),
             f"{len(queries)} queries e.g. {queries[0]!r}, {found / len(ours):.0f} rows each on average; "
             "baseline: median of LIKE '%q%' over search_text in raw sqlite3 (target: p95 <= 15 ms at 1M)")
