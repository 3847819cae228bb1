"""`crm-desktop privacy`: access requests (export), erasure, the retention rule, re-erasing after a restore."""

import argparse
import sys
from pathlib import Path

ACTIONS = ("export", "erase", "retention", "reapply")


def add_command(sub) -> None:
    privacy = sub.add_parser(
        "privacy", help="a person's data: export UUID (JSON + vCard), erase UUID (anonymise, sales kept), "
                        "retention (anonymise customers inactive for N years), reapply (erase again after a restore)")
    privacy.add_argument("action", choices=ACTIONS)
    privacy.add_argument("uuid", nargs="?", help="the contact's uuid (export, erase)")
    privacy.add_argument("--out", type=Path, default=Path("."), metavar="DIR", help="export: the folder to write to")
    privacy.add_argument("--years", type=_years, metavar="N", help="retention: N years instead of the data setting")
    privacy.add_argument("--dry-run", action="store_true", help="retention: count, change nothing")


def _years(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive whole number of years")
    return value


def run_privacy(services, args) -> int:
    privacy = services.privacy
    if args.action in ("export", "erase") and not args.uuid:
        print(f"crm-desktop: error: privacy {args.action} needs the contact's uuid", file=sys.stderr)
        return 2
    if args.action == "export":
        result = privacy.export_person(args.uuid, args.out)
        counts = ", ".join(f"{n} {table}" for table, n in result.counts.items() if n)
        print(f"exported {result.json_path} and {result.vcard_path}" + (f" ({counts})" if counts else ""))
    elif args.action == "erase":
        redacted = privacy.erase(args.uuid)
        print(f"erased {args.uuid}: identity removed, sales kept; {redacted} audit entries redacted")
    elif args.action == "retention":
        return _retention(privacy, args)
    else:
        print(f"erased again: {privacy.reapply()} people named in the erasure log")
    return 0


def _retention(privacy, args) -> int:
    result = privacy.retention(args.years, dry_run=args.dry_run)
    if result.years is None:
        print("no retention period is set (data setting privacy.retention_years); nothing to do")
        return 0
    verb = "would be anonymised" if args.dry_run else "anonymised"
    print(f"{result.count} contacts inactive since {result.cutoff:%Y-%m-%d} ({result.years} years) {verb}")
    return 0
