"""The contacts tab: searchable lazy table on the left, the selected contact on the right."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QToolButton

from crm_desktop.domain.enums import LifecycleStage, Tier
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.registry import Services
from crm_desktop.ui.common.forms import run_dialog
from crm_desktop.ui.common.labels import fill_filter_combo, stage_label, tier_label
from crm_desktop.ui.common.list_page import ListPage, side_by_side
from crm_desktop.ui.common.messages import translate_template
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.common.record_tab import ListTab
from crm_desktop.ui.contacts.consents import ConsentsPanel
from crm_desktop.ui.contacts.consents import tab_title as consents_tab_title
from crm_desktop.ui.contacts.detail import ContactDetailPane
from crm_desktop.ui.contacts.model import COLUMN_WIDTHS, make_model


class ContactsTab(ListTab):
    def __init__(self, services: Services, notifier: Notifier, parent=None):
        super().__init__(notifier, parent)
        self.setObjectName("contactsTab")
        self._services, self._contacts, self._users = services, services.contacts, services.users
        self.model = make_model(self._contacts, self)
        self.page = ListPage(self.model, table_name="contactTable", search_name="contactSearch",
                             search_sort="relevance")  # a search lists the best matches first
        self.stage_filter = QComboBox(objectName="contactStageFilter")
        self.tier_filter = QComboBox(objectName="contactTierFilter")
        self.detail = ContactDetailPane()
        self.consents = ConsentsPanel(lambda: services.privacy, notifier)  # privacy loads when used
        self.detail.add_panel(self.consents, consents_tab_title)
        self.find_duplicates_action = QAction(self, objectName="actionFindDuplicates")
        self.find_duplicates_button = QToolButton(objectName="findDuplicatesButton")
        self._build()
        self.retranslate()
        self._connect_signals()

    def _build(self) -> None:
        self.page.filters.addWidget(self.stage_filter)
        self.page.filters.addWidget(self.tier_filter)
        self.find_duplicates_button.setDefaultAction(self.find_duplicates_action)
        self.page.filters.addWidget(self.find_duplicates_button)
        self.page.table.addAction(self.find_duplicates_action)  # also on the table's context menu
        self.page.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        side_by_side(self, self.page, self.detail)
        self.page.set_column_widths(COLUMN_WIDTHS)

    def _connect_signals(self) -> None:
        self.page.currentIdChanged.connect(self._on_page_currentIdChanged)
        self.page.activated.connect(self.open_editor)
        self.stage_filter.currentIndexChanged.connect(self._on_stage_filter_changed)
        self.tier_filter.currentIndexChanged.connect(self._on_tier_filter_changed)
        self.detail.interactionSubmitted.connect(self._on_detail_interactionSubmitted)
        self.detail.editRequested.connect(self.open_editor)
        self.model.modelReset.connect(self.statusChanged)
        self.find_duplicates_action.triggered.connect(self.find_duplicates)

    def retranslate(self) -> None:
        self.page.search.setPlaceholderText(self.tr("Search name, pinyin, phone, email, company, tag… (Ctrl+F)"))
        self.page.trash_toggle.setText(self.tr("Show trash"))
        self.find_duplicates_action.setText(self.tr("Find duplicates…"))
        fill_filter_combo(self.stage_filter, self.tr("All stages"), LifecycleStage, stage_label)
        fill_filter_combo(self.tier_filter, self.tr("All tiers"), Tier, tier_label)
        self.model.retranslate()
        self.detail.retranslate()

    def status_text(self) -> str:
        if self.page.showing_trash:
            return self.tr("%n contact(s) in the trash", "", self.row_count())
        return self.tr("%n contact(s)", "", self.row_count())

    def load(self) -> None:
        self.page.apply_search()

    # --- actions ------------------------------------------------------------------------------
    # the dialogs load on first use: opening the window does not pay for them
    def open_editor(self, contact_id: int | None) -> None:
        from crm_desktop.ui.contacts.dialogs import ContactDialog

        contact = self.guarded(self._contacts.get, contact_id) if contact_id else None
        if contact_id and contact is None:
            return
        dialog = ContactDialog(self._contacts, self._users.active(), contact, self,
                               duplicates=self._services.duplicates)
        run_dialog(dialog, self._on_dialog_saved)

    def find_duplicates(self) -> None:
        """The groups of likely duplicates, to merge (or to undo the last merge)."""
        from crm_desktop.ui.contacts.duplicates import DuplicatesDialog

        dialog = DuplicatesDialog(self._services.duplicates, self._contacts, self._users.active(), self.notifier, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _trash(self, ids: list[int]) -> None:
        self._contacts.trash(ids)

    def _restore(self, ids: list[int]) -> None:
        self._contacts.restore(ids)

    # --- slots ----------------------------------------------------------------------------------
    def _on_dialog_saved(self, contact) -> None:
        self.page.select_id(contact.id)  # the list itself was refreshed by the change event

    def _on_page_currentIdChanged(self, contact_id) -> None:
        self.show_detail(contact_id)

    def show_detail(self, contact_id: int | None) -> None:
        detail = self.guarded(self._contacts.detail, contact_id) if contact_id else None
        self.detail.show_contact(detail)

    def _on_stage_filter_changed(self, _index: int) -> None:
        self.page.set_filter("stage", self.stage_filter.currentData())

    def _on_tier_filter_changed(self, _index: int) -> None:
        self.page.set_filter("tier", self.tier_filter.currentData())

    def _on_detail_interactionSubmitted(self, draft) -> None:
        try:
            self._contacts.log_interaction(draft)
        except ValidationError as exc:
            self.detail.show_log_error(" ".join(translate_template(t) for t in exc.errors.values()))
            return
        except Exception as exc:  # noqa: BLE001
            self.notifier.error(exc)
            return
        self.detail.clear_log()


