"""The owner's account of a new database, as the first start's welcome screen creates it."""

import pytest

from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.registry import Services


@pytest.fixture
def svc(db):
    return Services.build(ServiceContext(db))


def test_the_owner_can_sign_in_and_acts_at_once(svc, db):
    owner = svc.users.create_owner("meiling", "陈美玲", "s3cret")
    assert (owner.role, owner.display_name) == ("owner", "陈美玲")
    assert svc.users.current() == owner
    with db.reading() as uow:
        assert "s3cret" not in uow.users.by_username("meiling").password_hash  # hashed (argon2id)
    assert svc.users.sign_in("meiling", "s3cret") == owner


def test_a_display_name_defaults_to_the_user_name(svc):
    assert svc.users.create_owner(" boss ", "", "pw").display_name == "boss"


@pytest.mark.parametrize(("username", "password"), [("", "pw"), ("has space", "pw"), ("x" * 65, "pw"), ("ok", "")])
def test_bad_input_is_refused_and_nothing_is_written(svc, username, password):
    with pytest.raises(ValidationError):
        svc.users.create_owner(username, "", password)
    assert svc.users.active() == []


def test_a_taken_user_name_is_refused(svc):
    svc.users.create_owner("boss", "", "pw")
    with pytest.raises(ValidationError, match="taken"):
        svc.users.create_owner("boss", "", "other")
