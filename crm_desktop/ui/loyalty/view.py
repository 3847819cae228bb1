"""The loyalty tab: members with their points ledger, and the rewards catalogue."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.enums import LedgerKind
from crm_desktop.services.registry import Services
from crm_desktop.ui.common.formatting import number
from crm_desktop.ui.common.forms import run_dialog
from crm_desktop.ui.common.list_page import ListPage
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.common.record_tab import ListTab
from crm_desktop.ui.loyalty.dialogs import EnrollDialog, PointsDialog, RewardDialog
from crm_desktop.ui.loyalty.model import MEMBER_WIDTHS, ledger_model, member_model, reward_model


class LoyaltyTab(ListTab):
    def __init__(self, services: Services, notifier: Notifier, parent=None):
        super().__init__(notifier, parent)
        self.setObjectName("loyaltyTab")
        self._services, self._loyalty = services, services.loyalty
        self.members = ListPage(member_model(self._loyalty, self), table_name="memberTable",
                                search_name="memberSearch")
        self.rewards = ListPage(reward_model(self._loyalty, self), table_name="rewardTable",
                                search_name="rewardSearch")
        self.ledger_model = ledger_model(self._loyalty, self)
        self.ledger = QTableView(objectName="ledgerTable")
        self.member_title = QLabel(objectName="memberTitle")
        self.balance = QLabel(objectName="memberBalance")
        self.buttons = {kind: QPushButton(objectName=f"points_{kind.value}")
                        for kind in (LedgerKind.EARN, LedgerKind.REDEEM, LedgerKind.ADJUST)}
        self.views = QTabWidget(objectName="loyaltyViews")
        self.page = self.members
        self._build()
        self.retranslate()
        self._connect_signals()
        self._show_member(None)

    def _build(self) -> None:
        self.members.trash_toggle.hide()
        self.members.set_column_widths(MEMBER_WIDTHS)
        self.rewards.set_column_widths([22, 12, 10, 8])
        self.ledger.setModel(self.ledger_model)
        self.ledger.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ledger.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ledger.verticalHeader().hide()
        self.ledger.horizontalHeader().setStretchLastSection(True)
        self.ledger.setAlternatingRowColors(True)
        self.ledger.setWordWrap(False)
        char = self.ledger.fontMetrics().averageCharWidth()
        for column, width in enumerate([17, 8, 9, 14, 16]):
            self.ledger.setColumnWidth(column, width * char + 16)
        self.balance.setStyleSheet("font-size: 22pt; font-weight: 600; color: #1f618d;")
        self.member_title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.members)
        splitter.addWidget(self._member_pane())
        splitter.setSizes([700, 560])
        self.views.addTab(splitter, "")
        self.views.addTab(self.rewards, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.views)

    def _member_pane(self) -> QWidget:
        pane = QWidget()
        buttons = QHBoxLayout()
        for button in self.buttons.values():
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(pane)
        layout.addWidget(self.member_title)
        layout.addWidget(self.balance)
        layout.addLayout(buttons)
        layout.addWidget(self.ledger, 1)
        return pane

    def _connect_signals(self) -> None:
        self.views.currentChanged.connect(self._on_views_currentChanged)
        self.members.currentIdChanged.connect(self._on_members_currentIdChanged)
        self.members.activated.connect(self._on_members_activated)
        self.rewards.activated.connect(self.open_editor)
        for kind, button in self.buttons.items():
            button.clicked.connect(lambda _=False, k=kind: self.post_points(k))
        self.members.model.modelReset.connect(self.statusChanged)
        self.rewards.model.modelReset.connect(self.statusChanged)

    def retranslate(self) -> None:
        self.views.setTabText(0, self.tr("Members"))
        self.views.setTabText(1, self.tr("Rewards catalogue"))
        self.members.search.setPlaceholderText(self.tr("Search member name, pinyin or phone… (Ctrl+F)"))
        self.rewards.search.setPlaceholderText(self.tr("Search rewards… (Ctrl+F)"))
        self.rewards.trash_toggle.setText(self.tr("Show trash"))
        self.buttons[LedgerKind.EARN].setText(self.tr("Earn…"))
        self.buttons[LedgerKind.REDEEM].setText(self.tr("Redeem…"))
        self.buttons[LedgerKind.ADJUST].setText(self.tr("Adjust…"))
        for model in (self.members.model, self.rewards.model, self.ledger_model):
            model.retranslate()
        self._show_member(self.members.current_id())

    def status_text(self) -> str:
        if self.page is self.rewards:
            return self.tr("%n reward(s)", "", self.rewards.model.rowCount())
        return self.tr("%n member(s)", "", self.members.model.rowCount())

    def load(self) -> None:
        self.members.apply_search()
        self.rewards.apply_search()

    def refresh(self) -> None:
        self.members.refresh()
        self.rewards.refresh()
        self._show_member(self.members.current_id())
        self.statusChanged.emit()

    # --- actions --------------------------------------------------------------------------------
    def new_record(self) -> None:
        if self.page is self.rewards:
            self.open_editor(None)
        else:
            run_dialog(EnrollDialog(self._services, parent=self), self._on_enrolled)

    def open_editor(self, reward_id: int | None) -> None:
        if self.page is self.members:
            if reward_id:
                self._on_members_activated(reward_id)
            return
        reward = self.guarded(self._loyalty.get_reward, reward_id) if reward_id else None
        if reward_id and reward is None:
            return
        run_dialog(RewardDialog(self._services, reward, self))

    def post_points(self, kind: LedgerKind) -> None:
        member = self._current_member()
        if member is not None:
            run_dialog(PointsDialog(self._services, member.contact_id, member.name, kind, self))

    def _trash(self, ids: list[int]) -> None:
        if self.page is self.rewards:
            self._loyalty.trash_rewards(ids)

    def _restore(self, ids: list[int]) -> None:
        if self.page is self.rewards:
            self._loyalty.restore_rewards(ids)

    # --- member pane ------------------------------------------------------------------------------
    def _current_member(self):
        index = self.members.table.currentIndex()
        return self.members.model.row_at(index.row()) if index.isValid() else None

    def _show_member(self, contact_id) -> None:
        member = self._current_member() if contact_id else None
        for button in self.buttons.values():
            button.setEnabled(member is not None)
        if member is None:
            self.member_title.setText(self.tr("No member selected"))
            self.balance.clear()
        else:
            self.member_title.setText(f"{member.name}  ·  {member.level}")
            self.balance.setText(self.tr("{points} points").format(points=number(member.balance)))
        self.ledger_model.set_query_silently(filters=(("contact_id", contact_id),) if contact_id else ())
        self.ledger_model.refresh()

    # --- slots ----------------------------------------------------------------------------------
    def _on_views_currentChanged(self, index: int) -> None:
        self.page = self.rewards if index == 1 else self.members
        self.statusChanged.emit()

    def _on_members_currentIdChanged(self, contact_id) -> None:
        self._show_member(contact_id)

    def _on_members_activated(self, contact_id: int) -> None:
        member = self._current_member()
        if member is not None and member.contact_id == contact_id:
            run_dialog(EnrollDialog(self._services, (contact_id, member.name), member.level, self))

    def _on_enrolled(self, contact_id: int) -> None:
        self.members.refresh()
        self.members.select_id(contact_id)

