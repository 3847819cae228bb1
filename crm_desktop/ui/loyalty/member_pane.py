"""One member beside the members list: balance, what expires soon, the ledger, the purchases, and
the actions on them (points, a sale, voiding a sale, the statement)."""

from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.enums import LedgerKind
from crm_desktop.domain.permissions import Permission
from crm_desktop.services.dto import MemberRow
from crm_desktop.services.registry import Services
from crm_desktop.ui.common.formatting import number
from crm_desktop.ui.common.forms import run_dialog
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.loyalty.dialogs import PointsDialog
from crm_desktop.ui.loyalty.model import ledger_model, purchase_model
from crm_desktop.ui.loyalty.sale_dialog import SaleDialog, VoidSaleDialog
from crm_desktop.ui.loyalty.statement import write_statement_pdf

STATEMENT_DAYS = 365


class MemberPane(QWidget):
    """The screens refresh through the change notifications the services publish."""

    def __init__(self, services: Services, notifier: Notifier, parent=None):
        super().__init__(parent)
        self._services, self._notifier = services, notifier
        self.member: MemberRow | None = None
        self.ledger_model = ledger_model(services.loyalty, self)
        self.purchase_model = purchase_model(services.purchases, self)
        self.ledger = _table(self.ledger_model, "ledgerTable", [17, 8, 9, 14, 16])
        self.purchases = _table(self.purchase_model, "purchaseTable", [17, 14, 10, 12, 8])
        self.member_title = QLabel(objectName="memberTitle")
        self.balance = QLabel(objectName="memberBalance")
        self.expiring = QLabel(objectName="memberExpiring")
        self.buttons = {kind: QPushButton(objectName=f"points_{kind.value}")
                        for kind in (LedgerKind.EARN, LedgerKind.REDEEM, LedgerKind.ADJUST)}
        self.sale_button = QPushButton(objectName="memberSale")
        self.statement_button = QPushButton(objectName="memberStatement")
        self.void_button = QPushButton(objectName="voidSale")
        self.details = QTabWidget(objectName="memberDetails")
        self._allowed: dict[QPushButton, bool] = {}  # set_permissions(): a button the role may not use is hidden
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.balance.setStyleSheet("font-size: 22pt; font-weight: 600; color: #1f618d;")
        self.member_title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.expiring.setStyleSheet("color: #c0392b;")
        buttons = QHBoxLayout()
        for button in (*self.buttons.values(), self.sale_button, self.statement_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        sales = QWidget()
        sales_layout = QVBoxLayout(sales)
        sales_layout.addWidget(self.purchases, 1)
        void_row = QHBoxLayout()
        void_row.addWidget(self.void_button)
        void_row.addStretch(1)
        sales_layout.addLayout(void_row)
        self.details.addTab(self.ledger, "")
        self.details.addTab(sales, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.member_title)
        layout.addWidget(self.balance)
        layout.addWidget(self.expiring)
        layout.addLayout(buttons)
        layout.addWidget(self.details, 1)

    def _connect_signals(self) -> None:
        for kind, button in self.buttons.items():
            button.clicked.connect(lambda _=False, k=kind: self.post_points(k))
        self.sale_button.clicked.connect(self.record_sale)
        self.statement_button.clicked.connect(self.ask_statement)
        self.void_button.clicked.connect(self.void_selected_sale)

    def retranslate(self) -> None:
        self.buttons[LedgerKind.EARN].setText(self.tr("Earn…"))
        self.buttons[LedgerKind.REDEEM].setText(self.tr("Redeem…"))
        self.buttons[LedgerKind.ADJUST].setText(self.tr("Adjust…"))
        self.sale_button.setText(self.tr("Record sale…"))
        self.statement_button.setText(self.tr("Statement…"))
        self.void_button.setText(self.tr("Void sale…"))
        self.details.setTabText(0, self.tr("Points ledger"))
        self.details.setTabText(1, self.tr("Purchases"))
        self.ledger_model.retranslate()
        self.purchase_model.retranslate()
        self.show_member(self.member)

    def set_permissions(self, can) -> None:
        """Sales, redeeming and earning need MANAGE_LOYALTY; a manual adjustment ADJUST_POINTS."""
        counter = can(Permission.MANAGE_LOYALTY)
        self._allowed = {self.buttons[LedgerKind.EARN]: counter, self.buttons[LedgerKind.REDEEM]: counter,
                         self.buttons[LedgerKind.ADJUST]: can(Permission.ADJUST_POINTS),
                         self.sale_button: counter, self.void_button: counter}
        for button, allowed in self._allowed.items():
            button.setVisible(allowed)
        self.show_member(self.member)

    def show_member(self, member: MemberRow | None) -> None:
        self.member = member
        for button in (*self.buttons.values(), self.sale_button, self.statement_button, self.void_button):
            button.setEnabled(member is not None and self._allowed.get(button, True))
        if member is None:
            self.member_title.setText(self.tr("No member selected"))
            self.balance.clear()
            self.expiring.clear()
        else:
            self.member_title.setText(f"{member.name}  ·  {member.level}")
            self.balance.setText(self.tr("{points} points").format(points=number(member.balance)))
            self.expiring.setText(self.tr("{points} points expire within 30 days").format(
                points=number(member.expiring_soon)) if member.expiring_soon else "")
        filters = (("contact_id", member.contact_id),) if member else ()
        for model in (self.ledger_model, self.purchase_model):
            model.set_query_silently(filters=filters)
            model.refresh()

    # --- actions ------------------------------------------------------------------------------
    def post_points(self, kind: LedgerKind) -> None:
        if self.member is not None:
            run_dialog(PointsDialog(self._services, self.member.contact_id, self.member.name, kind, self))

    def record_sale(self) -> None:
        contact = (self.member.contact_id, self.member.name) if self.member else None
        run_dialog(SaleDialog(self._services, contact, self), self._on_sale_saved)

    def void_selected_sale(self) -> None:
        index = self.purchases.currentIndex()
        purchase = self.purchase_model.row_at(index.row()) if index.isValid() else None
        if purchase is None:
            self._notifier.info(self.tr("Choose the sale to void in the purchases list."))
        elif purchase.voided_at is not None:
            self._notifier.info(self.tr("This sale is already voided."))
        else:
            run_dialog(VoidSaleDialog(self._services, purchase, self), self._on_void_saved)

    def save_statement(self, path: Path) -> Path | None:
        """The member's statement of the last 12 months as a PDF file."""
        if self.member is None:
            return None
        now = self._services.ctx.now()
        data = self._services.statements.statement(self.member.contact_id, now - timedelta(days=STATEMENT_DAYS))
        written = write_statement_pdf(data, path)
        self._notifier.info(self.tr("Statement saved to {path}").format(path=str(written)))
        return written

    def ask_statement(self) -> None:
        """Ask where to save the statement (the user clicked for it), then write it."""
        if self.member is None:
            return
        name = self.tr("statement {name}.pdf").format(name=self.member.name)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save statement"), str(Path.home() / name),
                                              self.tr("PDF (*.pdf)"))
        if path:
            self.save_statement(Path(path))

    # --- slots --------------------------------------------------------------------------------
    def _on_sale_saved(self, result) -> None:
        earned = sum(e.points for e in result.entries)
        text = self.tr("Sale recorded: {points} points earned.").format(points=number(earned))
        if result.level_change:
            text += " " + self.tr("New level: {level}.").format(level=result.level_change.to_level)
        self._notifier.info(text)

    def _on_void_saved(self, result) -> None:
        text = self.tr("Sale voided: {points} points taken back.").format(points=number(result.reversed_points))
        if result.unrecoverable_points:
            text += " " + self.tr("{points} points had already been spent.").format(
                points=number(result.unrecoverable_points))
        self._notifier.info(text)


def _table(model, name: str, widths: list[int]) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    char = table.fontMetrics().averageCharWidth()
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width * char + 16)
    return table
