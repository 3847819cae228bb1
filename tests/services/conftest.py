"""Fixtures of the service tests."""

import pytest

from crm_desktop.domain.drafts import ContactDraft
from crm_desktop.domain.passwords import hash_password


@pytest.fixture
def team(services, db):
    """boss (owner), mo (manager), li and wu (sales), zhou (service); li's, wu's and a shared
    customer. Returns (user ids by name, contact ids by name)."""
    with db.writing() as uow:
        ids = {name: uow.users.add(username=name, display_name=name, role=role, password_hash=hash_password("pw"),
                                   is_active=True, failed_logins=0).id
               for name, role in (("boss", "owner"), ("mo", "manager"), ("li", "sales"), ("wu", "sales"),
                                  ("zhou", "service"))}
    services.users.act_as("boss")
    made = {}
    for name, owner, phone in (("李的客户", "li", "13800135678"), ("吴的客户", "wu", "13900001111"),
                               ("共享客户", "wu", "13700002222")):
        made[name] = services.contacts.create(ContactDraft(name=name, phone=phone, owner_id=ids[owner])).id
    with db.writing() as uow:
        uow.contacts.get(made["共享客户"]).is_shared = True
    return ids, made
