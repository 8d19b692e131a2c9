"""The ``product_led`` generator profile: a second company, unlike the demo.

A product-led company: accounts sign up themselves (sales joins the larger ones), teams of up
to 100 users use the app heavily (tens of events per user-day, 25 event names of its own), and
billing is Stripe-like: a base plan priced per seat plus add-ons (two flat-fee, two per-seat),
on 1-, 6- and 12-month terms, with percent and amount discounts and, for some accounts, the
price as billed. It has no survey tool, no milestones and no CRM activity log: those raw tables
(:data:`ABSENT_SOURCES`) are not written and a build declares them absent. Its segments,
regions, tiers, industries, roles, triggers, playbooks, ticket codes, stages, sources and
cancel reasons are its own, written with their standard meaning in the ``vocabularies`` table;
its event names are mapped in the ``event_taxonomy`` table.

As in the demo, a hidden monthly health drives everything: usage (active users, adopted
features, automation success, API growth), seat and add-on changes, payment failures, tickets,
champion loss and churn at renewal, so churn models have a real signal to learn. Each account
has its own random streams, so the output does not depend on chunking.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import numpy as np
import pyarrow as pa

from cs_analytics.contract import all_tables
from cs_analytics.generator import product_led_billing as billing
from cs_analytics.generator import product_led_events as events
from cs_analytics.generator.config import GeneratorConfig, add_months
from cs_analytics.generator.defects import malformed, mess_up_case
from cs_analytics.generator.simulate import (
    FIRST_NAMES,
    LAST_NAMES,
    Calendar,
    Timeline,
    UserPlan,
    add_day,
    health_trigger,
    kpi_target_rows,
    next_month_health,
    play_outcome,
)
from cs_analytics.generator.writer import TableSink, arrow_type

PROFILE = "product_led"
# Raw tables this company does not have (not written; a build lists them in var absent_sources).
ABSENT_SOURCES = ("crm_activities", "crm_milestones", "crm_nps_responses")
SEGMENTS = ("self_serve", "team", "business", "corporate")
SEGMENT_WEIGHTS = (0.45, 0.30, 0.17, 0.08)
SALES_ASSISTED = ("business", "corporate")
REGIONS = ("americas", "europe", "asia_pacific", "latin_america")
REGION_WEIGHTS = (0.45, 0.30, 0.17, 0.08)
INDUSTRIES = ("saas", "agency", "ecommerce", "fintech", "nonprofit", "consulting", "gaming")
# Median seats at signup and the lognormal spread; seats never exceed MAX_SEATS.
SEGMENT_SEATS = {
    "self_serve": (4, 0.5),
    "team": (12, 0.4),
    "business": (30, 0.4),
    "corporate": (65, 0.3),
}
MAX_SEATS = 100
# Share of 1-, 6- and 12-month terms at signup.
SEGMENT_TERMS = {
    "self_serve": (0.75, 0.10, 0.15),
    "team": (0.50, 0.25, 0.25),
    "business": (0.25, 0.35, 0.40),
    "corporate": (0.05, 0.25, 0.70),
}
SEGMENT_TIERS = {
    "self_serve": (0.70, 0.28, 0.02),
    "team": (0.35, 0.55, 0.10),
    "business": (0.10, 0.55, 0.35),
    "corporate": (0.02, 0.38, 0.60),
}
# Chance of each add-on at signup.
SEGMENT_ADD_ONS = {
    "self_serve": {"storage": 0.10, "ai_assist": 0.08},
    "team": {"storage": 0.15, "ai_assist": 0.12, "analytics": 0.10},
    "business": {"sso": 0.35, "storage": 0.20, "analytics": 0.25, "ai_assist": 0.15},
    "corporate": {"sso": 0.75, "storage": 0.25, "analytics": 0.35, "ai_assist": 0.20},
}
SEGMENT_CONTACTS = {"self_serve": (1, 2), "team": (1, 3), "business": (2, 4), "corporate": (3, 6)}
SEGMENT_CAC_USD = {"self_serve": 400.0, "team": 1_800.0, "business": 9_000.0, "corporate": 32_000.0}
REGION_CURRENCIES = {
    "americas": (("USD",), (1.0,)),
    "latin_america": (("USD",), (1.0,)),
    "europe": (("EUR", "GBP"), (0.7, 0.3)),
    "asia_pacific": (("AUD", "USD"), (0.6, 0.4)),
}
FX_LEVELS = {"USD": 1.0, "EUR": 1.08, "GBP": 1.27, "AUD": 0.66}
CANCEL_REASONS = ("too_expensive", "not_using", "switched_tool", "team_disbanded", "other")

# The company's own vocabularies: domain -> value -> standard term (None: no special meaning).
VOCABULARY: dict[str, dict[str, str | None]] = {
    "segment": dict.fromkeys(SEGMENTS),
    "region": dict.fromkeys(REGIONS),
    "industry": dict.fromkeys(INDUSTRIES),
    "plan_tier": dict.fromkeys(billing.TIERS),
    "user_role": {"owner": "admin", "admin": "admin", "member": "member", "guest": "viewer"},
    "trigger_reason": {
        "usage_drop": "health_drop",
        "low_health": "red_zone",
        "at_risk": "orange_zone",
        "declining_trend": "consecutive_decline",
        "cancel_request": "cancellation_request",
        "failed_payment": "payment_failure",
        "admin_left": "champion_left",
    },
    "playbook": {
        "email_nurture": "usage_recovery",
        "csm_outreach": "executive_escalation",
        "in_app_guide": "adoption_review",
        "success_review": "success_plan_reset",
        "retention_offer": "save_offer",
        "dunning_sequence": "billing_outreach",
        "admin_handover": "champion_rebuild",
    },
    "ticket_priority": {"p1": "urgent", "p2": "high", "p3": "normal", "p4": "low"},
    "ticket_status": {
        "new": "open",
        "on_hold": "pending",
        "resolved": "solved",
        "closed": "closed",
    },
    "opportunity_stage": {"negotiation": "proposal", "won": "closed_won", "lost": "closed_lost"},
    "opportunity_source": {
        "product_qualified": "cs_signal",
        "sales_outbound": "sales",
        "self_serve_upgrade": "inbound",
    },
    "cancel_reason": {
        "too_expensive": "budget",
        "not_using": "low_adoption",
        "switched_tool": "competitor",
        "team_disbanded": "consolidation",
        "other": None,
    },
}
# The company's trigger for each standard one (the vocabulary read backwards).
OWN_TRIGGER = {standard: own for own, standard in VOCABULARY["trigger_reason"].items()}
PLAYBOOKS = {
    "usage_drop": "email_nurture",
    "low_health": "csm_outreach",
    "at_risk": "in_app_guide",
    "declining_trend": "success_review",
    "cancel_request": "retention_offer",
    "failed_payment": "dunning_sequence",
    "admin_left": "admin_handover",
}


def table_columns() -> dict[str, dict[str, str]]:
    """Every table the profile writes: name -> ordered {column: DuckDB type}, the contract's
    tables (contract.py) but the absent ones. A contract column the profile does not know is
    written as nulls."""
    return {t: dict(cols) for t, cols in all_tables().items() if t not in ABSENT_SOURCES}


def to_arrow(columns: dict[str, str], rows: list[dict]) -> pa.Table:
    """A typed Arrow table of dict rows, in the order of ``columns`` (missing keys: null)."""
    schema = pa.schema([(c, arrow_type(t)) for c, t in columns.items()])
    arrays = []
    for field in schema:
        values = [row.get(field.name) for row in rows]
        if pa.types.is_decimal(field.type):
            exponent = Decimal(1).scaleb(-field.type.scale)
            values = [None if v is None else Decimal(str(v)).quantize(exponent) for v in values]
        arrays.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def account_id_of(number: int) -> str:
    return f"acct_{number:05d}"


class ProductLedAccount:
    """Simulates one account: call :meth:`run` once; rows by table and the usage timeline."""

    def __init__(self, config: GeneratorConfig, cal: Calendar, number: int) -> None:
        self.cfg = config
        self.cal = cal
        self.number = number
        self.account_id = account_id_of(number)
        self.rng = np.random.default_rng([config.seed, number, 21])
        self.rows: dict[str, list[dict]] = {
            t: []
            for t in (
                "crm_accounts",
                "crm_opportunities",
                "crm_support_tickets",
                "billing_invoices",
            )
        }
        self.counters: Counter = Counter()
        self.items: list[dict] = []  # every item row
        self.live: list[dict] = []  # the rows live now
        self.users: list[UserPlan] = []
        self.contacts: list[dict] = []
        self.plays: list[dict] = []
        self.churn_days: list[int] = []

    # -- helpers ---------------------------------------------------------------------------
    def next_id(self, prefix: str) -> str:
        self.counters[prefix] += 1
        return f"{prefix}_{self.number:05d}_{self.counters[prefix]:04d}"

    def chance(self, p: float) -> bool:
        return bool(self.rng.random() < p)

    def pick(self, values, weights=None):
        return values[int(self.rng.choice(len(values), p=weights))]

    def hour(self) -> float:
        return float(self.rng.uniform(7, 21)) / 24.0

    def ts(self, day: float):
        return self.cal.ts(min(day, self.cal.n_days - 1e-4))

    # -- the account -----------------------------------------------------------------------
    def run(self) -> tuple[dict[str, list[dict]], Timeline, str, int]:
        rng, cal = self.rng, self.cal
        self.segment = self.pick(SEGMENTS, SEGMENT_WEIGHTS)
        region = self.pick(REGIONS, REGION_WEIGHTS)
        self.currency = self.pick(*REGION_CURRENCIES[region])
        start_month = (
            int(rng.integers(0, 2)) if self.chance(0.3) else int(rng.integers(0, cal.months - 2))
        )
        self.start = cal.month_starts[start_month] + int(
            rng.integers(0, cal.month_len(start_month))
        )
        trial = (
            int(rng.integers(14, 90))
            if self.segment in SALES_ASSISTED
            else int(rng.integers(1, 21))
        )
        created = self.start - trial
        stem = self.pick(("Hyper", "Loop", "Pixel", "Orbit", "Flux", "Kite", "Mosaic"))
        name = f"{stem}{self.pick(('ly', 'io', 'hub', 'stack', 'works', 'labs'))} {self.number}"
        self.domain = f"{name.split()[0].lower()}{self.number}.io"
        owner_pool = {"self_serve": 0, "team": 0, "business": 4, "corporate": 3}[self.segment]
        csm = (
            None if owner_pool == 0 else f"cs-{self.segment}-{int(rng.integers(1, owner_pool + 1))}"
        )
        self.rows["crm_accounts"].append(
            {
                "account_id": self.account_id,
                "account_name": name,
                "industry": self.pick(INDUSTRIES),
                "segment": self.segment,
                "region": region,
                "csm_owner": csm or "digital-cs",
                "parent_account_id": None,
                "created_at": cal.ts(created + self.hour()),
            }
        )
        self.mu = float(np.clip(rng.beta(3.2, 2.0), 0.1, 0.97))
        h = float(np.clip(self.mu + rng.normal(0, 0.1), 0.2, 0.95))
        self.h_month = np.full(cal.months, np.nan)
        self.active = np.zeros(cal.n_days, dtype=bool)
        self.breadth = np.ones(cal.n_days, dtype=np.int16)
        adopted = 1 + int(round(4 * h))

        self.term = self.pick((1, 6, 12), SEGMENT_TERMS[self.segment])
        tier = self.pick(billing.TIERS, SEGMENT_TIERS[self.segment])
        median, sigma = SEGMENT_SEATS[self.segment]
        seats = int(np.clip(round(median * float(np.exp(rng.normal(0, sigma)))), 1, MAX_SEATS))
        self.billed = self.chance(
            {"self_serve": 0.0, "team": 0.2, "business": 0.6, "corporate": 0.6}[self.segment]
        )
        percent = 0.0
        if self.segment in SALES_ASSISTED:
            percent = float(self.pick((0.0, 10.0, 12.5, 15.0, 20.0), (0.5, 0.2, 0.1, 0.12, 0.08)))
        elif self.segment == "team" and self.chance(0.1):
            percent = 10.0
        self.make_contacts(created)
        self.open_subscription(self.start, tier, seats, percent, initial=True)
        if self.segment in SALES_ASSISTED:
            self.opportunity("new_business", "sales_outbound", created + 1, self.start, "won")
        else:
            self.opportunity("new_business", "self_serve_upgrade", self.start, self.start, "won")
        self.provision_users(self.start, seats, initial=True)

        prev_h, declines, quiet_until = h, 0, -1
        active = True
        for m in range(start_month, cal.months):
            m_start, m_end = cal.month_starts[m], cal.month_starts[m + 1]
            if not active:
                back = m >= cal.month_of(self.churn_days[-1]) + 2 and m + 1 < cal.months
                if back and self.chance(0.03 * (self.mu > 0.55)):
                    day = m_start + int(rng.integers(0, cal.month_len(m)))
                    h = float(np.clip(self.mu, 0.5, 0.9))
                    self.h_month[m] = h
                    self.term = 1
                    seats = max(1, round(self.base()["quantity"] * rng.uniform(0.4, 0.9)))
                    self.open_subscription(day, self.base()["product"], seats, 0.0, initial=False)
                    self.provision_users(day, seats, initial=False)
                    self.opportunity("new_business", "self_serve_upgrade", day, day, "won")
                    self.active[day:m_end] = True
                    self.breadth[day:m_end] = adopted
                    active = True
                continue
            h = next_month_health(rng, h, self.mu)
            self.h_month[m] = h
            adopted = int(
                np.clip(
                    adopted + (h > 0.6 and self.chance(0.35)) - (h < 0.4 and self.chance(0.35)),
                    1,
                    8,
                )
            )
            self.breadth[m_start:m_end] = adopted

            renewal = self.next_renewal if m_start <= self.next_renewal < m_end else None
            churn_day = None
            if renewal is not None and renewal > self.anchor:
                churn_day = self.churn_decision(renewal, h)
            until = m_end if churn_day is None else churn_day
            h = self.relationship(m, h, until)
            self.turnover(m, h, until)
            declines = declines + 1 if h < prev_h - 0.02 else 0
            if m_start > quiet_until:
                trigger = OWN_TRIGGER.get(health_trigger(h, prev_h, declines))
                first = max(m_start, self.base()["start"] + 1)
                if trigger and first < until and self.chance(0.7):
                    day = int(rng.integers(first, until))
                    h, quiet_until = self.intervene(trigger, day, h)
            prev_h = h

            if churn_day is not None:
                reason = self.pick(CANCEL_REASONS)
                for item in list(self.live):
                    self.close(item, churn_day, reason)
                self.mark_active(m_start, churn_day)
                self.deactivate_users(churn_day)
                self.churn_days.append(churn_day)
                if self.segment in SALES_ASSISTED and self.term > 1:
                    self.opportunity("renewal", "sales_outbound", churn_day - 60, churn_day, "lost")
                active = False
                continue
            # Mid-period growth before and after the renewal, the renewal itself, then billing.
            day = m_start + int(rng.integers(0, cal.month_len(m)))
            if renewal is not None and day >= renewal:
                h = self.renew(renewal, h)
            h = self.grow(day, h)
            if renewal is not None and day < renewal:
                h = self.renew(renewal, h)
            self.mark_active(m_start, m_end)

        timeline = Timeline(
            account_number=self.number,
            account_id=self.account_id,
            active=self.active,
            health=self.daily_health(),
            feature_breadth=self.breadth,
            api_intensity=self.api_intensity(),
            users=self.users,
        )
        return self.finish_rows(), timeline, self.segment, start_month

    def mark_active(self, first: int, end: int) -> None:
        self.active[max(first, self.sub_start) : end] = True

    # -- billing ---------------------------------------------------------------------------
    def base(self) -> dict:
        return next(i for i in reversed(self.items) if i["product"] in billing.TIERS)

    def open_subscription(
        self, day: int, tier: str, seats: int, percent: float, initial: bool
    ) -> None:
        """A new subscription (signup or reactivation): the base item and the add-ons bought
        with it; the billing anchor is ``day``."""
        self.anchor = self.sub_start = day
        self.renewals = 0
        self.next_renewal = add_day(self.cal, day, self.term)
        credit = Decimal(0)
        if initial and self.segment in ("self_serve", "team") and self.chance(0.15):
            # A launch coupon: an amount off each interval of the first term.
            base_price = billing.unit_amount(tier, self.term, self.currency) * seats
            credit = Decimal(max(5, int(base_price * Decimal("0.2")) // 5 * 5))
        self.add_item(day, tier, seats, percent, credit, "subscription_create")
        if initial:
            for add_on, p in SEGMENT_ADD_ONS[self.segment].items():
                if self.chance(p):
                    self.add_item(
                        day,
                        add_on,
                        self.add_on_quantity(add_on, seats),
                        percent,
                        Decimal(0),
                        "subscription_create",
                    )

    def add_on_quantity(self, add_on: str, seats: int) -> int:
        if billing.price_kind(add_on) == "flat_fee":
            return 1
        return max(1, round(seats * float(self.rng.uniform(0.2, 0.6))))

    def add_item(
        self,
        day: int,
        product: str,
        quantity: int,
        percent: float,
        amount_off: Decimal,
        reason: str | None,
    ) -> dict:
        """Open an item row on ``day``; ``reason``: bill its first interval now (create), pro
        rata to the next renewal (update), or not at all (None: a renewal bills it)."""
        if self.billed and percent and reason == "subscription_create":
            percent = billing.negotiated_percent(product, self.term, self.currency, percent)
        if product == "sso" and amount_off == 0 and self.segment == "business" and self.chance(0.3):
            amount_off = billing.cents(billing.unit_amount("sso", self.term, self.currency) / 10)
        item = {
            "id": self.next_id("si"),
            "product": product,
            "term": self.term,
            "quantity": quantity,
            "percent_off": percent,
            "amount_off": amount_off,
            "billed": self.billed,
            "start": day,
            "ended": None,
            "reason": None,
        }
        self.items.append(item)
        self.live.append(item)
        if reason == "subscription_create":
            self.invoice(item, day, billing.interval_amount(item, self.currency), reason)
        elif reason == "subscription_update":
            period = self.next_renewal - self.previous_renewal()
            share = Decimal(self.next_renewal - day) / Decimal(max(period, 1))
            amount = billing.cents(billing.interval_amount(item, self.currency) * share)
            if amount > 0:
                self.invoice(item, day, amount, reason)
        return item

    def previous_renewal(self) -> int:
        return add_day(self.cal, self.anchor, self.renewals * self.term)

    def close(self, item: dict, day: int, reason: str | None) -> None:
        item["ended"] = day
        item["reason"] = reason
        self.live.remove(item)

    def replace(self, item: dict, day: int, reason: str | None, **changes) -> dict:
        """Close ``item`` on ``day`` and open its successor with ``changes`` (a row that starts
        on ``day`` itself, not billed yet, changes in place)."""
        if item["start"] == day:
            item.update(changes)
            return item
        self.close(item, day, None)
        new = {**item, **changes}
        return self.add_item(
            day, new["product"], new["quantity"], new["percent_off"], new["amount_off"], reason
        )

    def churn_decision(self, renewal: int, h: float) -> int | None:
        """Churn happens at a renewal (the subscription is cancelled at period end); half of
        the leavers ask first and get a retention offer, which saves some."""
        p = {
            1: 0.012 + 0.9 * (1 - h) ** 3,
            6: 0.05 + 2.0 * (1 - h) ** 3,
            12: 0.06 + 2.5 * (1 - h) ** 3,
        }[self.term]
        if not self.chance(p):
            return None
        if self.chance(0.5):
            opened = max(self.base()["start"] + 1, renewal - int(self.rng.integers(3, 25)))
            saved = self.chance(0.2 + 0.4 * h)
            close = opened + float(self.rng.uniform(3, 15)) if saved else float(renewal)
            self.play("cancel_request", opened + self.hour(), close)
            if saved:
                return None
        return renewal

    def renew(self, day: int, h: float) -> float:
        """The renewal on ``day``: coupons end, an unhappy account drops seats or an add-on, a
        happy one may move to a longer term or a higher tier; then every live item is billed."""
        self.renewals += 1
        if self.segment in SALES_ASSISTED and self.term > 1:
            self.opportunity("renewal", "sales_outbound", day - 60, day, "won")
        base = self.base()
        if base["amount_off"] > 0:
            base = self.replace(base, day, None, amount_off=Decimal(0))
        if h < 0.45 and self.chance(0.3) and base["quantity"] > 1:
            seats = max(1, int(round(base["quantity"] * self.rng.uniform(0.6, 0.9))))
            self.set_seats(day, seats, None)
            add_ons = [i for i in self.live if i["product"] in billing.ADD_ONS]
            if add_ons and self.chance(0.5):
                self.close(add_ons[int(self.rng.integers(0, len(add_ons)))], day, None)
        elif h > 0.7 and self.term < 12 and self.chance(0.08):
            self.term = 12 if self.term == 6 or self.chance(0.5) else 6
            self.anchor, self.renewals = day, 0
            for item in list(self.live):
                self.replace(item, day, None, term=self.term)
        elif h > 0.75 and base["product"] != "scale" and self.chance(0.06):
            tier = billing.TIERS[billing.TIERS.index(base["product"]) + 1]
            self.replace(base, day, None, product=tier)
        self.next_renewal = add_day(self.cal, self.anchor, (self.renewals + 1) * self.term)
        for item in self.live:
            amount = billing.interval_amount(item, self.currency)
            self.invoice(item, day, amount, "subscription_cycle")
        return h

    def set_seats(self, day: int, seats: int, reason: str | None) -> None:
        """Change the base item's seats from ``day`` (users beyond them are deactivated)."""
        self.replace(self.base(), day, reason, quantity=seats)
        alive = [u for u in self.users if u.deactivated_day is None and u.created_day <= day]
        for user in alive[seats:]:
            user.deactivated_day = max(day, user.created_day + 1)

    def grow(self, day: int, h: float) -> float:
        """Mid-period expansion of a healthy account: seats, or an add-on (billed pro rata)."""
        base = self.base()
        if day <= base["start"] or day >= self.next_renewal or h <= 0.65:
            return h
        if self.chance(0.07) and base["quantity"] < MAX_SEATS:
            seats = min(MAX_SEATS, base["quantity"] + max(1, round(base["quantity"] * 0.25)))
            before = self.annual_value(self.live)
            self.set_seats(day, seats, "subscription_update")
            self.expansion_deal(day, self.annual_value(self.live) - before)
            self.provision_users(day, seats, initial=False)
            return min(h + 0.03, 0.98)
        owned = {i["product"] for i in self.live}
        options = [a for a in billing.ADD_ONS if a not in owned]
        if options and self.chance(0.04):
            add_on = options[int(self.rng.integers(0, len(options)))]
            quantity = self.add_on_quantity(add_on, base["quantity"])
            item = self.add_item(day, add_on, quantity, 0.0, Decimal(0), "subscription_update")
            self.expansion_deal(day, self.annual_value([item]))
        return h

    def expansion_deal(self, day: int, amount: Decimal) -> None:
        if self.segment in SALES_ASSISTED:
            source = self.pick(("product_qualified", "sales_outbound"), (0.6, 0.4))
            self.opportunity(
                "expansion", source, day - int(self.rng.integers(5, 40)), day, "won", amount
            )
        else:
            self.opportunity("expansion", "self_serve_upgrade", day, day, "won", amount)

    def invoice(self, item: dict, day: int, amount: Decimal, reason: str) -> None:
        cal = self.cal
        if day >= cal.n_days:
            return
        h = self.h_month[cal.month_of(day)]
        h = self.mu if np.isnan(h) else float(h)
        card = self.segment not in SALES_ASSISTED
        terms = 7 if card else 30
        failed = self.chance(0.02 + 0.25 * (1 - h) ** 2)
        paid: float | None = day + (
            float(self.rng.uniform(0, 0.1)) if card else float(self.rng.uniform(3, terms - 1))
        )
        if failed:
            paid = day + terms + float(self.rng.uniform(1, 30))
            if h < 0.35 and self.chance(0.5):
                paid = None
        if paid is not None and paid >= cal.n_days:
            paid = None
        status = (
            "paid"
            if paid is not None
            else ("open" if day + terms + 60 >= cal.n_days else "uncollectible")
        )
        self.rows["billing_invoices"].append(
            {
                "invoice_id": self.next_id("in"),
                "account_id": self.account_id,
                "subscription_id": item["id"],
                "invoice_date": cal.date(day),
                "due_date": cal.date(day + terms),
                "paid_at": None if paid is None else cal.ts(paid),
                "amount_due": amount,
                "amount_paid": amount if status == "paid" else Decimal(0),
                "currency": self.currency,
                "status": status,
                "billing_reason": reason,
            }
        )
        if failed and day + 2 < cal.n_days and self.chance(0.6):
            self.play("failed_payment", day + 1 + self.hour(), day + terms + 20.0)

    def annual_value(self, items: list[dict]) -> Decimal:
        return sum((billing.monthly_amount(i, self.currency) * 12 for i in items), Decimal(0))

    # -- CRM -------------------------------------------------------------------------------
    def opportunity(
        self,
        kind: str,
        source: str,
        created: int,
        close: int,
        stage: str,
        amount: Decimal | None = None,
    ) -> None:
        """A CRM deal; ``amount`` (annual value added, account currency) defaults to the
        annual value of the live items. The CRM syncs self-serve purchases as deals too."""
        if amount is None:
            amount = self.annual_value(self.live)
        self.rows["crm_opportunities"].append(
            {
                "opportunity_id": self.next_id("op"),
                "account_id": self.account_id,
                "opportunity_type": kind,
                "stage": stage,
                "amount": billing.cents(amount),
                "currency": self.currency,
                "source": source,
                "created_at": self.ts(max(created, 0) + self.hour()),
                "close_date": self.cal.date(close),
                "is_closed": stage != "negotiation",
                "is_won": stage == "won",
            }
        )

    def person(self) -> tuple[str, str]:
        first, last = self.pick(FIRST_NAMES), self.pick(LAST_NAMES)
        return f"{first} {last}", f"{first.lower()}.{last.lower()}@{self.domain}"

    def make_contacts(self, created: int) -> None:
        """Contact 0 is the workspace owner and champion; corporate accounts name a sponsor."""
        low, high = SEGMENT_CONTACTS[self.segment]
        n = int(self.rng.integers(low, high + 1))
        for i in range(n):
            sponsor = i == n - 1 and n >= 3 and self.segment == "corporate"
            self.add_contact(created + i, champion=i == 0, sponsor=sponsor)

    def add_contact(self, day: float, champion: bool, sponsor: bool) -> None:
        full_name, email = self.person()
        titles = (
            "Workspace Owner",
            "Team Lead",
            "Project Manager",
            "Ops Manager",
            "Founder",
            "Engineering Manager",
        )
        self.contacts.append(
            {
                "contact_id": self.next_id("co"),
                "account_id": self.account_id,
                "full_name": full_name,
                "email": email,
                "title": "VP Operations" if sponsor else self.pick(titles),
                "is_champion": champion,
                "is_executive_sponsor": sponsor,
                "created_at": day + self.hour(),
                "left_company_at": None,
            }
        )

    def relationship(self, month: int, h: float, until: int) -> float:
        """Champion turnover and support tickets on days before ``until``."""
        cal, rng = self.cal, self.rng
        first = max(cal.month_starts[month], self.base()["start"])
        if until <= first:
            return h
        for contact in list(self.contacts):
            key = contact["is_champion"] or contact["is_executive_sponsor"]
            if key and contact["left_company_at"] is None and self.chance(0.01 + 0.02 * (1 - h)):
                day = int(rng.integers(first, until))
                if contact["created_at"] < day:
                    contact["left_company_at"] = day + self.hour()
                    h = max(0.02, h - 0.1)
                    if self.chance(0.6):
                        self.play("admin_left", day + 2 + self.hour(), day + 30.0)
                    successor = day + int(rng.integers(3, 30))
                    if successor < cal.n_days:  # the workspace gets a new owner
                        self.add_contact(
                            successor, contact["is_champion"], contact["is_executive_sponsor"]
                        )
        live_users = sum(1 for u in self.users if u.deactivated_day is None)
        rate = (0.3 + live_users / 25) * (0.4 + 2.0 * (1 - h))
        for _ in range(int(rng.poisson(rate))):
            day = int(rng.integers(first, until))
            self.ticket(day + self.hour(), h)
        return h

    def ticket(self, moment: float, h: float) -> None:
        rng, cal = self.rng, self.cal
        pressure = 1 - h
        priority = self.pick(
            ("p4", "p3", "p2", "p1"),
            np.array([0.35 - 0.2 * pressure, 0.45, 0.15 + 0.1 * pressure, 0.05 + 0.1 * pressure]),
        )
        contacts = [
            c
            for c in self.contacts
            if c["created_at"] <= moment
            and (c["left_company_at"] is None or c["left_company_at"] > moment)
        ] or self.contacts[:1]
        first = moment + float(rng.exponential(0.1 if priority == "p1" else 0.4))
        solved: float | None = first + float(rng.exponential(1.0 + 3 * pressure))
        if solved >= cal.n_days:
            solved = None
        status = self.pick(("resolved", "closed")) if solved else self.pick(("new", "on_hold"))
        csat = None
        if solved is not None and self.chance(0.35):
            csat = int(np.clip(round(1 + 4 * h + rng.normal(0, 0.8)), 1, 5))
        self.rows["crm_support_tickets"].append(
            {
                "ticket_id": self.next_id("tk"),
                "account_id": self.account_id,
                "contact_id": contacts[int(rng.integers(0, len(contacts)))]["contact_id"],
                "priority": priority,
                "status": status,
                "is_escalated": self.chance(0.02 + 0.2 * pressure**2),
                "created_at": cal.ts(moment),
                "first_response_at": self.ts(first),
                "solved_at": None if solved is None else cal.ts(solved),
                "csat_rating": csat,
            }
        )

    def play(self, trigger: str, opened: float, close: float) -> None:
        if opened < self.cal.n_days:
            first_action = opened + float(self.rng.lognormal(np.log(1.0 / 24), 1.0))
            self.plays.append(
                {
                    "trigger": trigger,
                    "opened": opened,
                    "first_action": first_action,
                    "close": max(close, first_action),
                }
            )

    def intervene(self, trigger: str, day: int, h: float) -> tuple[float, int]:
        """A digital play on a health signal; a successful one lifts health."""
        duration = float(self.rng.uniform(7, 45))
        self.play(trigger, day + self.hour(), day + duration)
        if self.chance(0.3 + 0.45 * h):
            h = float(np.clip(h + self.rng.uniform(0.08, 0.2), 0.02, 0.98))
            self.mu = min(0.95, self.mu + 0.04)
        return h, int(day + duration)

    # -- users and usage -------------------------------------------------------------------
    def provision_users(self, day: int, seats: int, initial: bool) -> None:
        """Users up to the seats (75-100% at signup): never more live users than seats."""
        alive = sum(1 for u in self.users if u.deactivated_day is None)
        target = int(round(seats * self.rng.uniform(0.75, 1.0))) if initial else seats
        for k in range(max(0, target - alive)):
            self.new_user(day + (int(self.rng.integers(0, 30)) if initial and k else 0))

    def new_user(self, day: int) -> None:
        self.users.append(
            UserPlan(
                user_id=f"usr_{self.number:05d}-{len(self.users) + 1:04d}",
                created_day=day,
                deactivated_day=None,
                propensity=float(np.exp(self.rng.normal(0, 0.4))),
                is_admin=not self.users or self.chance(0.06),
            )
        )

    def turnover(self, month: int, h: float, until: int) -> None:
        """People leave the team (more at unhappy accounts); most get a successor invited."""
        first = max(self.cal.month_starts[month], self.sub_start + 1)
        if until <= first:
            return
        for user in list(self.users):
            if user.deactivated_day is not None or user.created_day >= first:
                continue
            if self.chance(0.01 + 0.03 * (1 - h)):
                day = int(self.rng.integers(first, until))
                user.deactivated_day = day
                if self.chance(0.4 + 0.6 * h):
                    self.new_user(min(day + int(self.rng.integers(1, 15)), until - 1))

    def deactivate_users(self, day: int) -> None:
        for user in self.users:
            if user.deactivated_day is None:
                user.deactivated_day = max(day, user.created_day + 1) + int(self.rng.integers(0, 3))

    def daily_health(self) -> np.ndarray:
        """Month-mid health points interpolated onto days (NaN when not active)."""
        cal = self.cal
        mids = np.array(
            [(cal.month_starts[m] + cal.month_starts[m + 1]) / 2 for m in range(cal.months)]
        )
        known = ~np.isnan(self.h_month)
        health = np.interp(np.arange(cal.n_days), mids[known], self.h_month[known])
        health[~self.active] = np.nan
        return health

    def api_intensity(self) -> float:
        """API requests per live user per active day at full health (0: no integration)."""
        p = {"self_serve": 0.2, "team": 0.4, "business": 0.6, "corporate": 0.8}[self.segment]
        return float(self.rng.uniform(0.5, 3.0)) if self.chance(p) else 0.0

    # -- output ----------------------------------------------------------------------------
    def finish_rows(self) -> dict[str, list[dict]]:
        cal = self.cal
        out = dict(self.rows)
        out["billing_subscriptions"] = [
            {
                "subscription_id": i["id"],
                "account_id": self.account_id,
                "plan_id": billing.plan_id(i["product"], i["term"], self.currency),
                "quantity": i["quantity"],
                "discount_percent": i["percent_off"] or None,
                "started_at": cal.ts(i["start"]),
                "ended_at": None
                if i["ended"] is None or i["ended"] >= cal.n_days
                else cal.ts(i["ended"]),
                "cancel_reason": i["reason"],
                "discount_amount": i["amount_off"] or None,
                "billed_amount": billing.billed_amount(i, self.currency) if i["billed"] else None,
            }
            for i in self.items
            if i["start"] < cal.n_days
        ]
        out["crm_contacts"] = [
            {
                **c,
                "created_at": self.ts(c["created_at"]),
                "left_company_at": None
                if c["left_company_at"] is None
                else self.ts(c["left_company_at"]),
            }
            for c in self.contacts
        ]
        plays = []
        for n, p in enumerate(self.plays, start=1):
            if not self.active[int(p["opened"])]:
                continue
            outcome, closed = play_outcome(p, self.churn_days, cal.n_days)
            plays.append(
                {
                    "intervention_id": f"cta_{self.number:05d}_{n:04d}",
                    "account_id": self.account_id,
                    "trigger_reason": p["trigger"],
                    "playbook": PLAYBOOKS[p["trigger"]],
                    "opened_at": cal.ts(p["opened"]),
                    "first_action_at": self.ts(p["first_action"]),
                    "closed_at": None if closed is None else self.ts(closed),
                    "outcome": outcome,
                }
            )
        out["crm_interventions"] = plays
        users = []
        owner_email = self.contacts[0]["email"]
        for n, user in enumerate(self.users):
            if user.created_day >= cal.n_days:
                continue
            role = (
                "owner"
                if n == 0
                else ("admin" if user.is_admin else self.pick(("member", "guest"), (0.88, 0.12)))
            )
            email = owner_email if n == 0 else self.person()[1]
            deactivated = user.deactivated_day
            users.append(
                {
                    "user_id": user.user_id,
                    "account_id": self.account_id,
                    "email": email,
                    "role": role,
                    "created_at": cal.ts(user.created_day + float(self.rng.uniform(5, 6.5)) / 24),
                    "deactivated_at": None
                    if deactivated is None or deactivated >= cal.n_days
                    else cal.ts(deactivated + self.hour()),
                }
            )
        out["product_users"] = users
        return out


