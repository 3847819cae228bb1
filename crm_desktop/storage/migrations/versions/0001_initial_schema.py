"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 15:44:57.967840
"""

from alembic import op
import sqlalchemy as sa
import crm_desktop.storage.types


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('companies',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('industry', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=64), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('website', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_companies')),
    sa.UniqueConstraint('uuid', name=op.f('uq_companies_uuid'))
    )
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_companies_name_key'), ['name_key'], unique=False)

    op.create_table('rewards',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('points_cost', sa.Integer(), nullable=False),
    sa.Column('stock', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rewards')),
    sa.UniqueConstraint('uuid', name=op.f('uq_rewards_uuid'))
    )
    op.create_table('users',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=128), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=256), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username')),
    sa.UniqueConstraint('uuid', name=op.f('uq_users_uuid'))
    )
    op.create_table('audit_log',
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('occurred_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('record_uuid', sa.String(length=36), nullable=False),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_log_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log')),
    sa.UniqueConstraint('uuid', name=op.f('uq_audit_log_uuid'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_record_uuid'), ['record_uuid'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_user_id'), ['user_id'], unique=False)

    op.create_table('contacts',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_pinyin', sa.String(length=400), nullable=False),
    sa.Column('name_initials', sa.String(length=100), nullable=False),
    sa.Column('is_organisation', sa.Boolean(), nullable=False),
    sa.Column('phone_raw', sa.String(length=64), nullable=False),
    sa.Column('phone_e164', sa.String(length=20), nullable=True),
    sa.Column('phone_invalid', sa.Boolean(), nullable=False),
    sa.Column('phone2_raw', sa.String(length=64), nullable=False),
    sa.Column('phone2_e164', sa.String(length=20), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('email_invalid', sa.Boolean(), nullable=False),
    sa.Column('email2', sa.String(length=254), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('birth_year', sa.SmallInteger(), nullable=True),
    sa.Column('birth_month', sa.SmallInteger(), nullable=True),
    sa.Column('birth_day', sa.SmallInteger(), nullable=True),
    sa.Column('lunar_birth_month', sa.SmallInteger(), nullable=True),
    sa.Column('lunar_birth_day', sa.SmallInteger(), nullable=True),
    sa.Column('lunar_birth_leap', sa.Boolean(), nullable=False),
    sa.Column('gender', sa.String(length=16), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('tier', sa.String(length=16), nullable=False),
    sa.Column('lead_source', sa.String(length=32), nullable=False),
    sa.Column('channel', sa.String(length=100), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('referred_by_id', sa.Integer(), nullable=True),
    sa.Column('tags', sa.String(length=500), nullable=False),
    sa.Column('needs', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('marketing_consent', sa.Boolean(), nullable=False),
    sa.Column('do_not_contact', sa.Boolean(), nullable=False),
    sa.Column('at_risk', sa.Boolean(), nullable=False),
    sa.Column('became_customer_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('churned_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('churn_type', sa.String(length=32), nullable=False),
    sa.Column('churn_reason', sa.Text(), nullable=False),
    sa.Column('member_level', sa.String(length=32), nullable=False),
    sa.Column('member_since', sa.Date(), nullable=True),
    sa.Column('points_balance', sa.Integer(), nullable=False),
    sa.Column('total_spent_cents', sa.BigInteger(), nullable=False),
    sa.Column('purchase_count', sa.Integer(), nullable=False),
    sa.Column('last_purchase_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_interaction_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_contacts_company_id_companies')),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_contacts_owner_id_users')),
    sa.ForeignKeyConstraint(['referred_by_id'], ['contacts.id'], name=op.f('fk_contacts_referred_by_id_contacts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contacts')),
    sa.UniqueConstraint('uuid', name=op.f('uq_contacts_uuid'))
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contacts_company_id'), ['company_id'], unique=False)
        batch_op.create_index('ix_contacts_created', ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_lead_source'), ['lead_source'], unique=False)
        batch_op.create_index('ix_contacts_live_name', ['deleted_at', 'name_pinyin'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_phone_e164'), ['phone_e164'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_referred_by_id'), ['referred_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_stage'), ['stage'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_tier'), ['tier'], unique=False)

    op.create_table('purchases',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('purchased_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('amount_cents', sa.BigInteger(), nullable=False),
    sa.Column('payment_method', sa.String(length=16), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_purchases_contact_id_contacts')),
    sa.ForeignKeyConstraint(['staff_id'], ['users.id'], name=op.f('fk_purchases_staff_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purchases')),
    sa.UniqueConstraint('uuid', name=op.f('uq_purchases_uuid'))
    )
    with op.batch_alter_table('purchases', schema=None) as batch_op:
        batch_op.create_index('ix_purchases_contact_time', ['contact_id', 'purchased_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_purchases_staff_id'), ['staff_id'], unique=False)

    op.create_table('points_ledger',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('balance_after', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('operator_id', sa.Integer(), nullable=True),
    sa.Column('purchase_id', sa.Integer(), nullable=True),
    sa.Column('reward_id', sa.Integer(), nullable=True),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.Column('occurred_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_points_ledger_contact_id_contacts')),
    sa.ForeignKeyConstraint(['operator_id'], ['users.id'], name=op.f('fk_points_ledger_operator_id_users')),
    sa.ForeignKeyConstraint(['purchase_id'], ['purchases.id'], name=op.f('fk_points_ledger_purchase_id_purchases')),
    sa.ForeignKeyConstraint(['reverses_id'], ['points_ledger.id'], name=op.f('fk_points_ledger_reverses_id_points_ledger')),
    sa.ForeignKeyConstraint(['reward_id'], ['rewards.id'], name=op.f('fk_points_ledger_reward_id_rewards')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_points_ledger')),
    sa.UniqueConstraint('uuid', name=op.f('uq_points_ledger_uuid'))
    )
    with op.batch_alter_table('points_ledger', schema=None) as batch_op:
        batch_op.create_index('ix_points_ledger_contact_entry', ['contact_id', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_points_ledger_operator_id'), ['operator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_points_ledger_purchase_id'), ['purchase_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_points_ledger_reverses_id'), ['reverses_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_points_ledger_reward_id'), ['reward_id'], unique=False)

    op.create_table('tickets',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('purchase_id', sa.Integer(), nullable=True),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('priority', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('complaint_reason', sa.String(length=32), nullable=False),
    sa.Column('opened_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('first_response_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('resolved_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('closed_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['assignee_id'], ['users.id'], name=op.f('fk_tickets_assignee_id_users')),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_tickets_contact_id_contacts')),
    sa.ForeignKeyConstraint(['purchase_id'], ['purchases.id'], name=op.f('fk_tickets_purchase_id_purchases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tickets')),
    sa.UniqueConstraint('uuid', name=op.f('uq_tickets_uuid'))
    )
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tickets_assignee_id'), ['assignee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tickets_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tickets_purchase_id'), ['purchase_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tickets_status'), ['status'], unique=False)

    op.create_table('followups',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('due_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('all_day', sa.Boolean(), nullable=False),
    sa.Column('reminder_minutes', sa.Integer(), nullable=True),
    sa.Column('rrule', sa.String(length=500), nullable=False),
    sa.Column('exdates', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('completed_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('reminded_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('snoozed_until', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_followups_contact_id_contacts')),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_followups_owner_id_users')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_followups_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_followups')),
    sa.UniqueConstraint('uuid', name=op.f('uq_followups_uuid'))
    )
    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_followups_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_followups_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_followups_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_followups_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_followups_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('surveys',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('csat', sa.SmallInteger(), nullable=True),
    sa.Column('nps', sa.SmallInteger(), nullable=True),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('answered_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_surveys_contact_id_contacts')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_surveys_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_surveys')),
    sa.UniqueConstraint('uuid', name=op.f('uq_surveys_uuid'))
    )
    with op.batch_alter_table('surveys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_surveys_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_surveys_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('ticket_events',
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('occurred_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('from_status', sa.String(length=16), nullable=False),
    sa.Column('to_status', sa.String(length=16), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_ticket_events_ticket_id_tickets')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_ticket_events_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_events')),
    sa.UniqueConstraint('uuid', name=op.f('uq_ticket_events_uuid'))
    )
    with op.batch_alter_table('ticket_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ticket_events_ticket_id'), ['ticket_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ticket_events_user_id'), ['user_id'], unique=False)

    op.create_table('interactions',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('followup_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('occurred_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_interactions_contact_id_contacts')),
    sa.ForeignKeyConstraint(['followup_id'], ['followups.id'], name=op.f('fk_interactions_followup_id_followups')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_interactions_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interactions')),
    sa.UniqueConstraint('uuid', name=op.f('uq_interactions_uuid'))
    )
    with op.batch_alter_table('interactions', schema=None) as batch_op:
        batch_op.create_index('ix_interactions_contact_time', ['contact_id', 'occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_interactions_followup_id'), ['followup_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interactions_user_id'), ['user_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('interactions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interactions_user_id'))
        batch_op.drop_index(batch_op.f('ix_interactions_followup_id'))
        batch_op.drop_index('ix_interactions_contact_time')

    op.drop_table('interactions')
    with op.batch_alter_table('ticket_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ticket_events_user_id'))
        batch_op.drop_index(batch_op.f('ix_ticket_events_ticket_id'))

    op.drop_table('ticket_events')
    with op.batch_alter_table('surveys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_surveys_ticket_id'))
        batch_op.drop_index(batch_op.f('ix_surveys_contact_id'))

    op.drop_table('surveys')
    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_followups_ticket_id'))
        batch_op.drop_index(batch_op.f('ix_followups_status'))
        batch_op.drop_index(batch_op.f('ix_followups_owner_id'))
        batch_op.drop_index(batch_op.f('ix_followups_due_at'))
        batch_op.drop_index(batch_op.f('ix_followups_contact_id'))

    op.drop_table('followups')
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tickets_status'))
        batch_op.drop_index(batch_op.f('ix_tickets_purchase_id'))
        batch_op.drop_index(batch_op.f('ix_tickets_contact_id'))
        batch_op.drop_index(batch_op.f('ix_tickets_assignee_id'))

    op.drop_table('tickets')
    with op.batch_alter_table('points_ledger', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_points_ledger_reward_id'))
        batch_op.drop_index(batch_op.f('ix_points_ledger_reverses_id'))
        batch_op.drop_index(batch_op.f('ix_points_ledger_purchase_id'))
        batch_op.drop_index(batch_op.f('ix_points_ledger_operator_id'))
        batch_op.drop_index('ix_points_ledger_contact_entry')

    op.drop_table('points_ledger')
    with op.batch_alter_table('purchases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purchases_staff_id'))
        batch_op.drop_index('ix_purchases_contact_time')

    op.drop_table('purchases')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contacts_tier'))
        batch_op.drop_index(batch_op.f('ix_contacts_stage'))
        batch_op.drop_index(batch_op.f('ix_contacts_referred_by_id'))
        batch_op.drop_index(batch_op.f('ix_contacts_phone_e164'))
        batch_op.drop_index(batch_op.f('ix_contacts_owner_id'))
        batch_op.drop_index('ix_contacts_live_name')
        batch_op.drop_index(batch_op.f('ix_contacts_lead_source'))
        batch_op.drop_index('ix_contacts_created')
        batch_op.drop_index(batch_op.f('ix_contacts_company_id'))

    op.drop_table('contacts')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_user_id'))
        batch_op.drop_index(batch_op.f('ix_audit_log_record_uuid'))
        batch_op.drop_index(batch_op.f('ix_audit_log_occurred_at'))

    op.drop_table('audit_log')
    op.drop_table('users')
    op.drop_table('rewards')
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_companies_name_key'))

    op.drop_table('companies')
