"""Record a sale at the counter, and void one: amounts typed in yuan, kept in fen exactly."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from crm_desktop.domain.enums import PaymentMethod
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.money import parse_money
from crm_desktop.services.loyalty_dto import PurchaseDTO, SaleDraft, SaleResult, VoidResult
from crm_desktop.services.registry import Services
from crm_desktop.ui.common.contact_picker import ContactPicker
from crm_desktop.ui.common.formatting import money
from crm_desktop.ui.common.forms import RecordDialog
from crm_desktop.ui.common.widgets import UserCombo, date_time_edit, select_data, text_box, to_aware

PAYMENT_LABELS = {
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("SaleDialog", "Cash"),
    PaymentMethod.CARD: QT_TRANSLATE_NOOP("SaleDialog", "Bank card"),
    PaymentMethod.WECHAT_PAY: QT_TRANSLATE_NOOP("SaleDialog", "WeChat Pay"),
    PaymentMethod.ALIPAY: QT_TRANSLATE_NOOP("SaleDialog", "Alipay"),
    PaymentMethod.TRANSFER: QT_TRANSLATE_NOOP("SaleDialog", "Bank transfer"),
}


def payment_label(method: PaymentMethod) -> str:
    return QCoreApplication.translate("SaleDialog", PAYMENT_LABELS[PaymentMethod(method)])


class SaleDialog(RecordDialog):
    """Who bought what, when, for how much, paid how, served by whom; points follow the rules."""

    def __init__(self, services: Services, contact: tuple[int, str] | None = None, parent=None):
        super().__init__(self.tr("Record sale"), parent)
        self.setObjectName("saleDialog")
        self._purchases = services.purchases
        self.contact = ContactPicker(services.contacts)
        self.contact.setObjectName("saleContact")
        self.amount = QLineEdit(objectName="saleAmount", placeholderText="0.00")
        self.when = date_time_edit("saleTime")
        self.description = QLineEdit(objectName="saleDescription")
        self.items = text_box(3, "saleItems")
        self.payment = QComboBox(objectName="salePayment")
        for method in PaymentMethod:
            self.payment.addItem(payment_label(method), method)
        self.staff = UserCombo(services.users.active(), self.tr("(signed-in user)"))
        self.staff.setObjectName("saleStaff")
        current = services.users.current()
        if current is not None:
            select_data(self.staff, current.id)
        self._build(contact)

    def _build(self, contact) -> None:
        self.form.addRow(self.tr("Customer *"), self.contact)
        self.form.addRow(self.tr("Amount (¥) *"), self.amount)
        self.form.addRow(self.tr("Date and time"), self.when)
        self.form.addRow(self.tr("Description *"), self.description)
        self.form.addRow(self.tr("Items"), self.items)
        self.form.addRow(self.tr("Payment"), self.payment)
        self.form.addRow(self.tr("Staff"), self.staff)
        self.description.setPlaceholderText(self.tr("What was sold, e.g. 空气净化器 ×1"))
        if contact:
            self.contact.set_contact(*contact)
        self.finish_form({"contact": self.contact, "amount": self.amount, "purchased_at": self.when,
                          "description": self.description, "payment_method": self.payment})
        self.setMinimumWidth(460)

    def draft(self) -> SaleDraft:
        contact_id = self.contact.contact_id()
        errors = {} if contact_id is not None else {"contact": "Choose the customer."}
        try:
            cents = parse_money(self.amount.text())
        except ValidationError as exc:
            errors.update(exc.errors)
            cents = 0
        if errors:
            raise ValidationError(errors)
        return SaleDraft(contact_id, cents, to_aware(self.when), self.description.text(), self.items.toPlainText(),
                         self.payment.currentData(), self.staff.user_id())

    def save(self) -> SaleResult:
        return self._purchases.record_sale(self.draft())


class VoidSaleDialog(RecordDialog):
    """Void a sale: it leaves the customer's figures and its points are reversed (never edited)."""

    def __init__(self, services: Services, purchase: PurchaseDTO, parent=None):
        super().__init__(self.tr("Void sale"), parent)
        self.setObjectName("voidSaleDialog")
        self._purchases, self._purchase = services.purchases, purchase
        summary = QLabel(f"{purchase.description or purchase.items}  ·  {money(purchase.amount_cents)}",
                         objectName="voidSummary", wordWrap=True)
        self.reason = QLineEdit(objectName="voidReason", placeholderText=self.tr("e.g. returned, wrong amount"))
        self.form.addRow(self.tr("Sale"), summary)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow("", QLabel(self.tr("The sale's points are taken back as far as the balance still holds "
                                            "them."), wordWrap=True))
        self.finish_form({"reason": self.reason})
        self.setMinimumWidth(420)

    def save(self) -> VoidResult:
        return self._purchases.void(self._purchase.id, self.reason.text())
