"""The loyalty tab: members with their points and purchases, the programme's rules and levels,
and the rewards catalogue."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from crm_desktop.domain.enums import LedgerKind
from crm_desktop.domain.permissions import Permission
from crm_desktop.services.registry import Services
from crm_desktop.ui.common.forms import run_dialog
from crm_desktop.ui.common.list_page import ListPage
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.common.record_tab import ListTab
from crm_desktop.ui.loyalty.dialogs import EnrollDialog, RewardDialog
from crm_desktop.ui.loyalty.levels_dialog import LevelsDialog
from crm_desktop.ui.loyalty.member_pane import MemberPane
from crm_desktop.ui.loyalty.model import MEMBER_WIDTHS, member_model, reward_model
from crm_desktop.ui.loyalty.rules_page import RulesDialog


class LoyaltyTab(ListTab):
    def __init__(self, services: Services, notifier: Notifier, parent=None):
        super().__init__(notifier, parent)
        self.setObjectName("loyaltyTab")
        self._services, self._loyalty = services, services.loyalty
        self.members = ListPage(member_model(self._loyalty, self), table_name="memberTable",
                                search_name="memberSearch")
        self.rewards = ListPage(reward_model(self._loyalty, self), table_name="rewardTable",
                                search_name="rewardSearch")
        self.member_pane = MemberPane(services, notifier, self)
        pane = self.member_pane
        self.ledger_model, self.ledger, self.buttons = pane.ledger_model, pane.ledger, pane.buttons
        self.member_title, self.balance = pane.member_title, pane.balance
        self.sale_button = QPushButton(objectName="recordSale")
        self.rules_button = QPushButton(objectName="pointsRules")
        self.levels_button = QPushButton(objectName="memberLevels")
        self.member_actions = {key: QAction(self) for key in ("sale", "redeem", "statement")}
        self.views = QTabWidget(objectName="loyaltyViews")
        self.page = self.members
        self._build()
        self.retranslate()
        self._connect_signals()

    def _build(self) -> None:
        self.members.trash_toggle.hide()
        self.members.set_column_widths(MEMBER_WIDTHS)
        self.members.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.members.table.addActions(list(self.member_actions.values()))
        self.rewards.set_column_widths([22, 12, 10, 8])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.members)
        splitter.addWidget(self.member_pane)
        splitter.setSizes([720, 560])
        members = QWidget()
        tools = QHBoxLayout()
        for button in (self.sale_button, self.rules_button, self.levels_button):
            tools.addWidget(button)
        tools.addStretch(1)
        layout = QVBoxLayout(members)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)
        self.views.addTab(members, "")
        self.views.addTab(self.rewards, "")
        QVBoxLayout(self).addWidget(self.views)

    def _connect_signals(self) -> None:
        self.views.currentChanged.connect(self._on_views_currentChanged)
        self.members.currentIdChanged.connect(self._on_members_currentIdChanged)
        self.members.activated.connect(self._on_members_activated)
        self.rewards.activated.connect(self.open_editor)
        self.sale_button.clicked.connect(self.record_sale)
        self.rules_button.clicked.connect(self.edit_rules)
        self.levels_button.clicked.connect(self.edit_levels)
        self.member_actions["sale"].triggered.connect(self.record_sale)
        self.member_actions["redeem"].triggered.connect(lambda: self.post_points(LedgerKind.REDEEM))
        self.member_actions["statement"].triggered.connect(self.member_pane.ask_statement)
        self.members.model.modelReset.connect(self.statusChanged)
        self.rewards.model.modelReset.connect(self.statusChanged)

    def retranslate(self) -> None:
        self.views.setTabText(0, self.tr("Members"))
        self.views.setTabText(1, self.tr("Rewards catalogue"))
        self.members.search.setPlaceholderText(self.tr("Search member name, pinyin or phone… (Ctrl+F)"))
        self.rewards.search.setPlaceholderText(self.tr("Search rewards… (Ctrl+F)"))
        self.rewards.trash_toggle.setText(self.tr("Show trash"))
        self.sale_button.setText(self.tr("Record sale…"))
        self.rules_button.setText(self.tr("Points rules…"))
        self.levels_button.setText(self.tr("Levels…"))
        self.member_actions["sale"].setText(self.tr("Record sale…"))
        self.member_actions["redeem"].setText(self.tr("Redeem…"))
        self.member_actions["statement"].setText(self.tr("Statement…"))
        for model in (self.members.model, self.rewards.model):
            model.retranslate()
        self.member_pane.retranslate()
        self._show_member(self.members.current_id())

    def apply_permissions(self) -> None:
        """Hide what the acting user's role may not do; the services refuse it anyway."""
        can = self._services.users.can
        self.member_pane.set_permissions(can)
        counter = can(Permission.MANAGE_LOYALTY)
        for widget, allowed in ((self.sale_button, counter), (self.member_actions["sale"], counter),
                                (self.member_actions["redeem"], counter),
                                (self.rules_button, can(Permission.MANAGE_LOYALTY_PROGRAM)),
                                (self.levels_button, can(Permission.MANAGE_LOYALTY_PROGRAM))):
            widget.setVisible(allowed)
            widget.setEnabled(allowed)

    def may_change(self) -> bool:
        """Whether New / Edit / Trash apply on the page shown: enrolling members, or the rewards catalogue."""
        needed = Permission.MANAGE_REWARDS if self.page is self.rewards else Permission.MANAGE_LOYALTY
        return self._services.users.can(needed)

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
        if not self.may_change():
            return
        if self.page is self.members:
            if reward_id:
                self._on_members_activated(reward_id)
            return
        reward = self.guarded(self._loyalty.get_reward, reward_id) if reward_id else None
        if reward_id and reward is None:
            return
        run_dialog(RewardDialog(self._services, reward, self))

    def post_points(self, kind) -> None:
        self.member_pane.post_points(kind)

    def record_sale(self) -> None:
        """A sale for the selected member, or for a customer chosen in the dialog."""
        self.member_pane.record_sale()

    def edit_rules(self) -> None:
        RulesDialog(self._services, self).open()

    def edit_levels(self) -> None:
        run_dialog(LevelsDialog(self._services, self), lambda _levels: self.refresh())

    def save_statement(self, path):
        return self.member_pane.save_statement(path)

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
        self.member_pane.show_member(self._current_member() if contact_id else None)

    # --- slots ----------------------------------------------------------------------------------
    def _on_views_currentChanged(self, index: int) -> None:
        self.page = self.rewards if index == 1 else self.members
        self.statusChanged.emit()

    def _on_members_currentIdChanged(self, contact_id) -> None:
        self._show_member(contact_id)

    def _on_members_activated(self, contact_id: int) -> None:
        if not self.may_change():
            return
        member = self._current_member()
        if member is not None and member.contact_id == contact_id:
            run_dialog(EnrollDialog(self._services, (contact_id, member.name), member.level, self))

    def _on_enrolled(self, contact_id: int) -> None:
        self.members.refresh()
        self.members.select_id(contact_id)
