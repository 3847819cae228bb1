"""Repositories: the queries of each area, over one session."""

from crm_desktop.storage.repositories.activity import FollowupRepository, InteractionRepository
from crm_desktop.storage.repositories.loyalty import LoyaltyRepository
from crm_desktop.storage.repositories.people import (
    CompanyRepository,
    ContactRepository,
    UserRepository,
)
from crm_desktop.storage.repositories.tickets import TicketRepository

__all__ = [
    "CompanyRepository",
    "ContactRepository",
    "FollowupRepository",
    "InteractionRepository",
    "LoyaltyRepository",
    "TicketRepository",
    "UserRepository",
]
