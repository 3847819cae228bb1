"""Sign-in lockout, re-hashing, equal work for unknown users, and the owner's account management."""

import time

import pytest
from argon2 import PasswordHasher

from crm_desktop.domain import passwords
from crm_desktop.domain.errors import RuleError, ValidationError
from crm_desktop.domain.permissions import Permission, PermissionDeniedError
from crm_desktop.services.users import AccountLockedError, SignInError


@pytest.fixture
def services(db, clock):
    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.registry import Services

    return Services.build(ServiceContext(db, clock=clock))


@pytest.fixture
def accounts(services):
    owner = services.users.create_owner("boss", "店主", "owner-pass-1")
    li = services.user_admin.add_user("li", "小李", "sales", "sales-pass-1")
    return owner, li


def _fail(services, n, name="li"):
    for _ in range(n):
        with pytest.raises(SignInError):
            services.users.sign_in(name, "wrong password")


def test_five_failures_lock_for_15_minutes_then_30(services, accounts, clock):
    _fail(services, 4)
    with pytest.raises(AccountLockedError, match="15 more minutes"):
        services.users.sign_in("li", "wrong password")
    with pytest.raises(AccountLockedError):  # even the right password waits
        services.users.sign_in("li", "sales-pass-1")
    clock.advance(minutes=15, seconds=1)
    _fail(services, 4)
    with pytest.raises(AccountLockedError, match="30 more minutes"):
        services.users.sign_in("li", "wrong password")
    clock.advance(minutes=31)
    assert services.users.sign_in("li", "sales-pass-1").username == "li"
    _fail(services, 4)  # a success cleared the count: 4 more failures lock nothing
    assert services.users.sign_in("li", "sales-pass-1").username == "li"


def test_owner_unlocks_and_resets(services, accounts):
    owner, li = accounts
    _fail(services, 5)
    services.users.sign_in("boss", "owner-pass-1")
    locked = next(a for a in services.user_admin.accounts() if a.username == "li")
    assert locked.locked_until is not None and locked.failed_logins == 5
    services.user_admin.unlock(li.id)
    services.user_admin.reset_password(li.id, "brand-new-pass")
    with pytest.raises(SignInError):
        services.users.sign_in("li", "sales-pass-1")
    assert services.users.sign_in("li", "brand-new-pass").role == "sales"


def test_only_the_owner_manages_accounts(services, accounts):
    owner, li = accounts
    services.users.sign_in("li", "sales-pass-1")
    assert not services.users.can(Permission.MANAGE_USERS)
    with pytest.raises(PermissionDeniedError):
        services.user_admin.accounts()
    with pytest.raises(PermissionDeniedError):
        services.user_admin.reset_password(owner.id, "take-over-now")


def test_last_owner_keeps_role_and_account(services, accounts):
    owner, li = accounts
    with pytest.raises(RuleError, match="last owner"):
        services.user_admin.set_active(owner.id, False)
    with pytest.raises(RuleError, match="last owner"):
        services.user_admin.set_role(owner.id, "manager")
    services.user_admin.set_active(li.id, False)
    with pytest.raises(SignInError):
        services.users.sign_in("li", "sales-pass-1")


def test_new_passwords_are_checked(services, accounts):
    with pytest.raises(ValidationError) as caught:
        services.user_admin.add_user("has space", "", "sales", "short")
    assert set(caught.value.errors) == {"username", "password"}
    with pytest.raises(ValidationError, match="taken"):
        services.user_admin.add_user("li", "", "sales", "long enough pass")


def test_old_parameters_are_rehashed_at_sign_in(services, accounts, db, monkeypatch):
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash("sales-pass-1")
    with db.writing() as uow:
        uow.users.by_username("li").password_hash = weak
    services.users.sign_in("li", "sales-pass-1")
    with db.reading() as uow:
        stored = uow.users.by_username("li").password_hash
    assert stored != weak and stored.startswith("$argon2id$") and not passwords.needs_rehash(stored)


def test_unknown_user_takes_as_long_as_a_wrong_password(services, accounts):
    timings = []
    for name in ("nobody", "li", "nobody", "li"):
        start = time.perf_counter()
        with pytest.raises(SignInError):
            services.users.sign_in(name, "wrong password")
        timings.append(time.perf_counter() - start)
    unknown, known = timings[0] + timings[2], timings[1] + timings[3]
    assert 0.5 < unknown / known < 2
