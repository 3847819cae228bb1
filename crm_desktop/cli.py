"""`crm-desktop`: no command opens the app; subcommands do scripted work.

Every command exits non-zero with a one-line reason on bad input. Heavy imports happen inside the
command that needs them, so `crm-desktop --help` answers at once.
"""

import argparse
import json
import sys
from pathlib import Path

from crm_desktop import __version__
from crm_desktop.paths import default_db_path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crm-desktop", description="Zhanggui CRM (掌柜 CRM)")
    parser.add_argument("--db", help="database file or URL (default: %(default)s)", default=str(default_db_path()))
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of the window")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = sub.add_parser("demo", help="fill the database with realistic demo data")
    demo.add_argument("--contacts", type=_positive, default=2000, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    sub.add_parser("check", help="check integrity, foreign keys and schema version (changes nothing)")
    backup = sub.add_parser("backup", help="write a verified copy of the database")
    backup.add_argument("dest", type=Path)
    restore = sub.add_parser("restore", help="restore a backup, keeping the current database aside")
    restore.add_argument("src", type=Path)
    stats = sub.add_parser("stats", help="counts per table, lifecycle stage and tier")
    stats.add_argument("--json", action="store_true", help="one JSON object")
    _import_parser(sub)
    export = sub.add_parser("export", help="export contacts as CSV, XLSX or vCard (all, or those a search finds); "
                                           "FILE.ics: the follow-ups as an iCalendar file")
    export.add_argument("file", type=Path)
    export.add_argument("--from", dest="start", type=_day, metavar="DATE", help=".ics: follow-ups due on or after DATE")
    export.add_argument("--to", dest="end", type=_day, metavar="DATE", help=".ics: follow-ups due on or before DATE")
    export.add_argument("--format", choices=("csv", "xlsx", "vcf", "vcf-zip"),
                        help="default: from the file's ending (.csv, .xlsx, .vcf; .zip = one vCard per contact)")
    export.add_argument("--query", default="", metavar="Q", help="only the contacts this search finds")
    sub.add_parser("smoke-test", help="open the window, visit every tab, print the time to first paint (for CI)")
    search = sub.add_parser("search", help="find contacts by name, pinyin, initials, phone, email, company or tag")
    search.add_argument("query")
    search.add_argument("--limit", type=_positive, default=20, metavar="N")
    return parser


def _import_parser(sub) -> None:
    imp = sub.add_parser("import", help="import contacts from CSV, XLSX/XLS/ODS or vCard; undo an import",
                         description="Rows that cannot be imported are listed with their line numbers; "
                                     "the rest is imported in one transaction.")
    imp.add_argument("file", type=Path, nargs="?")
    imp.add_argument("--encoding", metavar="E", help="text encoding of a CSV file (default: detected)")
    imp.add_argument("--on-duplicate", choices=("skip", "update", "create"), default="skip",
                     help="a row matching a contact there (uuid, phone or email): %(choices)s (default: %(default)s)")
    imp.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                     help="read the column HEADER as FIELD (repeatable; FIELD '-' ignores the column)")
    imp.add_argument("--dry-run", action="store_true", help="report what would happen, write nothing")
    imp.add_argument("--list", action="store_true", help="list past imports")
    imp.add_argument("--undo", type=_positive, metavar="ID", help="undo the import with this id")


def _positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive whole number")
    return value


