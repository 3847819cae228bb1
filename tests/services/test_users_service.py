"""Acting user and sign-in with argon2id hashes."""

import pytest

from crm_desktop.domain.passwords import hash_password
from crm_desktop.services.users import SignInError


@pytest.fixture
def accounts(db):
    with db.writing() as uow:
        uow.users.add(username="owner", display_name="店主", role="owner", password_hash=hash_password("demo"))
        uow.users.add(username="li", display_name="小李", role="sales", password_hash=hash_password("pw"))


def test_sign_in_with_right_password_sets_the_acting_user(services, accounts):
    user = services.users.sign_in("li", "pw")
    assert user.display_name == "小李" and services.ctx.user_id == user.id


@pytest.mark.parametrize(("name", "password"), [("li", "wrong"), ("nobody", "pw"), ("owner", "")])
def test_wrong_credentials_are_refused_without_saying_which(services, accounts, name, password):
    with pytest.raises(SignInError, match="Wrong user name or password"):
        services.users.sign_in(name, password)
    assert services.ctx.user_id is None


def test_without_credentials_the_first_owner_acts(services, accounts):
    assert services.users.act_as(None).username == "owner"
    assert services.users.act_as("li").username == "li"
