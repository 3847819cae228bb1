"""Translation of the domain's and services' messages.

Domain errors carry an English template with `{fields}`; the catalogue below lists every template
inside QT_TRANSLATE_NOOP so lupdate collects them. A test checks that every template raised in
`domain/`, `services/` and `storage/` is listed here.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crm_desktop.domain.errors import CrmError

CONTEXT = "Messages"

CATALOGUE = (
    QT_TRANSLATE_NOOP("Messages", "A name is required."),
    QT_TRANSLATE_NOOP("Messages", "The name is too long (over 200 characters)."),
    QT_TRANSLATE_NOOP("Messages", "Give both month and day of the birthday."),
    QT_TRANSLATE_NOOP("Messages", "This birthday is not a real date."),
    QT_TRANSLATE_NOOP("Messages", "Look between 0 and 90 days ahead."),
    QT_TRANSLATE_NOOP("Messages", "Write the greeting first."),
    QT_TRANSLATE_NOOP("Messages", "The birthday is in the future."),
    QT_TRANSLATE_NOOP("Messages", "Give both lunar month and day."),
    QT_TRANSLATE_NOOP("Messages", "A lunar month is 1–12 and a lunar day 1–30."),
    QT_TRANSLATE_NOOP("Messages", "Choose the customer."),
    QT_TRANSLATE_NOOP("Messages", "The time has no time zone."),
    QT_TRANSLATE_NOOP("Messages", "The duration must be between 1 minute and 14 days."),
    QT_TRANSLATE_NOOP("Messages", "The reminder cannot come after the follow-up."),
    QT_TRANSLATE_NOOP("Messages", "The repetition rule is not valid."),
    QT_TRANSLATE_NOOP("Messages", "Write what happened."),
    QT_TRANSLATE_NOOP("Messages", "A subject is required."),
    QT_TRANSLATE_NOOP("Messages", "A ticket cannot go from {current} to {target}."),
    QT_TRANSLATE_NOOP("Messages", "Choose the reason for the complaint."),
    QT_TRANSLATE_NOOP("Messages", "Give at least one score."),
    QT_TRANSLATE_NOOP("Messages", "CSAT is a score from 1 to 5."),
    QT_TRANSLATE_NOOP("Messages", "NPS is a score from 0 to 10."),
    QT_TRANSLATE_NOOP("Messages", "A survey follows a resolved or closed ticket."),
    QT_TRANSLATE_NOOP("Messages", "Enter a number of points above zero."),
    QT_TRANSLATE_NOOP("Messages", "An adjustment of zero points changes nothing."),
    QT_TRANSLATE_NOOP("Messages", "Not enough points: the balance is {balance}, {needed} needed."),
    QT_TRANSLATE_NOOP("Messages", "An adjustment needs a reason."),
    QT_TRANSLATE_NOOP("Messages", "The cost must be at least 1 point."),
    QT_TRANSLATE_NOOP("Messages", "Stock cannot be negative."),
    QT_TRANSLATE_NOOP("Messages", "This reward is no longer offered."),
    QT_TRANSLATE_NOOP("Messages", "This reward is out of stock."),
    QT_TRANSLATE_NOOP("Messages", "This record no longer exists; someone may have deleted it."),
    QT_TRANSLATE_NOOP("Messages", "Enter an amount."),
    QT_TRANSLATE_NOOP("Messages", "Not a number."),
    QT_TRANSLATE_NOOP("Messages", "The amount cannot be negative."),
    QT_TRANSLATE_NOOP("Messages", "Use at most two decimals."),
    QT_TRANSLATE_NOOP("Messages", "The amount is too large."),
    QT_TRANSLATE_NOOP("Messages", "The database is open read-only."),
    QT_TRANSLATE_NOOP("Messages", "The database is busy in another program; try again in a moment."),
    QT_TRANSLATE_NOOP("Messages", "The disk is full: the change was not saved. Free some space and try again."),
    QT_TRANSLATE_NOOP("Messages", "The database cannot be written (read-only file or folder)."),
    QT_TRANSLATE_NOOP("Messages", "{path} is a folder, not a database file."),
    QT_TRANSLATE_NOOP("Messages", "There is no database at {path}."),
    QT_TRANSLATE_NOOP("Messages", "Wrong user name or password."),
    QT_TRANSLATE_NOOP("Messages", "The database already holds contacts; demo data goes into an empty database."),
    QT_TRANSLATE_NOOP("Messages", "The backup cannot be restored: {problems}"),
    QT_TRANSLATE_NOOP("Messages", "The restored database did not verify; the previous one is kept at {kept}."),
    QT_TRANSLATE_NOOP("Messages", "The backup did not verify: {problems}"),
    QT_TRANSLATE_NOOP("Messages", "This database was written by a newer version of Zhanggui CRM (schema {rev}); please update the app."),
    QT_TRANSLATE_NOOP("Messages", "The upgrade would break {n} references between records; nothing was changed."),
    QT_TRANSLATE_NOOP("Messages", "The schema upgrade failed and was rolled back; the database was left as it was: {reason}"),
    QT_TRANSLATE_NOOP("Messages", "{path} is not a Zhanggui CRM database (not an SQLite file)."),
    QT_TRANSLATE_NOOP("Messages", "This change is not a merge."),
    QT_TRANSLATE_NOOP("Messages", "This merge was already undone."),
    QT_TRANSLATE_NOOP("Messages", "Choose at least one other contact to merge into this one."),
    QT_TRANSLATE_NOOP("Messages", "Only contacts that are not in the trash can be merged."),
    QT_TRANSLATE_NOOP("Messages", "'{value}' cannot be read; it was left out."),
    QT_TRANSLATE_NOOP("Messages", "'{value}' is not a date (write it as 1990-05-17 or --05-17); it was left out."),
    QT_TRANSLATE_NOOP("Messages", "'{value}' is not a lunar month and day (write it as 08-15 or 闰04-10); it was left out."),
    QT_TRANSLATE_NOOP("Messages", "'{value}' is not one of the choices for {field}; it was left out."),
    QT_TRANSLATE_NOOP("Messages", "'{value}' is not yes or no; it was left out."),
    QT_TRANSLATE_NOOP("Messages", "Cells beyond the header's columns were left out on {count} line(s): {lines}."),
    QT_TRANSLATE_NOOP("Messages", "The birthday was left out: it is not a real date or it lies in the future."),
    QT_TRANSLATE_NOOP("Messages", "The card starting on line {line} cannot be read: {reason}."),
    QT_TRANSLATE_NOOP("Messages", "The email '{value}' is not valid; it was kept as typed and flagged."),
    QT_TRANSLATE_NOOP("Messages", "The lunar birthday was left out: a lunar month is 1–12 and a lunar day 1–30."),
    QT_TRANSLATE_NOOP("Messages", "The phone '{value}' is not a valid number; it was kept as typed and flagged."),
    QT_TRANSLATE_NOOP("Messages", "The same contact as line {earlier}; the row was skipped."),
    QT_TRANSLATE_NOOP("Messages", "The second phone '{value}' is not a valid number; it was kept as typed and flagged."),
    QT_TRANSLATE_NOOP("Messages", "The row has no name; a contact needs one."),
    QT_TRANSLATE_NOOP("Messages", "'{encoding}' is not a text encoding this program knows."),
    QT_TRANSLATE_NOOP("Messages", "An .xlsx sheet holds at most {limit} rows; export to CSV instead."),
    QT_TRANSLATE_NOOP("Messages", "Cannot open {file}: {reason}."),
    QT_TRANSLATE_NOOP("Messages", "Cannot tell the format from {name}: end it in .csv, .xlsx, .vcf or .zip, or give --format."),
    QT_TRANSLATE_NOOP("Messages", "Cannot tell the text encoding of the file; choose one."),
    QT_TRANSLATE_NOOP("Messages", "Contact {number} has a cell longer than the 32,767 characters an .xlsx cell can hold; export to CSV instead."),
    QT_TRANSLATE_NOOP("Messages", "The file is not valid {encoding} text (byte {position} does not fit); choose another encoding."),
    QT_TRANSLATE_NOOP("Messages", "The record starting on line {line} cannot be read: {reason}."),
    QT_TRANSLATE_NOOP("Messages", "The sheet {sheet} of {file} is empty."),
    QT_TRANSLATE_NOOP("Messages", "There is no file {file}."),
    QT_TRANSLATE_NOOP("Messages", "There is no such import to undo."),
    QT_TRANSLATE_NOOP("Messages", "This import was undone already."),
    QT_TRANSLATE_NOOP("Messages", "Unknown export format {fmt}: use csv, xlsx, vcf or vcf-zip."),
    QT_TRANSLATE_NOOP("Messages", "{file} has no sheet named {sheet}."),
    QT_TRANSLATE_NOOP("Messages", "{file} has no sheet with data."),
    QT_TRANSLATE_NOOP("Messages", "{file} holds binary data, not text: it is not a CSV file."),
    QT_TRANSLATE_NOOP("Messages", "{file} holds no header row: the file is empty."),
    QT_TRANSLATE_NOOP("Messages", "{file} holds no vCard (there is no BEGIN:VCARD line)."),
    QT_TRANSLATE_NOOP("Messages", "{file} is not a file contacts can be imported from (CSV, XLSX, XLS, ODS or vCard)."),
    QT_TRANSLATE_NOOP("Messages", "{file} is not a spreadsheet this program can read ({reason})."),
    QT_TRANSLATE_NOOP("Messages", "{file} is protected by a password; save a copy without one and try again."),
    QT_TRANSLATE_NOOP("Messages", "{file} is not an iCalendar file (there is no BEGIN:VCALENDAR line)."),
    QT_TRANSLATE_NOOP("Messages", "{file} cannot be read as a calendar: {reason}."),
    QT_TRANSLATE_NOOP("Messages", "The event cannot be read: {reason}."),
    QT_TRANSLATE_NOOP("Messages", "The event has no start time (DTSTART); it was skipped."),
    QT_TRANSLATE_NOOP("Messages", "The follow-up of this event is in the trash; the event was skipped."),
    QT_TRANSLATE_NOOP("Messages", "The event was skipped: {reason}"),
    QT_TRANSLATE_NOOP("Messages", "Unknown time zone {name}: give one such as Asia/Shanghai."),
)


def translate_template(template: str, **params) -> str:
    text = QCoreApplication.translate(CONTEXT, template)
    try:
        return text.format(**params) if params else text
    except (KeyError, IndexError, ValueError):
        return template.format(**params) if params else template


def error_text(exc: CrmError) -> str:
    return translate_template(exc.template, **exc.params) if exc.template else str(exc)
