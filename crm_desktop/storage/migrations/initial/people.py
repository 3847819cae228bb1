"""Staff accounts, companies and the contacts themselves."""

import sqlalchemy as sa

from crm_desktop.storage.migrations.initial.tracked import create_tracked_table, instant


def create_users() -> None:
    create_tracked_table(
        "users",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=128), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=256), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", instant(), nullable=True),
        unique=("username",),
    )


def create_companies() -> None:
    create_tracked_table(
        "companies",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("industry", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=64), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
    )


def create_contacts() -> None:
    create_tracked_table(
        "contacts",
        # who
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_pinyin", sa.String(length=400), nullable=False),
        sa.Column("name_initials", sa.String(length=100), nullable=False),
        sa.Column("is_organisation", sa.Boolean(), nullable=False),
        sa.Column("phone_raw", sa.String(length=64), nullable=False),
        sa.Column("phone_e164", sa.String(length=20), nullable=True),
        sa.Column("phone_invalid", sa.Boolean(), nullable=False),
        sa.Column("phone2_raw", sa.String(length=64), nullable=False),
        sa.Column("phone2_e164", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("email_invalid", sa.Boolean(), nullable=False),
        sa.Column("email2", sa.String(length=254), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        # birthday (solar and lunar) and gender
        sa.Column("birth_year", sa.SmallInteger(), nullable=True),
        sa.Column("birth_month", sa.SmallInteger(), nullable=True),
        sa.Column("birth_day", sa.SmallInteger(), nullable=True),
        sa.Column("lunar_birth_month", sa.SmallInteger(), nullable=True),
        sa.Column("lunar_birth_day", sa.SmallInteger(), nullable=True),
        sa.Column("lunar_birth_leap", sa.Boolean(), nullable=False),
        sa.Column("gender", sa.String(length=16), nullable=False),
        # where the relationship stands
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.Column("lead_source", sa.String(length=32), nullable=False),
        sa.Column("channel", sa.String(length=100), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("referred_by_id", sa.Integer(), nullable=True),
        sa.Column("tags", sa.String(length=500), nullable=False),
        sa.Column("needs", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("marketing_consent", sa.Boolean(), nullable=False),
        sa.Column("do_not_contact", sa.Boolean(), nullable=False),
        sa.Column("at_risk", sa.Boolean(), nullable=False),
        sa.Column("became_customer_at", instant(), nullable=True),
        sa.Column("churned_at", instant(), nullable=True),
        sa.Column("churn_type", sa.String(length=32), nullable=False),
        sa.Column("churn_reason", sa.Text(), nullable=False),
        # membership and the totals kept from purchases and interactions
        sa.Column("member_level", sa.String(length=32), nullable=False),
        sa.Column("member_since", sa.Date(), nullable=True),
        sa.Column("points_balance", sa.Integer(), nullable=False),
        sa.Column("total_spent_cents", sa.BigInteger(), nullable=False),
        sa.Column("purchase_count", sa.Integer(), nullable=False),
        sa.Column("last_purchase_at", instant(), nullable=True),
        sa.Column("last_interaction_at", instant(), nullable=True),
        references={"company_id": "companies", "owner_id": "users", "referred_by_id": "contacts"},
    )
