"""The welcome's account page (the owner: user name, display name, password twice) and its last
page, where the database is created with a progress bar."""

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QVBoxLayout

from crm_desktop.ui.welcome.pages import TranslatedPage

MIN_PASSWORD = 4


class OwnerPage(TranslatedPage):
    def __init__(self, reserved: frozenset[str] = frozenset()):
        super().__init__()
        self._reserved = reserved  # user names the demo data brings along
        self.demo = False
        self.intro = QLabel(wordWrap=True)
        self.username = QLineEdit(objectName="welcomeUsername")
        self.display_name = QLineEdit(objectName="welcomeDisplayName")
        self.password = QLineEdit(objectName="welcomePassword", echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(objectName="welcomePasswordRepeat", echoMode=QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="welcomeOwnerError", wordWrap=True, styleSheet="color: #b3261e;")
        self.labels = [QLabel() for _ in range(4)]
        self.form = QFormLayout()
        for label, field in zip(self.labels, (self.username, self.display_name, self.password, self.repeat),
                                strict=True):
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        for field in (self.username, self.password, self.repeat):
            field.textChanged.connect(self.completeChanged)
            field.textChanged.connect(lambda _text: self.error.clear())
        self.retranslate()

    def isComplete(self) -> bool:
        return bool(self.username.text().strip() and self.password.text() and self.repeat.text())

    def validatePage(self) -> bool:
        """Mistakes are shown under the fields; the page does not move on until they are fixed."""
        self.error.setText(self.problem())
        return not self.error.text()

    def problem(self) -> str:
        username = self.username.text().strip()
        if any(ch.isspace() for ch in username):
            return self.tr("A user name has no spaces.")
        if self.demo and username in self._reserved:
            return self.tr("The demo data has a user called {name}; choose another name.").format(name=username)
        if len(self.password.text()) < MIN_PASSWORD:
            return self.tr("The password needs at least {n} characters.").format(n=MIN_PASSWORD)
        if self.password.text() != self.repeat.text():
            return self.tr("The two passwords differ.")
        return ""

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your account"))
        self.setSubTitle(self.tr("The owner's account, to sign in with."))
        self.intro.setText(self.tr(
            "You are the owner: you can do everything and add your staff later. Sign in with this "
            "name and password."))
        for label, text in zip(self.labels, (self.tr("User name:"), self.tr("Your name (shown on records):"),
                                             self.tr("Password:"), self.tr("Password again:")), strict=True):
            label.setText(text)
        self.display_name.setPlaceholderText(self.tr("optional"))
        if self.error.text():
            self.error.setText(self.problem())


class ReadyPage(TranslatedPage):
    def __init__(self):
        super().__init__()
        self.summary = QLabel(wordWrap=True, objectName="welcomeSummary")
        self.progress = QProgressBar(objectName="welcomeProgress", visible=False)
        self.status = QLabel(wordWrap=True, objectName="welcomeStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self._summary_args: tuple | None = None
        self.retranslate()

    def show_summary(self, folder: str, demo: bool, existing: bool, username: str) -> None:
        self._summary_args = (folder, demo, existing, username)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("Check your choices, then press Finish."))
        if self._summary_args is None:
            return
        folder, demo, existing, username = self._summary_args
        if existing:
            text = self.tr("Zhanggui CRM opens the database in {folder}.").format(folder=folder)
        else:
            what = self.tr("with demo data") if demo else self.tr("empty")
            text = self.tr("A new database ({what}) is created in {folder}, with your account {user}.").format(what=what, folder=folder, user=username)
        self.summary.setText(text)
