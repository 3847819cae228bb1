"""A service all of whose use cases need one permission, checked at the registry's boundary.

The dashboard's services (figures, churn and RFM lists, today's overview) count over every
customer; filtering each of their queries by a sales user's own and shared customers would cost a
second pass over a million contacts. So they are for the roles that see every customer
(VIEW_ALL_CONTACTS): the window hides the dashboard from the others, and a call made anyway (a
script acting as a sales user) is refused here, whatever method it calls.
"""

from functools import wraps

from crm_desktop.domain.permissions import Permission
from crm_desktop.services.context import ServiceContext


class Gated:
    def __init__(self, inner, ctx: ServiceContext, permission: Permission):
        self._inner, self._ctx, self._permission = inner, ctx, permission

    def __getattr__(self, name: str):
        value = getattr(self._inner, name)
        if name.startswith("_") or not callable(value):
            return value

        @wraps(value)
        def checked(*args, **kwargs):
            self._ctx.require(self._permission)
            return value(*args, **kwargs)

        return checked
