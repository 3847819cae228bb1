"""What the acting user may see of contacts: which ones (own and shared, for roles without
VIEW_ALL_CONTACTS) and their phone numbers (masked without VIEW_PHONE_NUMBERS).

Applied where services build DTOs, so every screen and command gets the same answer: every DTO
field holding a phone number goes through `shown_phone` (or `shown_phones` for a list of DTOs).
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


def sees(ctx: ServiceContext, owner_id: int | None, is_shared: bool) -> bool:
    """Whether the acting user may see a contact with this owner and shared flag (rows already read)."""
    return ctx.visible_owner is None or owner_id == ctx.visible_owner or bool(is_shared)


def shown_phone(ctx: ServiceContext, phone: str | None) -> str | None:
    """The phone number as this user may see it: whole, or 138****5678."""
    return mask_phone(phone) if phone and masks_phones(ctx) else phone


def shown_phones(ctx: ServiceContext, dtos, field: str = "phone") -> list:
    """Frozen DTOs with their `field` phone number shown as this user may see it."""
    if not masks_phones(ctx):
        return list(dtos)
    return [replace(d, **{field: shown_phone(ctx, getattr(d, field))}) for d in dtos]


def shown_row(ctx: ServiceContext, row):
    return shown_phones(ctx, [row])[0]


def shown_contact(ctx: ServiceContext, dto):
    if not masks_phones(ctx):
        return dto
    draft = replace(dto.draft, phone=shown_phone(ctx, dto.draft.phone), phone2=shown_phone(ctx, dto.draft.phone2))
    return replace(dto, draft=draft, phone_e164=shown_phone(ctx, dto.phone_e164))
