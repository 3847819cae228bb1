"""The dashboard as a PDF: the period's figures, the charts as images and the lists, laid out by a
QTextDocument and written by QPdfWriter (no printer needed)."""

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from crm_desktop.ui.common.formatting import local_date

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
RISK_ROWS = 30
IMAGE_WIDTH = 640


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>{head}</tr>{body}</table>"


def _cells(table) -> tuple[list[str], list[list[str]]]:
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    rows = [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]
    return headers, rows


def build_document(tab) -> QTextDocument:
    doc = QTextDocument()
    s = tab.analytics
    parts = [f"<h2>{escape(translate('DashboardPdf', 'Dashboard'))}</h2>",
             f"<p>{escape(tab.period.currentText())}: {local_date(s.start)} – {local_date(s.end.replace(microsecond=0))}"
             "</p>"]
    tiles = [[t.caption.text(), t.value.text(), t.note.text()] for t in tab.tiles.tiles.values()]
    parts.append(_table([translate("DashboardPdf", "Figure"), translate("DashboardPdf", "Value"), ""], tiles))
    for i, chart in enumerate((tab.trend, tab.source_chart, tab.revenue_tier_chart, tab.rfm.grid)):
        chart.draw_pending()  # a chart on a page not shown yet draws when asked
        image = chart.grab().toImage()
        if image.isNull() or image.width() < 10:
            continue
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart{i}"), image)
        parts.append(f"<p><img src='chart{i}' width='{IMAGE_WIDTH}'></p>")
    parts.append(f"<h3>{escape(translate('DashboardPdf', 'RFM segments'))}</h3>")
    parts.append(_table(*_cells(tab.rfm.table)))
    if tab.risk is not None:
        headers, rows = _cells(tab.risk_panel.table)
        parts.append(f"<h3>{escape(tab.risk_panel.headline.text())}</h3>")
        parts.append(_table(headers, rows[:RISK_ROWS]))
    doc.setHtml("".join(parts))
    return doc


def write_pdf(path: Path, tab) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    writer.setTitle(translate("DashboardPdf", "Dashboard"))
    build_document(tab).print_(writer)
    if not Path(path).exists():
        raise OSError(f"Could not write {path}")
