"""Merge a group of duplicate contacts: pick the contact to keep and, per field, whose value wins."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.contact_fields import fields_of
from crm_desktop.domain.duplicates import default_choices, differing_fields
from crm_desktop.domain.errors import CrmError
from crm_desktop.services.dto import ContactDraft, ContactDTO, MergeResult
from crm_desktop.services.duplicates import DuplicateService
from crm_desktop.ui.common.forms import ERROR_STYLE
from crm_desktop.ui.common.labels import gender_label, source_label, stage_label, tier_label
from crm_desktop.ui.common.messages import error_text
from crm_desktop.ui.common.notifier import Notifier

ENUM_LABELS = {"gender": gender_label, "stage": stage_label, "tier": tier_label, "lead_source": source_label}
FLAGS = ("marketing_consent", "do_not_contact", "is_organisation")


class MergeDialog(QDialog):
    merged = Signal(object)  # MergeResult

    def __init__(self, contacts: list[ContactDTO], service: DuplicateService, owners: dict[int, str],
                 notifier: Notifier, parent=None):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self._contacts, self._service, self._owners, self._notifier = contacts, service, owners, notifier
        self._drafts = {c.id: c.draft for c in contacts}
        self.keep_box = QGroupBox()
        self.survivor = QButtonGroup(self)
        self.fields: dict[str, QButtonGroup] = {}
        self._field_labels: dict[str, QLabel] = {}
        self.intro = QLabel(wordWrap=True)
        self.banner = QLabel(objectName="mergeBanner", wordWrap=True, styleSheet=ERROR_STYLE, visible=False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeButton")
        self._build()
        self.retranslate()
        self._connect_signals()
        self.survivor.button(0).setChecked(True)

    def _build(self) -> None:
        keep = QVBoxLayout(self.keep_box)
        for i, _contact in enumerate(self._contacts):
            button = QRadioButton()
            self.survivor.addButton(button, i)
            keep.addWidget(button)
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        for row, key in enumerate(differing_fields(self._drafts.values())):
            self._add_field_row(grid, row, key)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(grid_holder)
        layout = QVBoxLayout(self)
        for widget in (self.keep_box, self.intro, scroll, self.banner, self.buttons):
            layout.addWidget(widget)

    def _add_field_row(self, grid: QGridLayout, row: int, key: str) -> None:
        label = QLabel()
        self._field_labels[key] = label
        grid.addWidget(label, row, 0)
        group = QButtonGroup(self)
        for i, contact in enumerate(self._contacts):
            button = QRadioButton(self._value_text(contact.draft, key) or self.tr("(empty)"))
            group.addButton(button, i)
            grid.addWidget(button, row, i + 1)
        self.fields[key] = group

    def _connect_signals(self) -> None:
        self.survivor.idToggled.connect(self._on_survivor_idToggled)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Merge contacts"))
        self.keep_box.setTitle(self.tr("Keep this contact (the others go to the trash):"))
        self.intro.setText(self.tr("Where the contacts differ, choose the value to keep. Interactions, "
                                   "follow-ups, tickets, purchases and points all move to the kept contact."))
        self.merge_button.setText(self.tr("Merge"))
        for i, contact in enumerate(self._contacts):
            self.survivor.button(i).setText(" · ".join(p for p in (contact.name, contact.draft.phone,
                                                                   contact.draft.email) if p))
        for key, label in self._field_labels.items():
            label.setText(self._field_label(key))

    def _field_label(self, key: str) -> str:
        labels = {
            "name": self.tr("Name"), "phone": self.tr("Mobile"), "phone2": self.tr("Other phone"),
            "email": self.tr("Email"), "email2": self.tr("Other email"), "company": self.tr("Company"),
            "title": self.tr("Job title"), "address": self.tr("Address"), "city": self.tr("City"),
            "birthday": self.tr("Birthday"), "lunar_birthday": self.tr("Lunar birthday"),
            "gender": self.tr("Gender"), "stage": self.tr("Stage"), "tier": self.tr("Tier"),
            "lead_source": self.tr("Lead source"), "channel": self.tr("Channel / campaign"),
            "owner_id": self.tr("Owner"), "tags": self.tr("Tags"), "needs": self.tr("Needs"),
            "notes": self.tr("Notes"), "marketing_consent": self.tr("Agrees to marketing messages"),
            "do_not_contact": self.tr("Do not contact"), "is_organisation": self.tr("Organisation"),
        }
        return labels[key]

    def _value_text(self, draft: ContactDraft, key: str) -> str:
        if key in ENUM_LABELS:
            return ENUM_LABELS[key](getattr(draft, key))
        if key in FLAGS:
            return self.tr("Yes") if getattr(draft, key) else self.tr("No")
        if key == "owner_id":
            return self._owners.get(draft.owner_id, "")
        return fields_of(draft)[key].replace("\n", " ")[:80]

    # --- choosing and merging --------------------------------------------------------------------
    def survivor_id(self) -> int:
        return self._contacts[self.survivor.checkedId()].id

    def chosen(self) -> dict[str, int]:
        return {key: self._contacts[group.checkedId()].id for key, group in self.fields.items()}

    def _on_survivor_idToggled(self, index: int, checked: bool) -> None:
        if not checked:
            return
        defaults = default_choices(self._drafts, self._contacts[index].id)
        position = {c.id: i for i, c in enumerate(self._contacts)}
        for key, group in self.fields.items():
            group.button(position[defaults[key]]).setChecked(True)

    def _on_buttons_accepted(self) -> None:
        survivor = self.survivor_id()
        losers = [c.id for c in self._contacts if c.id != survivor]
        try:
            result: MergeResult = self._service.merge(survivor, losers, self.chosen())
        except CrmError as exc:
            self.banner.setText(error_text(exc))
            self.banner.show()
            return
        except Exception as exc:  # noqa: BLE001 - a bug: details box and log, through the notifier
            self._notifier.error(exc)
            return
        name = self._drafts[survivor].name
        self._notifier.info(self.tr("Merged into %1; the others are in the trash. To undo, open "
                                    "Find duplicates… and click Undo last merge.").replace("%1", name))
        self.merged.emit(result)
        self.accept()
