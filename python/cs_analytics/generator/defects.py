"""Real-world defects injected into the non-event raw tables at documented rates.

See :data:`cs_analytics.generator.config.DEFAULT_DEFECT_RATES`. Each account uses its own
random stream, so the defects do not depend on chunking. Event defects (late, duplicate and
orphan events) are drawn in :mod:`cs_analytics.generator.events`.
"""

from __future__ import annotations

import numpy as np

from cs_analytics.contract import all_tables


def malformed(email: str, rng: np.random.Generator) -> str:
    """A plausible typing or export error applied to a valid address."""
    local, domain = email.split("@", 1)
    variants = (
        f"{local}{domain}",  # lost the @
        f"{local}@@{domain}",
        f"{local} @{domain}",
        f"{local}@",
        "n/a",
    )
    return variants[int(rng.integers(0, len(variants)))]


def mess_up_case(email: str) -> str:
    """Mixed case, as typed by a person: not a defect, staging lower-cases it."""
    local, domain = email.split("@", 1)
    return f"{local.title()}@{domain.capitalize()}"


def apply_row_defects(
    rows: dict[str, list[tuple]],
    rng: np.random.Generator,
    rates: dict[str, float],
    n_accounts: int,
) -> dict[str, list[tuple]]:
    """Return a copy of one account's rows with defects applied (by column name)."""
    columns = {name: list(cols) for name, cols in all_tables().items()}
    out: dict[str, list[tuple]] = {}

    def orphan_id() -> str:
        return f"A{n_accounts + 1 + int(rng.integers(0, 1000)):05d}"

    for table, table_rows in rows.items():
        cols = columns[table]
        new_rows = []
        for row in table_rows:
            record = list(row)
            if "email" in cols:
                i = cols.index("email")
                u = rng.random()
                if u < rates["missing_email"]:
                    record[i] = None
                elif u < rates["missing_email"] + rates["malformed_email"]:
                    record[i] = malformed(record[i], rng)
                elif u < rates["missing_email"] + rates["malformed_email"] + 0.05:
                    record[i] = mess_up_case(record[i])
            if table == "crm_support_tickets" and rng.random() < rates["orphan_ticket_account"]:
                record[cols.index("account_id")] = orphan_id()
            if table == "billing_invoices":
                if rng.random() < rates["orphan_invoice_account"]:
                    record[cols.index("account_id")] = orphan_id()
                if rng.random() < rates["negative_invoice_amount"]:
                    for name in ("amount_due", "amount_paid"):
                        record[cols.index(name)] = -record[cols.index(name)]
            if "currency" in cols and rng.random() < 0.02:
                record[cols.index("currency")] = record[cols.index("currency")].lower()
            new_rows.append(tuple(record))
        out[table] = new_rows
    return out
