"""The owner's management of accounts: add, change role, deactivate, unlock, reset a password.

Every method requires MANAGE_USERS. The last active owner cannot lose the role or be deactivated
(nobody could manage the accounts any more).
"""

from dataclasses import dataclass
from datetime import datetime

from crm_desktop.domain.errors import NotFoundError, RuleError, ValidationError
from crm_desktop.domain.lockout import is_locked
from crm_desktop.domain.passwords import hash_password, password_problem
from crm_desktop.domain.permissions import Permission, Role
from crm_desktop.services.context import ServiceContext


@dataclass(frozen=True)
class AccountDTO:
    id: int
    username: str
    display_name: str
    role: str
    is_active: bool
    locked_until: datetime | None  # set while locked out
    failed_logins: int


class UserAdminService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def accounts(self) -> list[AccountDTO]:
        self._ctx.require(Permission.MANAGE_USERS)
        now = self._ctx.now()
        with self._ctx.db.reading() as uow:
            return [_dto(u, now) for u in uow.users.all()]

    def add_user(self, username: str, display_name: str, role: str, password: str) -> AccountDTO:
        self._ctx.require(Permission.MANAGE_USERS)
        username = username.strip()
        errors = {}
        if not username or any(ch.isspace() for ch in username) or len(username) > 64:
            errors["username"] = "A user name is 1 to 64 characters without spaces."
        if (problem := password_problem(password)) is not None:
            errors["password"] = problem
        if errors:
            raise ValidationError(errors)
        role = Role(role)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            if uow.users.by_username(username) is not None:
                raise ValidationError.single("username", "This user name is taken.")
            user = uow.users.add(username=username, display_name=(display_name.strip() or username)[:128],
                                 role=role.value, password_hash=hash_password(password), is_active=True,
                                 failed_logins=0, created_at=now, updated_at=now)
            return _dto(user, now)

    def set_role(self, user_id: int, role: str) -> AccountDTO:
        role = Role(role)
        return self._change(user_id, lambda u: setattr(u, "role", role.value), losing_owner=role != Role.OWNER)

    def set_active(self, user_id: int, active: bool) -> AccountDTO:
        return self._change(user_id, lambda u: setattr(u, "is_active", active), losing_owner=not active)

    def unlock(self, user_id: int) -> AccountDTO:
        def clear(user):
            user.failed_logins, user.locked_until = 0, None
        return self._change(user_id, clear)

    def reset_password(self, user_id: int, password: str) -> AccountDTO:
        if (problem := password_problem(password)) is not None:
            raise ValidationError.single("password", problem)
        hashed = hash_password(password)

        def reset(user):
            user.password_hash, user.failed_logins, user.locked_until = hashed, 0, None
        return self._change(user_id, reset)

    def _change(self, user_id: int, change, *, losing_owner: bool = False) -> AccountDTO:
        self._ctx.require(Permission.MANAGE_USERS)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            user = uow.users.get(user_id)
            if user is None:
                raise NotFoundError("This record no longer exists; someone may have deleted it.")
            if losing_owner and user.role == Role.OWNER and user.is_active and uow.users.active_owners() <= 1:
                raise RuleError("The last owner keeps the role and the account: make another owner first.")
            change(user)
            user.updated_at = now
            return _dto(user, now)


def _dto(user, now) -> AccountDTO:
    locked = user.locked_until if is_locked(user.locked_until, now) else None
    return AccountDTO(user.id, user.username, user.display_name, user.role, bool(user.is_active), locked,
                      user.failed_logins or 0)