def apply_defects(
    rows: dict[str, list[dict]], rng: np.random.Generator, config: GeneratorConfig
) -> None:
    """The demo's documented defects (config.defect_rates), applied in place by column name."""
    rates = config.defect_rates

    def orphan() -> str:
        return account_id_of(config.accounts + 1 + int(rng.integers(0, 1000)))

    for table in ("crm_contacts", "product_users"):
        for row in rows[table]:
            u = rng.random()
            if u < rates["missing_email"]:
                row["email"] = None
            elif u < rates["missing_email"] + rates["malformed_email"]:
                row["email"] = malformed(row["email"], rng)
            elif u < rates["missing_email"] + rates["malformed_email"] + 0.05:
                row["email"] = mess_up_case(row["email"])
    for row in rows["crm_support_tickets"]:
        if rng.random() < rates["orphan_ticket_account"]:
            row["account_id"] = orphan()
    for row in rows["billing_invoices"]:
        if rng.random() < rates["orphan_invoice_account"]:
            row["account_id"] = orphan()
        if rng.random() < rates["negative_invoice_amount"]:
            row["amount_due"], row["amount_paid"] = -row["amount_due"], -row["amount_paid"]
    for table in ("billing_invoices", "crm_opportunities"):
        for row in rows[table]:
            if rng.random() < 0.02:
                row["currency"] = row["currency"].lower()


