"""A member's statement as a document: printed, or saved as PDF with its Chinese text embedded
(QTextDocument laid out in a CJK font, QPrinter writing the PDF; Qt embeds the glyphs it uses)."""

from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from crm_desktop.services.loyalty_dto import StatementDTO
from crm_desktop.ui.common.formatting import local_date, local_datetime, money, number
from crm_desktop.ui.common.labels import ledger_kind_label
from crm_desktop.ui.loyalty.pdf_text import fix_text_mapping_file

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "Microsoft YaHei", "SimSun", "PingFang SC", "Noto Sans Mono CJK SC")


def _t(text: str) -> str:
    return QCoreApplication.translate("MemberStatement", text)


def cjk_font(point_size: int = 10) -> QFont:
    """The first installed font that has Chinese glyphs (else the default: Qt falls back per glyph)."""
    installed = set(QFontDatabase.families())
    family = next((f for f in CJK_FAMILIES if f in installed), None)
    font = QFont(family) if family else QFont()
    font.setPointSize(point_size)
    return font


def statement_html(s: StatementDTO) -> str:
    facts = [(_t(QT_TRANSLATE_NOOP("MemberStatement", "Member")), s.name), (_t(QT_TRANSLATE_NOOP("MemberStatement", "Phone")), s.phone), (_t(QT_TRANSLATE_NOOP("MemberStatement", "Level")), s.level),
             (_t(QT_TRANSLATE_NOOP("MemberStatement", "Member since")), local_date(s.member_since)),
             (_t(QT_TRANSLATE_NOOP("MemberStatement", "Period")), f"{local_date(s.start)} ~ {local_date(s.end)}"),
             (_t(QT_TRANSLATE_NOOP("MemberStatement", "Opening balance")), number(s.opening_balance)), (_t(QT_TRANSLATE_NOOP("MemberStatement", "Closing balance")), number(s.closing_balance)),
             (_t(QT_TRANSLATE_NOOP("MemberStatement", "Spent in the period")), money(s.spent_cents)),
             (_t(QT_TRANSLATE_NOOP("MemberStatement", "Expiring by {date}")).format(date=local_date(s.expiring_by)), number(s.expiring_soon))]
    head = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in facts)
    titles = (_t(QT_TRANSLATE_NOOP("MemberStatement", "When")), _t(QT_TRANSLATE_NOOP("MemberStatement", "Entry")), _t(QT_TRANSLATE_NOOP("MemberStatement", "Points")), _t(QT_TRANSLATE_NOOP("MemberStatement", "Balance after")), _t(QT_TRANSLATE_NOOP("MemberStatement", "Reason")))
    rows = "".join(
        f"<tr><td>{escape(local_datetime(e.occurred_at))}</td><td>{escape(ledger_kind_label(e.kind))}</td>"
        f"<td align='right'>{e.points:+,}</td><td align='right'>{number(e.balance_after)}</td>"
        f"<td>{escape(e.reason)}</td></tr>" for e in s.entries)
    empty = "" if s.entries else f"<p>{escape(_t('No points entries in this period.'))}</p>"
    return (f"<h2>{escape(_t('Points statement'))}</h2><table cellpadding='3'>{head}</table><br/>"
            "<table width='100%' border='1' cellspacing='0' cellpadding='3'><tr>"
            + "".join(f"<th>{escape(t)}</th>" for t in titles) + f"</tr>{rows}</table>{empty}")


def statement_document(s: StatementDTO) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(cjk_font())
    doc.setHtml(statement_html(s))
    return doc


def write_statement_pdf(s: StatementDTO, path: Path) -> Path:
    """Lay the statement out on A4 and write it as PDF to `path`."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    printer.setDocName(_t(QT_TRANSLATE_NOOP("MemberStatement", "Points statement")))
    doc = statement_document(s)
    doc.print_(printer)
    fix_text_mapping_file(path)
    return Path(path)
