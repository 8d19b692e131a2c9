"""Product events of the ``product_led`` profile: heavy usage, its own 25 event names.

Unlike the demo's five generic events, the product-led company tracks what its users do in the
app (``board_viewed``, ``item_created``, ``automation_run_succeeded``, ...). The meaning of each
name for the models (feature, role, core-feature flag) is not in the events: it is in the
company's event taxonomy (:data:`EVENT_TAXONOMY`, written as the ``event_taxonomy`` table).

A provisioned user is active on a working day with a probability that rises with the account's
hidden health; an active user-day holds one to a few sessions and tens of events. Which core
features appear follows the account's adoption breadth, the automation success rate follows
health, and connected integrations send API requests and webhooks that grow with the account.
Late, duplicated and orphan events come at the configured defect rates, as in the demo.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from cs_analytics.generator.config import GeneratorConfig
from cs_analytics.generator.events import COLUMNS, IdFormat, account_days, delivered, user_grid
from cs_analytics.generator.events import to_arrow as events_table
from cs_analytics.generator.simulate import Calendar, Timeline

# Core features in order of adoption: an account adopting k features uses the first k.
CORE_FEATURES = (
    "boards",
    "tasks",
    "docs",
    "dashboards",
    "timeline",
    "forms",
    "automations",
    "integrations",
)

# event_name -> (taxonomy feature or None = the event's own feature column, role, is_core).
EVENT_TAXONOMY: dict[str, tuple[str | None, str | None, bool]] = {
    "app_opened": (None, "session_start", False),
    "mobile_app_opened": ("mobile", "session_start", False),
    "board_viewed": ("boards", "feature_use", True),
    "board_created": ("boards", "feature_use", True),
    "item_created": (None, "feature_use", True),
    "item_updated": (None, "feature_use", True),
    "task_completed": ("tasks", "feature_use", True),
    "doc_edited": ("docs", "feature_use", True),
    "dashboard_viewed": ("dashboards", "feature_use", True),
    "report_exported": ("dashboards", "value_moment", True),
    "timeline_viewed": ("timeline", "feature_use", True),
    "form_submitted": ("forms", "feature_use", True),
    "automation_created": ("automations", "feature_use", True),
    "automation_run_started": ("automations", "workflow_started", False),
    "automation_run_succeeded": ("automations", "workflow_completed", False),
    "automation_run_failed": ("automations", None, False),
    "integration_connected": ("integrations", "feature_use", True),
    "api_request": ("api", "api_call", False),
    "webhook_delivered": ("api", "api_call", False),
    "project_completed": (None, "value_moment", True),
    "comment_posted": ("comments", "feature_use", False),
    "search_performed": ("search", "feature_use", False),
    "member_invited": ("admin", "feature_use", False),
    "settings_changed": ("admin", None, False),
    "notification_opened": ("notifications", None, False),
}
EVENT_NAMES = tuple(EVENT_TAXONOMY)
CODE = {name: i for i, name in enumerate(EVENT_NAMES)}
# What the app writes in the raw feature column: the taxonomy's feature, except for the generic
# events (taxonomy feature null: the raw column says where it happened) and the API events,
# whose raw feature is the endpoint family (the taxonomy maps both to `api`).
RAW_FEATURE_OVERRIDE = {"api_request": "rest_v2", "webhook_delivered": "webhooks"}
GENERIC_EVENT_FEATURES = {
    "item_created": ("boards", "tasks", "docs", "forms"),
    "item_updated": ("boards", "tasks", "docs"),
    "project_completed": ("boards", "timeline"),
}

# In-app events by the core feature they exercise (a user-day draws from the adopted ones).
FEATURE_EVENTS = {
    "boards": ("board_viewed", "board_viewed", "board_created", "item_created", "item_updated"),
    "tasks": ("task_completed", "item_created", "item_updated", "item_updated"),
    "docs": ("doc_edited", "doc_edited", "item_created"),
    "dashboards": ("dashboard_viewed", "dashboard_viewed", "report_exported"),
    "timeline": ("timeline_viewed", "project_completed"),
    "forms": ("form_submitted", "item_created"),
    "automations": ("automation_created",),
    "integrations": ("integration_connected",),
}
# Events any user emits whatever the account adopted, with their share of a user-day's events.
AMBIENT_EVENTS = {
    "comment_posted": 0.10,
    "search_performed": 0.06,
    "notification_opened": 0.08,
    "settings_changed": 0.01,
    "member_invited": 0.005,
}
BASE_ACTIVE_PROBABILITY = 0.6  # an engaged, fully healthy, average user on a working day
BASE_EVENTS_PER_DAY = 8.0  # events of an active user-day at zero health, plus 32 at full health
WORKFLOW_SHARE = 0.08  # automation runs among a user-day's events (accounts using automations)


def taxonomy_rows() -> list[dict]:
    """The ``event_taxonomy`` table: one row per event name."""
    return [
        {"event_name": name, "feature": feature, "role": role, "is_core_feature": core}
        for name, (feature, role, core) in EVENT_TAXONOMY.items()
    ]


def _event_table() -> tuple[np.ndarray, np.ndarray]:
    """Per adopted breadth k (0..8): the event codes drawable and their weights."""
    codes, weights = [], []
    for k in range(len(CORE_FEATURES) + 1):
        names: list[str] = []
        for feature in CORE_FEATURES[: max(k, 1)]:
            names.extend(FEATURE_EVENTS[feature])
        c = [CODE[n] for n in names] + [CODE[n] for n in AMBIENT_EVENTS]
        share_in_app = 1.0 - sum(AMBIENT_EVENTS.values())
        w = [share_in_app / len(names)] * len(names) + list(AMBIENT_EVENTS.values())
        codes.append(c)
        weights.append(w)
    width = max(len(c) for c in codes)
    code_table = np.full((len(codes), width), -1, dtype=np.int64)
    cum_table = np.ones((len(codes), width))
    for k, (c, w) in enumerate(zip(codes, weights, strict=True)):
        code_table[k, : len(c)] = c
        cum_table[k, : len(w)] = np.cumsum(w) / np.sum(w)
        cum_table[k, len(w) - 1] = 1.0  # exact: a draw below 1 never lands in the padding
    return code_table, cum_table


CODE_TABLE, CUM_TABLE = _event_table()
FEATURE_NAMES = (
    *CORE_FEATURES,
    "mobile",
    "api",
    "rest_v2",
    "webhooks",
    "comments",
    "search",
    "admin",
    "notifications",
)
FEATURE_CODE = {name: i for i, name in enumerate(FEATURE_NAMES)}
NO_FEATURE = -1
IDS = IdFormat(event="ev_", event_sep="_", sequence_width=8, account="acct_", user="usr_")


def _raw_feature_codes(codes: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The raw feature column of each event code (generic events pick where they happened)."""
    fixed = np.full(len(EVENT_NAMES), NO_FEATURE, dtype=np.int64)
    for name, (feature, _, _) in EVENT_TAXONOMY.items():
        raw = RAW_FEATURE_OVERRIDE.get(name, feature)
        if raw is not None:
            fixed[CODE[name]] = FEATURE_CODE[raw]
    out = fixed[codes]
    for name, places in GENERIC_EVENT_FEATURES.items():
        where = np.nonzero(codes == CODE[name])[0]
        choice = np.array([FEATURE_CODE[p] for p in places])
        out[where] = choice[rng.integers(0, len(places), len(where))]
    return out


