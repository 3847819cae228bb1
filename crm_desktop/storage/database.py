"""One database: its engine, its sessions and the unit of work every service action runs in."""

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from crm_desktop.domain.errors import (
    DatabaseBusyError,
    DatabaseFullError,
    DatabaseReadOnlyError,
)
from crm_desktop.storage import audit
from crm_desktop.storage import repositories as repos
from crm_desktop.storage.engine import make_engine, sqlite_path, to_url, write_engine

if TYPE_CHECKING:
    from crm_desktop.storage.contact_import import ContactImportWriter
    from crm_desktop.storage.repositories.analytics import AnalyticsRepository
    from crm_desktop.storage.repositories.app_settings import AppSettingsRepository
    from crm_desktop.storage.repositories.attachments import AttachmentRepository
    from crm_desktop.storage.repositories.audit_log import AuditRepository
    from crm_desktop.storage.repositories.care import CareRepository
    from crm_desktop.storage.repositories.change_sets import ChangeSetRepository
    from crm_desktop.storage.repositories.duplicates import DuplicateRepository
    from crm_desktop.storage.repositories.levels import LevelRepository
    from crm_desktop.storage.repositories.privacy import PrivacyRepository
    from crm_desktop.storage.repositories.purchases import PurchaseRepository


class UnitOfWork:
    """A session plus the repositories over it; lives for one user action. The repositories of
    the areas the contacts list does not read are imported when first used (start-up)."""

    def __init__(self, session: Session):
        self.session = session

    @cached_property
    def contacts(self) -> "repos.ContactRepository":
        return repos.ContactRepository(self.session)

    @cached_property
    def companies(self) -> "repos.CompanyRepository":
        return repos.CompanyRepository(self.session)

    @cached_property
    def users(self) -> "repos.UserRepository":
        return repos.UserRepository(self.session)

    @cached_property
    def interactions(self) -> "repos.InteractionRepository":
        return repos.InteractionRepository(self.session)

    @cached_property
    def followups(self) -> "repos.FollowupRepository":
        return repos.FollowupRepository(self.session)

    @cached_property
    def tickets(self) -> "repos.TicketRepository":
        return repos.TicketRepository(self.session)

    @cached_property
    def loyalty(self) -> "repos.LoyaltyRepository":
        return repos.LoyaltyRepository(self.session)

    @cached_property
    def purchases(self) -> "PurchaseRepository":
        from crm_desktop.storage.repositories.purchases import PurchaseRepository

        return PurchaseRepository(self.session)

    @cached_property
    def levels(self) -> "LevelRepository":
        from crm_desktop.storage.repositories.levels import LevelRepository

        return LevelRepository(self.session)

    @cached_property
    def duplicates(self) -> "DuplicateRepository":
        from crm_desktop.storage.repositories.duplicates import DuplicateRepository

        return DuplicateRepository(self.session)

    @cached_property
    def change_sets(self) -> "ChangeSetRepository":
        from crm_desktop.storage.repositories.change_sets import ChangeSetRepository

        return ChangeSetRepository(self.session)

    @cached_property
    def care(self) -> "CareRepository":
        from crm_desktop.storage.repositories.care import CareRepository

        return CareRepository(self.session)

    @cached_property
    def attachments(self) -> "AttachmentRepository":
        from crm_desktop.storage.repositories.attachments import AttachmentRepository

        return AttachmentRepository(self.session)

    @cached_property
    def app_settings(self) -> "AppSettingsRepository":
        from crm_desktop.storage.repositories.app_settings import AppSettingsRepository

        return AppSettingsRepository(self.session)

    @cached_property
    def analytics(self) -> "AnalyticsRepository":
        from crm_desktop.storage.repositories.analytics import AnalyticsRepository

        return AnalyticsRepository(self.session)

    @cached_property
    def audit(self) -> "AuditRepository":
        from crm_desktop.storage.repositories.audit_log import AuditRepository

        return AuditRepository(self.session)

    @cached_property
    def privacy(self) -> "PrivacyRepository":
        from crm_desktop.storage.repositories.privacy import PrivacyRepository

        return PrivacyRepository(self.session)

    def flush(self) -> None:
        self.session.flush()


class Database:
    def __init__(self, db: str | Path, *, read_only: bool = False):
        self.url = to_url(db)
        self.path: Path | None = sqlite_path(self.url)
        self.read_only = read_only
        self.engine: Engine = make_engine(self.url, read_only=read_only)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(write_engine(self.engine), expire_on_commit=False)
        self.actor = audit.Actor()
        audit.install(self._write)

    def bind_actor(self, user, clock) -> None:
        """Who the audit trail names for this database's writes, and its clock (the services')."""
        self.actor = audit.Actor(user, clock)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path else self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def reading(self) -> Iterator[UnitOfWork]:
        with _known_errors(), self._read() as session, session.begin():
            yield UnitOfWork(session)

    @contextmanager
    def writing(self) -> Iterator[UnitOfWork]:
        """One write transaction: committed whole when the block ends, rolled back whole on error."""
        if self.read_only:
            raise DatabaseReadOnlyError("The database is open read-only: the change was not saved.")
        with _known_errors(), self._write() as session, session.begin():
            session.info[audit.ACTOR_KEY] = self.actor
            yield UnitOfWork(session)

    @contextmanager
    def erasing(self) -> Iterator[UnitOfWork]:
        """A write unit of work for privacy erasures: the erased bytes leave the file (storage/privacy.py)."""
        from crm_desktop.storage.privacy import erasing

        with erasing(self) as uow:
            yield uow

    def reapply_erasures(self, now, user_id: int | None = None) -> int:
        """Erase again everyone the erasure log beside the file names (after a restore)."""
        from crm_desktop.storage.privacy import reapply_erasures

        return reapply_erasures(self, now, user_id)

    @contextmanager
    def bulk_writing(self) -> Iterator["ContactImportWriter"]:
        """One write transaction for many contacts at once (imports): committed whole or not at all."""
        from crm_desktop.storage.bulk import bulk_writer
        from crm_desktop.storage.contact_import import ContactImportWriter

        if self.read_only:
            raise DatabaseReadOnlyError("The database is open read-only: the change was not saved.")
        with bulk_writer(self) as writer:
            contacts = ContactImportWriter(writer)
            yield contacts
            contacts.close()

    @contextmanager
    def bulk_reading(self) -> Iterator["ContactImportWriter"]:
        """The same look-ups in a read transaction, writing nothing (an import's plan)."""
        from crm_desktop.storage.bulk import bulk_reader
        from crm_desktop.storage.contact_import import ContactImportWriter

        with bulk_reader(self) as reader:
            contacts = ContactImportWriter(reader)
            yield contacts
            contacts.close()

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def dispose(self) -> None:
        self.engine.dispose()


@contextmanager
def _known_errors() -> Iterator[None]:
    try:
        yield
    except OperationalError as exc:
        raise translate_operational_error(exc) from exc


def translate_operational_error(exc: OperationalError) -> Exception:
    text = str(exc.orig).lower()
    if "locked" in text or "busy" in text:
        return DatabaseBusyError("The database is busy in another program; try again in a moment.")
    if "full" in text:
        return DatabaseFullError("The disk is full: the change was not saved. Free some space and try again.")
    if "readonly" in text or "read-only" in text:
        return DatabaseReadOnlyError("The database cannot be written (read-only file or folder).")
    return exc
