"""Account-level simulation: a hidden health trajectory drives every CRM and billing fact.

Each account gets its own random stream (``numpy.random.default_rng([seed, account_number])``),
so the output does not depend on how accounts are chunked. The simulation walks month by month
from the account's contract start to the end of the window and records:

- the latent health ``h`` (0-1; hidden: never written, only its consequences are);
- subscription periods (plan, seats, discount), changed by expansions, contractions, plan
  changes, churn and reactivation;
- invoices (late payments when health is low), CRM contacts (champions who leave), activities,
  support tickets and escalations, NPS responses, CS interventions, milestones, opportunities;
- a daily timeline (subscription active, health) and the provisioned users, from which
  :mod:`cs_analytics.generator.events` draws the product events.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from cs_analytics.generator.config import GeneratorConfig, add_months

SEGMENTS = ("smb", "mid_market", "enterprise")
SEGMENT_WEIGHTS = (0.55, 0.30, 0.15)
REGIONS = ("north_america", "emea", "apac")
REGION_WEIGHTS = (0.50, 0.32, 0.18)
INDUSTRIES = (
    "software",
    "financial_services",
    "healthcare",
    "retail",
    "manufacturing",
    "education",
    "media",
    "logistics",
)
CURRENCIES = ("USD", "EUR", "GBP")
TIERS = ("starter", "growth", "enterprise")
# List price per seat per month in USD; EUR and GBP price books are set separately.
TIER_MONTHLY_PRICE = {
    "starter": {"USD": 25.0, "EUR": 23.0, "GBP": 20.0},
    "growth": {"USD": 45.0, "EUR": 42.0, "GBP": 36.0},
    "enterprise": {"USD": 80.0, "EUR": 75.0, "GBP": 64.0},
}
ANNUAL_PRICE_FACTOR = 10.0  # an annual seat costs 10 monthly seats (two months free)
SEGMENT_TIER_WEIGHTS = {
    "smb": (0.70, 0.28, 0.02),
    "mid_market": (0.20, 0.65, 0.15),
    "enterprise": (0.02, 0.23, 0.75),
}
SEGMENT_ANNUAL_SHARE = {"smb": 0.25, "mid_market": 0.60, "enterprise": 0.90}
# Median seats at signup and the spread (lognormal sigma).
SEGMENT_SEATS = {"smb": (6, 0.45), "mid_market": (20, 0.45), "enterprise": (70, 0.5)}
SEGMENT_CONTACTS = {"smb": (2, 4), "mid_market": (4, 8), "enterprise": (6, 12)}
SEGMENT_TOUCHES = {"smb": 0.6, "mid_market": 1.8, "enterprise": 3.5}
SEGMENT_TICKETS = {"smb": 0.5, "mid_market": 1.2, "enterprise": 2.5}
CSM_POOLS = {"smb": 6, "mid_market": 5, "enterprise": 4}
CANCEL_REASONS = ("budget", "low_adoption", "competitor", "champion_left", "consolidation")
PLAYBOOKS = {
    "health_drop": "usage_recovery",
    "red_zone": "executive_escalation",
    "orange_zone": "adoption_review",
    "consecutive_decline": "success_plan_reset",
    "cancellation_request": "save_offer",
    "payment_failure": "billing_outreach",
    "champion_left": "champion_rebuild",
}
FIRST_NAMES = (
    "Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi",
    "Liam", "Maya", "Nils", "Olga", "Priya", "Quentin", "Rosa", "Sami", "Tara", "Uma", "Victor",
    "Wen", "Xavier", "Yara", "Zoe",
)  # fmt: skip
LAST_NAMES = (
    "Adams", "Bauer", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ito", "Jensen",
    "Kowalski", "Larsen", "Martin", "Novak", "Okafor", "Patel", "Quinn", "Rossi", "Silva",
    "Tanaka", "Usman", "Varga", "Weber", "Xu", "Young", "Zhang",
)  # fmt: skip
TITLES = (
    "Head of Operations", "Operations Manager", "IT Director", "Analyst", "VP Customer",
    "Team Lead", "Product Manager", "CFO", "COO", "Engineer",
)  # fmt: skip
NAME_WORDS_A = (
    "Blue", "North", "Bright", "Silver", "Rapid", "Green", "Clear", "Summit", "Iron", "Nova",
    "Urban", "Prime", "Atlas", "Cedar", "Delta", "Echo",
)  # fmt: skip
NAME_WORDS_B = (
    "Harbor", "Forge", "Field", "Stone", "Works", "Peak", "Bridge", "Grid", "Wave", "Path",
    "Point", "Labs", "Systems", "Logic", "River", "Cloud",
)  # fmt: skip
NAME_SUFFIX = ("Inc", "Ltd", "GmbH", "SA", "LLC", "Group", "Co")


@dataclass
class UserPlan:
    """A provisioned product user and the account-level inputs of their activity."""

    user_id: str
    created_day: int
    deactivated_day: int | None
    propensity: float
    is_admin: bool


@dataclass
class Timeline:
    """Daily view of one account over the window, consumed by the event generator."""

    account_number: int
    account_id: str
    active: np.ndarray  # bool per day: subscription active
    health: np.ndarray  # float per day: latent health 0-1
    feature_breadth: np.ndarray  # int per day: number of core features adopted
    api_intensity: float  # mean API calls per active day at full health (0 = no integration)
    users: list[UserPlan]


@dataclass
class AccountResult:
    rows: dict[str, list[tuple]] = field(default_factory=dict)
    timeline: Timeline | None = None
    segment: str = ""
    first_paid_month: int = -1


def account_id_of(number: int) -> str:
    return f"A{number:05d}"


class Calendar:
    """Converts between day offsets from the window start and dates/timestamps."""

    def __init__(self, config: GeneratorConfig) -> None:
        self.start = config.start_date
        self.n_days = config.n_days
        self.months = config.months
        self.month_starts = [
            (add_months(self.start, m) - self.start).days for m in range(config.months + 1)
        ]

    def date(self, day: int) -> dt.date:
        return self.start + dt.timedelta(days=int(day))

    def ts(self, day: float) -> dt.datetime:
        """Timestamp at a fractional day offset (rounded to the second)."""
        base = dt.datetime.combine(self.start, dt.time())
        return base + dt.timedelta(seconds=round(float(day) * 86400))

    def month_of(self, day: int) -> int:
        return int(np.searchsorted(self.month_starts, day, side="right") - 1)

    def month_len(self, month: int) -> int:
        return self.month_starts[month + 1] - self.month_starts[month]


def plan_id(tier: str, interval: str, currency: str) -> str:
    return f"{tier}-{'monthly' if interval == 'month' else 'annual'}-{currency.lower()}"


def plan_rows() -> list[tuple]:
    """The billing price book: every tier x interval x currency."""
    rows = []
    for tier in TIERS:
        for interval in ("month", "year"):
            for currency in CURRENCIES:
                monthly = TIER_MONTHLY_PRICE[tier][currency]
                unit = monthly if interval == "month" else monthly * ANNUAL_PRICE_FACTOR
                name = f"{tier.title()} ({'monthly' if interval == 'month' else 'annual'})"
                # Every demo price recurs every 1 interval, per seat, as a base plan.
                price = (plan_id(tier, interval, currency), name, tier, interval, unit, currency)
                rows.append((*price, 1, "per_seat", False))
    return rows


def fx_rows(config: GeneratorConfig) -> list[tuple]:
    """Monthly rate to USD per currency: a seeded random walk around realistic levels."""
    rng = np.random.default_rng([config.seed, 0, 7])
    levels = {"USD": 1.0, "EUR": 1.08, "GBP": 1.27}
    rows = []
    # Cover a year before the window too: CRM created_at and opportunities can predate it.
    first = add_months(config.start_date, -12)
    for m in range(config.months + 12):
        month = add_months(first, m)
        for currency in CURRENCIES:
            if currency != "USD":
                levels[currency] *= float(np.exp(rng.normal(0.0, 0.012)))
            rows.append((currency, month, round(levels[currency], 6)))
    return rows


def kpi_target_rows() -> list[tuple]:
    """KPI targets of SPEC section 7 (editable by CS Ops in the seed)."""
    return [
        ("net_revenue_retention", 1.15, ">=", "ratio", "NRR, trailing 12 months"),
        ("early_warning_accuracy", 0.65, ">=", "ratio",
         "Share of churned accounts flagged at risk at least 30 days before churning"),
        ("health_score_precision", 0.85, ">=", "ratio",
         "ROC AUC of the health score against churn in the next 90 days"),
        ("trend_prediction_accuracy", 0.75, ">=", "ratio",
         "Share of account-months whose next month-end tier was predicted correctly"),
        ("churn_reduction_yoy", 0.45, ">=", "ratio", "Reduction of logo churn, year over year"),
        ("intervention_success_rate", 0.70, ">=", "ratio",
         "Interventions with the account active 90 days later and health back at 70+"),
        ("save_rate", 0.60, ">=", "ratio", "Cancellation requests that did not end in churn"),
        ("recovery_time_days", 30.0, "<=", "days", "Days until health is back at 70"),
        ("alert_response_hours", 2.0, "<", "hours", "Time from alert to first action"),
        ("expansion_conversion_rate", 0.35, ">=", "ratio", "Won / closed expansion opportunities"),
        ("pipeline_velocity_improvement", 0.40, ">=", "ratio",
         "Days from created to won, faster than the prior period"),
        ("time_to_value_improvement", 0.40, ">=", "ratio",
         "Days to first value, faster than the prior cohort"),
    ]  # fmt: skip


class AccountSimulator:
    """Simulates one account. Call :meth:`run` once, then :meth:`finish_rows`.

    Time is in day offsets from the window start. Within a month the order is: health moves,
    churn is decided (so nothing happens after the churn day), relationship facts and CS plays
    happen before it, the renewal and seat changes follow, and the month is billed last.
    """

    def __init__(self, config: GeneratorConfig, cal: Calendar, number: int) -> None:
        self.cfg = config
        self.cal = cal
        self.number = number
        self.account_id = account_id_of(number)
        self.rng = np.random.default_rng([config.seed, number])
        self.rows: dict[str, list[tuple]] = {
            name: []
            for name in (
                "crm_accounts",
                "crm_opportunities",
                "crm_activities",
                "crm_milestones",
                "crm_support_tickets",
                "crm_nps_responses",
                "billing_invoices",
            )
        }
        self.counters: dict[str, int] = {}
        self.subscriptions: list[dict] = []
        self.interventions: list[dict] = []
        self.contacts: list[dict] = []
        self.users: list[UserPlan] = []
        self.churn_days: list[int] = []
        self.cancellation_pending = False

    # -- helpers ---------------------------------------------------------------------------
    def next_id(self, prefix: str) -> str:
        n = self.counters.get(prefix, 0) + 1
        self.counters[prefix] = n
        return f"{prefix}{self.number:05d}-{n:04d}"

    def chance(self, p: float) -> bool:
        return bool(self.rng.random() < p)

    def pick(self, values, weights=None):
        index = self.rng.choice(len(values), p=weights)
        return values[int(index)]

    def day_in_month(self, month: int) -> int:
        start = self.cal.month_starts[month]
        return start + int(self.rng.integers(0, self.cal.month_len(month)))

    def day_between(self, first: int, end: int) -> int | None:
        """A day in [first, end), or None when the range is empty."""
        if end <= first:
            return None
        return first + int(self.rng.integers(0, end - first))

    def time_of_day(self) -> float:
        """Working-hours fraction of a day (08:00-18:00 UTC, jittered)."""
        return float(self.rng.uniform(8, 18)) / 24.0

    # -- the account -----------------------------------------------------------------------
    def run(self) -> AccountResult:
        rng = self.rng
        cal = self.cal
        months = cal.months
        self.segment = self.pick(SEGMENTS, SEGMENT_WEIGHTS)
        self.region = self.pick(REGIONS, REGION_WEIGHTS)
        if self.region == "emea":
            self.currency = self.pick(("EUR", "GBP"), (0.65, 0.35))
        else:
            self.currency = "USD"
        # A quarter of the base was already signing in the first two months; the rest arrive
        # over the window, leaving the last two months for the newest cohort.
        if self.chance(0.25):
            start_month = int(rng.integers(0, 2))
        else:
            start_month = int(rng.integers(0, months - 2))
        self.contract_start = self.day_in_month(start_month)
        created_day = self.contract_start - int(rng.integers(14, 90))
        industry = self.pick(INDUSTRIES)
        csm_number = int(rng.integers(1, CSM_POOLS[self.segment] + 1))
        self.csm_owner = f"csm-{self.segment.replace('_', '')}-{csm_number:02d}"
        name = (
            f"{self.pick(NAME_WORDS_A)} {self.pick(NAME_WORDS_B)} {self.pick(NAME_SUFFIX)}"
            f" {self.number}"
        )
        self.domain = name.split()[0].lower() + name.split()[1].lower() + f"{self.number}.com"
        parent = None
        if self.number > 20 and self.chance(0.05):
            parent = account_id_of(int(rng.integers(1, self.number)))
        self.rows["crm_accounts"].append(
            (
                self.account_id,
                name,
                industry,
                self.segment,
                self.region,
                self.csm_owner,
                parent,
                cal.ts(created_day + self.time_of_day()),
            )
        )

        # Hidden health: a per-account mean it reverts to, and monthly noise and shocks.
        self.mu = float(np.clip(rng.beta(4.0, 2.2), 0.1, 0.97))
        h = float(np.clip(self.mu + rng.normal(0, 0.1), 0.15, 0.95))
        self.h_month = np.full(months, np.nan)
        self.active_days = np.zeros(cal.n_days, dtype=bool)

        self.make_contacts(created_day)
        tier = self.pick(TIERS, SEGMENT_TIER_WEIGHTS[self.segment])
        interval = "year" if self.chance(SEGMENT_ANNUAL_SHARE[self.segment]) else "month"
        median, sigma = SEGMENT_SEATS[self.segment]
        seats = max(1, round(median * float(np.exp(rng.normal(0, sigma)))))
        discount = float(
            self.pick((0.0, 10.0, 15.0, 20.0, 25.0), (0.55, 0.2, 0.12, 0.08, 0.05))
            if self.segment != "smb"
            else self.pick((0.0, 10.0), (0.85, 0.15))
        )
        self.sub = self.new_subscription(
            (tier, interval), seats, discount, self.contract_start, anchor=None
        )
        self.add_opportunity(
            "new_business",
            "sales",
            created_day + 1,
            self.contract_start,
            won=True,
            amount=self.annual_value(self.sub),
        )
        self.make_onboarding_milestones(h)
        self.provision_users(self.contract_start, seats, initial=True)

        active = True
        open_intervention_until = -1
        declines = 0
        prev_h = h
        feature_breadth = np.zeros(cal.n_days, dtype=np.int16)
        adopted = 2 + int(round(3 * h))

        for m in range(start_month, months):
            m_start = cal.month_starts[m]
            m_end = cal.month_starts[m + 1]  # exclusive
            if not active:
                # Reactivation: back after at least one whole calendar month at zero MRR.
                back = m >= self.cal.month_of(self.churn_days[-1]) + 2 and m + 1 < months
                if back and self.chance(0.02 + 0.1 * max(self.mu - 0.6, 0)):
                    h = self.reactivate(m)
                    self.bill_until(self.sub, m_end, h)
                    active = True
                continue
            h = next_month_health(rng, h, self.mu)
            self.h_month[m] = h
            grow = 1 if h > 0.6 and self.chance(0.35) else 0
            shrink = 1 if h < 0.4 and self.chance(0.35) else 0
            adopted = int(np.clip(adopted + grow - shrink, 1, 8))
            feature_breadth[m_start:m_end] = adopted

            # Churn is decided first: everything else this month happens before the churn day.
            sub = self.sub
            renewal_day = add_day(cal, sub["term_start"], 12)
            renewal_due = sub["plan"][1] == "year" and m_start <= renewal_day < m_end
            churn_day = self.churn_decision(m, h, renewal_due, renewal_day)
            until = m_end if churn_day is None else churn_day

            h = self.month_of_relationship(m, h, until)
            declines = declines + 1 if h < prev_h - 0.02 else 0
            # CS interventions on the risk signals a CSM would see.
            if m_start > open_intervention_until:
                trigger = health_trigger(h, prev_h, declines)
                day = self.day_between(max(m_start, sub["start"]), until)
                if trigger and day is not None and self.chance(0.8):
                    h, open_intervention_until = self.intervene(trigger, day, h)
            prev_h = h

            if churn_day is not None and self.cancellation_pending:
                h, saved = self.cancellation_request(churn_day, h)
                if saved:
                    churn_day = None
            if churn_day is not None:
                self.close_subscription(sub, churn_day, self.pick(CANCEL_REASONS))
                self.bill_until(sub, churn_day, h)
                self.active_days[sub["start"] : churn_day] = True
                self.deactivate_users(churn_day)
                self.churn_days.append(churn_day)
                if renewal_due:
                    self.add_renewal(sub, renewal_day, won=False)
                active = False
                continue
            if renewal_due:
                self.add_renewal(sub, renewal_day, won=True)
                sub["term_start"] = renewal_day
            # Seat and plan changes close one subscription row and open the next.
            h = self.change_seats(m, h)
            self.bill_until(self.sub, m_end, h)
            self.active_days[self.sub["start"] : m_end] = True

        timeline = Timeline(
            account_number=self.number,
            account_id=self.account_id,
            active=self.active_days.copy(),
            health=self.daily_health(),
            feature_breadth=feature_breadth,
            api_intensity=self.api_intensity(),
            users=self.users,
        )
        return AccountResult(
            rows=self.rows,
            timeline=timeline,
            segment=self.segment,
            first_paid_month=start_month,
        )

    def churn_decision(
        self, month: int, h: float, renewal_due: bool, renewal_day: int
    ) -> int | None:
        """The churn day this month, or None. Monthly plans can leave in any month after the
        one they started in; annual plans only at renewal. Half of the leavers ask to cancel
        first (``cancellation_pending``) and get a save attempt."""
        sub = self.sub
        m_start, m_end = self.cal.month_starts[month], self.cal.month_starts[month + 1]
        self.cancellation_pending = False
        if sub["start"] >= m_start:
            return None  # nobody leaves in the month they (re)started
        if sub["plan"][1] == "month":
            p_churn = 0.004 + 0.4 * (1 - h) ** 3
        else:
            p_churn = (0.03 + 1.2 * (1 - h) ** 3) if renewal_due else 0.0
        if not self.chance(p_churn):
            return None
        day = renewal_day if renewal_due else self.day_between(m_start, m_end)
        self.cancellation_pending = self.chance(0.5)
        return day

    def reactivate(self, month: int) -> float:
        """A churned account comes back: a new subscription after at least one month at zero."""
        rng = self.rng
        day = self.day_in_month(month)
        h = float(np.clip(self.mu, 0.5, 0.9))
        tier = self.sub["plan"][0]
        seats = max(1, round(self.sub["seats"] * rng.uniform(0.5, 1.0)))
        self.sub = self.new_subscription((tier, "month"), seats, 0.0, day, anchor=None)
        self.add_opportunity(
            "new_business",
            "inbound",
            day - 20,
            day,
            won=True,
            amount=self.annual_value(self.sub),
        )
        self.provision_users(day, seats, initial=False)
        self.active_days[day : self.cal.month_starts[month + 1]] = True
        self.h_month[month] = h
        return h

    # -- health over days ------------------------------------------------------------------
    def daily_health(self) -> np.ndarray:
        """Linear interpolation of month-mid health points onto days (NaN when inactive)."""
        cal = self.cal
        mids = np.array(
            [(cal.month_starts[m] + cal.month_starts[m + 1]) / 2 for m in range(cal.months)]
        )
        known = ~np.isnan(self.h_month)
        days = np.arange(cal.n_days)
        if not known.any():
            return np.full(cal.n_days, np.nan)
        health = np.interp(days, mids[known], self.h_month[known])
        health[~self.active_days] = np.nan
        return health

    def api_intensity(self) -> float:
        p = {"smb": 0.2, "mid_market": 0.5, "enterprise": 0.8}[self.segment]
        if not self.chance(p):
            return 0.0
        return float(self.rng.uniform(0.1, 1.0))

    # -- people ----------------------------------------------------------------------------
    def person(self) -> tuple[str, str]:
        first = self.pick(FIRST_NAMES)
        last = self.pick(LAST_NAMES)
        return f"{first} {last}", f"{first.lower()}.{last.lower()}@{self.domain}"

    def add_contact(self, title: str, champion: bool, sponsor: bool, created_day: int) -> None:
        full_name, email = self.person()
        self.contacts.append(
            {
                "id": self.next_id("C"),
                "name": full_name,
                "email": email,
                "title": title,
                "champion": champion,
                "sponsor": sponsor,
                "created": created_day + self.time_of_day(),
                "left": None,
            }
        )

    def make_contacts(self, created_day: int) -> None:
        """The first contacts, all known before the contract starts (14+ days after creation).

        Contact 0 is a champion; with three or more contacts the last may be the executive
        sponsor, and with four or more the third may be a champion too. Contact 1 is neither,
        and only champions and sponsors leave, so an account always has someone to talk to.
        """
        low, high = SEGMENT_CONTACTS[self.segment]
        n = int(self.rng.integers(low, high + 1))
        for i in range(n):
            is_champion = i == 0 or (i == 2 and n >= 4 and self.chance(0.4))
            is_sponsor = i == n - 1 and n >= 3 and (self.segment != "smb" or self.chance(0.3))
            title = "Executive Sponsor" if is_sponsor else self.pick(TITLES)
            self.add_contact(
                title, is_champion, is_sponsor, created_day + int(self.rng.integers(0, 10))
            )

    def contacts_on(self, day: float) -> list[dict]:
        return [
            c
            for c in self.contacts
            if c["created"] <= day and (c["left"] is None or c["left"] > day)
        ]

    def active_contact(self, day: float) -> str:
        pool = self.contacts_on(day)
        return pool[int(self.rng.integers(0, len(pool)))]["id"]

    def provision_users(self, day: int, seats: int, initial: bool) -> None:
        """Provision users up to the licensed seats (70-100% at signup)."""
        alive = sum(1 for u in self.users if u.deactivated_day is None or u.deactivated_day > day)
        target = int(round(seats * self.rng.uniform(0.7, 1.0))) if initial else seats
        for k in range(max(0, target - alive)):
            created = day + (int(self.rng.integers(0, 21)) if initial and k > 0 else 0)
            self.users.append(
                UserPlan(
                    user_id=self.next_id("U"),
                    created_day=created,
                    deactivated_day=None,
                    propensity=float(np.exp(self.rng.normal(0, 0.6))),
                    is_admin=len(self.users) == 0 or self.chance(0.05),
                )
            )

    def deactivate_users(self, day: int) -> None:
        """Churn: every provisioned user is deactivated within three days."""
        for user in self.users:
            if user.deactivated_day is None:
                user.deactivated_day = max(day, user.created_day + 1) + int(self.rng.integers(0, 3))

    # -- billing ---------------------------------------------------------------------------
    def new_subscription(
        self, plan: tuple[str, str], seats: int, discount: float, start: int, anchor: dict | None
    ) -> dict:
        """Open a subscription row. A replacement row (``anchor``) keeps the billing anchor and
        the contract term of the row it replaces; a new subscription starts both."""
        sub = {
            "id": self.next_id("S"),
            "plan": plan,
            "seats": seats,
            "discount": discount,
            "start": start,
            "ended": None,
            "reason": None,
            "term_start": start if anchor is None else anchor["term_start"],
            "period_start": start if anchor is None else anchor["period_start"],
            "next_invoice": start if anchor is None else anchor["next_invoice"],
            "first_invoice": anchor is None,
        }
        self.subscriptions.append(sub)
        return sub

    def close_subscription(self, sub: dict, day: int, reason: str | None) -> None:
        sub["ended"] = day
        sub["reason"] = reason

    def price(self, sub: dict) -> float:
        """Price of one billing interval (a month or a year) after discount."""
        tier, interval = sub["plan"]
        unit = TIER_MONTHLY_PRICE[tier][self.currency]
        if interval == "year":
            unit *= ANNUAL_PRICE_FACTOR
        return unit * sub["seats"] * (1 - sub["discount"] / 100.0)

    def annual_value(self, sub: dict) -> float:
        return self.price(sub) * (12 if sub["plan"][1] == "month" else 1)

    def bill_until(self, sub: dict, until: int, h: float) -> None:
        """Invoice every billing period of ``sub`` that starts before ``until`` (and before the
        row ends and the window closes)."""
        cal = self.cal
        end = min(until, cal.n_days, cal.n_days if sub["ended"] is None else sub["ended"])
        while sub["next_invoice"] < end:
            day = sub["next_invoice"]
            sub["period_start"] = day
            sub["next_invoice"] = add_day(cal, day, 1 if sub["plan"][1] == "month" else 12)
            reason = "subscription_create" if sub["first_invoice"] else "subscription_cycle"
            sub["first_invoice"] = False
            self.invoice(sub, day, self.price(sub), reason, h)

    def invoice(self, sub: dict, day: int, amount: float, reason: str, h: float) -> None:
        cal = self.cal
        terms = 30 if sub["plan"][1] == "year" or self.segment == "enterprise" else 14
        due = day + terms
        late = self.chance(0.03 + 0.3 * (1 - h) ** 2)
        paid_day: float | None = day + float(self.rng.uniform(0.1, terms - 1))
        if late:
            paid_day = due + float(self.rng.uniform(3, 60))
            if h < 0.3 and self.chance(0.4):
                paid_day = None
        if paid_day is not None and paid_day >= cal.n_days:
            paid_day = None
        if paid_day is None:
            status = "open" if due + 90 >= cal.n_days else "uncollectible"
        else:
            status = "paid"
        if self.chance(0.004):
            status, paid_day = "void", None
        amount = round(amount, 2)
        self.rows["billing_invoices"].append(
            (
                self.next_id("I"),
                self.account_id,
                sub["id"],
                cal.date(day),
                cal.date(due),
                None if paid_day is None else cal.ts(paid_day),
                amount,
                amount if status == "paid" else 0.0,
                self.currency,
                status,
                reason,
            )
        )
        live_until = cal.n_days if sub["ended"] is None else sub["ended"]
        if late and due + 7 < live_until and self.chance(0.5):
            self.intervene("payment_failure", due + 7, h)

    def change_seats(self, month: int, h: float) -> float:
        """Expansion when healthy, contraction when not; one subscription row per change.

        Rows that started this month do not change. Monthly plans change on any day; annual
        plans expand at any time (a prorated invoice for the rest of the period) and contract
        only at renewal.
        """
        sub = self.sub
        cal = self.cal
        m_start, m_end = cal.month_starts[month], cal.month_starts[month + 1]
        rng = self.rng
        if sub["start"] >= m_start:
            return h
        if h > 0.7 and self.chance(0.05 + (0.03 if self.segment == "enterprise" else 0)):
            close_day = self.day_in_month(month)
            created = max(close_day - int(rng.integers(10, 60)), self.contract_start)
            won = self.chance(0.45 + 0.4 * (h - 0.7) / 0.3)
            upgrade = sub["plan"][0] != "enterprise" and self.chance(0.2)
            tier = TIERS[TIERS.index(sub["plan"][0]) + 1] if upgrade else sub["plan"][0]
            new_seats = sub["seats"] + max(1, int(round(sub["seats"] * rng.uniform(0.15, 0.5))))
            proposal = {**sub, "plan": (tier, sub["plan"][1]), "seats": new_seats}
            source = "cs_signal" if self.chance(0.5) else self.pick(("sales", "inbound"))
            is_closed = close_day < cal.n_days - 1 or self.chance(0.5)
            self.add_opportunity(
                "expansion",
                source,
                created,
                close_day,
                won=won and is_closed,
                amount=self.annual_value(proposal) - self.annual_value(sub),
                is_closed=is_closed,
            )
            if won and is_closed:
                self.replace_subscription(close_day, new_seats, tier, h)
                self.provision_users(close_day, new_seats, initial=False)
                return min(h + 0.03, 0.98)
        elif h < 0.45 and sub["seats"] > 1:
            if sub["plan"][1] == "year":
                day = sub["term_start"] if m_start <= sub["term_start"] < m_end else None
            else:
                day = self.day_between(m_start, m_end)
            if day is not None and day > sub["start"] and self.chance(0.12):
                new_seats = max(1, int(round(sub["seats"] * rng.uniform(0.6, 0.9))))
                downgrade = sub["plan"][0] != "starter" and self.chance(0.15)
                tier = TIERS[TIERS.index(sub["plan"][0]) - 1] if downgrade else sub["plan"][0]
                self.replace_subscription(day, new_seats, tier, h)
                alive = [
                    u for u in self.users if u.deactivated_day is None and u.created_day <= day
                ]
                for user in alive[new_seats:]:
                    user.deactivated_day = max(day, user.created_day + 1)
        return h

    def replace_subscription(self, day: int, seats: int, tier: str, h: float) -> None:
        """Close the current row on ``day`` and open the next; bill a price increase pro rata
        for the rest of the current period (a decrease takes effect at the next period)."""
        old = self.sub
        self.bill_until(old, day, h)
        self.close_subscription(old, day, None)
        self.active_days[old["start"] : day] = True
        self.sub = self.new_subscription((tier, old["plan"][1]), seats, old["discount"], day, old)
        increase = self.price(self.sub) - self.price(old)
        period = old["next_invoice"] - old["period_start"]
        remaining = old["next_invoice"] - day
        if increase > 0 and period > 0 and remaining > 0:
            self.invoice(self.sub, day, increase * remaining / period, "subscription_update", h)

    # -- CRM -------------------------------------------------------------------------------
    def add_opportunity(
        self,
        kind: str,
        source: str,
        created: int,
        close: int,
        won: bool,
        amount: float,
        is_closed: bool = True,
    ) -> None:
        """An opportunity; ``amount`` is the annual contract value it adds, in the account's
        currency (after discount)."""
        stage = ("closed_won" if won else "closed_lost") if is_closed else "proposal"
        self.rows["crm_opportunities"].append(
            (
                self.next_id("O"),
                self.account_id,
                kind,
                stage,
                round(amount, 2),
                self.currency,
                source,
                self.cal.ts(created + self.time_of_day()),
                self.cal.date(close),
                is_closed,
                won and is_closed,
            )
        )

    def add_renewal(self, sub: dict, renewal_day: int, won: bool) -> None:
        self.add_opportunity(
            "renewal",
            "sales",
            max(renewal_day - 90, sub["start"]),
            renewal_day,
            won=won,
            amount=self.annual_value(sub),
        )

    def make_onboarding_milestones(self, h: float) -> None:
        plan = {"kickoff": 7, "technical_setup": 21, "first_value": 45, "go_live": 75}
        if self.segment == "enterprise":
            plan = {"kickoff": 10, "technical_setup": 35, "first_value": 60, "go_live": 100}
        delay_scale = 4 + 40 * (1 - h) ** 2
        slip = 0.0
        for name, offset in plan.items():
            planned = self.contract_start + offset
            slip += float(self.rng.exponential(delay_scale)) - 3
            done: float | None = planned + max(slip, -offset + 1) + self.time_of_day()
            if (h < 0.35 and name in ("first_value", "go_live") and self.chance(0.5)) or (
                done is not None and done >= self.cal.n_days
            ):
                done = None
            self.rows["crm_milestones"].append(
                (
                    self.next_id("M"),
                    self.account_id,
                    "onboarding",
                    name,
                    self.cal.date(planned),
                    None if done is None else self.cal.ts(done),
                )
            )

    def month_of_relationship(self, month: int, h: float, until: int) -> float:
        """CSM touches, tickets, NPS, goals and champion turnover on days before ``until``."""
        cal = self.cal
        rng = self.rng
        seg = self.segment
        m_start = cal.month_starts[month]
        first = max(m_start, self.sub["start"])

        def some_day() -> int | None:
            return self.day_between(first, until)

        # Champions and sponsors leave, more often at unhappy accounts.
        for contact in list(self.contacts):
            day = some_day()
            is_key = contact["champion"] or contact["sponsor"]
            if (
                is_key
                and day is not None
                and contact in self.contacts_on(day)
                and self.chance(0.012 + 0.02 * (1 - h))
            ):
                contact["left"] = day + self.time_of_day()
                h = max(0.02, h - 0.12)
                if day + 5 < until and self.chance(0.7):
                    h, _ = self.intervene("champion_left", day + 5, h)
                replacement_day = day + int(rng.integers(20, 60))
                if self.chance(0.5) and replacement_day < cal.n_days:  # named later
                    self.add_contact(
                        contact["title"], contact["champion"], contact["sponsor"], replacement_day
                    )
        # CSM touches.
        for _ in range(int(rng.poisson(SEGMENT_TOUCHES[seg] * (0.6 + 0.6 * h)))):
            kind = self.pick(("email", "call", "meeting"), (0.5, 0.3, 0.2))
            self.activity(kind, some_day())
        if seg != "smb" and month % 3 == 0 and self.chance(0.5 + 0.4 * h):
            self.activity("qbr", some_day())
        if seg == "enterprise" and self.chance(0.08):
            self.activity("executive_briefing", some_day())
        # Support tickets: more, and more urgent, when health is low.
        for _ in range(int(rng.poisson(SEGMENT_TICKETS[seg] * (0.5 + 2.0 * (1 - h))))):
            day = some_day()
            if day is not None:
                self.ticket(day, h)
        # NPS survey wave each quarter.
        if month % 3 == 1:
            for contact in list(self.contacts):
                day = some_day()
                if day is None or not self.chance(0.3):
                    continue
                moment = day + self.time_of_day()
                if contact not in self.contacts_on(moment):
                    continue
                score = int(np.clip(round(2 + 9 * h + rng.normal(0, 1.5)), 0, 10))
                self.rows["crm_nps_responses"].append(
                    (self.next_id("N"), self.account_id, contact["id"], score, cal.ts(moment))
                )
        # Success-plan goals for mid-market and enterprise, set twice a year.
        if seg != "smb" and month % 6 == 2:
            planned = m_start + int(rng.integers(60, 150))
            done: float | None = planned + float(rng.normal(-5 + 30 * (1 - h), 10))
            if not self.chance(0.3 + 0.65 * h) or done >= cal.n_days:
                done = None
            goal = self.pick(("reduce_handling_time", "automate_reporting", "expand_to_team",
                              "integrate_crm", "roll_out_region"))  # fmt: skip
            self.rows["crm_milestones"].append(
                (self.next_id("M"), self.account_id, "success_plan_goal", goal,
                 cal.date(planned), None if done is None else cal.ts(done))
            )  # fmt: skip
        return h

    def activity(self, kind: str, day: int | None) -> None:
        if day is None:
            return
        moment = day + self.time_of_day()
        self.rows["crm_activities"].append(
            (
                self.next_id("T"),
                self.account_id,
                self.active_contact(moment),
                kind,
                self.cal.ts(moment),
                self.csm_owner,
            )
        )

    def ticket(self, day: int, h: float) -> None:
        rng = self.rng
        cal = self.cal
        moment = day + self.time_of_day()
        pressure = 1 - h
        priority = self.pick(
            ("low", "normal", "high", "urgent"),
            np.array([0.35 - 0.2 * pressure, 0.45, 0.15 + 0.1 * pressure, 0.05 + 0.1 * pressure]),
        )
        escalated = self.chance(0.02 + 0.25 * pressure**2 + (0.1 if priority == "urgent" else 0))
        first_response = moment + float(rng.exponential(0.15 if priority == "urgent" else 0.6))
        solved: float | None = first_response + float(rng.exponential(1.5 + 4 * pressure))
        if solved is not None and solved >= cal.n_days:
            solved = None
        status = "solved" if solved is not None else self.pick(("open", "pending"))
        csat = None
        if solved is not None and self.chance(0.45):
            csat = int(np.clip(round(1 + 4 * h + rng.normal(0, 0.8)), 1, 5))
        self.rows["crm_support_tickets"].append(
            (
                self.next_id("K"),
                self.account_id,
                self.active_contact(moment),
                priority,
                status,
                escalated,
                cal.ts(moment),
                cal.ts(min(first_response, cal.n_days - 1e-4)),
                None if solved is None else cal.ts(solved),
                csat,
            )
        )

    def intervene(self, trigger: str, day: int, h: float) -> tuple[float, int]:
        """Open a CS play on ``day``; a successful play lifts health. Returns (h, until_day).

        The outcome is settled in :meth:`finish_rows` from what happened: churned when the
        account churned before the play closed, recovered when it closed with the account
        retained, open when it was still running at the end of the window.
        """
        rng = self.rng
        opened = day + self.time_of_day()
        if opened >= self.cal.n_days:
            return h, day
        # Response time: mostly within a few hours, with a long tail.
        first_action = opened + float(rng.lognormal(np.log(2.5 / 24), 1.0))
        success = self.chance(0.35 + 0.45 * h)
        duration = float(rng.uniform(10, 60))
        if success:
            h = float(np.clip(h + rng.uniform(0.1, 0.25), 0.02, 0.98))
            self.mu = min(0.95, self.mu + 0.05)
        self.interventions.append(
            {
                "id": self.next_id("V"),
                "trigger": trigger,
                "opened": opened,
                "first_action": first_action,
                "close": opened + duration,
            }
        )
        return h, int(opened + duration)

    def cancellation_request(self, churn_day: int, h: float) -> tuple[float, bool]:
        """A cancellation request 5-30 days before the churn day opens a save play; a saved
        account stays and recovers a bit; otherwise the play closes on the churn day."""
        request_day = max(self.sub["start"] + 1, churn_day - int(self.rng.integers(5, 30)))
        saved = self.chance(0.25 + 0.4 * h)
        opened = request_day + self.time_of_day()
        first_action = opened + float(self.rng.lognormal(np.log(1.5 / 24), 0.8))
        close = opened + float(self.rng.uniform(5, 25)) if saved else float(churn_day)
        self.interventions.append(
            {
                "id": self.next_id("V"),
                "trigger": "cancellation_request",
                "opened": opened,
                "first_action": first_action,
                "close": max(close, first_action),
            }
        )
        if saved:
            h = float(np.clip(h + 0.15, 0.02, 0.98))
        return h, saved

    # -- output ----------------------------------------------------------------------------
    def finish_rows(self) -> dict[str, list[tuple]]:
        """Turn the mutable records into output tuples (contract column order)."""
        cal = self.cal
        out = dict(self.rows)
        out["billing_subscriptions"] = [
            (
                sub["id"],
                self.account_id,
                plan_id(sub["plan"][0], sub["plan"][1], self.currency),
                int(sub["seats"]),
                float(sub["discount"]),
                cal.ts(sub["start"]),
                None if sub["ended"] is None else cal.ts(sub["ended"]),
                sub["reason"],
                None,  # discount_amount: the demo discounts by percent only
                None,  # billed_amount: computed from the price
            )
            for sub in self.subscriptions
        ]
        out["crm_contacts"] = [
            (
                c["id"],
                self.account_id,
                c["name"],
                c["email"],
                c["title"],
                c["champion"],
                c["sponsor"],
                cal.ts(c["created"]),
                None if c["left"] is None else cal.ts(c["left"]),
            )
            for c in self.contacts
        ]
        plays = []
        for play in self.interventions:
            if not self.active_days[int(play["opened"])]:
                continue  # e.g. a payment reminder that fell after the account had left
            outcome, closed = play_outcome(play, self.churn_days, cal.n_days)
            plays.append(
                (
                    play["id"],
                    self.account_id,
                    play["trigger"],
                    PLAYBOOKS[play["trigger"]],
                    cal.ts(play["opened"]),
                    cal.ts(min(play["first_action"], cal.n_days - 1e-4)),
                    None if closed is None else cal.ts(min(closed, cal.n_days - 1e-4)),
                    outcome,
                )
            )
        out["crm_interventions"] = plays
        users = []
        for user in self.users:
            if user.created_day >= cal.n_days:
                continue
            role = "admin" if user.is_admin else self.pick(("member", "viewer"), (0.8, 0.2))
            _, email = self.person()
            # Provisioned before the working day starts, so sessions on that day follow it.
            created = user.created_day + float(self.rng.uniform(6, 7)) / 24
            deactivated = user.deactivated_day
            if deactivated is not None and deactivated >= cal.n_days:
                deactivated = None
            users.append(
                (
                    user.user_id,
                    self.account_id,
                    email,
                    role,
                    cal.ts(created),
                    None if deactivated is None else cal.ts(deactivated + self.time_of_day()),
                )
            )
        out["product_users"] = users
        return out


def next_month_health(rng: np.random.Generator, h: float, mu: float) -> float:
    """Hidden health a month later: mean reversion to ``mu``, noise, and rare shocks (reorg,
    outage, budget freeze)."""
    h += 0.25 * (mu - h) + float(rng.normal(0, 0.07))
    if rng.random() < 0.03:
        h -= float(rng.uniform(0.15, 0.3))
    return float(np.clip(h, 0.02, 0.98))


def health_trigger(h: float, prev_h: float, declines: int) -> str | None:
    """The risk signal a CSM sees this month (a standard trigger_reason), if any."""
    if h < prev_h - 0.2:
        return "health_drop"
    if h < 0.35:
        return "red_zone"
    if h < 0.5 <= prev_h:
        return "orange_zone"
    if declines >= 3:
        return "consecutive_decline"
    return None


def play_outcome(play: dict, churn_days: list[int], n_days: int) -> tuple[str, float | None]:
    """A CS play's outcome and close time (day offset) from what happened: churned when the
    account churned before the play closed, recovered when it closed with the account retained,
    open when it was still running at the end of the window."""
    churned = [d for d in churn_days if play["opened"] < d <= play["close"] + 1]
    if churned:
        return "churned", max(float(churned[0]), play["first_action"])
    if play["close"] < n_days:
        return "recovered", play["close"]
    return "open", None


def add_day(cal: Calendar, day: int, months: int) -> int:
    """Day offset ``months`` calendar months after day offset ``day``."""
    return (add_months(cal.date(day), months) - cal.start).days


def simulate_account(config: GeneratorConfig, cal: Calendar, number: int) -> AccountResult:
    """Simulate one account (1-based ``number``) and return its rows and timeline."""
    sim = AccountSimulator(config, cal, number)
    result = sim.run()
    result.rows = sim.finish_rows()
    return result