def fx_rows(config: GeneratorConfig) -> list[dict]:
    """Monthly rate to USD per currency (a seeded random walk), from a year before the window."""
    rng = np.random.default_rng([config.seed, 0, 27])
    levels = dict(FX_LEVELS)
    rows = []
    first = add_months(config.start_date, -12)
    for m in range(config.months + 12):
        for currency in billing.CURRENCIES:
            if currency != "USD":
                levels[currency] *= float(np.exp(rng.normal(0.0, 0.012)))
            rows.append(
                {
                    "currency": currency,
                    "month": add_months(first, m),
                    "rate_to_usd": round(levels[currency], 6),
                }
            )
    return rows


def acquisition_rows(config: GeneratorConfig, won: Counter) -> list[dict]:
    rng = np.random.default_rng([config.seed, 0, 28])
    rows = []
    for m in range(config.months):
        for segment, cac in SEGMENT_CAC_USD.items():
            n = won.get((m, segment), 0)
            spend = cac * (n + 0.5) * float(np.exp(rng.normal(0, 0.2)))
            rows.append(
                {
                    "month": add_months(config.start_date, m),
                    "segment": segment,
                    "sales_marketing_spend_usd": round(spend, 2),
                    "new_customers_won": n,
                }
            )
    return rows


def vocabulary_rows() -> list[dict]:
    return [
        {"domain": domain, "value": value, "standard_value": standard}
        for domain, values in VOCABULARY.items()
        for value, standard in values.items()
    ]