def _day(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("write the date as 2026-05-17") from None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from crm_desktop.app import run_gui

        return run_gui(args.db, args.lang)
    try:
        return COMMANDS[args.command](args)
    except Exception as exc:  # noqa: BLE001 - expected errors become one line; bugs keep the traceback
        from crm_desktop.domain.errors import CrmError

        if not isinstance(exc, CrmError):
            raise
        print(f"crm-desktop: error: {exc}", file=sys.stderr)
        return 1


def _open(db: str):
    """The database, created and upgraded to the current schema when needed."""
    from crm_desktop.storage.database import Database
    from crm_desktop.storage.migrate import upgrade_to_head

    database = Database(db)
    upgrade_to_head(database)
    return database


def cmd_demo(args) -> int:
    from crm_desktop.services.demo import generate_demo

    db = _open(args.db)
    summary = generate_demo(db, contacts=args.contacts, seed=args.seed)
    rows = ", ".join(f"{n} {t}" for t, n in summary.counts.items())
    print(f"demo data written in {summary.seconds:.1f} s: {rows}")
    return 0


def cmd_check(args) -> int:
    from crm_desktop.storage.maintenance import check_database

    problems = check_database(args.db)
    for problem in problems:
        print(f"crm-desktop: check: {problem}", file=sys.stderr)
    if not problems:
        print("ok")
    return 1 if problems else 0


def cmd_backup(args) -> int:
    from crm_desktop.storage.backup import backup_sqlite

    db = _open(args.db)
    if db.path is None:
        print("crm-desktop: error: back up a server database with the server's own tools", file=sys.stderr)
        return 2
    print(backup_sqlite(db.engine, args.dest))
    return 0


def cmd_restore(args) -> int:
    from crm_desktop.storage.engine import sqlite_path, to_url
    from crm_desktop.storage.maintenance import restore_database

    dest = sqlite_path(to_url(args.db))
    if dest is None:
        print("crm-desktop: error: restore works on a database file", file=sys.stderr)
        return 2
    kept = restore_database(args.src, dest)
    print(f"restored {args.src} to {dest}" + (f"; the replaced database is kept at {kept}" if kept else ""))
    return 0


def cmd_stats(args) -> int:
    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.tickets import TicketService
    from crm_desktop.storage.maintenance import contacts_by, table_counts

    db = _open(args.db)
    sla = TicketService(ServiceContext(db)).sla_summary()  # all time; open tickets as of now
    report = {"database": db.display_name, "tables": table_counts(db),
              "contacts_by_stage": contacts_by(db, "stage"), "contacts_by_tier": contacts_by(db, "tier"),
              "tickets": {"open_by_status": sla.open_by_status, "sla_compliance_pct": sla.compliance_pct,
                          "median_first_response_hours": sla.median_first_response_hours,
                          "median_resolution_hours": sla.median_resolution_hours,
                          "breached_open": list(sla.breached_open), "csat_avg": sla.csat_avg,
                          "nps_by_month": {m.month: m.nps for m in sla.by_month}}}
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        for section in ("tables", "contacts_by_stage", "contacts_by_tier"):
            print(f"{section}: " + ", ".join(f"{k} {v}" for k, v in report[section].items()))
        print(f"tickets: SLA met {sla.compliance_pct}% of {sla.resolved} resolved, "
              f"{len(sla.breached_open)} open breached, CSAT {sla.csat_avg}")
    return 0


def cmd_search(args) -> int:
    """One contact a line, tab-separated: name, phone, email, company, stage, tier."""
    from crm_desktop.storage.database import Database

    Database(args.db, read_only=True).dispose()  # refuses a missing file or one that is not SQLite
    services = _services(args.db)
    for row in services.contacts.search(args.query, args.limit):
        print("\t".join((row.name, row.phone, row.email, row.company, row.stage.value, row.tier.value)))
    return 0


def _services(db: str):
    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.registry import Services

    return Services.build(ServiceContext(_open(db)))


def cmd_import(args) -> int:
    from crm_desktop.cli_import import run_import

    return run_import(_services(args.db), args)


def cmd_export(args) -> int:
    from crm_desktop.services.dto import ListQuery

    if args.file.suffix.lower() == ".ics":
        return _export_ics(args)
    result = _services(args.db).exports.export(args.file, args.format, ListQuery(text=args.query.strip()))
    print(f"exported {result.count} contacts to {result.path} ({result.format})")
    return 0


def cmd_smoke_test(args) -> int:
    from crm_desktop.smoke import smoke_test

    return smoke_test(None if args.db == str(default_db_path()) else args.db)  # no --db: a new, temporary one


def _export_ics(args) -> int:
    """Follow-ups due from the start of --from to the end of --to, in the export's time zone."""
    from datetime import datetime, time, timedelta
    from zoneinfo import ZoneInfo

    from crm_desktop.services.calendar_transfer import DEFAULT_TZ

    zone = ZoneInfo(DEFAULT_TZ)
    start = datetime.combine(args.start, time(), zone) if args.start else None
    end = datetime.combine(args.end + timedelta(days=1), time(), zone) if args.end else None
    count = _services(args.db).calendar_transfer.export_ics(args.file, start, end, tz_name=DEFAULT_TZ)
    print(f"exported {count} follow-ups to {args.file} (iCalendar)")
    return 0


COMMANDS = {"demo": cmd_demo, "check": cmd_check, "backup": cmd_backup, "restore": cmd_restore,
            "stats": cmd_stats, "import": cmd_import, "export": cmd_export, "search": cmd_search,
            "smoke-test": cmd_smoke_test}
