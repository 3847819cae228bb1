"""Roles and what each may do: the one place that says so.

Services check a permission (`ServiceContext.require`); widgets only ask `can` to hide or disable
what the service would refuse. No code compares role names elsewhere.
"""

from enum import StrEnum

from crm_desktop.domain.errors import RuleError


class Role(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    SALES = "sales"
    SERVICE = "service"


class Permission(StrEnum):
    VIEW_ALL_CONTACTS = "view_all_contacts"  # without it: own (owner_id) and shared contacts only
    VIEW_PHONE_NUMBERS = "view_phone_numbers"  # without it: 138****5678
    EDIT_CONTACTS = "edit_contacts"
    DELETE_CONTACTS = "delete_contacts"
    IMPORT_CONTACTS = "import_contacts"
    EXPORT_BULK = "export_bulk"
    MANAGE_TICKETS = "manage_tickets"  # open, edit, move and trash tickets; surveys; attachments
    MANAGE_LOYALTY = "manage_loyalty"  # record and void sales, earn and redeem points, enrol members
    ADJUST_POINTS = "adjust_points"  # manual adjustments and reversals of points entries
    MANAGE_REWARDS = "manage_rewards"  # the rewards catalogue
    MANAGE_LOYALTY_PROGRAM = "manage_loyalty_program"  # earning rules and member levels
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"  # data settings (SLA targets, care dates), audit trail, encryption
    MANAGE_PRIVACY = "manage_privacy"  # erase a person, the retention rule and its runs


_ALL = frozenset(Permission)
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: _ALL,
    Role.MANAGER: _ALL - {Permission.EXPORT_BULK, Permission.MANAGE_USERS, Permission.MANAGE_LOYALTY_PROGRAM,
                          Permission.MANAGE_PRIVACY},
    Role.SALES: frozenset({Permission.EDIT_CONTACTS, Permission.VIEW_PHONE_NUMBERS,
                           Permission.MANAGE_LOYALTY, Permission.IMPORT_CONTACTS}),
    Role.SERVICE: frozenset({Permission.VIEW_ALL_CONTACTS, Permission.MANAGE_TICKETS}),
}
NO_ACCOUNTS = _ALL  # a database without accounts has one user, who owns it


class PermissionDeniedError(RuleError):
    """The acting user's role does not allow this action."""


def permissions_of(role: str | None) -> frozenset[Permission]:
    """The permissions of a role name; none for a role this version does not know."""
    try:
        return ROLE_PERMISSIONS[Role(role)]
    except ValueError:
        return frozenset()


def mask_phone(text: str) -> str:
    """138 0013 5678 -> 138****5678: the first three and last four digits stay, the rest is hidden."""
    digits = [c for c in text if c.isdigit()]
    if len(digits) > 11 and "".join(digits[:2]) == "86":  # +86: the national number
        digits = digits[2:]
    if len(digits) < 7:
        return "*" * len(digits)
    return "".join(digits[:3]) + "****" + "".join(digits[-4:])


VISIBLE_TO = "visible_to"  # list filter key: only this user's own contacts and the shared ones
