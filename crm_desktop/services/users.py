"""Who works in the app: the people a record can be assigned to, and the acting user."""

from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.passwords import verify_password
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import UserDTO


class SignInError(CrmError):
    """The user name or password is wrong (the message never says which)."""


class UserService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def active(self) -> list[UserDTO]:
        with self._ctx.db.reading() as uow:
            return [UserDTO(u.id, u.username, u.display_name, u.role) for u in uow.users.active()]

    def current(self) -> UserDTO | None:
        return next((u for u in self.active() if u.id == self._ctx.user_id), None)

    def sign_in(self, username: str, password: str) -> UserDTO:
        """Check the credentials and make that user the acting one; SignInError when they fail."""
        with self._ctx.db.reading() as uow:
            user = uow.users.by_username(username)
            ok = user is not None and user.is_active and verify_password(user.password_hash, password)
            dto = UserDTO(user.id, user.username, user.display_name, user.role) if ok else None
        if dto is None:
            raise SignInError("Wrong user name or password.")
        self._ctx.user_id = dto.id
        return dto

    def act_as(self, username: str | None) -> UserDTO | None:
        """Select the acting user: the named one, else the first owner, else nobody (empty database)."""
        users = self.active()
        chosen = next((u for u in users if u.username == username), None) if username else None
        chosen = chosen or next((u for u in users if u.role == "owner"), None)
        self._ctx.user_id = chosen.id if chosen else None
        return chosen