def reference_rows(config: GeneratorConfig, won: Counter) -> dict[str, list[dict]]:
    columns = table_columns()["kpi_targets"]
    return {
        "billing_plans": billing.plan_rows(),
        "fx_rates": fx_rows(config),
        "acquisition_costs": acquisition_rows(config, won),
        "kpi_targets": [dict(zip(columns, row, strict=True)) for row in kpi_target_rows()],
        "event_taxonomy": events.taxonomy_rows(),
        "vocabularies": vocabulary_rows(),
    }


def generate_product_led(config: GeneratorConfig, out_dir: str | Path, fmt: str) -> dict[str, int]:
    """Write every table of the profile (Parquet: one folder per table; CSV: one file each);
    return the row count of each. Deterministic: the same config gives the same bytes."""
    cal = Calendar(config)
    columns = table_columns()
    sink = TableSink(Path(out_dir), fmt)
    buffers: dict[str, list[dict]] = {}
    counts: Counter = Counter()
    won: Counter = Counter()
    for first in range(1, config.accounts + 1, config.chunk_accounts):
        parts = []
        for number in range(first, min(first + config.chunk_accounts, config.accounts + 1)):
            rows, timeline, segment, start_month = ProductLedAccount(config, cal, number).run()
            apply_defects(rows, np.random.default_rng([config.seed, number, 22]), config)
            for table, table_rows in rows.items():
                buffers.setdefault(table, []).extend(table_rows)
            won[(start_month, segment)] += 1
            parts.append((number, events.account_events(config, timeline)))
        table = events.to_arrow(config, parts)
        counts["product_events"] += table.num_rows
        sink.append("product_events", table.select(list(columns["product_events"])))
    sink.close()
    for table, rows in buffers.items():
        key = next(iter(columns[table]))
        sink.write(table, to_arrow(columns[table], sorted(rows, key=lambda r: r[key])))
        counts[table] = len(rows)
    for table, rows in reference_rows(config, won).items():
        sink.write(table, to_arrow(columns[table], rows))
        counts[table] = len(rows)
    return dict(sorted(counts.items()))


def build_vars(folder: str | Path, config: GeneratorConfig) -> dict[str, object]:
    """The dbt ``--vars`` that build the project on the profile's Parquet output in ``folder``:
    sources read the files, the absent systems are declared, as_of_date is the last day of
    data. Its own vocabularies and event taxonomy are raw tables it writes, not vars."""
    location = Path(folder).resolve()
    return {
        "raw_external_location": f"read_parquet('{location}/{{identifier}}/*.parquet')",
        "absent_sources": list(ABSENT_SOURCES),
        "as_of_date": config.end_date.isoformat(),
    }


def main(argv: list[str] | None = None) -> int:
    """``python -m cs_analytics.generator.product_led <cs-generate options>``: print the dbt
    ``--vars`` (JSON) that build the project on what those options write."""
    import json

    from cs_analytics.generator.cli import build_parser, config_from_args

    args = build_parser("cs_analytics.generator.product_led", main.__doc__).parse_args(argv)
    print(json.dumps(build_vars(args.output_dir, config_from_args(args))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
