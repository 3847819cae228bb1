"""`crm-desktop`: no command opens the app; subcommands do scripted work.

Every command exits non-zero with a one-line reason on bad input. Heavy imports happen inside the
command that needs them, so `crm-desktop --help` answers at once.
"""

import argparse
import json
import sys
from pathlib import Path

from crm_desktop import __version__, cli_crypto, cli_privacy
from crm_desktop.paths import default_db_path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crm-desktop", description="Zhanggui CRM (掌柜 CRM)")
    parser.add_argument("--db", help="database file or URL (default: %(default)s)", default=str(default_db_path()))
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of the window")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    cli_crypto.add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = sub.add_parser("demo", help="fill the database with realistic demo data")
    demo.add_argument("--contacts", type=_positive, default=2000, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    sub.add_parser("check", help="check integrity, foreign keys and schema version (changes nothing)")
    backup = sub.add_parser("backup", help="write a verified copy of the database (no DEST: into the rotation)")
    backup.add_argument("dest", type=Path, nargs="?")
    backup.add_argument("--folder", type=Path, metavar="DIR", help="the rotation's folder (default: backups/ beside the database)")
    backups = sub.add_parser("backups", help="list the automatic backups: date, size, counts")
    backups.add_argument("--folder", type=Path, metavar="DIR", help="the rotation's folder (default: backups/ beside the database)")
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
    sub.add_parser("loyalty-daily", help="expire due points (oldest first) and re-evaluate membership levels; "
                                         "safe to run more than once a day")
    sub.add_parser("smoke-test", help="open the window, visit every tab, print the time to first paint (for CI)")
    search = sub.add_parser("search", help="find contacts by name, pinyin, initials, phone, email, company or tag")
    search.add_argument("query")
    search.add_argument("--limit", type=_positive, default=20, metavar="N")
    cli_privacy.add_command(sub)
    cli_crypto.add_commands(sub)
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
    try:
        cli_crypto.unlock_from_args(args)
        if args.command is None:
            from crm_desktop.app import run_gui

            return run_gui(args.db, args.lang, default_location=args.db == str(default_db_path()))
        return COMMANDS[args.command](args)
    except Exception as exc:  # noqa: BLE001 - expected errors become one line; bugs keep the traceback
        from crm_desktop.domain.errors import CrmError

        if not isinstance(exc, CrmError):
            raise
        backup = getattr(exc, "newest_good", None)
        hint = f" Restore it with: crm-desktop restore {backup}" if backup else ""
        print(f"crm-desktop: error: {exc}{hint}", file=sys.stderr)
        return 1


def _open(db: str):
    """The database, created and upgraded to the current schema when needed."""
    from crm_desktop.storage.damage import raise_if_damaged
    from crm_desktop.storage.database import Database
    from crm_desktop.storage.engine import sqlite_path, to_url
    from crm_desktop.storage.migrate import upgrade_to_head

    path = sqlite_path(to_url(db))
    if path is not None:
        raise_if_damaged(path)  # names the newest good backup
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
    from crm_desktop.storage.backups import BackupSet

    db = _open(args.db)
    if db.path is None:
        print("crm-desktop: error: back up a server database with the server's own tools", file=sys.stderr)
        return 2
    if args.dest is None:
        print(BackupSet(db.path, args.folder).take(db.engine, "manual").path)
    else:
        print(backup_sqlite(db.engine, args.dest))
    return 0


def cmd_backups(args) -> int:
    """One backup a line, newest first: local time, size, reason, live-row counts."""
    from crm_desktop.storage.backups import BackupSet, preview
    from crm_desktop.storage.engine import sqlite_path, to_url

    path = sqlite_path(to_url(args.db))
    if path is None:
        print("crm-desktop: error: automatic backups are kept for a database file", file=sys.stderr)
        return 2
    backups = BackupSet(path, args.folder).entries()
    for info in backups:
        shown = preview(info)
        counts = ", ".join(f"{n} {t}" for t, n in shown.counts.items()) if shown.sound else "DOES NOT VERIFY"
        print(f"{info.taken_at.astimezone():%Y-%m-%d %H:%M}\t{info.size / 1e6:.1f} MB\t{info.reason}\t"
              f"{counts}\t{info.path}")
    if not backups:
        print(f"no backups in {BackupSet(path, args.folder).folder}")
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
    from crm_desktop.domain.sla import SlaState
    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.tickets import TicketService
    from crm_desktop.storage.maintenance import contacts_by, table_counts

    db = _open(args.db)
    tickets = TicketService(ServiceContext(db))
    sla = tickets.sla_summary()  # all time; open tickets as of now
    report = {"database": db.display_name, "tables": table_counts(db),
              "contacts_by_stage": contacts_by(db, "stage"), "contacts_by_tier": contacts_by(db, "tier"),
              "tickets": {"open_by_status": sla.open_by_status, "sla_compliance_pct": sla.compliance_pct,
                          "median_first_response_hours": sla.median_first_response_hours,
                          "median_resolution_hours": sla.median_resolution_hours,
                          "breached_open": list(tickets.sla_ticket_ids(SlaState.BREACHED)), "csat_avg": sla.csat_avg,
                          "nps_by_month": {m.month: m.nps for m in sla.by_month}}}
    from crm_desktop.services.analytics_report import analytics_report

    report["analytics"] = analytics_report(ServiceContext(db))  # the last 365 days
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        for section in ("tables", "contacts_by_stage", "contacts_by_tier"):
            print(f"{section}: " + ", ".join(f"{k} {v}" for k, v in report[section].items()))
        print(f"tickets: SLA met {sla.compliance_pct}% of {sla.resolved} resolved, "
              f"{sla.breached_open} open breached, CSAT {sla.csat_avg}")
        a = report["analytics"]
        print(f"analytics {a['period']['from']}..{a['period']['to']}: retention {a['retention_rate_pct']}%, "
              f"churn {a['churn_rate_pct']}% (relative {a['relative_churn_pct']}%), "
              f"average CLV {a['clv_average_cents'] / 100:.2f}, {a['risk_at_risk']} customers at risk")
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

    services = Services.build(ServiceContext(_open(db)))
    _act(services)
    return services


def _act(services) -> None:
    """The acting user of a command: CRM_USER (signed in with CRM_PASSWORD when given), else the
    first owner, as in the window; a role's limits then hold here too (export is the owner's)."""
    import os

    user, password = os.environ.get("CRM_USER"), os.environ.get("CRM_PASSWORD")
    if user and password is not None:
        services.users.sign_in(user, password)
    else:
        services.users.act_as(user)


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


def cmd_loyalty_daily(args) -> int:
    result = _services(args.db).loyalty_jobs.run_daily()
    print(f"{result.points_expired} points expired for {result.members_expired} members, "
          f"{result.level_changes} level changes")
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


COMMANDS = {"demo": cmd_demo, "check": cmd_check, "backup": cmd_backup, "backups": cmd_backups, "restore": cmd_restore,
            "stats": cmd_stats, "import": cmd_import, "export": cmd_export, "search": cmd_search,
            "smoke-test": cmd_smoke_test,
            "loyalty-daily": cmd_loyalty_daily, "privacy": lambda args: cli_privacy.run_privacy(_services(args.db), args),
            **cli_crypto.COMMANDS}
