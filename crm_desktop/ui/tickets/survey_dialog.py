"""Record what the customer said about a resolved ticket: CSAT 1–5, NPS 0–10, channel, comment."""

from PySide6.QtWidgets import QComboBox, QLabel

from crm_desktop.domain.enums import SurveyChannel
from crm_desktop.services.dto import SurveyDTO, TicketDTO
from crm_desktop.ui.common.forms import RecordDialog
from crm_desktop.ui.common.labels import channel_label, fill_combo
from crm_desktop.ui.common.widgets import text_box


def _score_combo(name: str, low: int, high: int) -> QComboBox:
    """A choice of whole scores with "not asked" first (data None): a survey may hold only one."""
    combo = QComboBox(objectName=name)
    combo.addItem("—", None)
    for score in range(low, high + 1):
        combo.addItem(str(score), score)
    return combo


class SurveyDialog(RecordDialog):
    def __init__(self, tickets, ticket: TicketDTO, parent=None):
        super().__init__("", parent)
        self.setObjectName("surveyDialog")
        self._service, self._ticket = tickets, ticket
        self.about = QLabel(wordWrap=True, objectName="surveyTicket")
        self.csat = _score_combo("surveyCsat", 1, 5)
        self.nps = _score_combo("surveyNps", 0, 10)
        self.channel = QComboBox(objectName="surveyChannel")
        self.comment = text_box(3, "surveyComment")
        self._labels = [QLabel() for _ in range(4)]
        f = self.form
        f.addRow(self.about)
        for label, field in zip(self._labels, (self.csat, self.nps, self.channel, self.comment), strict=True):
            f.addRow(label, field)
        self.finish_form({"csat": self.csat, "nps": self.nps})
        self.setMinimumWidth(440)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Satisfaction survey"))
        self.about.setText(self.tr("{number}  {subject} — {customer}").format(
            number=self._ticket.number, subject=self._ticket.draft.subject, customer=self._ticket.contact_name))
        texts = (self.tr("Satisfaction (CSAT 1–5)"), self.tr("Would recommend (NPS 0–10)"),
                 self.tr("Channel"), self.tr("Comment"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        fill_combo(self.channel, SurveyChannel, channel_label, self.channel.currentData() or SurveyChannel.PHONE_CALLBACK)

    def save(self) -> SurveyDTO:
        return self._service.record_survey(self._ticket.id, self.csat.currentData(), self.nps.currentData(),
                                           self.channel.currentData(), self.comment.toPlainText())
