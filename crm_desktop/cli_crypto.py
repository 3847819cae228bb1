"""The command line's encryption at rest: `encrypt`, `change-passphrase`, and the passphrase every
other command takes (`--passphrase-file F`, before or after the command, or CRM_PASSPHRASE).

A passphrase file holds the passphrase on its first line (a trailing newline is not part of it).
The recovery key is printed once, on standard output, when it is made: it is stored nowhere.
"""

import argparse
import os
import sys
from pathlib import Path

PASSPHRASE_HELP = "file whose first line is the passphrase of an encrypted database (or set CRM_PASSPHRASE)"


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-file", type=Path, metavar="F", help=PASSPHRASE_HELP)
    parser.add_argument("--recovery-key-file", type=Path, metavar="F",
                        help="open an encrypted database with its recovery key (first line of F)")


def add_commands(sub) -> None:
    sub.add_parser("encrypt", help="encrypt the database in place (SQLCipher); the new passphrase comes from "
                                   "--passphrase-file or CRM_PASSPHRASE; prints the recovery key once")
    change = sub.add_parser("change-passphrase", help="re-key an encrypted database under a new passphrase; "
                                                      "prints a new recovery key (the old one stops working)")
    change.add_argument("--new-passphrase-file", type=Path, metavar="F", required=True)
    for parser in sub.choices.values():  # the option also after the command name
        parser.add_argument("--passphrase-file", type=Path, metavar="F", default=argparse.SUPPRESS,
                            help=PASSPHRASE_HELP)


def read_secret(path: Path) -> str:
    from crm_desktop.domain.errors import CrmError

    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise CrmError("Cannot read {path}: {reason}", path=path, reason=exc.strerror or str(exc)) from exc
    return lines[0] if lines else ""


def given_passphrase(args) -> str | None:
    if args.passphrase_file is not None:
        return read_secret(args.passphrase_file)
    return os.environ.get("CRM_PASSPHRASE")


def unlock_from_args(args) -> None:
    """Before any command: derive the key of an encrypted --db once (a wrong passphrase stops here)."""
    from crm_desktop.storage import files

    path = files.database_file(args.db)
    if args.command == "encrypt" or not files.is_encrypted(path):
        return
    from crm_desktop.storage import cipher

    if args.recovery_key_file is not None:
        cipher.unlock(path, recovery_key=read_secret(args.recovery_key_file))
    elif (passphrase := given_passphrase(args)) is not None:
        cipher.unlock(path, passphrase)


def cmd_encrypt(args) -> int:
    from crm_desktop.cli import _open
    from crm_desktop.storage.encryption import encrypt_database

    passphrase = given_passphrase(args)
    if passphrase is None:
        print("crm-desktop: error: give the new passphrase with --passphrase-file F (or CRM_PASSPHRASE)",
              file=sys.stderr)
        return 2
    db = _open(args.db)  # a new database is created first; an old one is upgraded
    if db.path is None:
        print("crm-desktop: error: encryption at rest works on a database file", file=sys.stderr)
        return 2
    db.dispose()
    result = encrypt_database(db.path, passphrase)
    print(f"encrypted {result.path} (key file {result.keyfile})")
    _print_recovery(result.recovery_key)
    return 0


def cmd_change_passphrase(args) -> int:
    from crm_desktop.storage.encryption import change_passphrase
    from crm_desktop.storage.engine import sqlite_path, to_url

    old = given_passphrase(args)
    if old is None:
        print("crm-desktop: error: give the current passphrase with --passphrase-file F (or CRM_PASSPHRASE)",
              file=sys.stderr)
        return 2
    path = sqlite_path(to_url(args.db))
    recovery = change_passphrase(path, old, read_secret(args.new_passphrase_file))
    print(f"re-keyed {path}")
    _print_recovery(recovery)
    return 0


def _print_recovery(key: str) -> None:
    print(f"recovery key (write it down and keep it apart from the computer; it is shown only now): {key}")


COMMANDS = {"encrypt": cmd_encrypt, "change-passphrase": cmd_change_passphrase}