def account_events(config: GeneratorConfig, timeline: Timeline) -> dict[str, np.ndarray]:
    """All events of one account as numeric columns (see :data:`COLUMNS`), sorted by delivery;
    times in seconds from the window start; a duplicate keeps its original ``sequence``."""
    rng = np.random.default_rng([config.seed, timeline.account_number, 1])
    days, health, active_day = account_days(timeline)
    users = timeline.users
    if not users or not active_day.any():
        return {name: np.zeros(0, dtype=np.int64) for name in COLUMNS}
    n_days = len(days)
    day_factor = np.where((config.start_date.weekday() + days) % 7 < 5, 1.0, 0.1)
    propensity, user_numbers, alive = user_grid(timeline)

    # Engaged users per month: in a declining account more of its users stop using the app
    # (licensed but dormant), so seat utilisation and active users carry the health signal.
    month = np.searchsorted(Calendar(config).month_starts, days, side="right") - 1
    month_health = np.bincount(month, weights=health) / np.maximum(np.bincount(month), 1)
    engaged_p = np.clip(
        (0.05 + 0.95 * month_health[None, :] ** 1.5) * np.sqrt(propensity)[:, None], 0.0, 0.98
    )
    engaged = (rng.random(engaged_p.shape) < engaged_p)[:, month]
    # Active user-days of engaged users: the probability follows health too.
    p = (
        BASE_ACTIVE_PROBABILITY
        * config.user_activity
        * propensity[:, None]
        * (day_factor * (0.3 + 0.7 * health))[None, :]
    )
    p = np.clip(p, 0.0, 0.97) * (alive & engaged & active_day[None, :])
    ud_user, ud_day = np.nonzero(rng.random(p.shape) < p)
    n_ud = len(ud_day)
    ud_health = health[ud_day]

    # Sessions of a user-day, then its events spread over them.
    n_sessions = 1 + rng.poisson(0.3 + 1.2 * ud_health)
    s_ud = np.repeat(np.arange(n_ud), n_sessions)
    s_start = ud_day[s_ud] * 86400 + rng.uniform(7 * 3600, 20 * 3600, len(s_ud)).astype(np.int64)
    s_code = np.where(rng.random(len(s_ud)) < 0.25, CODE["mobile_app_opened"], CODE["app_opened"])
    lam = BASE_EVENTS_PER_DAY * (1 + 4 * ud_health) * propensity[ud_user]
    n_events = rng.poisson(lam)
    e_ud = np.repeat(np.arange(n_ud), n_events)
    first_session = np.concatenate([[0], np.cumsum(n_sessions)[:-1]])
    e_session = first_session[e_ud] + rng.integers(0, n_sessions[e_ud])
    n_e = len(e_ud)
    e_health = ud_health[e_ud]
    breadth = timeline.feature_breadth[ud_day[e_ud]].astype(np.int64)
    draw = rng.random(n_e)
    e_code = np.empty(n_e, dtype=np.int64)
    for k in np.unique(breadth):
        at = breadth == k
        e_code[at] = CODE_TABLE[k, np.searchsorted(CUM_TABLE[k], draw[at], side="right")]
    # Automation runs replace a share of the events at accounts that adopted automations.
    uses_automation = breadth > CORE_FEATURES.index("automations")
    is_run = uses_automation & (rng.random(n_e) < WORKFLOW_SHARE)
    e_code = np.where(is_run, CODE["automation_run_started"], e_code)
    e_gap = rng.exponential(45.0, n_e).astype(np.int64) + 2
    e_duration = rng.exponential(20.0 + 60.0 * e_health).astype(np.int64) + 1
    # Each run succeeds or fails a little later; the success rate follows health.
    runs = np.nonzero(is_run)[0]
    succeeded = rng.random(len(runs)) < 0.35 + 0.6 * e_health[runs]
    r_code = np.where(succeeded, CODE["automation_run_succeeded"], CODE["automation_run_failed"])
    r_duration = rng.exponential(30.0 * (1.5 - e_health[runs])).astype(np.int64) + 1

    # Offsets within a session: cumulative gaps, so its events follow each other.
    order = np.argsort(e_session, kind="stable")
    cum = np.cumsum(e_gap[order])
    first_of = np.searchsorted(e_session[order], e_session[order], side="left")
    offsets = np.empty(n_e, dtype=np.int64)
    offsets[order] = cum - np.concatenate([[0], cum])[first_of]
    e_time = s_start[e_session] + offsets
    r_time = e_time[runs] + r_duration
    s_len = np.bincount(e_session, weights=e_gap, minlength=len(s_ud)).astype(np.int64)

    # Integrations: API requests and webhooks, more at healthy and growing accounts.
    live_users = alive.sum(axis=0)
    api_lambda = (
        timeline.api_intensity
        * config.user_activity
        * live_users
        * health
        * (0.5 + days / n_days)
        * active_day
    )
    n_api = rng.poisson(api_lambda)
    a_day = np.repeat(days, n_api)
    a_time = a_day * 86400 + rng.integers(0, 86400, len(a_day))
    a_code = np.where(rng.random(len(a_day)) < 0.7, CODE["api_request"], CODE["webhook_delivered"])
    admins_first = np.argsort([not u.is_admin for u in users], kind="stable")
    api_user_by_day = user_numbers[admins_first][alive[admins_first].argmax(axis=0)]

    user_number = np.concatenate(
        [
            user_numbers[ud_user[s_ud]],
            user_numbers[ud_user[e_ud]],
            user_numbers[ud_user[e_ud[runs]]],
            api_user_by_day[a_day],
        ]
    )
    code = np.concatenate([s_code, e_code, r_code, a_code]).astype(np.int64)
    occurred = np.concatenate([s_start, e_time, r_time, a_time]).astype(np.int64)
    duration = np.concatenate(
        [s_len, np.where(is_run, 0, e_duration), r_duration, rng.integers(1, 3, len(a_day))]
    ).astype(np.int32)
    keep = occurred < n_days * 86400
    user_number, code, occurred, duration = (
        a[keep] for a in (user_number, code, occurred, duration)
    )
    order = np.lexsort((code, user_number, occurred))
    user_number, code, occurred, duration = (
        a[order] for a in (user_number, code, occurred, duration)
    )
    feature = _raw_feature_codes(code, rng)
    return delivered(
        config, rng, timeline.account_number, user_number, code, feature, occurred, duration
    )


def to_arrow(config: GeneratorConfig, parts: list[tuple[int, dict[str, np.ndarray]]]) -> pa.Table:
    """Contract-shaped ``product_events`` of several accounts (pairs of owner number and the
    numeric columns of :func:`account_events`), in the company's own ids."""
    return events_table(config, parts, EVENT_NAMES, FEATURE_NAMES, IDS)
