"""Files attached to tickets. The bytes live in the database (so backups, encryption and restore
carry them); a file is checked for size and read whole before the write starts."""

import hashlib
import mimetypes
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.permissions import Permission
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.events import TicketChanged

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class AttachmentDTO:
    id: int
    ticket_id: int
    filename: str
    media_type: str
    size_bytes: int
    sha256: str
    added_at: datetime
    added_by: str


class AttachmentService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def attach(self, ticket_id: int, path: str | Path) -> AttachmentDTO:
        self._ctx.require(Permission.MANAGE_TICKETS)
        path = Path(path)
        data = _read(path)
        now = self._ctx.now()
        media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        with self._ctx.db.writing() as uow:
            uow.tickets.get(ticket_id)  # a missing ticket is refused before anything is stored
            record = uow.attachments.add(
                ticket_id=ticket_id, user_id=self._ctx.user_id, filename=path.name[:255], media_type=media,
                size_bytes=len(data), sha256=hashlib.sha256(data).hexdigest(), content=data,
                created_at=now, updated_at=now)
            user = uow.users.display_name(self._ctx.user_id)
            dto = AttachmentDTO(record.id, ticket_id, record.filename, media, len(data), record.sha256, now, user or "")
        self._ctx.bus.publish(TicketChanged(ticket_id))
        return dto

    def of_ticket(self, ticket_id: int) -> list[AttachmentDTO]:
        with self._ctx.db.reading() as uow:
            return [AttachmentDTO(r[0].id, r[0].ticket_id, r[0].filename, r[0].media_type, r[0].size_bytes,
                                  r[0].sha256, r[0].created_at, r.user or "")
                    for r in uow.attachments.of_ticket(ticket_id)]

    def content(self, attachment_id: int) -> bytes:
        with self._ctx.db.reading() as uow:
            return uow.attachments.content(attachment_id)

    def save_copy(self, attachment_id: int, folder: str | Path) -> Path:
        """Write the file into `folder` under its own name (to open it with the system's viewer)."""
        with self._ctx.db.reading() as uow:
            record = uow.attachments.get(attachment_id)
            name, data = Path(record.filename).name or "attachment", uow.attachments.content(attachment_id)
        target = Path(folder) / f"{attachment_id}-{name}"
        target.write_bytes(data)
        return target

    def remove(self, attachment_id: int) -> None:
        self._ctx.require(Permission.MANAGE_TICKETS)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            record = uow.attachments.get(attachment_id)
            record.deleted_at, record.updated_at = now, now
            ticket_id = record.ticket_id
        self._ctx.bus.publish(TicketChanged(ticket_id))


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise ValidationError.single("file", "A file to attach may be at most 25 MB.")
        return path.read_bytes()
    except OSError as exc:
        raise ValidationError.single("file", "The file cannot be read.") from exc
