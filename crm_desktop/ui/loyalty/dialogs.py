"""Points entries, enrolment and the rewards catalogue."""

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox

from crm_desktop.domain.enums import LedgerKind
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.dto import ListQuery, RewardDraft, RewardDTO
from crm_desktop.services.registry import Services
from crm_desktop.ui.common.contact_picker import ContactPicker
from crm_desktop.ui.common.forms import RecordDialog
from crm_desktop.ui.common.labels import ledger_kind_label
from crm_desktop.ui.common.widgets import row, text_box

MAX_POINTS = 10_000_000


class PointsDialog(RecordDialog):
    """Earn, redeem (optionally a reward from the catalogue) or adjust (signed, with a reason)."""

    def __init__(self, services: Services, contact_id: int, name: str, kind: LedgerKind, parent=None):
        super().__init__(self.tr("{entry} points — {name}").format(entry=ledger_kind_label(kind), name=name), parent)
        self.setObjectName("pointsDialog")
        self._loyalty, self._contact_id, self._kind = services.loyalty, contact_id, kind
        low = -MAX_POINTS if kind == LedgerKind.ADJUST else 1
        self.points = QSpinBox(objectName="points", minimum=low, maximum=MAX_POINTS, value=100)
        self.points.setGroupSeparatorShown(True)
        self.reason = QLineEdit(objectName="pointsReason")
        self.reward = QComboBox(objectName="pointsReward")
        balance = self._loyalty.balance(contact_id)
        self.form.addRow(self.tr("Current balance"), _label(f"{balance:,}"))
        if kind == LedgerKind.REDEEM:
            self._fill_rewards()
            self.form.addRow(self.tr("Reward"), self.reward)
            self.reward.currentIndexChanged.connect(self._on_reward_currentIndexChanged)
        self.form.addRow(self.tr("Points"), self.points)
        self.form.addRow(self.tr("Reason *") if kind == LedgerKind.ADJUST else self.tr("Reason"), self.reason)
        if kind == LedgerKind.ADJUST:
            self.reason.setPlaceholderText(self.tr("Why the balance is corrected"))
        self.finish_form({"points": self.points, "reason": self.reason})
        self.setMinimumWidth(440)

    def _fill_rewards(self) -> None:
        self.reward.addItem(self.tr("(points as a discount)"), None)
        for reward in self._loyalty.reward_page(ListQuery(sort="cost"), 0, 500):
            if reward.draft.active and reward.draft.stock != 0:
                self.reward.addItem(f"{reward.draft.name} · {reward.draft.points_cost:,}", reward)

    def _on_reward_currentIndexChanged(self, _index: int) -> None:
        reward = self.reward.currentData()
        if reward is not None:
            self.points.setValue(reward.draft.points_cost)
            self.reason.setText(self.tr("Redeemed: {name}").format(name=reward.draft.name))

    def save(self):
        reward = self.reward.currentData() if self._kind == LedgerKind.REDEEM else None
        return self._loyalty.post(self._contact_id, self._kind, self.points.value(), self.reason.text(),
                                  reward_id=reward.id if reward else None)


class EnrollDialog(RecordDialog):
    def __init__(self, services: Services, contact: tuple[int, str] | None = None, level: str = "", parent=None):
        super().__init__(self.tr("Membership level") if contact else self.tr("New member"), parent)
        self.setObjectName("enrollDialog")
        self._loyalty = services.loyalty
        self.contact = ContactPicker(services.contacts)
        self.contact.setObjectName("memberContact")
        self.level = QComboBox(objectName="memberLevel", editable=True)
        levels = [lv.name for lv in services.loyalty_program.levels()]
        self.level.addItems(levels)
        self.form.addRow(self.tr("Customer *"), self.contact)
        self.form.addRow(self.tr("Level"), self.level)
        if contact:
            self.contact.set_contact(*contact)
            self.contact.setEnabled(False)
            self.level.setCurrentText(level or levels[0])
        self.finish_form({"contact": self.contact})
        self.setMinimumWidth(420)

    def save(self) -> int:
        contact_id = self.contact.contact_id()
        if contact_id is None:
            raise ValidationError.single("contact", "Choose the customer.")
        self._loyalty.enroll(contact_id, self.level.currentText())
        return contact_id


class RewardDialog(RecordDialog):
    def __init__(self, services: Services, reward: RewardDTO | None = None, parent=None):
        super().__init__(self.tr("Edit reward") if reward else self.tr("New reward"), parent)
        self.setObjectName("rewardDialog")
        self._loyalty, self._reward = services.loyalty, reward
        self.name = QLineEdit(objectName="rewardName")
        self.cost = QSpinBox(objectName="rewardCost", minimum=0, maximum=MAX_POINTS, value=500)
        self.cost.setGroupSeparatorShown(True)
        self.stock = QSpinBox(objectName="rewardStock", minimum=0, maximum=1_000_000, value=10)
        self.unlimited = QCheckBox(self.tr("Unlimited"), objectName="rewardUnlimited")
        self.description = text_box(3, "rewardDescription")
        self.active = QCheckBox(self.tr("Offered to members"), objectName="rewardActive", checked=True)
        self.form.addRow(self.tr("Name *"), self.name)
        self.form.addRow(self.tr("Points needed"), self.cost)
        self.form.addRow(self.tr("Stock"), row(self.stock, self.unlimited))
        self.form.addRow(self.tr("Description"), self.description)
        self.form.addRow("", self.active)
        self.unlimited.toggled.connect(self.stock.setDisabled)
        self.finish_form({"name": self.name, "points_cost": self.cost, "stock": self.stock})
        self.setMinimumWidth(420)
        if reward:
            self._load(reward.draft)

    def _load(self, d: RewardDraft) -> None:
        self.name.setText(d.name)
        self.cost.setValue(d.points_cost)
        self.unlimited.setChecked(d.stock is None)
        self.stock.setValue(d.stock or 0)
        self.description.setPlainText(d.description)
        self.active.setChecked(d.active)

    def draft(self) -> RewardDraft:
        stock = None if self.unlimited.isChecked() else self.stock.value()
        return RewardDraft(self.name.text(), self.cost.value(), stock, self.description.toPlainText(),
                           self.active.isChecked())

    def save(self) -> RewardDTO:
        if self._reward is None:
            return self._loyalty.create_reward(self.draft())
        return self._loyalty.update_reward(self._reward.id, self.draft())


def _label(text: str) -> QLabel:
    return QLabel(text, objectName="pointsBalance")
