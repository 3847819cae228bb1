"""Who works in the app: the people a record can be assigned to, and the acting user."""

from math import ceil

from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.domain.lockout import is_locked, lock_after
from crm_desktop.domain.passwords import hash_password, needs_rehash, verify_password
from crm_desktop.domain.permissions import NO_ACCOUNTS, Permission, Role, permissions_of
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import UserDTO


class SignInError(CrmError):
    """The user name or password is wrong (the message never says which)."""


class AccountLockedError(SignInError):
    """Too many failed sign-ins: the account waits (or the owner unlocks it)."""


class UserService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def active(self) -> list[UserDTO]:
        with self._ctx.db.reading() as uow:
            return [UserDTO(u.id, u.username, u.display_name, u.role) for u in uow.users.active()]

    def current(self) -> UserDTO | None:
        return next((u for u in self.active() if u.id == self._ctx.user_id), None)

    def sign_in(self, username: str, password: str) -> UserDTO:
        """Check the credentials and make that user the acting one; SignInError when they fail.

        A failure counts against the account (5 in a row lock it, domain/lockout.py); a success
        clears the count and re-hashes a password stored with older argon2 parameters."""
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            user = uow.users.by_username(username.strip())
            if user is None or not user.is_active or user.deleted_at is not None:
                verify_password(None, password)  # as long as a real check: the time tells nothing
                outcome = None
            elif is_locked(user.locked_until, now):
                verify_password(None, password)
                outcome = _locked_error(user.locked_until, now)
            elif verify_password(user.password_hash, password):
                outcome = _signed_in(user, password, now)
            else:
                outcome = _failed(user, now)
        if isinstance(outcome, UserDTO):
            return self._act(outcome)
        raise outcome or SignInError("Wrong user name or password.")

    def requires_sign_in(self) -> bool:
        """True when an active account has a password: the desktop app then asks who is working."""
        with self._ctx.db.reading() as uow:
            return any(u.password_hash for u in uow.users.active())

    def can(self, permission: Permission) -> bool:
        """Whether the acting user may do this: widgets hide or disable what services would refuse."""
        return self._ctx.can(permission)

    def _act(self, user: UserDTO | None) -> UserDTO | None:
        self._ctx.user_id = user.id if user else None
        self._ctx.permissions = permissions_of(user.role) if user else NO_ACCOUNTS
        return user

    def create_owner(self, username: str, display_name: str, password: str) -> UserDTO:
        """The owner's account of a new database (the first start's welcome screen), acting from now on."""
        username, display_name = username.strip(), display_name.strip() or username.strip()
        if not username or any(ch.isspace() for ch in username) or len(username) > 64:
            raise ValidationError.single("username", "A user name is 1 to 64 characters without spaces.")
        if not password:
            raise ValidationError.single("password", "A password is required.")
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            if uow.users.by_username(username) is not None:
                raise ValidationError.single("username", "This user name is taken.")
            user = uow.users.add(username=username, display_name=display_name[:128], role="owner",
                                 password_hash=hash_password(password), is_active=True, failed_logins=0,
                                 created_at=now, updated_at=now)
            dto = UserDTO(user.id, user.username, user.display_name, user.role)
        return self._act(dto)

    def act_as(self, username: str | None) -> UserDTO | None:
        """Select the acting user: the named one, else the first owner, else nobody (empty database)."""
        users = self.active()
        chosen = next((u for u in users if u.username == username), None) if username else None
        chosen = chosen or next((u for u in users if u.role == Role.OWNER), None)
        return self._act(chosen)


def _signed_in(user, password: str, now) -> UserDTO:
    user.failed_logins, user.locked_until = 0, None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.updated_at = now
    return UserDTO(user.id, user.username, user.display_name, user.role)


def _failed(user, now) -> SignInError | None:
    user.failed_logins = (user.failed_logins or 0) + 1
    user.locked_until = lock_after(user.failed_logins, now)
    return _locked_error(user.locked_until, now) if user.locked_until else None


def _locked_error(until, now) -> AccountLockedError:
    minutes = max(1, ceil((until - now).total_seconds() / 60))
    return AccountLockedError("Too many failed sign-ins: this account is locked for {minutes} more minutes, "
                              "or until the owner unlocks it.", minutes=minutes)
