"""Product events drawn from an account's daily timeline, vectorised with numpy.

A provisioned user is active on a day with a probability that rises with the account's hidden
health (and falls at weekends); an active user-day is a session: ``session_started`` and then
feature use and workflows, whose completion rate also follows health. Accounts with an
integration send ``api_call`` events that grow over time. Late, duplicated and orphan events
are injected at the configured defect rates.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from cs_analytics.generator.config import GeneratorConfig
from cs_analytics.generator.simulate import Timeline

EVENT_NAMES = (
    "session_started",
    "feature_used",
    "workflow_started",
    "workflow_completed",
    "api_call",
)
# Core features in order of popularity: an account adopting k features uses the first k most.
CORE_FEATURES = (
    "dashboards",
    "reports",
    "alerts",
    "collaboration",
    "automations",
    "data_import",
    "integrations",
    "admin_console",
)
FEATURES = (*CORE_FEATURES, "workflows", "api")
BASE_DAILY_ACTIVITY = 0.045
SESSION_STARTED, FEATURE_USED, WORKFLOW_STARTED, WORKFLOW_COMPLETED, API_CALL = range(5)
NO_FEATURE = -1
WORKFLOW_FEATURE = FEATURES.index("workflows")
API_FEATURE = FEATURES.index("api")

COLUMNS = (
    "account_number",
    "user_number",
    "event_code",
    "feature_code",
    "occurred_s",
    "received_s",
    "duration_seconds",
    "sequence",
)


def account_events(config: GeneratorConfig, timeline: Timeline) -> dict[str, np.ndarray]:
    """All events of one account as numeric columns (see :data:`COLUMNS`).

    Times are seconds from the window start. Rows are sorted by occurrence; a duplicate
    delivery keeps its original ``sequence`` (and so its event_id).
    """
    rng = np.random.default_rng([config.seed, timeline.account_number, 1])
    days, health, active_day = account_days(timeline)
    day_factor = np.where((config.start_date.weekday() + days) % 7 < 5, 1.0, 0.15)
    users = timeline.users
    if not users or not active_day.any():
        return _empty()
    n_days = len(days)
    propensity, user_numbers, alive = user_grid(timeline)

    # Probability that user u is active on day d.
    p = (
        BASE_DAILY_ACTIVITY
        * config.user_activity
        * propensity[:, None]
        * (day_factor * (0.15 + 1.5 * health**2))[None, :]
    )
    p = np.clip(p, 0.0, 0.95) * (alive & active_day[None, :])
    s_user, s_day = np.nonzero(rng.random(p.shape) < p)
    n_sessions = len(s_day)
    s_health = health[s_day]

    # Session composition.
    extra = rng.poisson((config.events_per_session - 1.0) * (0.5 + s_health))
    start_s = s_day * 86400 + rng.uniform(7 * 3600, 19 * 3600, n_sessions).astype(np.int64)
    o_session = np.repeat(np.arange(n_sessions), extra)
    n_other = len(o_session)
    o_health = s_health[o_session]
    is_workflow = rng.random(n_other) < 0.35
    breadth = np.maximum(timeline.feature_breadth[s_day[o_session]], 1)
    feature_index = np.minimum((rng.random(n_other) ** 1.6 * breadth).astype(np.int64), breadth - 1)
    o_code = np.where(is_workflow, WORKFLOW_STARTED, FEATURE_USED)
    o_feature = np.where(is_workflow, WORKFLOW_FEATURE, feature_index)
    o_offset = rng.exponential(120.0, n_other).astype(np.int64) + 5
    o_duration = np.where(
        is_workflow, 0, rng.exponential(90.0 * (0.5 + o_health)).astype(np.int64) + 1
    )
    # Workflow completions follow their start; the completion rate follows health.
    completes = is_workflow & (rng.random(n_other) < 0.3 + 0.65 * o_health)
    c_source = np.nonzero(completes)[0]
    c_duration = rng.exponential(240.0 * (1.5 - o_health[c_source])).astype(np.int64) + 10

    # Offsets within a session: cumulative, so events follow each other.
    order = np.argsort(o_session, kind="stable")
    cum = np.cumsum(o_offset[order])
    first_of_session = np.searchsorted(o_session[order], o_session[order], side="left")
    base = np.concatenate([[0], cum])[first_of_session]
    offsets = np.empty(n_other, dtype=np.int64)
    offsets[order] = cum - base
    o_time = start_s[o_session] + offsets
    c_time = o_time[c_source] + c_duration

    session_len = np.bincount(o_session, weights=o_offset, minlength=n_sessions).astype(np.int64)

    # API calls: integration accounts, more on healthy days, growing over the window.
    api_lambda = (
        timeline.api_intensity
        * config.events_per_session
        * health
        * (0.5 + days / n_days)
        * active_day
    )
    # The integration runs under the first admin provisioned that day (else the first user).
    admins_first = np.argsort([not u.is_admin for u in users], kind="stable")
    alive_ordered = alive[admins_first]
    api_user_by_day = user_numbers[admins_first][alive_ordered.argmax(axis=0)]
    api_lambda = api_lambda * alive_ordered.any(axis=0)
    n_api = rng.poisson(api_lambda) if timeline.api_intensity > 0 else np.zeros(n_days, int)
    a_day = np.repeat(days, n_api)
    a_time = a_day * 86400 + rng.integers(7 * 3600, 86400, len(a_day))
    a_user = api_user_by_day[a_day]

    user_number = np.concatenate(
        [
            user_numbers[s_user],
            user_numbers[s_user[o_session]],
            user_numbers[s_user[o_session[c_source]]],
            a_user,
        ]
    )
    code = np.concatenate(
        [
            np.full(n_sessions, SESSION_STARTED),
            o_code,
            np.full(len(c_source), WORKFLOW_COMPLETED),
            np.full(len(a_day), API_CALL),
        ]
    )
    feature = np.concatenate(
        [
            np.full(n_sessions, NO_FEATURE),
            o_feature,
            np.full(len(c_source), WORKFLOW_FEATURE),
            np.full(len(a_day), API_FEATURE),
        ]
    )
    occurred = np.concatenate([start_s, o_time, c_time, a_time]).astype(np.int64)
    duration = np.concatenate(
        [session_len, o_duration, c_duration, rng.integers(1, 5, len(a_day))]
    ).astype(np.int32)

    # Only what happened inside the window.
    window_end = n_days * 86400
    keep = occurred < window_end
    user_number, code, feature, occurred, duration = (
        a[keep] for a in (user_number, code, feature, occurred, duration)
    )
    order = np.lexsort((code, user_number, occurred))
    user_number, code, feature, occurred, duration = (
        a[order] for a in (user_number, code, feature, occurred, duration)
    )
    return delivered(
        config, rng, timeline.account_number, user_number, code, feature, occurred, duration
    )


def delivered(
    config: GeneratorConfig,
    rng: np.random.Generator,
    account_number: int,
    user_number: np.ndarray,
    code: np.ndarray,
    feature: np.ndarray,
    occurred: np.ndarray,
    duration: np.ndarray,
) -> dict[str, np.ndarray]:
    """The events of one account (sorted by occurrence, numbered in that order) as delivered:
    received seconds to minutes later, a share 1-4 days late, some with an orphan account and
    some twice (at the configured defect rates); only what arrived by the window's end, in
    :data:`COLUMNS`, sorted by delivery."""
    n = len(occurred)
    sequence = np.arange(1, n + 1, dtype=np.int64)
    window_end = config.n_days * 86400
    # Delivery: seconds to minutes normally; a share arrives 1-4 days late.
    rates = config.defect_rates
    delay = rng.lognormal(np.log(30.0), 1.0, n).astype(np.int64) + 1
    late = rng.random(n) < rates["late_event"]
    delay[late] = rng.integers(86400, 4 * 86400, late.sum())
    received = occurred + delay
    account = np.full(n, account_number, dtype=np.int64)
    orphan = rng.random(n) < rates["orphan_event_account"]
    account[orphan] = config.accounts + 1 + rng.integers(0, 1000, orphan.sum())

    # Duplicates: the same event delivered again, minutes to hours later.
    dup = np.nonzero(rng.random(n) < rates["duplicate_event"])[0]
    redelivery = received[dup] + rng.integers(60, 6 * 3600, len(dup))
    columns = {
        "account_number": np.concatenate([account, account[dup]]),
        "user_number": np.concatenate([user_number, user_number[dup]]),
        "event_code": np.concatenate([code, code[dup]]).astype(np.int8),
        "feature_code": np.concatenate([feature, feature[dup]]).astype(np.int8),
        "occurred_s": np.concatenate([occurred, occurred[dup]]),
        "received_s": np.concatenate([received, redelivery]),
        "duration_seconds": np.concatenate([duration, duration[dup]]),
        "sequence": np.concatenate([sequence, sequence[dup]]),
    }
    # A delivery after the extract (end of window) has not arrived yet: it is not in the data.
    arrived = columns["received_s"] < window_end
    order = np.lexsort((columns["received_s"], columns["sequence"]))
    order = order[arrived[order]]
    return {name: values[order] for name, values in columns.items()}


def account_days(timeline: Timeline) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Day offsets of the window, the hidden health per day (0 when not active) and whether
    the account is active (subscribed, health known) that day."""
    days = np.arange(len(timeline.active))
    health = np.nan_to_num(timeline.health, nan=0.0)
    return days, health, timeline.active & (health > 0)


