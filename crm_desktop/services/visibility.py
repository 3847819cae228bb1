"""What the acting user may see of contacts: which ones (own and shared, for roles without
VIEW_ALL_CONTACTS) and their phone numbers (masked without VIEW_PHONE_NUMBERS).

Applied where services build DTOs, so every screen and command gets the same answer.
"""

from dataclasses import replace

from crm_desktop.domain.errors import NotFoundError
from crm_desktop.domain.permissions import VISIBLE_TO, Permission, mask_phone
from crm_desktop.services.context import ServiceContext


def list_filters(ctx: ServiceContext, filters) -> dict:
    """The query's filters plus the acting user's visibility filter."""
    found = dict(filters)
    if ctx.visible_owner is not None:
        found[VISIBLE_TO] = ctx.visible_owner
    return found


def require_visible(ctx: ServiceContext, uow, contact_id: int) -> None:
    """A contact this user may not see is answered like one that does not exist."""
    if ctx.visible_owner is not None and not uow.contacts.is_visible(contact_id, ctx.visible_owner):
        raise NotFoundError("This record no longer exists; someone may have deleted it.")


def masks_phones(ctx: ServiceContext) -> bool:
    return not ctx.can(Permission.VIEW_PHONE_NUMBERS)


def shown_row(ctx: ServiceContext, row):
    return replace(row, phone=mask_phone(row.phone)) if row.phone and masks_phones(ctx) else row


def shown_contact(ctx: ServiceContext, dto):
    if not masks_phones(ctx):
        return dto
    draft = replace(dto.draft, phone=mask_phone(dto.draft.phone) if dto.draft.phone else "",
                    phone2=mask_phone(dto.draft.phone2) if dto.draft.phone2 else "")
    return replace(dto, draft=draft, phone_e164=mask_phone(dto.phone_e164) if dto.phone_e164 else dto.phone_e164)
