"""Demo consents (given on joining, some withdrawn later) and one customer erased on request."""

from datetime import timedelta

from crm_desktop.domain.privacy import ERASED_IDENTITY, ERASED_TEXT, METHODS

ERASED_NTH = 7  # the seventh demo contact asked to be forgotten
CONSENT_NOTES = ("", "", "入会登记表签字", "微信公众号勾选同意", "Signed at the counter")


class PrivacyPlanter:
    def __init__(self, owner):
        self.o, self.rng = owner, owner.rng
        self.seen = 0
        self.erased: dict | None = None
        self.consents: list[dict] = []

    def for_contact(self, c: dict) -> None:
        """After the contact's history is planned (its rows still in the activity buffers)."""
        self.seen += 1
        if self.seen == ERASED_NTH:
            self._erase(c)
            return
        rows = []
        if c["marketing_consent"] and self.rng.random() < 0.6:
            rows.append(self._consent(c, "marketing", True, c["created_at"] + timedelta(days=self.rng.randint(0, 3))))
            if self.rng.random() < 0.1:
                rows.append(self._consent(c, "marketing", False, self._later(rows[-1]["recorded_at"])))
                c["marketing_consent"] = False
        if self.rng.random() < 0.2:
            rows.append(self._consent(c, "data_processing", True, c["created_at"]))
        self.consents += rows

    def flush(self) -> None:
        """After the chunk's contacts are written (consents refer to them)."""
        self.o.write("consents", self.consents)
        self.consents = []

    def _consent(self, c: dict, purpose: str, granted: bool, when) -> dict:
        when = min(when, self.o.anchor)
        return {"contact_id": c["id"], "purpose": purpose, "granted": granted, "recorded_at": when,
                "method": self.rng.choice(METHODS[:5]), "note": self.rng.choice(CONSENT_NOTES),
                "user_id": self.rng.choice(self.o.user_ids), **self.o.stamp(when)}

    def _later(self, when):
        return when + (self.o.anchor - when) * self.rng.uniform(0.2, 0.9)

    def _erase(self, c: dict) -> None:
        """The person as an erasure leaves them: sales and points kept, identity and free text gone."""
        c.update(ERASED_IDENTITY)
        buffers = self.o.activity.buffers
        tickets = {t["id"] for t in buffers["tickets"] if t["contact_id"] == c["id"]}
        for table, blank in ERASED_TEXT.items():
            for row in buffers.get(table, ()):
                if row.get("contact_id") == c["id"] or (table == "ticket_events" and row["ticket_id"] in tickets):
                    row.update(blank)
        when = self.o.anchor - timedelta(days=self.rng.randint(1, 30))
        self.erased = {"contact_uuid": c["uuid"], "erased_at": when, "user_id": self.o.user_ids[0],
                       **self.o.stamp(when)}

    def finish(self, contacts: int) -> None:
        """The erasure's record, and the audit entries of the erasure and of the demo data itself."""
        if self.erased is not None:
            self.o.write("erasures", [self.erased])
            self.o.w.audit("erase", "contacts", self.erased["contact_uuid"], {"erased": (None, 0)})
            self.erased = None
        self.o.w.audit("demo", "contacts", "", {"contacts": (None, contacts)})
