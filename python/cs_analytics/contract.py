"""The raw data contract of SPEC section 2: every raw table, its columns and their types.

This module is the single source of truth used by the generator (column order, Parquet schema),
by the dbt seed configuration (``column_types``) and by the tests. Types are DuckDB types.
Columns beyond the SPEC's (``received_at`` on events, ``billing_reason`` on invoices) are
allowed by the contract and documented in the sources YAML.

Billing follows Stripe's model: a ``billing_plans`` row is a price (``unit_amount`` every
``interval_count`` x ``billing_interval``, ``price_kind`` per_seat or flat_fee, ``is_add_on``),
a ``billing_subscriptions`` row one period of one subscription item (a price x quantity);
several items may be live at once for an account. ``discount_amount`` comes off each interval's
amount and ``billed_amount``, where the billing system stores it, is the item's amount per
interval as billed (authoritative). Null interval_count is 1, price_kind per_seat, is_add_on
false, discount_percent and discount_amount 0. New columns are appended at the end of a table.
"""

from __future__ import annotations

from typing import Final

TIMESTAMP: Final = "timestamptz"
DATE: Final = "date"
VARCHAR: Final = "varchar"
INTEGER: Final = "integer"
BIGINT: Final = "bigint"
BOOLEAN: Final = "boolean"
MONEY: Final = "decimal(18,2)"
PERCENT: Final = "decimal(5,2)"
RATE: Final = "decimal(18,8)"

# source system -> table -> ordered {column: type}
CONTRACT: Final[dict[str, dict[str, dict[str, str]]]] = {
    "product": {
        "product_users": {
            "user_id": VARCHAR,
            "account_id": VARCHAR,
            "email": VARCHAR,
            "role": VARCHAR,
            "created_at": TIMESTAMP,
            "deactivated_at": TIMESTAMP,
        },
        "product_events": {
            "event_id": VARCHAR,
            "account_id": VARCHAR,
            "user_id": VARCHAR,
            "event_name": VARCHAR,
            "feature": VARCHAR,
            "occurred_at": TIMESTAMP,
            "received_at": TIMESTAMP,
            "duration_seconds": INTEGER,
        },
    },
    "crm": {
        "crm_accounts": {
            "account_id": VARCHAR,
            "account_name": VARCHAR,
            "industry": VARCHAR,
            "segment": VARCHAR,
            "region": VARCHAR,
            "csm_owner": VARCHAR,
            "parent_account_id": VARCHAR,
            "created_at": TIMESTAMP,
        },
        "crm_contacts": {
            "contact_id": VARCHAR,
            "account_id": VARCHAR,
            "full_name": VARCHAR,
            "email": VARCHAR,
            "title": VARCHAR,
            "is_champion": BOOLEAN,
            "is_executive_sponsor": BOOLEAN,
            "created_at": TIMESTAMP,
            "left_company_at": TIMESTAMP,
        },
        "crm_opportunities": {
            "opportunity_id": VARCHAR,
            "account_id": VARCHAR,
            "opportunity_type": VARCHAR,
            "stage": VARCHAR,
            "amount": MONEY,
            "currency": VARCHAR,
            "source": VARCHAR,
            "created_at": TIMESTAMP,
            "close_date": DATE,
            "is_closed": BOOLEAN,
            "is_won": BOOLEAN,
        },
        "crm_activities": {
            "activity_id": VARCHAR,
            "account_id": VARCHAR,
            "contact_id": VARCHAR,
            "activity_type": VARCHAR,
            "occurred_at": TIMESTAMP,
            "owner": VARCHAR,
        },
        "crm_interventions": {
            "intervention_id": VARCHAR,
            "account_id": VARCHAR,
            "trigger_reason": VARCHAR,
            "playbook": VARCHAR,
            "opened_at": TIMESTAMP,
            "first_action_at": TIMESTAMP,
            "closed_at": TIMESTAMP,
            "outcome": VARCHAR,
        },
        "crm_milestones": {
            "milestone_id": VARCHAR,
            "account_id": VARCHAR,
            "milestone_type": VARCHAR,
            "milestone_name": VARCHAR,
            "planned_date": DATE,
            "completed_at": TIMESTAMP,
        },
        "crm_support_tickets": {
            "ticket_id": VARCHAR,
            "account_id": VARCHAR,
            "contact_id": VARCHAR,
            "priority": VARCHAR,
            "status": VARCHAR,
            "is_escalated": BOOLEAN,
            "created_at": TIMESTAMP,
            "first_response_at": TIMESTAMP,
            "solved_at": TIMESTAMP,
            "csat_rating": INTEGER,
        },
        "crm_nps_responses": {
            "response_id": VARCHAR,
            "account_id": VARCHAR,
            "contact_id": VARCHAR,
            "score": INTEGER,
            "submitted_at": TIMESTAMP,
        },
    },
    "billing": {
        "billing_plans": {
            "plan_id": VARCHAR,
            "plan_name": VARCHAR,
            "plan_tier": VARCHAR,
            "billing_interval": VARCHAR,
            "unit_amount": MONEY,
            "currency": VARCHAR,
            "interval_count": INTEGER,
            "price_kind": VARCHAR,
            "is_add_on": BOOLEAN,
        },
        "billing_subscriptions": {
            "subscription_id": VARCHAR,
            "account_id": VARCHAR,
            "plan_id": VARCHAR,
            "quantity": INTEGER,
            "discount_percent": PERCENT,
            "started_at": TIMESTAMP,
            "ended_at": TIMESTAMP,
            "cancel_reason": VARCHAR,
            "discount_amount": MONEY,
            "billed_amount": MONEY,
        },
        "billing_invoices": {
            "invoice_id": VARCHAR,
            "account_id": VARCHAR,
            "subscription_id": VARCHAR,
            "invoice_date": DATE,
            "due_date": DATE,
            "paid_at": TIMESTAMP,
            "amount_due": MONEY,
            "amount_paid": MONEY,
            "currency": VARCHAR,
            "status": VARCHAR,
            "billing_reason": VARCHAR,
        },
    },
    "reference": {
        "fx_rates": {
            "currency": VARCHAR,
            "month": DATE,
            "rate_to_usd": RATE,
        },
        "acquisition_costs": {
            "month": DATE,
            "segment": VARCHAR,
            "sales_marketing_spend_usd": MONEY,
            "new_customers_won": INTEGER,
        },
        "kpi_targets": {
            "kpi_name": VARCHAR,
            "target_value": "decimal(18,4)",
            "comparison": VARCHAR,
            "unit": VARCHAR,
            "description": VARCHAR,
        },
        # The company's event names: what each means to the usage measures (feature, role, core
        # flag). One row per raw event_name; a null feature means the event's own feature column.
        "event_taxonomy": {
            "event_name": VARCHAR,
            "feature": VARCHAR,
            "role": VARCHAR,
            "is_core_feature": BOOLEAN,
        },
        # The company's terms of each domain of VOCABULARY_COLUMNS. One row per (domain, value); a
        # null standard_value means the value has no special meaning to the models.
        "vocabularies": {
            "domain": VARCHAR,
            "value": VARCHAR,
            "standard_value": VARCHAR,
        },
    },
}

