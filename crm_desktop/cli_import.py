"""`crm-desktop import`: a file in, a report out; `--list` and `--undo ID` for past imports."""

import sys

from crm_desktop.domain.contact_fields import FIELD_KEYS, REPEATABLE, guess_field


class UsageError(Exception):
    pass


def run_import(services, args) -> int:
    imports = services.imports
    if args.list:
        for past in imports.history():
            state = "undone" if past.undone else f"{past.created} added, {past.updated} updated"
            print(f"{past.change_set_id}\t{past.created_at:%Y-%m-%d %H:%M}\t{past.label}\t{state}")
        return 0
    if args.undo:
        result = imports.undo(args.undo)
        print(f"import {args.undo} undone: {result.removed} contacts removed, {result.trashed} moved to the "
              f"trash (they have history since), {result.restored} restored")
        return 0
    if args.file is None:
        print("crm-desktop: error: name the file to import (or give --list or --undo ID)", file=sys.stderr)
        return 2
    if args.file.suffix.lower() == ".ics":
        return _import_ics(services, args)
    return _import_file(imports, args)


def _import_ics(services, args) -> int:
    """Events in as follow-ups; events that cannot be imported are listed, the rest goes in."""
    result = services.calendar_transfer.import_ics(args.file)
    _report_problems("rejected", result.problems)
    print(f"imported {result.created + result.updated} follow-ups from {args.file.name}: {result.created} added, "
          f"{result.updated} updated, {len(result.problems)} rejected")
    return 0


def _import_file(imports, args) -> int:
    table = imports.read(args.file, args.encoding)
    try:
        mapping = _mapping(list(table.headers), imports.guess_mapping(table), args.map)
    except UsageError as exc:
        print(f"crm-desktop: error: {exc}", file=sys.stderr)
        return 2
    for note in table.notes:
        print(f"note: {note.message}", file=sys.stderr)
    _report_unread(table, mapping, args.map)
    plan = imports.plan(table, mapping, args.on_duplicate, label=args.file.name)
    _report_problems("rejected", plan.rejected)
    _report_problems("warning", plan.warnings)
    if not (plan.new or plan.matched or plan.rejected):
        print(f"{args.file.name} has no rows of contacts under its header: nothing was imported.")
        return 0
    matched = f"{len(plan.matched)} match contacts there ({plan.policy.value})"
    if args.dry_run:
        print(f"dry run: {plan.to_create} to add, {matched}, {len(plan.rejected)} rejected; nothing written")
        return 0
    result = imports.run(plan)
    print(f"imported {args.file.name}: {result.created} added, {result.updated} updated, {result.skipped} "
          f"skipped, {len(result.rejected)} rejected (undo with: crm-desktop import --undo {result.change_set_id})")
    return 0


def _mapping(headers: list[str], mapping: dict[int, str], overrides: list[str]) -> dict[int, str]:
    """The guessed column `mapping` with the user's HEADER=FIELD overrides applied."""
    for item in overrides:
        header, _, field = item.partition("=")
        if header not in headers:
            raise UsageError(f"the file has no column '{header}' (it has: {', '.join(headers)})")
        if field != "-" and field not in FIELD_KEYS and guess_field(field) is None:
            raise UsageError(f"unknown field '{field}' (fields: {', '.join(FIELD_KEYS)})")
        column = headers.index(header)
        mapping.pop(column, None)
        if field != "-":
            key = field if field in FIELD_KEYS else guess_field(field)
            mapping = {i: k for i, k in mapping.items() if k != key or key in REPEATABLE} | {column: key}
    return mapping


def _report_unread(table, mapping: dict[int, str], overrides: list[str]) -> None:
    """Name the columns with values that no field reads (and the user did not set aside with
    HEADER=-), so that nothing of the file is left behind without a word."""
    ignored = {item.partition("=")[0] for item in overrides if item.partition("=")[2] == "-"}
    unread = [h for i, h in enumerate(table.headers) if i not in mapping and h not in ignored
              and any(i < len(row.cells) and row.cells[i].strip() for row in table.rows)]
    if unread:
        print(f"note: not imported, no field reads these columns: {', '.join(unread)} (read one with "
              "--map HEADER=FIELD, or leave it out with --map HEADER=-)", file=sys.stderr)


def _report_problems(kind: str, problems) -> None:
    for problem in problems:
        print(f"{kind}: line {problem.line}: {problem.message}", file=sys.stderr)