def user_grid(timeline: Timeline) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per provisioned user: propensity and user number; and whether user u exists on day d."""
    users = timeline.users
    n_days = len(timeline.active)
    days = np.arange(n_days)
    created = np.array([u.created_day for u in users])
    ended = np.array([n_days if u.deactivated_day is None else u.deactivated_day for u in users])
    propensity = np.array([u.propensity for u in users])
    user_numbers = np.array([int(u.user_id.rsplit("-", 1)[1]) for u in users])
    alive = (days[None, :] >= created[:, None]) & (days[None, :] < ended[:, None])
    return propensity, user_numbers, alive


def _empty() -> dict[str, np.ndarray]:
    return {name: np.zeros(0, dtype=np.int64) for name in COLUMNS}


# The contract's timestamps are instants in UTC (timestamptz).
UTC_MICROS = pa.timestamp("us", tz="UTC")


@dataclass(frozen=True)
class IdFormat:
    """How a company spells its ids: event <event><owner><event_sep><sequence>, account
    <account><number>, user <user><owner>-<user number> (numbers zero-padded)."""

    event: str = "E"
    event_sep: str = "-"
    sequence_width: int = 7
    account: str = "A"
    user: str = "U"


def to_arrow(
    config: GeneratorConfig,
    parts: list[tuple[int, dict[str, np.ndarray]]],
    event_names: tuple[str, ...] = EVENT_NAMES,
    feature_names: tuple[str, ...] = FEATURES,
    ids: IdFormat = IdFormat(),
) -> pa.Table:
    """Contract-shaped Arrow table of the events of several accounts.

    ``parts`` pairs each account number (the owner of the ids) with its numeric columns; event
    and feature codes index ``event_names`` and ``feature_names`` (-1: no feature).
    """
    owner = np.concatenate(
        [np.full(len(cols["sequence"]), number, dtype=np.int64) for number, cols in parts]
    ) if parts else np.zeros(0, dtype=np.int64)  # fmt: skip
    merged = {
        name: np.concatenate([cols[name] for _, cols in parts]) if parts else np.zeros(0)
        for name in COLUMNS
    }

    def padded(values: np.ndarray, width: int) -> pa.Array:
        return pc.utf8_lpad(pa.array(values.astype(np.int64)).cast(pa.string()), width, "0")

    owner_str = padded(owner, 5)
    sequence = padded(merged["sequence"], ids.sequence_width)
    event_id = pc.binary_join_element_wise(ids.event, owner_str, ids.event_sep, sequence, "")
    account_id = pc.binary_join_element_wise(ids.account, padded(merged["account_number"], 5), "")
    user_number = padded(merged["user_number"], 4)
    user_id = pc.binary_join_element_wise(ids.user, owner_str, "-", user_number, "")
    names = np.array(event_names, dtype=object)[merged["event_code"].astype(np.int64)]
    feature_codes = merged["feature_code"].astype(np.int64)
    features = np.array((*feature_names, None), dtype=object)[
        np.where(feature_codes < 0, len(feature_names), feature_codes)
    ]
    start = np.datetime64(config.start_date, "s")
    occurred = start + merged["occurred_s"].astype("timedelta64[s]")
    received = start + merged["received_s"].astype("timedelta64[s]")
    return pa.table(
        {
            "event_id": event_id,
            "account_id": account_id,
            "user_id": user_id,
            "event_name": pa.array(names, type=pa.string()),
            "feature": pa.array(features, type=pa.string()),
            "occurred_at": pa.array(occurred.astype("datetime64[us]"), type=UTC_MICROS),
            "received_at": pa.array(received.astype("datetime64[us]"), type=UTC_MICROS),
            "duration_seconds": pa.array(merged["duration_seconds"].astype(np.int32)),
        }
    )