# The roles an event_taxonomy row may give an event (null: no role, the event only counts as
# activity and, through its feature, as feature use when it is flagged core).
EVENT_ROLES: Final = (
    "session_start",
    "workflow_started",
    "workflow_completed",
    "api_call",
    "feature_use",
    "value_moment",
)

# vocabularies.domain -> the raw (table, column) whose values the domain lists. A non-null value
# missing from its domain is unknown (var unknown_vocabulary_action: quarantined with reason
# unknown_<domain>, or the build fails). macros/validation/vocabularies.sql holds the same map.
VOCABULARY_COLUMNS: Final[dict[str, tuple[str, str]]] = {
    "segment": ("crm_accounts", "segment"),
    "region": ("crm_accounts", "region"),
    "industry": ("crm_accounts", "industry"),
    "plan_tier": ("billing_plans", "plan_tier"),
    "user_role": ("product_users", "role"),
    "activity_type": ("crm_activities", "activity_type"),
    "trigger_reason": ("crm_interventions", "trigger_reason"),
    "playbook": ("crm_interventions", "playbook"),
    "ticket_priority": ("crm_support_tickets", "priority"),
    "ticket_status": ("crm_support_tickets", "status"),
    "opportunity_source": ("crm_opportunities", "source"),
    "opportunity_stage": ("crm_opportunities", "stage"),
    "cancel_reason": ("billing_subscriptions", "cancel_reason"),
    "milestone_name": ("crm_milestones", "milestone_name"),
}

# Configuration seeds written by hand (seeds/*.csv), not by the demo generator.
HAND_WRITTEN_TABLES: Final = frozenset({"event_taxonomy", "vocabularies"})


def all_tables() -> dict[str, dict[str, str]]:
    """Every raw table of every source system, flattened: table name -> {column: type}."""
    return {table: cols for system in CONTRACT.values() for table, cols in system.items()}


def generated_tables() -> dict[str, dict[str, str]]:
    """The raw tables the demo generator writes: every table but the hand-written seeds."""
    return {t: cols for t, cols in all_tables().items() if t not in HAND_WRITTEN_TABLES}


def system_of(table: str) -> str:
    """The source system a raw table belongs to (product, crm, billing or reference)."""
    for system, tables in CONTRACT.items():
        if table in tables:
            return system
    raise KeyError(f"unknown raw table {table!r}")
